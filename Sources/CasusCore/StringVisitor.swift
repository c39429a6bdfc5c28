import Foundation

/// An `Encoder` that writes nothing: it visits every string a value encodes and notes the ones holding
/// a refused control character, with their coding path (`events[3].what`). Codable is generated code,
/// so this costs a fraction of walking the value by reflection.
final class StringVisitor: Encoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    /// Path, control character and its position, per field that holds one.
    private(set) var found: [(path: String, code: UInt8, position: Int)] = []

    init() {}

    func visit(_ text: String, at path: [CodingKey]) {
        guard let (code, position) = TextFieldCheck.firstRefusedControl(in: text) else { return }
        found.append((StringVisitor.describe(path), code, position))
    }

    static func describe(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "tekst" : text
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(visitor: self, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(visitor: self, codingPath: codingPath) }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(visitor: self, codingPath: codingPath) }

    /// Encodes a nested value with this visitor at `path`.
    func nested<T: Encodable>(_ value: T, at path: [CodingKey]) throws {
        if let text = value as? String { return visit(text, at: path) }
        // Codings come by the tens of thousands: their text fields are read directly, not through the encoder.
        if let coding = value as? Coding {
            for (name, text) in coding.textFields where TextFieldCheck.firstRefusedControl(in: text) != nil {
                visit(text, at: path + [Name(name)])
            }
            return
        }
        let saved = codingPath
        codingPath = path
        defer { codingPath = saved }
        try value.encode(to: self)
    }

    struct Name: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { String(intValue ?? 0) }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { return nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let visitor: StringVisitor
        var codingPath: [CodingKey]

        mutating func encodeNil(forKey key: Key) {}
        mutating func encode(_ value: String, forKey key: Key) { visitor.visit(value, at: codingPath + [key]) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try visitor.nested(value, at: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        )
            -> KeyedEncodingContainer<NestedKey>
        {
            KeyedEncodingContainer(Keyed<NestedKey>(visitor: visitor, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            Unkeyed(visitor: visitor, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> Encoder { visitor }
        mutating func superEncoder(forKey key: Key) -> Encoder { visitor }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let visitor: StringVisitor
        var codingPath: [CodingKey]
        var count = 0

        init(visitor: StringVisitor, codingPath: [CodingKey]) {
            self.visitor = visitor
            self.codingPath = codingPath
        }

        private mutating func next() -> [CodingKey] {
            defer { count += 1 }
            return codingPath + [Index(count)]
        }

        mutating func encodeNil() { count += 1 }
        mutating func encode(_ value: String) { visitor.visit(value, at: next()) }
        mutating func encode<T: Encodable>(_ value: T) throws { try visitor.nested(value, at: next()) }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(visitor: visitor, codingPath: next()))
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            Unkeyed(visitor: visitor, codingPath: next())
        }
        mutating func superEncoder() -> Encoder { visitor }
    }

    struct Single: SingleValueEncodingContainer {
        let visitor: StringVisitor
        var codingPath: [CodingKey]

        mutating func encodeNil() {}
        mutating func encode(_ value: Bool) {}
        mutating func encode(_ value: String) { visitor.visit(value, at: codingPath) }
        mutating func encode(_ value: Double) {}
        mutating func encode(_ value: Float) {}
        mutating func encode(_ value: Int) {}
        mutating func encode(_ value: Int8) {}
        mutating func encode(_ value: Int16) {}
        mutating func encode(_ value: Int32) {}
        mutating func encode(_ value: Int64) {}
        mutating func encode(_ value: UInt) {}
        mutating func encode(_ value: UInt8) {}
        mutating func encode(_ value: UInt16) {}
        mutating func encode(_ value: UInt32) {}
        mutating func encode(_ value: UInt64) {}
        mutating func encode<T: Encodable>(_ value: T) throws { try visitor.nested(value, at: codingPath) }
    }
}

extension Coding {
    /// Every text field that holds a value, by its name in the dossier file.
    var textFields: [(String, String)] {
        let fields: [(String, String?)] = [
            ("id", id), ("codeId", codeId), ("interviewId", interviewId), ("text", text), ("quoteId", quoteId),
            ("eventId", eventId), ("note", note),
        ]
        return fields.compactMap { name, value in value.map { (name, $0) } }
    }
}
