import CasusCore
import Foundation

/// A small, strict XML reader for the parts of DOCX and ODT files: elements, attributes, text,
/// CDATA and the predefined and numeric entities. It refuses DOCTYPE declarations (and with them
/// entity expansion), checks that every element is closed, and never crashes on bad input.
/// FoundationXML is not used because on Linux it accepts malformed input silently and crashes on
/// empty input.
public struct XMLScanner {
    public enum Event: Sendable {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var open: [String] = []

    init(_ data: Data) { bytes = Array(data) }

    /// Calls `handle` for every event, in document order.
    public static func scan(_ data: Data, _ handle: (Event) throws -> Void) throws {
        var scanner = XMLScanner(data)
        try scanner.run(handle)
    }

    private mutating func run(_ handle: (Event) throws -> Void) throws {
        guard !bytes.isEmpty else { throw Malformed(description: "empty XML") }
        var sawRoot = false
        if starts(with: "\u{FEFF}") { index += 3 }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                if open.isEmpty {
                    guard XMLScanner.isSpace(bytes[index]) else {
                        throw Malformed(description: "text outside the root element")
                    }
                    index += 1
                } else {
                    let text = try readText()
                    if !text.isEmpty { try handle(.text(text)) }
                }
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "?") {
                try skip(past: "?>")
            } else if next == UInt8(ascii: "!") && starts(with: "<!--") {
                try skip(past: "-->")
            } else if next == UInt8(ascii: "!") && starts(with: "<![CDATA[") {
                index += 9
                let start = index
                try skip(past: "]]>")
                if !open.isEmpty { try handle(.text(String(decoding: bytes[start..<(index - 3)], as: UTF8.self))) }
            } else if next == UInt8(ascii: "!") {
                throw Malformed(description: "DOCTYPE and other declarations are not allowed")
            } else if next == UInt8(ascii: "/") {
                index += 2
                let name = try readName()
                skipSpace()
                try expect(">")
                guard let last = open.popLast(), last == name else {
                    throw Malformed(description: "closing </\(name)> does not match")
                }
                try handle(.end(name: name))
            } else {
                index += 1
                let name = try readName()
                guard open.count < 256 else { throw Malformed(description: "elements nested too deep") }
                if open.isEmpty {
                    guard !sawRoot else { throw Malformed(description: "more than one root element") }
                    sawRoot = true
                }
                var attributes: [String: String] = [:]
                while true {
                    skipSpace()
                    guard index < bytes.count else { throw Malformed(description: "unexpected end inside <\(name)>") }
                    if bytes[index] == UInt8(ascii: "/") {
                        index += 1
                        try expect(">")
                        try handle(.start(name: name, attributes: attributes, selfClosing: true))
                        try handle(.end(name: name))
                        break
                    }
                    if bytes[index] == UInt8(ascii: ">") {
                        index += 1
                        open.append(name)
                        try handle(.start(name: name, attributes: attributes, selfClosing: false))
                        break
                    }
                    let key = try readName()
                    skipSpace()
                    try expect("=")
                    skipSpace()
                    attributes[key] = try readQuoted()
                }
            }
        }
        guard open.isEmpty else { throw Malformed(description: "<\(open.last!)> is never closed") }
        guard sawRoot else { throw Malformed(description: "no root element") }
    }

    private func starts(with prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        return index + p.count <= bytes.count && bytes[index..<(index + p.count)].elementsEqual(p)
    }

    private mutating func skip(past terminator: String) throws {
        let t = Array(terminator.utf8)
        while index + t.count <= bytes.count {
            if bytes[index..<(index + t.count)].elementsEqual(t) {
                index += t.count
                return
            }
            index += 1
        }
        throw Malformed(description: "unterminated \(terminator)")
    }

    private mutating func expect(_ character: Character) throws {
        guard index < bytes.count, bytes[index] == character.asciiValue! else {
            throw Malformed(description: "expected '\(character)'")
        }
        index += 1
    }

    private mutating func skipSpace() {
        while index < bytes.count, XMLScanner.isSpace(bytes[index]) { index += 1 }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: ":") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            || b >= 0x80
    }

    private mutating func readName() throws -> String {
        let start = index
        while index < bytes.count, XMLScanner.isNameByte(bytes[index]) { index += 1 }
        guard index > start else { throw Malformed(description: "expected a name") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readQuoted() throws -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw Malformed(description: "attribute value without quotes")
        }
        let quote = bytes[index]
        index += 1
        // Most values hold no entity: they are decoded straight from the bytes.
        let start = index
        while index < bytes.count, bytes[index] != quote, bytes[index] != UInt8(ascii: "&") { index += 1 }
        if index < bytes.count, bytes[index] == quote {
            let value = String(decoding: bytes[start..<index], as: UTF8.self)
            index += 1
            return value
        }
        var value = Array(bytes[start..<index])
        while index < bytes.count, bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "&") {
                value += try readEntity()
            } else {
                value.append(bytes[index]); index += 1
            }
        }
        try expect(quote == UInt8(ascii: "\"") ? "\"" : "'")
        return String(decoding: value, as: UTF8.self)
    }

    /// Text up to the next tag, with entities decoded.
    private mutating func readText() throws -> String {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") { index += 1 }
        if index == bytes.count || bytes[index] == UInt8(ascii: "<") {
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        var value = Array(bytes[start..<index])
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
            if bytes[index] == UInt8(ascii: "&") {
                value += try readEntity()
            } else {
                value.append(bytes[index]); index += 1
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    private mutating func readEntity() throws -> [UInt8] {
        let start = index + 1
        var end = start
        while end < bytes.count, end - start < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
            throw Malformed(description: "unterminated entity")
        }
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        index = end + 1
        switch name {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            let number: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                number = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                number = UInt32(name.dropFirst())
            } else {
                throw Malformed(description: "unknown entity &\(name);")
            }
            guard let number, let scalar = Unicode.Scalar(number), number != 0 else {
                throw Malformed(description: "bad character reference &\(name);")
            }
            return Array(String(Character(scalar)).utf8)
        }
    }
}
