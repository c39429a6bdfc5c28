import CasusCore
import Foundation
import ZIPFoundation

/// Pulls the paragraphs out of DOCX and ODT files: text in reading order with the paragraph
/// style (heading, quotation, list item). Guards against damaged archives and zip bombs.
enum OfficeReader {
    /// The largest XML part casus will unpack.
    static let maximumPartSize = InputLimits.officePartBytes
    static let maximumEntries = InputLimits.officeEntries

    /// Counts the text taken out of a document, so a few bytes of markup (`<text:s text:c="100"/>`
    /// repeated) cannot expand past the limit of a plain text file.
    struct ExtractedText {
        let source: OfficeSource
        let kind: String
        private(set) var bytes = 0

        init(source: OfficeSource, kind: String) {
            self.source = source
            self.kind = kind
        }

        mutating func add(_ count: Int) throws {
            bytes += count
            guard bytes <= InputLimits.textBytes else {
                throw CasusError(
                    .invalidInput,
                    nl:
                        "'\(source.name)' bevat meer dan \(InputLimits.textBytes / 1_048_576) MB tekst; casus leest teksten tot die grootte.",
                    en:
                        "'\(source.name)' holds more than \(InputLimits.textBytes / 1_048_576) MB of text; casus reads texts up to that size."
                )
            }
        }
    }

    static func docx(_ source: OfficeSource) throws -> SourceText {
        let xml = try part("word/document.xml", of: source, kind: "DOCX")
        var paragraphs: [(String, SourceText.ParagraphStyle)] = []
        var current: String?
        var style = SourceText.ParagraphStyle.paragraph
        var inText = false
        var skipDepth = 0
        var extracted = ExtractedText(source: source, kind: "DOCX")
        do {
            try XMLScanner.scan(xml) { event in
                switch event {
                case let .start(name, attributes, _):
                    switch name {
                    case "w:p": current = ""; style = .paragraph
                    case "w:pStyle": style = paragraphStyle(attributes["w:val"] ?? "")
                    case "w:numPr": if style == .paragraph { style = .listItem }
                    case "w:t": inText = skipDepth == 0
                    case "w:tab": if skipDepth == 0 { current? += "\t"; try extracted.add(1) }
                    case "w:br", "w:cr": if skipDepth == 0 { current? += " "; try extracted.add(1) }
                    case "w:delText", "w:instrText", "w:footnoteReference", "w:commentReference": skipDepth += 1
                    default: break
                    }
                case let .end(name):
                    switch name {
                    case "w:p": if let text = current { paragraphs.append((text, style)) }; current = nil
                    case "w:t": inText = false
                    case "w:delText", "w:instrText", "w:footnoteReference", "w:commentReference": skipDepth -= 1
                    default: break
                    }
                case let .text(text):
                    if inText { current? += text; try extracted.add(text.utf8.count) }
                }
            }
        } catch let error as XMLScanner.Malformed {
            throw damaged(source, kind: "DOCX", reason: error.description)
        }
        return SourceText(format: .docx, paragraphs: paragraphs)
    }

    static func odt(_ source: OfficeSource) throws -> SourceText {
        let archive = try open(source, kind: "ODT")
        if let mimetype = archive["mimetype"] {
            let type = String(
                decoding: try extract(mimetype, from: archive, source: source, kind: "ODT"), as: UTF8.self)
            guard type.hasPrefix("application/vnd.oasis.opendocument.text") else {
                throw CasusError(
                    .invalidInput, nl: "'\(source.name)' is geen ODF-tekstdocument (\(type)).",
                    en: "'\(source.name)' is not an ODF text document (\(type)).")
            }
        }
        guard let entry = archive["content.xml"] else {
            throw damaged(source, kind: "ODT", reason: "content.xml is missing")
        }
        let xml = try extract(entry, from: archive, source: source, kind: "ODT")
        var parents: [String: String] = [:]
        var paragraphs: [(String, SourceText.ParagraphStyle)] = []
        var stack: [(text: String, style: SourceText.ParagraphStyle)] = []
        var skipDepth = 0
        var listDepth = 0
        var extracted = ExtractedText(source: source, kind: "ODT")
        func resolve(_ name: String?) -> SourceText.ParagraphStyle {
            var name = name ?? ""
            for _ in 0..<8 {
                let lowered = name.lowercased()
                if lowered.contains("quot") || lowered.contains("citaat") { return .quote }
                if lowered.contains("heading") || lowered.hasPrefix("kop") { return .heading }
                guard let parent = parents[name] else { break }
                name = parent
            }
            return .paragraph
        }
        do {
            try XMLScanner.scan(xml) { event in
                switch event {
                case let .start(name, attributes, selfClosing):
                    switch name {
                    case "style:style":
                        if let own = attributes["style:name"], let parent = attributes["style:parent-style-name"] {
                            parents[own] = parent
                        }
                    case "text:note", "office:annotation", "text:tracked-changes":
                        if !selfClosing { skipDepth += 1 }
                    case "text:list": listDepth += 1
                    case "text:p", "text:h":
                        guard skipDepth == 0 else { break }
                        var style = name == "text:h" ? .heading : resolve(attributes["text:style-name"])
                        if style == .paragraph && listDepth > 0 { style = .listItem }
                        stack.append(("", style))
                    case "text:s":
                        let count = min(Int(attributes["text:c"] ?? "1") ?? 1, 100)
                        if skipDepth == 0, !stack.isEmpty {
                            try extracted.add(count)
                            stack[stack.count - 1].text += String(repeating: " ", count: count)
                        }
                    case "text:tab":
                        if skipDepth == 0, !stack.isEmpty { stack[stack.count - 1].text += "\t"; try extracted.add(1) }
                    case "text:line-break":
                        if skipDepth == 0, !stack.isEmpty { stack[stack.count - 1].text += " "; try extracted.add(1) }
                    default: break
                    }
                case let .end(name):
                    switch name {
                    case "text:note", "office:annotation", "text:tracked-changes": skipDepth = max(0, skipDepth - 1)
                    case "text:list": listDepth -= 1
                    case "text:p", "text:h":
                        if skipDepth == 0, let done = stack.popLast() { paragraphs.append((done.text, done.style)) }
                    default: break
                    }
                case let .text(text):
                    if skipDepth == 0, !stack.isEmpty {
                        stack[stack.count - 1].text += text; try extracted.add(text.utf8.count)
                    }
                }
            }
        } catch let error as XMLScanner.Malformed {
            throw damaged(source, kind: "ODT", reason: error.description)
        }
        return SourceText(format: .odt, paragraphs: paragraphs)
    }

    static func paragraphStyle(_ name: String) -> SourceText.ParagraphStyle {
        let lowered = name.lowercased()
        if lowered.contains("heading") || lowered.hasPrefix("kop") || lowered == "title" || lowered == "titel" {
            return .heading
        }
        if lowered.contains("quote") || lowered.contains("citaat") { return .quote }
        if lowered.contains("list") || lowered.contains("lijst") { return .listItem }
        return .paragraph
    }

    // MARK: Archive access with limits

    static func open(_ source: OfficeSource, kind: String) throws -> Archive {
        let archive: Archive
        do {
            archive = try source.openArchive()
        } catch {
            throw damaged(source, kind: kind, reason: "not a readable zip archive")
        }
        var count = 0
        for _ in archive {
            count += 1
            guard count <= maximumEntries else { throw damaged(source, kind: kind, reason: "too many parts") }
        }
        return archive
    }

    static func part(_ path: String, of source: OfficeSource, kind: String) throws -> Data {
        let archive = try open(source, kind: kind)
        guard let entry = archive[path] else { throw damaged(source, kind: kind, reason: "\(path) is missing") }
        return try extract(entry, from: archive, source: source, kind: kind)
    }

    /// Unpacks one part, stopping as soon as it grows past the limit, whatever its header claims.
    static func extract(_ entry: Entry, from archive: Archive, source: OfficeSource, kind: String) throws -> Data {
        guard entry.type == .file, entry.uncompressedSize <= UInt64(maximumPartSize) else {
            throw damaged(
                source, kind: kind, reason: "\(entry.path) is larger than \(maximumPartSize / 1_048_576) MB unpacked")
        }
        var data = Data()
        struct TooLarge: Error {}
        var checksum: CRC32 = 0
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maximumPartSize { throw TooLarge() }
            }
        } catch is TooLarge {
            throw damaged(
                source, kind: kind,
                reason: "\(entry.path) unpacks to more than \(maximumPartSize / 1_048_576) MB (a zip bomb?)")
        } catch {
            throw damaged(source, kind: kind, reason: "\(entry.path) cannot be unpacked")
        }
        // A part whose bytes do not match the checksum in the archive is damaged: refuse it, never guess.
        guard checksum == entry.checksum else {
            throw damaged(source, kind: kind, reason: "\(entry.path) fails its CRC-32 check")
        }
        return data
    }

    static func damaged(_ source: OfficeSource, kind: String, reason: String) -> CasusError {
        CasusError(
            .invalidInput,
            nl:
                "'\(source.name)' is geen bruikbaar \(kind)-bestand (\(reason)). Open en bewaar het opnieuw in uw tekstverwerker.",
            en:
                "'\(source.name)' is not a usable \(kind) file (\(reason)). Open and save it again in your word processor."
        )
    }
}

/// A DOCX or ODT archive to read: a file, or bytes uploaded through the browser (read in memory,
/// never written to disk).
struct OfficeSource {
    /// The name messages use.
    let name: String
    let openArchive: () throws -> Archive

    static func file(_ url: URL) -> OfficeSource {
        OfficeSource(name: url.lastPathComponent) { try Archive(url: url, accessMode: .read) }
    }

    static func bytes(_ data: Data, name: String) -> OfficeSource {
        OfficeSource(name: name) { try Archive(data: data, accessMode: .read) }
    }
}
