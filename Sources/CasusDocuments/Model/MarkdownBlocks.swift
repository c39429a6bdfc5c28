import Foundation

/// Turns the Markdown a researcher writes a narrative in into document blocks: headings,
/// paragraphs, block quotes, lists, emphasis. HTML comments (lint directives) are dropped.
public enum MarkdownBlocks {
    /// - Parameter headingOffset: added to every heading level, so a narrative's `#` nests under the report's chapter.
    public static func parse(_ markdown: String, headingOffset: Int = 0, anchorPrefix: String = "n") -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var quote: [String] = []
        var items: [String] = []
        var ordered = false
        var headingCount = 0

        func flush() {
            if !paragraph.isEmpty {
                blocks.append(.paragraph(inlines(paragraph.joined(separator: " ")))); paragraph = []
            }
            if !quote.isEmpty {
                blocks.append(.quote(text: inlines(quote.joined(separator: " ")), speaker: nil, source: nil));
                quote = []
            }
            if !items.isEmpty { blocks.append(.list(ordered: ordered, items: items.map(inlines))); items = [] }
        }

        for rawLine in withoutComments(markdown).split(separator: "\n", omittingEmptySubsequences: false) {
            let raw = String(rawLine)
            let line = trimmed(rawLine)
            if line.isEmpty { flush(); continue }
            if let level = headingLevel(line) {
                flush()
                headingCount += 1
                let text = String(line.drop(while: { $0 == "#" })).trimmingCharacters(in: .whitespaces)
                blocks.append(
                    .heading(
                        level: min(4, level + headingOffset), text: inlines(text),
                        anchor: "\(anchorPrefix)-\(headingCount)"))
            } else if line.hasPrefix(">") {
                if !paragraph.isEmpty || !items.isEmpty { flush() }
                quote.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
            } else if let item = listItem(line) {
                if !paragraph.isEmpty || !quote.isEmpty || (!items.isEmpty && ordered != item.ordered) { flush() }
                ordered = item.ordered
                items.append(item.text)
            } else if !items.isEmpty && raw.hasPrefix("  ") {
                items[items.count - 1] += " " + line
            } else {
                if !quote.isEmpty || !items.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }

    /// Emphasis (`*x*`, `_x_`) and strong (`**x**`, `__x__`); everything else is text.
    public static func inlines(_ text: String) -> [Inline] {
        // Plain text (most of a narrative) needs no scanning.
        if !text.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F || $0 == 0x5C }) {
            return text.isEmpty ? [] : [.text(text)]
        }
        var result: [Inline] = []
        var buffer = ""
        let chars = Array(text)
        var i = 0
        func flushText() { if !buffer.isEmpty { result.append(.text(buffer)); buffer = "" } }
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "*_\\`".contains(chars[i + 1]) {
                buffer.append(chars[i + 1]); i += 2; continue
            }
            if c == "*" || c == "_" {
                let double = i + 1 < chars.count && chars[i + 1] == c
                let marker = double ? String([c, c]) : String(c)
                // `_` inside a word is a character, not markup.
                let inWord = c == "_" && i > 0 && chars[i - 1].isLetter
                if !inWord, let end = closing(chars, from: i + marker.count, marker: marker), end > i + marker.count {
                    flushText()
                    let inner = inlines(String(chars[(i + marker.count)..<end]))
                    result.append(double ? .strong(inner) : .emphasis(inner))
                    i = end + marker.count
                    continue
                }
            }
            buffer.append(c)
            i += 1
        }
        flushText()
        return result
    }

    /// Spaces, tabs and a carriage return off both ends, without Foundation's slower trimming.
    static func trimmed(_ line: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" }
        guard let first = line.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = line.lastIndex(where: { !isBlank($0) })!
        return String(line[first...last])
    }

    private static func closing(_ chars: [Character], from start: Int, marker: String) -> Int? {
        let m = Array(marker)
        var j = start
        while j + m.count <= chars.count {
            if Array(chars[j..<(j + m.count)]) == m, j > start, !chars[j - 1].isWhitespace {
                if m.count == 1, j + 1 < chars.count, chars[j + 1] == m[0] { j += 2; continue }
                return j
            }
            j += 1
        }
        return nil
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes), line.count > hashes, line[line.index(line.startIndex, offsetBy: hashes)] == " "
        else { return nil }
        return hashes
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") {
            return (false, String(line.dropFirst(2)))
        }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return (true, String(rest.dropFirst(2))) }
        }
        return nil
    }

    private static func withoutComments(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest.range(of: "-->", range: open.upperBound..<rest.endIndex) else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
