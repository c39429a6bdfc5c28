import Foundation

/// The portable dossier file: one JSON document holding a whole dossier and, optionally, its
/// attachments. Its shape is described by `Schemas/casus-dossier.schema.json`.
public struct DossierFile: Sendable, Equatable {
    public static let format = "casus-dossier"
    public static let formatVersion = 1
    /// Files larger than this are refused on import rather than read into memory.
    public static let maximumFileSize = InputLimits.dossierFileBytes

    public var dossier: Dossier
    /// Attachment bytes carried in the file; when empty, the file only refers to them by hash.
    public var attachments: [EmbeddedAttachment]

    public init(dossier: Dossier, attachments: [EmbeddedAttachment] = []) {
        self.dossier = dossier
        self.attachments = attachments
    }

    /// An attachment's bytes, base64 in the file.
    public struct EmbeddedAttachment: Codable, Sendable, Equatable {
        public var sha256: String
        public var fileName: String
        public var data: Data

        public init(sha256: String, fileName: String, data: Data) {
            self.sha256 = sha256
            self.fileName = fileName
            self.data = data
        }
    }

    private enum HeaderKeys: String, CodingKey { case format, formatVersion, attachments }

    /// Pretty, key-sorted JSON: the same dossier always gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dataEncodingStrategy = .base64
        var data = try encoder.encode(FileShape(file: self))
        data.append(0x0A)
        return data
    }

    /// Reads a dossier file, with an error that says where it is broken.
    public static func decode(_ data: Data) throws -> DossierFile {
        guard !data.isEmpty else {
            throw CasusError(.invalidInput, nl: "Het dossierbestand is leeg.", en: "The dossier file is empty.")
        }
        guard data.count <= maximumFileSize else {
            throw CasusError(
                .invalidInput, nl: "Het dossierbestand is groter dan 512 MB; casus leest het niet in.",
                en: "The dossier file is larger than 512 MB; casus will not read it.")
        }
        // The structure first: a broken file is reported with line and column, duplicate keys are refused.
        do {
            try JSONSyntaxCheck.check(data)
        } catch let problem as JSONSyntaxCheck.Problem {
            throw CasusError(
                .invalidInput,
                nl:
                    "Het dossierbestand is geen geldige JSON: regel \(problem.line), kolom \(problem.column): \(problem.message.nl).",
                en:
                    "The dossier file is not valid JSON: line \(problem.line), column \(problem.column): \(problem.message.en)."
            )
        }
        // Then the header, so a file of another kind gets a plain message.
        let header: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw CasusError(
                    .invalidInput, nl: "Het dossierbestand is geen JSON-object.",
                    en: "The dossier file is not a JSON object.")
            }
            header = object
        } catch let error as CasusError {
            throw error
        } catch {
            throw CasusError(
                .invalidInput,
                nl:
                    "Het dossierbestand is geen geldige JSON (afgebroken of beschadigd?): \(DossierFile.describe(error))",
                en: "The dossier file is not valid JSON (truncated or damaged?): \(DossierFile.describe(error))")
        }
        guard header["format"] as? String == format else {
            throw CasusError(
                .invalidInput, nl: "Dit is geen casus-dossierbestand: \"format\" moet \"\(format)\" zijn.",
                en: "This is not a casus dossier file: \"format\" must be \"\(format)\".")
        }
        guard let version = header["formatVersion"] as? Int, version <= formatVersion, version >= 1 else {
            throw CasusError(
                .invalidInput,
                nl:
                    "Deze versie van het dossierformaat kent casus niet (verwacht 1 t/m \(formatVersion)); werk casus bij.",
                en:
                    "casus does not know this version of the dossier format (expected 1 to \(formatVersion)); update casus."
            )
        }
        let decoder = JSONDecoder()
        decoder.dataDecodingStrategy = .base64
        do {
            return try decoder.decode(FileShape.self, from: data).file
        } catch let error as DecodingError {
            throw CasusError(
                .invalidInput, nl: "Het dossierbestand klopt niet: \(DossierFile.describe(error))",
                en: "The dossier file is not valid: \(DossierFile.describe(error))")
        }
    }

    /// A short account of a decoding error with the JSON path to the problem.
    static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().drop { $0 == "." }.description
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return "'\(key.stringValue)' missing" + (at.isEmpty ? "" : " in \(at)")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            let at = path(context.codingPath)
            return (at.isEmpty ? "" : "\(at): ") + context.debugDescription
        default:
            return SystemErrors.describe(error).en
        }
    }

    /// The flat JSON shape: header fields beside the dossier's own.
    private struct FileShape: Codable {
        var file: DossierFile

        init(file: DossierFile) { self.file = file }

        init(from decoder: Decoder) throws {
            let header = try decoder.container(keyedBy: HeaderKeys.self)
            let attachments = try header.decodeIfPresent([EmbeddedAttachment].self, forKey: .attachments) ?? []
            file = DossierFile(dossier: try Dossier(from: decoder), attachments: attachments)
        }

        func encode(to encoder: Encoder) throws {
            var header = encoder.container(keyedBy: HeaderKeys.self)
            try header.encode(DossierFile.format, forKey: .format)
            try header.encode(DossierFile.formatVersion, forKey: .formatVersion)
            if !file.attachments.isEmpty { try header.encode(file.attachments, forKey: .attachments) }
            try file.dossier.encode(to: encoder)
        }
    }
}
