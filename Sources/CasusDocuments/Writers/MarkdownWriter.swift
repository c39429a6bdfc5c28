import Foundation

/// Renders a document as Markdown (pandoc-flavoured: pipe tables, footnotes, a title block).
public enum MarkdownWriter {
    public static func render(_ document: Document) -> Data {
        let document = document.shown(on: .paged)
        var out = "---\n"
        out += "title: \(yaml(document.meta.title))\n"
        if let subtitle = document.meta.subtitle { out += "subtitle: \(yaml(subtitle))\n" }
        if !document.meta.authors.isEmpty {
            out += "author: [\(document.meta.authors.map(yaml).joined(separator: ", "))]\n"
        }
        out += "date: \(document.meta.date)\n"
        out += "lang: \(document.meta.language)\n"
        if let status = document.meta.status { out += "status: \(yaml(status))\n" }
        if let version = document.meta.version { out += "version: \(yaml(version))\n" }
        out += "---\n\n"
        if let status = document.meta.status { out += "**\(escape(status))**\n\n" }
        for line in document.meta.coverLines { out += escape(line) + "  \n" }
        if !document.meta.coverLines.isEmpty { out += "\n" }

        var notes: [String] = []
        func inline(_ items: [Inline]) -> String {
            items.map { item -> String in
                switch item {
                case .text(let text): return escape(text)
                case .emphasis(let inner): return "*" + inline(inner) + "*"
                case .strong(let inner): return "**" + inline(inner) + "**"
                case .footnote(let inner):
                    notes.append(inline(inner))
                    return "[^\(notes.count)]"
                case .lineBreak: return "\\\n"
                }
            }.joined()
        }

        for block in document.blocks {
            switch block {
            case .heading(let level, let text, let anchor):
                out += String(repeating: "#", count: level) + " " + inline(text) + " {#\(anchor)}\n\n"
            case .paragraph(let text):
                out += inline(text) + "\n\n"
            case .quote(let text, let speaker, let source):
                out += "> " + inline(text) + "\n"
                let attribution = [speaker, source].compactMap { $0 }.joined(separator: ", ")
                if !attribution.isEmpty { out += ">\n> — " + escape(attribution) + "\n" }
                out += "\n"
            case .list(let ordered, let items):
                for (i, item) in items.enumerated() { out += (ordered ? "\(i + 1). " : "- ") + inline(item) + "\n" }
                out += "\n"
            case .table(let table):
                if let caption = table.caption { out += "Tabel: " + escape(caption) + "\n\n" }
                out += "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
                out += "|" + table.header.map { _ in "---|" }.joined() + "\n"
                for row in table.rows { out += "| " + row.map { cell(inline($0)) }.joined(separator: " | ") + " |\n" }
                out += "\n"
            case .figure(let figure):
                out += "**" + escape(figure.caption) + "**\n\n" + escape(figure.alt) + "\n\n"
            case .tableOfContents(let title):
                out += "**" + escape(title) + "**\n\n"
                for entry in document.outline where entry.level <= 2 {
                    out +=
                        String(repeating: "  ", count: entry.level - 1) + "- [" + escape(entry.text)
                        + "](#\(entry.anchor))\n"
                }
                out += "\n"
            case .gap(let text):
                out += "> **[" + escape(text) + "]**\n\n"
            case .pageBreak:
                out += "\\newpage\n\n"
            }
        }
        for (i, note) in notes.enumerated() { out += "[^\(i + 1)]: \(note)\n" }
        if let footer = document.meta.footerText {
            out += (notes.isEmpty ? "" : "\n") + "---\n\n*" + escape(footer) + "*\n"
        }
        return Data(out.utf8)
    }

    /// ASCII characters Markdown reads as markup anywhere in a line: \\ * _ ` [ ] < > | $
    private static let markup: [Bool] = (0..<128).map {
        [0x5C, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x24].contains($0)
    }

    /// Backslash-escapes the characters Markdown would read as markup.
    static func escape(_ text: String) -> String {
        // Most text has nothing to escape: check the bytes first.
        let first = text.utf8.first
        guard
            text.utf8.contains(where: { $0 < 128 && markup[Int($0)] }) || first == 0x23 || first == 0x2D
                || first == 0x2B
        else { return text }
        var out = String.UnicodeScalarView()
        for (i, scalar) in text.unicodeScalars.enumerated() {
            let value = scalar.value
            if value < 128 && (markup[Int(value)] || (i == 0 && (value == 0x23 || value == 0x2D || value == 0x2B))) {
                out.append("\\")
            }
            out.append(scalar)
        }
        return String(out)
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }

    private static func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
