import CasusCore
import CasusDocuments
import Foundation

/// Turns the project XML into a `QDAProject`, reading each source's text and converting its
/// selections to code points of LF text. What has no place in casus goes into the report.
struct ProjectReader: Sendable {
    let files: [String: Data]
    let options: QDAReadOptions
    var report: [Localized] = []

    init(files: [String: Data], options: QDAReadOptions) {
        self.files = files
        self.options = options
    }

    mutating func read(_ root: XMLNode) throws -> QDAReadResult {
        var project = QDAProject(name: root["name"] ?? "QDA-project", origin: root["origin"])
        project.users = (root.first("Users")?.all("User") ?? []).compactMap { user in
            user["guid"].map { QDAProject.User(guid: $0, name: user["name"] ?? "") }
        }
        if let codes = root.first("CodeBook")?.first("Codes") { readCodes(codes, parent: nil, into: &project) }
        project.variables = (root.first("Variables")?.all("Variable") ?? []).compactMap { v in
            guard let guid = v["guid"], let name = v["name"] else { return nil }
            return QDAProject.Variable(guid: guid, name: name)
        }
        for c in root.first("Cases")?.all("Case") ?? [] {
            guard let guid = c["guid"] else { continue }
            var item = QDAProject.Case(guid: guid, name: c["name"] ?? "")
            for value in c.all("VariableValue") {
                guard let ref = value.first("VariableRef")?["targetGUID"] else { continue }
                let text = value.children.first { $0.name.hasSuffix("Value") && $0.name != "VariableValue" }?.text
                if let text { item.values[ref] = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            item.sources = c.all("SourceRef").compactMap { $0["targetGUID"] }
            let selections = c.all("SelectionRef").count
            if selections > 0 {
                note(
                    "geval '\(item.name)': \(selections) verwijzing(en) naar selecties niet overgenomen",
                    "case '\(item.name)': \(selections) reference(s) to selections not carried over")
            }
            project.cases.append(item)
        }
        // Each source on its own core: its text, its offset maps and its selections are its own.
        let base = ProjectReader(files: files, options: options)
        let read = try (root.first("Sources")?.children ?? []).concurrentMap(minimumPerChunk: 1) { source in
            var reader = base
            let text = try reader.readSource(source)
            return (text, reader.report)
        }
        for (text, notes) in read {
            if let text { project.sources.append(text) }
            report += notes
        }
        for n in root.first("Notes")?.all("Note") ?? [] {
            guard let guid = n["guid"] else { continue }
            let text = try content(of: n) ?? ""
            project.notes.append(QDAProject.Note(guid: guid, name: n["name"] ?? "", text: text))
        }
        for (element, nl, en) in [
            ("Sets", "sets", "sets"), ("Graphs", "netwerken", "graphs"), ("Links", "koppelingen", "links"),
        ] {
            let count = root.first(element)?.children.count ?? 0
            if count > 0 {
                note(
                    "\(count) \(nl) niet overgenomen (casus kent ze niet)",
                    "\(count) \(en) not carried over (casus has none)")
            }
        }
        return QDAReadResult(project: project, report: report)
    }

    private mutating func note(_ nl: String, _ en: String) { report.append(Localized(nl: nl, en: en)) }

    /// One element of `<Sources>`: a text source, or a PDF through its text representation; other kinds
    /// are named in the report.
    private mutating func readSource(_ source: XMLNode) throws -> QDAProject.TextSource? {
        switch source.name {
        case "TextSource":
            return try readText(source, name: source["name"])
        case "PDFSource":
            if let representation = source.first("Representation"),
                var text = try readText(representation, name: source["name"] ?? representation["name"])
            {
                text.guid = source["guid"] ?? text.guid
                note(
                    "PDF '\(text.name)' gelezen via zijn tekstweergave",
                    "PDF '\(text.name)' read through its text representation")
                return text
            }
            note(
                "PDF '\(source["name"] ?? "?")' heeft geen tekstweergave; niet overgenomen",
                "PDF '\(source["name"] ?? "?")' has no text representation; not carried over")
        default:
            note(
                "\(source.name) '\(source["name"] ?? "?")' is geen tekst; niet overgenomen",
                "\(source.name) '\(source["name"] ?? "?")' is not text; not carried over")
        }
        return nil
    }

    private func readCodes(_ node: XMLNode, parent: String?, into project: inout QDAProject) {
        for code in node.all("Code") {
            guard let guid = code["guid"] else { continue }
            var item = QDAProject.Code(
                guid: guid, name: code["name"] ?? "", colour: code["color"].map(Self.colour),
                description: code.first("Description")?.text.trimmingCharacters(in: .whitespacesAndNewlines),
                parent: parent)
            item.isCodable = code["isCodable"] != "false"
            if item.description?.isEmpty == true { item.description = nil }
            project.codes.append(item)
            readCodes(code, parent: guid, into: &project)
        }
    }

    /// `#abc` as `#AABBCC`; anything else as written (validation says what is wrong).
    static func colour(_ text: String) -> String {
        let hex = text.dropFirst()
        if text.hasPrefix("#") && hex.count == 3 { return "#" + hex.map { "\($0)\($0)" }.joined().uppercased() }
        return text.uppercased()
    }

    /// The text of a source element: inline content, an internal plain-text file, or its rich text.
    private mutating func content(of node: XMLNode) throws -> String? {
        if let inline = node.first("PlainTextContent") { return inline.text }
        if let path = node["plainTextPath"] {
            if let data = file(path) { return String(decoding: data, as: UTF8.self) }
            note("tekst '\(path.excerpt)' staat niet in het project", "text '\(path.excerpt)' is not in the project")
            return nil
        }
        if let path = node["richTextPath"], let data = file(path) {
            let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
            guard ["docx", "odt", "txt", "md"].contains(ext) else { return nil }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-qda-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("bron." + ext)
            try data.write(to: url)
            return try TextReader.read(fileAt: url).text
        }
        return nil
    }

    /// A file of the archive named by `internal://x`, under `sources/` or `Sources/`.
    private func file(_ path: String) -> Data? {
        guard path.lowercased().hasPrefix("internal://") else { return nil }
        let name = String(path.dropFirst("internal://".count)).lowercased()
        return files.first { key, _ in
            let lower = key.lowercased()
            return lower == "sources/" + name || lower == name
        }?.value
    }

    private mutating func readText(_ node: XMLNode, name: String?) throws -> QDAProject.TextSource? {
        let title = name ?? "?"
        guard let guid = node["guid"] else { return nil }
        guard let raw = try content(of: node) else {
            note(
                "bron '\(title)': geen leesbare tekst; niet overgenomen",
                "source '\(title)': no readable text; not carried over")
            return nil
        }
        let offsets = SourceOffsets(raw)
        var source = QDAProject.TextSource(guid: guid, name: title, text: offsets.text)
        source.description = node.first("Description")?.text
        source.created = node["creationDateTime"]
        source.noteRefs = node.all("NoteRef").compactMap { $0["targetGUID"] }
        let selections = node.all("PlainTextSelection")
        let spans = selections.compactMap { s -> (start: Int, end: Int, name: String?)? in
            guard let start = s["startPosition"].flatMap(Int.init), let end = s["endPosition"].flatMap(Int.init) else {
                return nil
            }
            return (start, end, s["name"])
        }
        let scheme: QDAOffsetScheme
        if let forced = options.counting {
            scheme = forced
        } else {
            let (detected, checked, matched) = offsets.detect(spans)
            scheme = detected
            if checked > matched {
                note(
                    "bron '\(title)': bij \(checked - matched) van \(checked) selecties klopt de naam niet met de tekst op die plek",
                    "source '\(title)': for \(checked - matched) of \(checked) selections the name differs from the text there"
                )
            }
            if offsets.hasCRLF || offsets.hasAstral {
                note(
                    "bron '\(title)': posities geteld als \(detected.rawValue)"
                        + (checked > 0
                            ? " (bepaald aan de tekst van de selecties)" : " (geen selectietekst om aan te toetsen)"),
                    "source '\(title)': positions counted as \(detected.rawValue)"
                        + (checked > 0 ? " (found from the selections' text)" : " (no selection text to check against)")
                )
            }
        }
        var outside = 0
        for s in selections {
            guard let sguid = s["guid"], let start = s["startPosition"].flatMap(Int.init),
                let end = s["endPosition"].flatMap(Int.init), let range = offsets.range(start, end, scheme)
            else {
                outside += 1
                continue
            }
            let codes = s.all("Coding").compactMap { $0.first("CodeRef")?["targetGUID"] }
            source.selections.append(
                QDAProject.Selection(
                    guid: sguid, name: s["name"], description: s.first("Description")?.text, start: range.lowerBound,
                    end: range.upperBound, codes: codes))
        }
        if outside > 0 {
            note(
                "bron '\(title)': \(outside) selectie(s) buiten de tekst; niet overgenomen",
                "source '\(title)': \(outside) selection(s) outside the text; not carried over")
        }
        // Codes on a whole source: a selection of all of its text.
        let whole = node.all("Coding").compactMap { $0.first("CodeRef")?["targetGUID"] }
        if !whole.isEmpty && !(offsets.spans.count == 0) {
            source.selections.append(
                QDAProject.Selection(
                    guid: QDAProject.guid(guid, "whole"), start: 0, end: offsets.spans.count, codes: whole))
        }
        return source
    }
}
