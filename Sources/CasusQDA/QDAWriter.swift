import CasusDocuments
import Foundation

/// Writes a REFI-QDA project file (`.qdpx`): `project.qde` and one UTF-8 text per source under
/// `sources/`, referred to as `internal://<guid>.txt`. Valid against the 2019 project schema.
public enum QDAWriter {
    /// The project XML and the text files, as they go into the archive.
    public static func parts(_ project: QDAProject) -> (xml: String, sources: [(path: String, text: String)]) {
        var x = XMLOut()
        x.line("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        var root: [(String, String)] = [
            ("xmlns", "urn:QDA-XML:project:1.0"), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
            ),
            ("name", project.name),
        ]
        if let origin = project.origin { root.append(("origin", origin)) }
        if let first = project.users.first { root.append(("creatingUserGUID", first.guid)) }
        x.open("Project", root)
        if !project.users.isEmpty {
            x.open("Users")
            for user in project.users { x.empty("User", [("guid", user.guid), ("name", user.name)]) }
            x.close("Users")
        }
        if !project.codes.isEmpty {
            x.open("CodeBook")
            x.open("Codes")
            writeCodes(parent: nil, in: project, to: &x)
            x.close("Codes")
            x.close("CodeBook")
        }
        if !project.variables.isEmpty {
            x.open("Variables")
            for variable in project.variables {
                x.empty("Variable", [("guid", variable.guid), ("name", variable.name), ("typeOfVariable", "Text")])
            }
            x.close("Variables")
        }
        if !project.cases.isEmpty {
            x.open("Cases")
            for c in project.cases {
                x.open("Case", [("guid", c.guid), ("name", c.name)])
                for variable in project.variables {
                    guard let value = c.values[variable.guid] else { continue }
                    x.open("VariableValue")
                    x.empty("VariableRef", [("targetGUID", variable.guid)])
                    x.element("TextValue", value)
                    x.close("VariableValue")
                }
                for source in c.sources { x.empty("SourceRef", [("targetGUID", source)]) }
                x.close("Case")
            }
            x.close("Cases")
        }
        var files: [(String, String)] = []
        if !project.sources.isEmpty {
            x.open("Sources")
            for source in project.sources {
                var attributes = [
                    ("guid", source.guid), ("name", source.name), ("plainTextPath", "internal://\(source.guid).txt"),
                ]
                if let created = source.created { attributes.append(("creationDateTime", created)) }
                x.open("TextSource", attributes)
                if let description = source.description { x.element("Description", description) }
                for selection in source.selections {
                    var attributes = [("guid", selection.guid)]
                    if let name = selection.name { attributes.append(("name", name)) }
                    attributes += [("startPosition", String(selection.start)), ("endPosition", String(selection.end))]
                    if selection.codes.isEmpty && selection.description == nil {
                        x.empty("PlainTextSelection", attributes)
                        continue
                    }
                    x.open("PlainTextSelection", attributes)
                    if let description = selection.description { x.element("Description", description) }
                    for code in selection.codes {
                        x.open("Coding", [("guid", QDAProject.guid(selection.guid, code))])
                        x.empty("CodeRef", [("targetGUID", code)])
                        x.close("Coding")
                    }
                    x.close("PlainTextSelection")
                }
                for note in source.noteRefs { x.empty("NoteRef", [("targetGUID", note)]) }
                x.close("TextSource")
                files.append(("sources/\(source.guid).txt", source.text))
            }
            x.close("Sources")
        }
        if !project.notes.isEmpty {
            x.open("Notes")
            for note in project.notes {
                x.open("Note", [("guid", note.guid), ("name", note.name)])
                x.element("PlainTextContent", note.text)
                x.close("Note")
            }
            x.close("Notes")
        }
        x.close("Project")
        return (x.text, files)
    }

    /// The `.qdpx` archive; the same project gives the same bytes.
    public static func archive(_ project: QDAProject) throws -> Data { try archive(parts(project)) }

    /// The archive of parts already written (after the caller checked them).
    public static func archive(_ parts: (xml: String, sources: [(path: String, text: String)])) throws -> Data {
        let (xml, sources) = parts
        let entries =
            [ZipPackage.Entry(path: "project.qde", data: Data(xml.utf8))]
            + sources.map { ZipPackage.Entry(path: $0.path, data: Data($0.text.utf8)) }
        return try ZipPackage.build(entries, date: Date(timeIntervalSince1970: 946_728_000))
    }

    private static func writeCodes(parent: String?, in project: QDAProject, to x: inout XMLOut) {
        for code in project.codes where code.parent == parent {
            var attributes = [
                ("guid", code.guid), ("name", code.name), ("isCodable", code.isCodable ? "true" : "false"),
            ]
            if let colour = code.colour { attributes.append(("color", colour)) }
            let children = project.codes.contains { $0.parent == code.guid }
            if code.description == nil && !children {
                x.empty("Code", attributes)
                continue
            }
            x.open("Code", attributes)
            if let description = code.description { x.element("Description", description) }
            writeCodes(parent: code.guid, in: project, to: &x)
            x.close("Code")
        }
    }
}

/// XML text built by hand: elements in the order the schema asks, everything escaped. Kept as
/// UTF-8 bytes: a project may hold tens of thousands of selections.
struct XMLOut {
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func indent() {
        for _ in 0..<depth { bytes.append(32); bytes.append(32) }
    }

    mutating func line(_ s: String) {
        indent()
        bytes.append(contentsOf: s.utf8)
        bytes.append(10)
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        tag(name, attributes, close: ">")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) { tag(name, attributes, close: "/>") }

    private mutating func tag(_ name: String, _ attributes: [(String, String)], close: StaticString) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        for (key, value) in attributes {
            bytes.append(32)
            bytes.append(contentsOf: key.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            Self.escape(value, attribute: true, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        close.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(10)
    }

    /// An element with text content; line breaks inside stay as they are.
    mutating func element(_ name: String, _ content: String) {
        indent()
        bytes.append(contentsOf: "<\(name)>".utf8)
        Self.escape(content, attribute: false, into: &bytes)
        bytes.append(contentsOf: "</\(name)>\n".utf8)
    }

    /// Escapes markup; in attributes also line breaks and tabs, which a parser would turn into spaces.
    /// Characters XML 1.0 cannot hold are dropped.
    static func escape(_ s: String, attribute: Bool, into out: inout [UInt8]) {
        var utf8 = Array(s.utf8)
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) cannot stand in XML: take them out first.
        if utf8.contains(0xEF) {
            var cleaned: [UInt8] = []
            var i = 0
            while i < utf8.count {
                if utf8[i] == 0xEF && i + 2 < utf8.count && utf8[i + 1] == 0xBF
                    && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF)
                {
                    i += 3
                    continue
                }
                cleaned.append(utf8[i])
                i += 1
            }
            utf8 = cleaned
        }
        for b in utf8 {
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: out.append(contentsOf: "&quot;".utf8)
            case 10 where attribute: out.append(contentsOf: "&#10;".utf8)
            case 13: out.append(contentsOf: "&#13;".utf8)
            case 9 where attribute: out.append(contentsOf: "&#9;".utf8)
            case 9, 10: out.append(b)
            case 0..<32: continue
            default: out.append(b)
            }
        }
    }
}
