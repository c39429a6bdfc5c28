import Crypto
import Foundation

/// A REFI-QDA project (the exchange standard of ATLAS.ti, MAXQDA, NVivo, QualCoder …) as far as
/// casus reads and writes it: users, a codebook, text sources with coded selections, cases with
/// variables, and notes. Offsets are Unicode code points of the text with LF line ends.
public struct QDAProject: Sendable, Equatable {
    public var name: String
    public var origin: String?
    public var users: [User] = []
    public var codes: [Code] = []
    public var variables: [Variable] = []
    public var cases: [Case] = []
    public var sources: [TextSource] = []
    public var notes: [Note] = []

    public init(name: String, origin: String? = nil) {
        self.name = name
        self.origin = origin
    }

    public struct User: Sendable, Equatable {
        public var guid: String
        public var name: String
        public init(guid: String, name: String) {
            self.guid = guid
            self.name = name
        }
    }

    /// A code; `parent` is the guid of the code it sits under (nil at the top).
    public struct Code: Sendable, Equatable {
        public var guid: String
        public var name: String
        public var colour: String?
        public var description: String?
        public var parent: String?
        public var isCodable = true
        public init(
            guid: String, name: String, colour: String? = nil, description: String? = nil, parent: String? = nil
        ) {
            self.guid = guid
            self.name = name
            self.colour = colour
            self.description = description
            self.parent = parent
        }
    }

    public struct Variable: Sendable, Equatable {
        public var guid: String
        public var name: String
        public init(guid: String, name: String) {
            self.guid = guid
            self.name = name
        }
    }

    /// A case of the project: in casus a participant, by pseudonym.
    public struct Case: Sendable, Equatable {
        public var guid: String
        public var name: String
        /// Text values by variable guid.
        public var values: [String: String] = [:]
        public var sources: [String] = []
        public init(guid: String, name: String) {
            self.guid = guid
            self.name = name
        }
    }

    /// A coded (or uncoded) stretch of a source's text.
    public struct Selection: Sendable, Equatable {
        public var guid: String
        public var name: String?
        public var description: String?
        public var start: Int
        public var end: Int
        /// The guids of the codes applied to it.
        public var codes: [String] = []
        public init(
            guid: String, name: String? = nil, description: String? = nil, start: Int, end: Int, codes: [String] = []
        ) {
            self.guid = guid
            self.name = name
            self.description = description
            self.start = start
            self.end = end
            self.codes = codes
        }
    }

    public struct TextSource: Sendable, Equatable {
        public var guid: String
        public var name: String
        public var text: String
        public var description: String?
        public var created: String?
        public var selections: [Selection] = []
        /// Notes referred to from the source.
        public var noteRefs: [String] = []
        public init(guid: String, name: String, text: String) {
            self.guid = guid
            self.name = name
            self.text = text
        }
    }

    public struct Note: Sendable, Equatable {
        public var guid: String
        public var name: String
        public var text: String
        public init(guid: String, name: String, text: String) {
            self.guid = guid
            self.name = name
            self.text = text
        }
    }

    /// A stable GUID for a part of a case, so the same dossier exports the same bytes.
    public static func guid(_ parts: String...) -> String {
        let digest = Array(SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8)))
        var bytes = Array(digest.prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // name-based, as in version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
