import CasusCore
import Foundation

/// Text read from a narrative file, ready for the linter. Markdown and plain text keep their
/// own lines; DOCX and ODT become one line per paragraph, so "line" in a finding is the
/// paragraph number there.
public struct SourceText: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        case markdown, plain, docx, odt
    }

    /// How a paragraph of a word-processor document is styled.
    public enum ParagraphStyle: Sendable, Equatable {
        case paragraph, heading, quote, listItem
    }

    public var format: Format
    public var text: String
    /// For DOCX and ODT: the style of each line (paragraph). Empty for Markdown and plain text.
    public var paragraphStyles: [ParagraphStyle]

    public init(format: Format, text: String, paragraphStyles: [ParagraphStyle] = []) {
        self.format = format
        self.text = text
        self.paragraphStyles = paragraphStyles
    }

    /// Joins extracted paragraphs one per line.
    init(format: Format, paragraphs: [(String, ParagraphStyle)]) {
        self.format = format
        self.text = paragraphs.map { $0.0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
        self.paragraphStyles = paragraphs.map(\.1)
    }
}

/// Reads a narrative from a file, choosing the reader by extension, with clear errors for
/// files that are too large, not text, damaged or of a kind casus does not read.
public enum TextReader {
    /// A narrative is never this long; larger input is refused instead of read.
    public static let maximumSize = InputLimits.textBytes

    public static func read(fileAt url: URL) throws -> SourceText {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw CasusError(
                .cannotRead, nl: "Het bestand '\(url.path)' bestaat niet.", en: "The file '\(url.path)' does not exist."
            )
        }
        guard !isFolder.boolValue else {
            throw CasusError(
                .cannotRead, nl: "'\(url.path)' is een map, geen bestand.", en: "'\(url.path)' is a folder, not a file."
            )
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maximumSize else {
            throw CasusError(
                .invalidInput,
                nl: "'\(url.lastPathComponent)' is \(size / 1_048_576) MB; casus leest teksten tot 50 MB.",
                en: "'\(url.lastPathComponent)' is \(size / 1_048_576) MB; casus reads texts up to 50 MB.")
        }
        switch url.pathExtension.lowercased() {
        case "docx": return try OfficeReader.docx(.file(url))
        case "odt": return try OfficeReader.odt(.file(url))
        case "md", "markdown", "mdown", "":
            return SourceText(format: .markdown, text: try utf8(url))
        case "txt", "text":
            return SourceText(format: .plain, text: try utf8(url))
        case "doc", "rtf", "pdf", "pages":
            throw CasusError(
                .invalidInput,
                nl: "casus leest geen .\(url.pathExtension)-bestanden. Sla de tekst op als .docx, .odt, .md of .txt.",
                en: "casus does not read .\(url.pathExtension) files. Save the text as .docx, .odt, .md or .txt.")
        default:
            return SourceText(format: .plain, text: try utf8(url))
        }
    }

    /// Reads an uploaded file by what its bytes are, not by its name: a DOCX or ODT archive, or UTF-8
    /// text (Markdown or plain). Anything else is refused with what casus does read.
    public static func read(uploaded data: Data, name: String) throws -> SourceText {
        guard data.count <= maximumSize else {
            throw CasusError(
                .invalidInput, nl: "'\(name)' is groter dan 50 MB; casus leest teksten tot 50 MB.",
                en: "'\(name)' is larger than 50 MB; casus reads texts up to 50 MB.")
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let source = OfficeSource.bytes(data, name: name)
            let archive = try OfficeReader.open(source, kind: "DOCX/ODT")
            if archive["word/document.xml"] != nil { return try OfficeReader.docx(source) }
            if archive["content.xml"] != nil { return try OfficeReader.odt(source) }
            throw unreadable(name)
        }
        // Formats people try that are not text: PDF, old Word, RTF, images.
        let signatures: [[UInt8]] = [
            Array("%PDF".utf8), [0xD0, 0xCF, 0x11, 0xE0], Array("{\\rtf".utf8), [0x89, 0x50, 0x4E, 0x47],
            [0xFF, 0xD8, 0xFF],
        ]
        if signatures.contains(where: { data.starts(with: $0) }) || data.prefix(4096).contains(0) {
            throw unreadable(name)
        }
        return SourceText(format: .markdown, text: try decodeUTF8(data, name: name))
    }

    static func unreadable(_ name: String) -> CasusError {
        CasusError(
            .invalidInput,
            nl: "casus kan '\(name)' niet lezen. Sla de tekst op als .docx, .odt, .md of .txt en probeer het opnieuw.",
            en: "casus cannot read '\(name)'. Save the text as .docx, .odt, .md or .txt and try again.")
    }

    /// Reads standard input as Markdown.
    public static func read(data: Data, format: SourceText.Format = .markdown) throws -> SourceText {
        guard data.count <= maximumSize else {
            throw CasusError(.invalidInput, nl: "De invoer is groter dan 50 MB.", en: "The input is larger than 50 MB.")
        }
        return SourceText(format: format, text: try decodeUTF8(data, name: "-"))
    }

    static func utf8(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CasusError(.cannotRead, nl: "Kan '\(url.path)' niet lezen.", en: "Cannot read '\(url.path)'.")
        }
        return try decodeUTF8(data, name: url.lastPathComponent)
    }

    static func decodeUTF8(_ data: Data, name: String) throws -> String {
        guard var text = String(validatingUTF8Data: data) else {
            throw CasusError(
                .invalidInput,
                nl:
                    "'\(name)' is geen UTF-8-tekst. Sla het bestand op als UTF-8 (platte tekst of Markdown), of lever .docx of .odt aan.",
                en:
                    "'\(name)' is not UTF-8 text. Save the file as UTF-8 (plain text or Markdown), or use .docx or .odt."
            )
        }
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst() }
        // memchr over the bytes: a generic contains over a long String's UTF-8 view costs milliseconds per megabyte.
        let hasCarriageReturn = data.withUnsafeBytes { buffer in
            buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
        if hasCarriageReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }
}

extension String {
    /// Decodes UTF-8, refusing invalid sequences and NUL bytes instead of repairing them.
    init?(validatingUTF8Data data: Data) {
        let hasNUL = data.withUnsafeBytes { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        guard !hasNUL, let decoded = String(validating: data, as: UTF8.self) else { return nil }
        self = decoded
    }
}
