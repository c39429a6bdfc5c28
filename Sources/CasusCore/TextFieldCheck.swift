import Foundation

/// Finds text that storage would not keep intact or that no person typed: NUL and the other C0
/// control characters (tab, line feed and carriage return excepted). Visits every string of a dossier
/// through its Codable encoding (`StringVisitor`), so a new field is covered without being named here.
enum TextFieldCheck {
    /// Whether `byte` is a control character casus refuses in stored text.
    static func isRefusedControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F
    }

    /// The first refused control character in `text`, as its code and its character position.
    static func firstRefusedControl(in text: String) -> (code: UInt8, position: Int)? {
        var position = 0
        for byte in text.utf8 {
            if isRefusedControl(byte) { return (byte, position) }
            if byte & 0xC0 != 0x80 { position += 1 }
        }
        return nil
    }

    /// One problem per field holding a refused character, naming the field by its path in the dossier.
    static func problems(in dossier: Dossier) -> [Localized] {
        let visitor = StringVisitor()
        try? dossier.encode(to: visitor)
        return visitor.found.map { path, code, position in
            let name = String(format: "U+%04X", code)
            let what = code == 0 ? "NUL" : name
            return Localized(
                nl:
                    "\(path): bevat het stuurteken \(what) (\(name)) op teken \(position + 1). Haal het weg; casus bewaart alleen tab en regeleinde als stuurteken.",
                en:
                    "\(path): holds the control character \(what) (\(name)) at character \(position + 1). Remove it; tab and line breaks are the only control characters casus keeps."
            )
        }
    }
}

/// Cutting values for messages, so a 65 kB line or a 10,000-character id is never echoed whole.
public enum Excerpt {
    /// `text` with controls shown as `?`, cut to `limit` characters with an ellipsis.
    public static func cut(_ text: String, to limit: Int = 80) -> String {
        var result = String.UnicodeScalarView()
        var count = 0
        // Scalars, not characters: a cluster of thousands of combining marks costs no more than its length.
        for scalar in text.unicodeScalars {
            if count == limit { return String(result) + "…" }
            result.append(scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar)
            count += 1
        }
        return String(result)
    }

    /// A message made safe to show: every line cut to 300 characters and every run without a space
    /// (an id, a path, a base64 blob) to 120, so no input is echoed whole.
    public static func forMessage(_ text: String) -> String {
        guard text.utf8.count > 120 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map { word in
                word.unicodeScalars.count > 120 ? cut(String(word), to: 80) : String(word)
            }
            return cut(words.joined(separator: " "), to: 300)
        }.joined(separator: "\n")
    }
}

extension String {
    /// The value cut to 40 characters for an error message.
    public var excerpt: String { Excerpt.cut(self, to: 40) }
}
