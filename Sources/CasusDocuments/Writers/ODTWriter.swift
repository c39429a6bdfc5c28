import Foundation

/// Renders a document as OpenDocument Text (ODF 1.3) with real styles: outline headings for the
/// navigator and the table of contents, a quote style, a table style with a repeated header row,
/// footnotes, and page numbers and the status in the footer.
public enum ODTWriter {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" \
        office:version="1.3"
        """

    public static func render(_ document: Document) throws -> Data {
        let document = document.shown(on: .paged)
        var renderer = Renderer(document: document)
        let content = renderer.content()
        var entries = [
            ZipPackage.Entry(
                path: "mimetype", data: Data("application/vnd.oasis.opendocument.text".utf8), compressed: false),
            ZipPackage.Entry(path: "content.xml", data: Data(content.utf8)),
            ZipPackage.Entry(path: "styles.xml", data: Data(styles(document).utf8)),
            ZipPackage.Entry(path: "meta.xml", data: Data(meta(document).utf8)),
        ]
        entries += renderer.pictures.map { ZipPackage.Entry(path: $0.path, data: $0.data) }
        entries.append(ZipPackage.Entry(path: "META-INF/manifest.xml", data: Data(manifest(renderer.pictures).utf8)))
        return try ZipPackage.build(entries, date: document.meta.moment)
    }

    struct Picture {
        let path: String
        let data: Data
        let mime: String
    }

    /// Walks the blocks once, collecting pictures and automatic styles on the way.
    struct Renderer {
        let document: Document
        var pictures: [Picture] = []
        var automaticStyles: [String] = []
        var tableCount = 0
        var noteCount = 0
        var listCount = 0
        /// Whether the block being rendered is followed by a figure on a landscape page of its own.
        var landscapeFigureFollows = false

        mutating func content() -> String {
            var body = cover()
            for (index, block) in document.blocks.enumerated() {
                landscapeFigureFollows =
                    index + 1 < document.blocks.count
                    && {
                        if case .figure(let next) = document.blocks[index + 1] { next.landscapePage } else { false }
                    }()
                body += render(block)
            }
            return """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content \(ODTWriter.namespaces)>
                <office:automatic-styles>
                <style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:break-before="page"/></style:style>
                <style:style style:name="FigurePage" style:family="paragraph" style:parent-style-name="Figure" style:master-page-name="Landscape"/>
                <style:style style:name="BackToPortrait" style:family="paragraph" style:parent-style-name="Text_20_body" style:master-page-name="Standard"/>
                <style:style style:name="TableHeaderCell" style:family="table-cell"><style:table-cell-properties fo:background-color="\(document.style.primaryColour)" fo:padding="1.2mm" fo:border="0.2mm solid #8a8a8a"/></style:style>
                <style:style style:name="TableCell" style:family="table-cell"><style:table-cell-properties fo:padding="1.2mm" fo:border="0.2mm solid #8a8a8a"/></style:style>
                \(automaticStyles.joined(separator: "\n"))
                </office:automatic-styles>
                <office:body><office:text>
                \(body)</office:text></office:body>
                </office:document-content>

                """
        }

        mutating func cover() -> String {
            let meta = document.meta
            var out = ""
            if let logo = document.style.logo {
                let path = "Pictures/logo.\(logo.kind.rawValue)"
                pictures.append(
                    Picture(path: path, data: logo.data, mime: logo.kind == .svg ? "image/svg+xml" : "image/png"))
                out +=
                    "<text:p text:style-name=\"Logo\">"
                    + frame(
                        name: "Logo", path: path, mime: pictures.last!.mime, width: logo.widthMillimetres,
                        height: logo.heightMillimetres, alt: logo.alt) + "</text:p>\n"
            }
            if let organisation = meta.organisation { out += p("Cover_20_Line", XMLText.escape(organisation)) }
            out += p("Title", XMLText.escape(meta.title))
            if let subtitle = meta.subtitle { out += p("Subtitle", XMLText.escape(subtitle)) }
            if let status = meta.status { out += p("Status", XMLText.escape(status)) }
            for line in meta.coverLines { out += p("Cover_20_Line", XMLText.escape(line)) }
            if !meta.authors.isEmpty { out += p("Cover_20_Line", XMLText.escape(meta.authors.joined(separator: ", "))) }
            out += p("Cover_20_Line", XMLText.escape(meta.date + (meta.version.map { " · \($0)" } ?? "")))
            return out
        }

        func p(_ style: String, _ xml: String) -> String { "<text:p text:style-name=\"\(style)\">\(xml)</text:p>\n" }

        func frame(name: String, path: String, mime: String, width: Double, height: Double, alt: String) -> String {
            "<draw:frame draw:name=\"\(name)\" text:anchor-type=\"as-char\" svg:width=\"\(mm(width))\" svg:height=\"\(mm(height))\">"
                + "<draw:image xlink:href=\"\(path)\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" draw:mime-type=\"\(mime)\"/>"
                + "<svg:title>\(XMLText.escape(alt))</svg:title><svg:desc>\(XMLText.escape(alt))</svg:desc></draw:frame>"
        }

        func mm(_ value: Double) -> String { String(format: "%.1fmm", value) }

        mutating func inline(_ items: [Inline]) -> String {
            var out = ""
            for item in items {
                switch item {
                case .text(let text): out += spaces(XMLText.escape(text))
                case .emphasis(let inner): out += "<text:span text:style-name=\"Emphasis\">\(inline(inner))</text:span>"
                case .strong(let inner):
                    out += "<text:span text:style-name=\"Strong_20_Emphasis\">\(inline(inner))</text:span>"
                case .footnote(let inner):
                    noteCount += 1
                    out +=
                        "<text:note text:id=\"ftn\(noteCount)\" text:note-class=\"footnote\"><text:note-citation>\(noteCount)</text:note-citation>"
                        + "<text:note-body><text:p text:style-name=\"Footnote\">\(inline(inner))</text:p></text:note-body></text:note>"
                case .lineBreak: out += "<text:line-break/>"
                }
            }
            return out
        }

        /// ODF collapses runs of spaces; keep a second space as `text:s`.
        func spaces(_ text: String) -> String {
            guard text.contains("  ") else { return text }
            return text.replacingOccurrences(of: "  ", with: " <text:s/>")
        }

        mutating func render(_ block: Block) -> String {
            switch block {
            case .heading(let level, let text, let anchor):
                let style =
                    level == 1
                    ? "Heading_20_1" : level == 2 ? "Heading_20_2" : level == 3 ? "Heading_20_3" : "Heading_20_4"
                return
                    "<text:h text:style-name=\"\(style)\" text:outline-level=\"\(level)\"><text:bookmark text:name=\"\(anchor)\"/>\(inline(text))</text:h>\n"
            case .paragraph(let text):
                return p("Text_20_body", inline(text))
            case .quote(let text, let speaker, let source):
                var out = p("Quotations", inline(text))
                let attribution = [speaker, source].compactMap { $0 }.joined(separator: ", ")
                if !attribution.isEmpty { out += p("Quote_20_Attribution", "— " + XMLText.escape(attribution)) }
                return out
            case .list(let ordered, let items):
                listCount += 1
                var out =
                    "<text:list xml:id=\"list\(listCount)\" text:style-name=\"\(ordered ? "Numbering_20_123" : "List_20_Bullet")\">"
                for item in items {
                    out += "<text:list-item>" + p("List_20_Contents", inline(item)) + "</text:list-item>"
                }
                return out + "</text:list>\n"
            case .table(let table):
                return render(table)
            case .figure(let figure):
                let n = pictures.count + 1
                let path = "Pictures/figure\(n).svg"
                pictures.append(Picture(path: path, data: Data(figure.svg.utf8), mime: "image/svg+xml"))
                // A landscape page of its own: the figure's paragraph starts the landscape master page,
                // an empty paragraph after the caption goes back to the portrait one (unless another
                // landscape figure follows, which starts a landscape page itself: no empty portrait page).
                let drawn =
                    "<text:p text:style-name=\"\(figure.landscapePage ? "FigurePage" : "Figure")\">"
                    + frame(
                        name: "Figuur\(n)", path: path, mime: "image/svg+xml",
                        width: figure.widthMillimetres, height: figure.heightMillimetres, alt: figure.alt)
                    + "</text:p>\n" + p("Caption", XMLText.escape(figure.caption))
                return figure.landscapePage && !landscapeFigureFollows ? drawn + p("BackToPortrait", "") : drawn
            case .tableOfContents(let title):
                var out = "<text:table-of-content text:protected=\"true\" text:name=\"\(XMLText.escape(title))\">"
                out +=
                    "<text:table-of-content-source text:outline-level=\"2\"><text:index-title-template text:style-name=\"Contents_20_Heading\">\(XMLText.escape(title))</text:index-title-template>"
                for level in 1...2 {
                    out +=
                        "<text:table-of-content-entry-template text:outline-level=\"\(level)\" text:style-name=\"Contents_20_\(level)\">"
                        + "<text:index-entry-link-start/><text:index-entry-text/><text:index-entry-tab-stop style:type=\"right\" style:leader-char=\".\"/>"
                        + "<text:index-entry-page-number/><text:index-entry-link-end/></text:table-of-content-entry-template>"
                }
                out +=
                    "</text:table-of-content-source><text:index-body><text:index-title text:name=\"\(XMLText.escape(title))_Head\">"
                out += p("Contents_20_Heading", XMLText.escape(title)) + "</text:index-title>"
                for entry in document.outline where entry.level <= 2 {
                    out += p(
                        "Contents_20_\(entry.level)",
                        "<text:a xlink:type=\"simple\" xlink:href=\"#\(entry.anchor)\">\(XMLText.escape(entry.text))</text:a>"
                    )
                }
                return out + "</text:index-body></text:table-of-content>\n"
            case .gap(let text):
                return p("Gap", XMLText.escape(text))
            case .pageBreak:
                return p("PBreak", "")
            }
        }

        mutating func render(_ table: Table) -> String {
            tableCount += 1
            let name = "Tabel\(tableCount)"
            let columns = max(1, table.header.count)
            let widths = table.widths.count == columns ? table.widths : Array(repeating: 1.0, count: columns)
            let total = widths.reduce(0, +)
            automaticStyles.append(
                "<style:style style:name=\"\(name)\" style:family=\"table\"><style:table-properties style:width=\"165mm\" table:align=\"margins\" fo:margin-top=\"2mm\" fo:margin-bottom=\"3mm\"/></style:style>"
            )
            for (i, width) in widths.enumerated() {
                automaticStyles.append(
                    "<style:style style:name=\"\(name).C\(i + 1)\" style:family=\"table-column\"><style:table-column-properties style:rel-column-width=\"\(Int(width / total * 65535))*\"/></style:style>"
                )
            }
            var out = ""
            if let caption = table.caption { out += p("Table", XMLText.escape(caption)) }
            out += "<table:table table:name=\"\(name)\" table:style-name=\"\(name)\">"
            for i in 0..<columns { out += "<table:table-column table:style-name=\"\(name).C\(i + 1)\"/>" }
            out += "<table:table-header-rows><table:table-row>"
            for cell in table.header {
                out +=
                    "<table:table-cell table:style-name=\"TableHeaderCell\" office:value-type=\"string\">"
                    + p("Table_20_Heading", XMLText.escape(cell)) + "</table:table-cell>"
            }
            out += "</table:table-row></table:table-header-rows>"
            for row in table.rows {
                out += "<table:table-row>"
                for i in 0..<columns {
                    let cell = i < row.count ? row[i] : []
                    out +=
                        "<table:table-cell table:style-name=\"TableCell\" office:value-type=\"string\">"
                        + p("Table_20_Contents", inline(cell)) + "</table:table-cell>"
                }
                out += "</table:table-row>"
            }
            return out + "</table:table>\n"
        }
    }

    static func styles(_ document: Document) -> String {
        let style = document.style
        let language = document.meta.language == "en" ? ("en", "GB") : ("nl", "NL")
        let footer = [document.meta.status, document.meta.footerText].compactMap { $0 }.map(XMLText.escape).joined(
            separator: " · ")
        func paragraph(
            _ name: String, display: String, parent: String = "Standard", next: String? = nil, outline: Int? = nil,
            paragraphProperties: String = "", textProperties: String = ""
        ) -> String {
            var out =
                "<style:style style:name=\"\(name)\" style:display-name=\"\(display)\" style:family=\"paragraph\" style:parent-style-name=\"\(parent)\""
            if let next { out += " style:next-style-name=\"\(next)\"" }
            if let outline { out += " style:default-outline-level=\"\(outline)\" style:class=\"text\"" }
            out += ">"
            if !paragraphProperties.isEmpty { out += "<style:paragraph-properties \(paragraphProperties)/>" }
            if !textProperties.isEmpty { out += "<style:text-properties \(textProperties)/>" }
            return out + "</style:style>\n"
        }
        let heading =
            "style:font-name=\"\(XMLText.escape(style.headingFont))\" fo:font-weight=\"bold\" fo:color=\"\(style.primaryColour)\""
        var styles = ""
        styles += paragraph(
            "Standard", display: "Standard", parent: "",
            textProperties:
                "style:font-name=\"\(XMLText.escape(style.bodyFont))\" fo:font-size=\"11pt\" fo:language=\"\(language.0)\" fo:country=\"\(language.1)\""
                // Long Dutch compounds in narrow table columns break at syllables, not between any two letters.
                + " fo:hyphenate=\"true\" fo:hyphenation-remain-char-count=\"3\" fo:hyphenation-push-char-count=\"3\""
        )
        .replacingOccurrences(of: " style:parent-style-name=\"\"", with: "")
        styles += paragraph(
            "Text_20_body", display: "Text body",
            paragraphProperties:
                "fo:margin-top=\"0mm\" fo:margin-bottom=\"2.5mm\" fo:line-height=\"135%\" fo:orphans=\"2\" fo:widows=\"2\""
        )
        styles += paragraph(
            "Heading", display: "Heading", next: "Text_20_body",
            paragraphProperties: "fo:margin-top=\"6mm\" fo:margin-bottom=\"2mm\" fo:keep-with-next=\"always\"",
            textProperties: heading)
        styles += paragraph(
            "Heading_20_1", display: "Heading 1", parent: "Heading", next: "Text_20_body", outline: 1,
            paragraphProperties:
                "fo:break-before=\"page\" fo:margin-bottom=\"4mm\" fo:border-bottom=\"0.6mm solid \(style.accentColour)\" fo:padding-bottom=\"1mm\"",
            textProperties: "fo:font-size=\"20pt\"")
        styles += paragraph(
            "Heading_20_2", display: "Heading 2", parent: "Heading", next: "Text_20_body", outline: 2,
            textProperties: "fo:font-size=\"15pt\"")
        styles += paragraph(
            "Heading_20_3", display: "Heading 3", parent: "Heading", next: "Text_20_body", outline: 3,
            textProperties: "fo:font-size=\"12.5pt\"")
        styles += paragraph(
            "Heading_20_4", display: "Heading 4", parent: "Heading", next: "Text_20_body", outline: 4,
            textProperties: "fo:font-size=\"11pt\" fo:font-style=\"italic\"")
        styles += paragraph(
            "Title", display: "Title", parent: "Heading", next: "Subtitle",
            paragraphProperties: "fo:margin-top=\"40mm\" fo:margin-bottom=\"4mm\"",
            textProperties: "fo:font-size=\"28pt\"")
        styles += paragraph(
            "Subtitle", display: "Subtitle", parent: "Heading", paragraphProperties: "fo:margin-bottom=\"8mm\"",
            textProperties: "fo:font-size=\"16pt\" fo:font-weight=\"normal\"")
        styles += paragraph(
            "Status", display: "Status",
            paragraphProperties:
                "fo:margin-bottom=\"8mm\" fo:padding=\"1.5mm\" fo:border=\"0.5mm solid \(style.accentColour)\"",
            textProperties: "style:font-name=\"\(XMLText.escape(style.headingFont))\" fo:font-weight=\"bold\"")
        styles += paragraph(
            "Cover_20_Line", display: "Cover Line", paragraphProperties: "fo:margin-bottom=\"1.5mm\"",
            textProperties: "style:font-name=\"\(XMLText.escape(style.headingFont))\"")
        styles += paragraph("Logo", display: "Logo", paragraphProperties: "fo:margin-bottom=\"6mm\"")
        styles += paragraph(
            "Quotations", display: "Quotations", parent: "Text_20_body",
            paragraphProperties:
                "fo:margin-left=\"10mm\" fo:margin-right=\"10mm\" fo:margin-top=\"2mm\" fo:margin-bottom=\"1mm\" fo:padding-left=\"3mm\" fo:border-left=\"0.8mm solid \(style.accentColour)\"",
            textProperties: "fo:font-style=\"italic\"")
        styles += paragraph(
            "Quote_20_Attribution", display: "Quote Attribution", parent: "Text_20_body",
            paragraphProperties: "fo:margin-left=\"14mm\" fo:margin-bottom=\"3mm\"",
            textProperties: "fo:font-size=\"10pt\"")
        styles += paragraph(
            "List_20_Contents", display: "List Contents", parent: "Text_20_body",
            paragraphProperties: "fo:margin-bottom=\"1mm\"")
        styles += paragraph("Table_20_Contents", display: "Table Contents", textProperties: "fo:font-size=\"10pt\"")
        styles += paragraph(
            "Table_20_Heading", display: "Table Heading", parent: "Table_20_Contents",
            textProperties:
                "style:font-name=\"\(XMLText.escape(style.headingFont))\" fo:font-weight=\"bold\" fo:color=\"#ffffff\"")
        styles += paragraph(
            "Caption", display: "Caption", paragraphProperties: "fo:margin-top=\"1mm\" fo:margin-bottom=\"3mm\"",
            textProperties: "fo:font-size=\"10pt\" fo:font-style=\"italic\"")
        styles += paragraph(
            "Table", display: "Table", parent: "Caption", paragraphProperties: "fo:keep-with-next=\"always\"",
            textProperties: "fo:font-style=\"normal\" fo:font-weight=\"bold\"")
        styles += paragraph(
            "Figure", display: "Figure", parent: "Caption", paragraphProperties: "fo:keep-with-next=\"always\"")
        styles += paragraph("Footnote", display: "Footnote", textProperties: "fo:font-size=\"9pt\"")
        styles += paragraph(
            "Gap", display: "Gap", parent: "Text_20_body",
            paragraphProperties:
                "fo:padding=\"2mm\" fo:border=\"0.5mm dashed \(style.accentColour)\" fo:background-color=\"#fff8e6\"",
            textProperties: "fo:font-weight=\"bold\"")
        styles += paragraph("Header", display: "Header", textProperties: "fo:font-size=\"9pt\"")
        styles +=
            "<style:style style:name=\"Footer\" style:display-name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
            + "<style:paragraph-properties fo:border-top=\"0.2mm solid #8a8a8a\" fo:padding-top=\"1mm\"><style:tab-stops><style:tab-stop style:position=\"166mm\" style:type=\"right\"/></style:tab-stops></style:paragraph-properties>"
            + "<style:text-properties fo:font-size=\"9pt\"/></style:style>\n"
        styles += paragraph(
            "Contents_20_Heading", display: "Contents Heading", parent: "Heading",
            textProperties: "fo:font-size=\"16pt\"")
        styles += paragraph(
            "Contents_20_1", display: "Contents 1", paragraphProperties: "fo:margin-bottom=\"1mm\"",
            textProperties: "fo:font-weight=\"bold\"")
        styles += paragraph("Contents_20_2", display: "Contents 2", paragraphProperties: "fo:margin-left=\"5mm\"")

        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-styles \(namespaces)>
            <office:font-face-decls>
            <style:font-face style:name="\(XMLText.escape(style.bodyFont))" svg:font-family="'\(XMLText.escape(style.bodyFont))'"/>
            <style:font-face style:name="\(XMLText.escape(style.headingFont))" svg:font-family="'\(XMLText.escape(style.headingFont))'"/>
            </office:font-face-decls>
            <office:styles>
            \(styles)<style:style style:name="Emphasis" style:display-name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
            <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
            <text:list-style style:name="List_20_Bullet" style:display-name="List Bullet">
            <text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="6mm" fo:text-indent="-4mm" fo:margin-left="6mm"/></style:list-level-properties></text:list-level-style-bullet>
            </text:list-style>
            <text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">
            <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="7mm" fo:text-indent="-5mm" fo:margin-left="7mm"/></style:list-level-properties></text:list-level-style-number>
            </text:list-style>
            <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
            </office:styles>
            <office:automatic-styles>
            <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" fo:margin-top="15mm" fo:margin-bottom="15mm" fo:margin-left="22mm" fo:margin-right="22mm"/>
            <style:header-style><style:header-footer-properties fo:min-height="0mm" fo:margin-bottom="5mm"/></style:header-style>
            <style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="5mm"/></style:footer-style>
            </style:page-layout>
            <style:page-layout style:name="pm2"><style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm" style:print-orientation="landscape" fo:margin-top="12mm" fo:margin-bottom="12mm" fo:margin-left="20mm" fo:margin-right="20mm"/>
            <style:header-style><style:header-footer-properties fo:min-height="0mm" fo:margin-bottom="4mm"/></style:header-style>
            <style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="4mm"/></style:footer-style>
            </style:page-layout>
            </office:automatic-styles>
            <office:master-styles>
            <style:master-page style:name="Standard" style:page-layout-name="pm1">
            <style:header><text:p text:style-name="Header">\(XMLText.escape(document.meta.headerText ?? document.meta.title))</text:p></style:header>
            <style:footer><text:p text:style-name="Footer">\(footer)<text:tab/><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
            </style:master-page>
            <style:master-page style:name="Landscape" style:page-layout-name="pm2">
            <style:header><text:p text:style-name="Header">\(XMLText.escape(document.meta.headerText ?? document.meta.title))</text:p></style:header>
            <style:footer><text:p text:style-name="Footer">\(footer)<text:tab/><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
            </style:master-page>
            </office:master-styles>
            </office:document-styles>

            """
    }

    static func meta(_ document: Document) -> String {
        let m = document.meta
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta \(namespaces)>
            <office:meta>
            <meta:generator>casus</meta:generator>
            <dc:title>\(XMLText.escape(m.title))</dc:title>
            <dc:language>\(m.language)</dc:language>
            <dc:date>\(m.date)T12:00:00</dc:date>
            <meta:creation-date>\(m.date)T12:00:00</meta:creation-date>
            \(m.subtitle.map { "<dc:subject>\(XMLText.escape($0))</dc:subject>" } ?? "")
            </office:meta>
            </office:document-meta>

            """
    }

    static func manifest(_ pictures: [Picture]) -> String {
        var entries = """
            <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
            <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>

            """
        for picture in pictures {
            entries +=
                "<manifest:file-entry manifest:full-path=\"\(picture.path)\" manifest:media-type=\"\(picture.mime)\"/>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
            \(entries)</manifest:manifest>

            """
    }
}
