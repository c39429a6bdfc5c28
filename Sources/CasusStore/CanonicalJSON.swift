import CasusCore

/// A part that writes its canonical JSON itself: byte for byte what `Hashing.canonicalJSON` makes of it
/// (sorted keys, absent optionals left out, slashes unescaped), without a JSONEncoder. For the parts
/// that come by the tens of thousands, whose fingerprints an import computes one by one.
protocol CanonicalJSONWritable {
    func writeCanonicalJSON(into out: inout [UInt8])
}

/// Writes one JSON object; the caller names the fields in sorted key order.
struct CanonicalJSONObject {
    private var first = true

    init(_ out: inout [UInt8]) { out.append(UInt8(ascii: "{")) }

    mutating func field(_ key: StaticString, _ value: String?, _ out: inout [UInt8]) {
        guard let value else { return }
        writeKey(key, &out)
        Self.string(value, &out)
    }

    mutating func field(_ key: StaticString, _ value: Int?, _ out: inout [UInt8]) {
        guard let value else { return }
        writeKey(key, &out)
        out.append(contentsOf: String(value).utf8)
    }

    func close(_ out: inout [UInt8]) { out.append(UInt8(ascii: "}")) }

    private mutating func writeKey(_ name: StaticString, _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: "\":".utf8)
    }

    /// A JSON string as Foundation's encoder writes it: quote, backslash and control characters escaped.
    static func string(_ value: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(Hashing.hexDigits[Int(byte >> 4)])
                out.append(Hashing.hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension Coding: CanonicalJSONWritable {
    func writeCanonicalJSON(into out: inout [UInt8]) {
        var object = CanonicalJSONObject(&out)
        object.field("codeId", codeId, &out)
        object.field("end", end, &out)
        object.field("eventId", eventId, &out)
        object.field("id", id, &out)
        object.field("interviewId", interviewId, &out)
        object.field("note", note, &out)
        object.field("quoteId", quoteId, &out)
        object.field("start", start, &out)
        object.field("text", text, &out)
        object.close(&out)
    }
}
