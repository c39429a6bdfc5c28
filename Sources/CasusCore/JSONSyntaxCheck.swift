import Foundation

/// Reads a JSON document's structure before Foundation decodes it, to say *where* it is broken
/// (line and column, as the YAML errors do) and to refuse what Foundation would accept silently:
/// duplicate keys in one object (where the first would win) and nesting deeper than
/// `InputLimits.jsonDepth`.
public enum JSONSyntaxCheck {
    /// A problem with its place in the file; `line` and `column` count from 1, columns in characters.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: Localized

        public var description: String { "line \(line), column \(column): \(message.en)" }
    }

    /// Throws the first problem found; returns when the document is well-formed JSON.
    public static func check(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            try scanner.document()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var p = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func document() throws {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { p = 3 }
            skipSpace()
            try value()
            skipSpace()
            if p < bytes.count {
                throw fail(
                    nl: "na het einde van het document staat nog tekst",
                    en: "there is more text after the end of the document")
            }
        }

        mutating func value() throws {
            guard p < bytes.count else {
                throw fail(nl: "het document houdt halverwege op", en: "the document ends halfway")
            }
            switch bytes[p] {
            case UInt8(ascii: "{"): try object()
            case UInt8(ascii: "["): try array()
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw unexpected("een waarde", "a value")
            }
        }

        mutating func object() throws {
            var keys = Set<[UInt8]>()
            try container(closing: "}", expected: ("',' of '}'", "',' or '}'")) { scanner in
                guard scanner.p < scanner.bytes.count, scanner.bytes[scanner.p] == UInt8(ascii: "\"") else {
                    throw scanner.unexpected("een sleutel tussen aanhalingstekens", "a key in quotes")
                }
                let keyStart = scanner.p
                let key = try scanner.string()
                guard keys.insert(key).inserted else {
                    let name = Excerpt.cut(String(decoding: key, as: UTF8.self), to: 40)
                    // Line and column only for the message: counting them for every key would be quadratic.
                    scanner.p = keyStart
                    throw Problem(
                        line: scanner.lineNumber(), column: scanner.columnNumber(),
                        message: Localized(
                            nl: "de sleutel \"\(name)\" staat twee keer in hetzelfde object",
                            en: "the key \"\(name)\" occurs twice in the same object"))
                }
                scanner.skipSpace()
                guard scanner.p < scanner.bytes.count, scanner.bytes[scanner.p] == UInt8(ascii: ":") else {
                    throw scanner.unexpected("':'", "':'")
                }
                scanner.p += 1
                scanner.skipSpace()
                try scanner.value()
            }
        }

        mutating func array() throws {
            try container(closing: "]", expected: ("',' of ']'", "',' or ']'")) { scanner in try scanner.value() }
        }

        /// An object or array: `element` for each member, separated by commas, up to `closing`.
        mutating func container(
            closing: Unicode.Scalar, expected: (nl: String, en: String), element: (inout Scanner) throws -> Void
        ) throws {
            try enter()
            p += 1
            skipSpace()
            if p < bytes.count, bytes[p] == UInt8(ascii: closing) {
                p += 1
                depth -= 1
                return
            }
            while true {
                skipSpace()
                try element(&self)
                skipSpace()
                guard p < bytes.count else {
                    throw fail(nl: "het document houdt halverwege op", en: "the document ends halfway")
                }
                if bytes[p] == UInt8(ascii: ",") {
                    p += 1
                    continue
                }
                if bytes[p] == UInt8(ascii: closing) {
                    p += 1
                    depth -= 1
                    return
                }
                throw unexpected(expected.nl, expected.en)
            }
        }

        mutating func enter() throws {
            depth += 1
            guard depth <= InputLimits.jsonDepth else {
                throw fail(
                    nl: "meer dan \(InputLimits.jsonDepth) niveaus diep genest",
                    en: "nested more than \(InputLimits.jsonDepth) levels deep")
            }
        }

        /// A string's raw bytes between the quotes (escapes kept as written, which is enough to compare keys
        /// written the same way; JSONSerialization below catches the rest).
        mutating func string() throws -> [UInt8] {
            let start = p
            p += 1
            while p < bytes.count {
                let b = bytes[p]
                if b == UInt8(ascii: "\"") { p += 1; return Array(bytes[(start + 1)..<(p - 1)]) }
                if b == UInt8(ascii: "\\") {
                    guard p + 1 < bytes.count else { break }
                    let escaped = bytes[p + 1]
                    guard Array("\"\\/bfnrtu".utf8).contains(escaped) else {
                        p += 1
                        throw fail(nl: "onbekende escape in een tekst", en: "unknown escape in a string")
                    }
                    p += 2
                    continue
                }
                if b < 0x20 {
                    throw fail(
                        nl: "een stuurteken of regeleinde binnen een tekst",
                        en: "a control character or line break inside a string")
                }
                p += 1
            }
            p = start
            throw fail(nl: "deze tekst wordt nooit afgesloten met \"", en: "this string is never closed with \"")
        }

        mutating func literal(_ word: String) throws {
            for byte in word.utf8 {
                guard p < bytes.count, bytes[p] == byte else { throw unexpected("een waarde", "a value") }
                p += 1
            }
        }

        mutating func number() throws {
            let start = p
            while p < bytes.count, Scanner.isNumberByte(bytes[p]) { p += 1 }
            let text = String(decoding: bytes[start..<p], as: UTF8.self)
            guard Double(text) != nil, !text.hasPrefix("+") else {
                p = start
                throw fail(
                    nl: "'\(Excerpt.cut(text, to: 20))' is geen getal",
                    en: "'\(Excerpt.cut(text, to: 20))' is not a number")
            }
        }

        static func isNumberByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
                || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
        }

        mutating func skipSpace() {
            while p < bytes.count, bytes[p] == 0x20 || bytes[p] == 0x0A || bytes[p] == 0x0D || bytes[p] == 0x09 {
                p += 1
            }
        }

        func unexpected(_ nl: String, _ en: String) -> Problem {
            guard p < bytes.count else {
                return fail(nl: "het document houdt halverwege op", en: "the document ends halfway")
            }
            let found = describe(bytes[p])
            return fail(nl: "verwacht \(nl), maar hier staat \(found.nl)", en: "expected \(en), found \(found.en)")
        }

        func describe(_ byte: UInt8) -> Localized {
            if byte >= 0x21 && byte < 0x7F {
                let c = String(UnicodeScalar(byte))
                return Localized(nl: "'\(c)'", en: "'\(c)'")
            }
            return Localized(nl: String(format: "het teken 0x%02X", byte), en: String(format: "the byte 0x%02X", byte))
        }

        func fail(nl: String, en: String) -> Problem {
            Problem(line: lineNumber(), column: columnNumber(), message: Localized(nl: nl, en: en))
        }

        func lineNumber() -> Int {
            var line = 1
            for i in 0..<min(p, bytes.count) where bytes[i] == 0x0A { line += 1 }
            return line
        }

        func columnNumber() -> Int {
            var i = min(p, bytes.count)
            var column = 1
            while i > 0, bytes[i - 1] != 0x0A {
                i -= 1
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
            }
            return column
        }
    }
}
