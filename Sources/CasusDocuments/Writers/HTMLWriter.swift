import Foundation

/// Renders a document as one self-contained, accessible HTML file: semantic headings in order,
/// a language tag, table headers with scope, figures with captions and text alternatives, and a
/// print stylesheet. No scripts, no external resources.
public enum HTMLWriter {
    public static func render(_ document: Document) -> Data {
        let document = document.shown(on: .screen)
        let meta = document.meta
        let style = document.style
        var notes: [String] = []
        func inline(_ items: [Inline]) -> String {
            items.map { item -> String in
                switch item {
                case .text(let text): return XMLText.escape(text)
                case .emphasis(let inner): return "<em>" + inline(inner) + "</em>"
                case .strong(let inner): return "<strong>" + inline(inner) + "</strong>"
                case .footnote(let inner):
                    notes.append(inline(inner))
                    let n = notes.count
                    return
                        "<sup><a href=\"#fn-\(n)\" id=\"fnref-\(n)\" aria-label=\"\(meta.language == "en" ? "Note" : "Voetnoot") \(n)\">\(n)</a></sup>"
                case .lineBreak: return "<br>"
                }
            }.joined()
        }

        var body = ""
        body += "<header class=\"cover\">\n"
        if let logo = style.logo { body += "<p class=\"logo\">" + logoTag(logo) + "</p>\n" }
        if let organisation = meta.organisation {
            body += "<p class=\"organisation\">\(XMLText.escape(organisation))</p>\n"
        }
        body += "<h1>\(XMLText.escape(meta.title))</h1>\n"
        if let subtitle = meta.subtitle { body += "<p class=\"subtitle\">\(XMLText.escape(subtitle))</p>\n" }
        if let status = meta.status { body += "<p class=\"status\">\(XMLText.escape(status))</p>\n" }
        var lines = meta.coverLines
        if !meta.authors.isEmpty { lines.append(meta.authors.joined(separator: ", ")) }
        if !meta.date.isEmpty { lines.append(meta.date + (meta.version.map { " · \($0)" } ?? "")) }
        if !lines.isEmpty {
            body += "<p class=\"cover-lines\">" + lines.map(XMLText.escape).joined(separator: "<br>") + "</p>\n"
        }
        body += "</header>\n<main>\n"

        for block in document.blocks {
            switch block {
            case .heading(let level, let text, let anchor):
                let h = min(6, level + 1)
                body += "<h\(h) id=\"\(anchor)\">\(inline(text))</h\(h)>\n"
            case .paragraph(let text):
                body += "<p>\(inline(text))</p>\n"
            case .quote(let text, let speaker, let source):
                body += "<figure class=\"quote\"><blockquote><p>\(inline(text))</p></blockquote>"
                let attribution = [speaker, source].compactMap { $0 }.joined(separator: ", ")
                if !attribution.isEmpty { body += "<figcaption>— \(XMLText.escape(attribution))</figcaption>" }
                body += "</figure>\n"
            case .list(let ordered, let items):
                let tag = ordered ? "ol" : "ul"
                body += "<\(tag)>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
            case .table(let table):
                body += "<div class=\"table\"><table>\n"
                if let caption = table.caption { body += "<caption>\(XMLText.escape(caption))</caption>\n" }
                body +=
                    "<thead><tr>" + table.header.map { "<th scope=\"col\">\(XMLText.escape($0))</th>" }.joined()
                    + "</tr></thead>\n<tbody>\n"
                for row in table.rows { body += "<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
                body += "</tbody></table></div>\n"
            case .figure(let figure) where figure.wide:
                // Inline, so its text stays readable and searchable; a focusable region scrolls by keyboard.
                let caption = XMLText.escape(figure.caption)
                body +=
                    "<figure class=\"figure wide\"><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(caption)\">"
                    + figure.svg + "</div><figcaption>\(caption)</figcaption></figure>\n"
            case .figure(let figure):
                let data = Data(figure.svg.utf8).base64EncodedString()
                body +=
                    "<figure class=\"figure\"><img src=\"data:image/svg+xml;base64,\(data)\" alt=\"\(XMLText.escape(figure.alt))\">"
                body += "<figcaption>\(XMLText.escape(figure.caption))</figcaption></figure>\n"
            case .tableOfContents(let title):
                body +=
                    "<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">\(XMLText.escape(title))</h2>\n<ol>\n"
                for entry in document.outline where entry.level == 1 {
                    body += "<li><a href=\"#\(entry.anchor)\">\(XMLText.escape(entry.text))</a></li>\n"
                }
                body += "</ol></nav>\n"
            case .gap(let text):
                body += "<p class=\"gap\" role=\"note\"><strong>\(XMLText.escape(text))</strong></p>\n"
            case .pageBreak:
                body += "<div class=\"page-break\"></div>\n"
            }
        }
        if !notes.isEmpty {
            body +=
                "<section class=\"footnotes\" aria-labelledby=\"notes-title\"><h2 id=\"notes-title\">\(meta.language == "en" ? "Notes" : "Noten")</h2><ol>\n"
            for (i, note) in notes.enumerated() {
                body +=
                    "<li id=\"fn-\(i + 1)\">\(note) <a href=\"#fnref-\(i + 1)\" aria-label=\"\(meta.language == "en" ? "Back" : "Terug")\">↩</a></li>\n"
            }
            body += "</ol></section>\n"
        }
        body += "</main>\n<footer>"
        body += [meta.status, meta.footerText].compactMap { $0 }.map(XMLText.escape).joined(separator: " · ")
        body += "</footer>\n"

        let html = """
            <!DOCTYPE html>
            <html lang="\(meta.language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="casus">
            \(meta.date.isEmpty ? "" : "<meta name=\"date\" content=\"\(meta.date)\">\n")<title>\(XMLText.escape(meta.title))</title>
            <style>
            \(stylesheet(style))
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
        return Data(html.utf8)
    }

    static func logoTag(_ logo: HouseStyle.Logo) -> String {
        let mime = logo.kind == .svg ? "image/svg+xml" : "image/png"
        return
            "<img src=\"data:\(mime);base64,\(logo.data.base64EncodedString())\" alt=\"\(XMLText.escape(logo.alt))\" style=\"width:\(Int(logo.widthMillimetres))mm\">"
    }

    /// Body text is near-black on white (contrast above 15:1); heading colours are checked by the template loader.
    static func stylesheet(_ style: HouseStyle) -> String {
        """
        :root { --primary: \(style.primaryColour); --accent: \(style.accentColour); }
        html { font-family: "\(style.bodyFont)", Georgia, serif; font-size: 112%; line-height: 1.55; color: #1a1a1a; background: #ffffff; }
        body { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1, h2, h3, h4, h5, h6, .status, caption, th, .organisation, footer { font-family: "\(style.headingFont)", Arial, sans-serif; }
        h1, h2, h3, h4 { color: var(--primary); line-height: 1.25; }
        h1 { font-size: 2rem; margin: 0.5rem 0; }
        h2 { font-size: 1.45rem; margin-top: 2.5rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.2rem; }
        h3 { font-size: 1.2rem; margin-top: 1.8rem; }
        .cover { border-bottom: 4px solid var(--primary); padding-bottom: 1rem; margin-bottom: 2rem; }
        .subtitle { font-size: 1.2rem; margin: 0; }
        .status { display: inline-block; border: 2px solid var(--accent); padding: 0.2rem 0.6rem; font-weight: bold; }
        .cover-lines { color: #333333; }
        figure.quote { margin: 1.2rem 0; }
        blockquote { margin: 0; padding: 0.2rem 1rem; border-left: 4px solid var(--accent); font-style: italic; }
        figure.quote figcaption { padding-left: 1.25rem; color: #333333; font-size: 0.95rem; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.95rem; }
        caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
        th { background: var(--primary); color: #ffffff; text-align: left; }
        th, td { border: 1px solid #8a8a8a; padding: 0.35rem 0.5rem; vertical-align: top; }
        .figure img { max-width: 100%; height: auto; }
        .wide { width: calc(100vw - 2.5rem); margin-left: calc(50% - 50vw + 1.25rem); margin-right: 0; }
        .wide .scroll { overflow-x: auto; border: 1px solid #c8c8c8; }
        .wide svg { display: block; max-width: none; }
        .gap { border: 2px dashed var(--accent); padding: 0.5rem 0.75rem; background: #fff8e6; }
        .toc ol { padding-left: 1.2rem; }
        a { color: var(--primary); }
        a:focus { outline: 3px solid var(--accent); }
        footer { margin-top: 3rem; border-top: 1px solid #8a8a8a; padding-top: 0.5rem; font-size: 0.9rem; color: #333333; }
        .footnotes { font-size: 0.9rem; }
        @media print {
          html { font-size: 11pt; }
          body { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          h2 { break-before: page; }
          h2, h3, h4 { break-after: avoid; }
          figure, table, blockquote { break-inside: avoid; }
          .wide { width: auto; margin-left: 0; }
          .wide .scroll { overflow: visible; border: 0; }
          .page-break { break-after: page; }
          .toc { break-after: page; }
        }
        """
    }
}

/// Escaping for XML and HTML text and attribute values.
public enum XMLText {
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape: check the bytes first.
        if !text.utf8.contains(where: {
            $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0xEF
        }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Characters XML 1.0 does not allow are dropped rather than written.
                let v = scalar.value
                if v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
                    || v >= 0x10000
                {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
