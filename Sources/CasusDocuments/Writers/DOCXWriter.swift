import CasusCore
import Foundation

/// Renders a document as Office Open XML (DOCX) with a real `styles.xml` (Heading 1–4 with outline
/// levels, Title, Quote, a table style), numbering for lists, footnotes, a table-of-contents field,
/// and the status and page number in the footer.
///
/// A figure is embedded as its SVG with a PNG beside it (Word shows the SVG only with a bitmap to fall
/// back on); `drawFigure` makes the PNG. Without one the figure appears as its text alternative, with a
/// note. A figure on a landscape page gets a landscape section of its own. PNG logos are embedded; an
/// SVG logo is left out of DOCX only.
public enum DOCXWriter {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    public static func render(
        _ document: Document, drawFigure: (@Sendable (Figure) throws -> Data?)? = nil
    ) throws -> Data {
        let document = document.shown(on: .paged)
        var renderer = Renderer(document: document)
        // Each figure's picture drawn side by side (a rasteriser process each).
        let figures = document.blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
        renderer.figurePNGs = try figures.concurrentMap(minimumPerChunk: 1) { try drawFigure?($0) ?? nil }
        let body = renderer.body()
        let media = renderer.media
        var entries = [
            ZipPackage.Entry(path: "[Content_Types].xml", data: Data(contentTypes(media: media).utf8)),
            ZipPackage.Entry(path: "_rels/.rels", data: Data(packageRelationships.utf8)),
            ZipPackage.Entry(path: "docProps/core.xml", data: Data(core(document.meta).utf8)),
            ZipPackage.Entry(path: "docProps/app.xml", data: Data(app.utf8)),
            ZipPackage.Entry(path: "word/document.xml", data: Data(body.utf8)),
            ZipPackage.Entry(path: "word/styles.xml", data: Data(styles(document).utf8)),
            ZipPackage.Entry(path: "word/numbering.xml", data: Data(renderer.numbering().utf8)),
            ZipPackage.Entry(path: "word/footnotes.xml", data: Data(renderer.footnotesXML().utf8)),
            ZipPackage.Entry(path: "word/settings.xml", data: Data(settings(document.meta).utf8)),
            ZipPackage.Entry(path: "word/header1.xml", data: Data(header(document.meta).utf8)),
            ZipPackage.Entry(path: "word/footer1.xml", data: Data(footer(document.meta).utf8)),
            ZipPackage.Entry(
                path: "word/_rels/document.xml.rels",
                data: Data(documentRelationships(media: media).utf8)),
        ]
        for item in media {
            entries.append(ZipPackage.Entry(path: "word/media/" + item.name, data: item.data, compressed: item.isSVG))
        }
        return try ZipPackage.build(entries, date: document.meta.moment)
    }

    struct Renderer {
        let document: Document
        var footnotes: [String] = []
        /// One numbering instance per ordered list, so each starts at 1.
        var orderedLists = 0
        var bookmark = 0
        /// The PNG of each figure in order, nil where none could be drawn.
        var figurePNGs: [Data?] = []
        var figuresDone = 0
        /// Pictures under `word/media/`, each with its relationship id.
        var media: [Media] = []
        /// Whether anything went onto the page since the last section ended.
        var contentSinceSection = false

        mutating func body() -> String {
            var out = cover()
            for block in document.blocks { out += render(block) }
            return """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="\(w)" xmlns:r="\(r)" \
                xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
                xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
                xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" \
                xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main">
                <w:body>
                \(out)\(section(landscape: false))
                </w:body>
                </w:document>

                """
        }

        func paragraph(_ style: String?, _ runs: String, extra: String = "") -> String {
            let properties = (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "") + extra
            return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>\n"
        }

        func run(_ text: String, _ properties: String = "") -> String {
            "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
                + "<w:t xml:space=\"preserve\">\(XMLText.escape(text))</w:t></w:r>"
        }

        mutating func cover() -> String {
            let meta = document.meta
            var out = ""
            contentSinceSection = true
            if let logo = document.style.logo, logo.kind == .png {
                media.append(Media(id: "rIdLogo", name: "logo.png", data: logo.data))
                out += paragraph(
                    "Logo",
                    drawing(
                        id: 1, name: "logo.png", alt: logo.alt, image: "rIdLogo", svg: nil,
                        millimetres: (logo.widthMillimetres, logo.heightMillimetres)))
            }
            if let organisation = meta.organisation { out += paragraph("CoverLine", run(organisation)) }
            out += paragraph("Title", run(meta.title))
            if let subtitle = meta.subtitle { out += paragraph("Subtitle", run(subtitle)) }
            if let status = meta.status { out += paragraph("Status", run(status)) }
            for line in meta.coverLines { out += paragraph("CoverLine", run(line)) }
            if !meta.authors.isEmpty { out += paragraph("CoverLine", run(meta.authors.joined(separator: ", "))) }
            out += paragraph("CoverLine", run(meta.date + (meta.version.map { " · \($0)" } ?? "")))
            return out
        }

        /// An inline picture: the bitmap `image`, and where given the SVG `svg` that newer Word draws instead.
        func drawing(
            id: Int, name: String, alt: String, image: String, svg: String?, millimetres: (Double, Double)
        ) -> String {
            let cx = Int(millimetres.0 * 36_000), cy = Int(millimetres.1 * 36_000)
            let vector = svg.map {
                "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip r:embed=\"\($0)\"/></a:ext></a:extLst>"
            }
            return
                "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
                + "<wp:docPr id=\"\(id)\" name=\"\(name)\" descr=\"\(XMLText.escape(alt))\"/>"
                + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
                + "<pic:nvPicPr><pic:cNvPr id=\"\(id)\" name=\"\(name)\" descr=\"\(XMLText.escape(alt))\"/><pic:cNvPicPr/></pic:nvPicPr>"
                + "<pic:blipFill><a:blip r:embed=\"\(image)\">\(vector ?? "")</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
                + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        }

        /// Bold and italic, written in the order the schema wants.
        struct RunFormat {
            var bold = false, italic = false
            var xml: String { (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") }
        }

        mutating func inline(_ items: [Inline], _ format: RunFormat = RunFormat()) -> String {
            var out = ""
            for item in items {
                switch item {
                case .text(let text): out += run(text, format.xml)
                case .emphasis(let inner):
                    var f = format
                    f.italic = true
                    out += inline(inner, f)
                case .strong(let inner):
                    var f = format
                    f.bold = true
                    out += inline(inner, f)
                case .footnote(let inner):
                    var nested = self
                    nested.footnotes = []
                    let text = nested.inline(inner)
                    footnotes.append(text)
                    out +=
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"\(footnotes.count)\"/></w:r>"
                case .lineBreak: out += "<w:r><w:br/></w:r>"
                }
            }
            return out
        }

        /// A section's page: A4 portrait, or landscape with narrower margins for a wide figure.
        func section(landscape: Bool) -> String {
            let page =
                landscape
                ? "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
                : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1247\" w:bottom=\"1134\" w:left=\"1247\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            return
                "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\(page)</w:sectPr>"
        }

        /// A figure: its picture (or, with none drawn, its text alternative and a note) and its caption. On a
        /// landscape page it ends the portrait section before it and closes a landscape section of its own.
        mutating func render(_ figure: Figure) -> String {
            figuresDone += 1
            let number = figuresDone
            var out = ""
            if figure.landscapePage && contentSinceSection {
                out += "<w:p><w:pPr>\(section(landscape: false))</w:pPr></w:p>\n"
            }
            if let png = figurePNGs.indices.contains(number - 1) ? figurePNGs[number - 1] : nil {
                media.append(Media(id: "rIdFigure\(number)", name: "figuur\(number).png", data: png))
                media.append(
                    Media(id: "rIdFigureSVG\(number)", name: "figuur\(number).svg", data: Data(figure.svg.utf8)))
                out += paragraph(
                    "Figure",
                    drawing(
                        id: 100 + number, name: "figuur\(number)", alt: figure.alt, image: "rIdFigure\(number)",
                        svg: "rIdFigureSVG\(number)", millimetres: (figure.widthMillimetres, figure.heightMillimetres)))
            } else {
                let note = SVGRasteriser.missingNote
                out += paragraph("Figure", run(figure.alt))
                out += paragraph("Gap", run(document.meta.language == "en" ? note.en : note.nl))
            }
            let ending = figure.landscapePage ? section(landscape: true) : ""
            out += paragraph("Caption", run(figure.caption), extra: ending)
            contentSinceSection = !figure.landscapePage
            return out
        }

        mutating func render(_ block: Block) -> String {
            if case .figure(let figure) = block { return render(figure) }
            contentSinceSection = true
            switch block {
            case .heading(let level, let text, let anchor):
                bookmark += 1
                let runs =
                    "<w:bookmarkStart w:id=\"\(bookmark)\" w:name=\"\(anchor.replacingOccurrences(of: "-", with: "_"))\"/>"
                    + inline(text) + "<w:bookmarkEnd w:id=\"\(bookmark)\"/>"
                return paragraph("Heading\(min(4, max(1, level)))", runs)
            case .paragraph(let text):
                return paragraph("BodyText", inline(text))
            case .quote(let text, let speaker, let source):
                var out = paragraph("Quote", inline(text))
                let attribution = [speaker, source].compactMap { $0 }.joined(separator: ", ")
                if !attribution.isEmpty { out += paragraph("QuoteAttribution", run("— " + attribution)) }
                return out
            case .list(let ordered, let items):
                var numId = 1
                if ordered {
                    orderedLists += 1
                    numId = 1 + orderedLists
                }
                return items.map {
                    paragraph(
                        "ListParagraph", inline($0),
                        extra: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numId)\"/></w:numPr>")
                }.joined()
            case .table(let table):
                return render(table)
            case .figure:
                return ""
            case .tableOfContents(let title):
                var out = paragraph("TOCHeading", run(title))
                out +=
                    "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                    + "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r></w:p>\n"
                for entry in document.outline where entry.level <= 2 {
                    out += paragraph("TOC\(entry.level)", run(entry.text))
                }
                out += "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\n"
                return out
            case .gap(let text):
                return paragraph("Gap", run(text))
            case .pageBreak:
                return "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n"
            }
        }

        mutating func render(_ table: Table) -> String {
            let columns = max(1, table.header.count)
            let widths = table.widths.count == columns ? table.widths : Array(repeating: 1.0, count: columns)
            let total = widths.reduce(0, +)
            let twips = widths.map { Int($0 / total * 9412) }
            var out = table.caption.map { paragraph("TableCaption", run($0)) } ?? ""
            out +=
                "<w:tbl><w:tblPr><w:tblStyle w:val=\"CasusTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
            out += "<w:tblGrid>" + twips.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
            out += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            for (i, cell) in table.header.enumerated() {
                out +=
                    "<w:tc><w:tcPr><w:tcW w:w=\"\(twips[i])\" w:type=\"dxa\"/></w:tcPr>"
                    + paragraph("TableHeading", run(cell)) + "</w:tc>"
            }
            out += "</w:tr>"
            for row in table.rows {
                out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                for i in 0..<columns {
                    out +=
                        "<w:tc><w:tcPr><w:tcW w:w=\"\(twips[i])\" w:type=\"dxa\"/></w:tcPr>"
                        + paragraph("TableContents", inline(i < row.count ? row[i] : [])) + "</w:tc>"
                }
                out += "</w:tr>"
            }
            return out + "</w:tbl>\n" + paragraph("BodyText", "")
        }

        func numbering() -> String {
            var out = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:numbering xmlns:w="\(w)">
                <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
                <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum>
                <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>

                """
            if orderedLists > 0 {
                for n in 1...orderedLists {
                    out +=
                        "<w:num w:numId=\"\(n + 1)\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\n"
                }
            }
            return out + "</w:numbering>\n"
        }

        func footnotesXML() -> String {
            var out = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:footnotes xmlns:w="\(w)" xmlns:r="\(r)">
                <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
                <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>

                """
            for (i, note) in footnotes.enumerated() {
                out +=
                    "<w:footnote w:id=\"\(i + 1)\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
                    + "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>\(note)</w:p></w:footnote>\n"
            }
            return out + "</w:footnotes>\n"
        }
    }

    static func styles(_ document: Document) -> String {
        let style = document.style
        let colour = style.primaryColour.dropFirst()
        let accent = style.accentColour.dropFirst()
        let lang = document.meta.language == "en" ? "en-GB" : "nl-NL"
        let headingFont = XMLText.escape(style.headingFont), bodyFont = XMLText.escape(style.bodyFont)
        func paragraphStyle(
            _ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, outline: Int? = nil,
            pPr: String = "", rPr: String = "", extra: String = ""
        ) -> String {
            var out = "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            if let basedOn { out += "<w:basedOn w:val=\"\(basedOn)\"/>" }
            if let next { out += "<w:next w:val=\"\(next)\"/>" }
            out += extra + "<w:qFormat/>"
            var paragraph = pPr
            if let outline { paragraph += "<w:outlineLvl w:val=\"\(outline)\"/>" }
            if !paragraph.isEmpty { out += "<w:pPr>\(paragraph)</w:pPr>" }
            if !rPr.isEmpty { out += "<w:rPr>\(rPr)</w:rPr>" }
            return out + "</w:style>\n"
        }
        // Run properties in schema order: fonts, bold, italic, colour, size.
        func headingRun(italic: Bool = false) -> String {
            "<w:rFonts w:ascii=\"\(headingFont)\" w:hAnsi=\"\(headingFont)\" w:cs=\"\(headingFont)\"/><w:b/>"
                + (italic ? "<w:i/>" : "") + "<w:color w:val=\"\(colour)\"/>"
        }
        var styles = ""
        styles += paragraphStyle(
            "Normal", "Normal", basedOn: nil, pPr: "<w:spacing w:after=\"120\" w:line=\"300\" w:lineRule=\"auto\"/>"
        )
        .replacingOccurrences(
            of: "<w:style w:type=\"paragraph\" w:styleId=\"Normal\">",
            with: "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">")
        styles += paragraphStyle("BodyText", "Body Text", pPr: "<w:widowControl/><w:spacing w:after=\"140\"/>")
        styles += paragraphStyle(
            "Title", "Title", next: "Subtitle", pPr: "<w:spacing w:before=\"2400\" w:after=\"200\"/>",
            rPr: headingRun() + "<w:sz w:val=\"56\"/>")
        styles += paragraphStyle(
            "Subtitle", "Subtitle", pPr: "<w:spacing w:after=\"400\"/>",
            rPr: "<w:rFonts w:ascii=\"\(headingFont)\" w:hAnsi=\"\(headingFont)\"/><w:sz w:val=\"32\"/>")
        for (level, size) in [(1, 40), (2, 30), (3, 25), (4, 22)] {
            var pPr = "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(level == 1 ? 0 : 320)\" w:after=\"120\"/>"
            if level == 1 {
                pPr =
                    "<w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"\(accent)\"/></w:pBdr><w:spacing w:after=\"240\"/>"
            }
            styles += paragraphStyle(
                "Heading\(level)", "heading \(level)", next: "BodyText", outline: level - 1, pPr: pPr,
                rPr: headingRun(italic: level == 4) + "<w:sz w:val=\"\(size)\"/>")
        }
        styles += paragraphStyle(
            "Status", "Status",
            pPr:
                "<w:pBdr><w:top w:val=\"single\" w:sz=\"8\" w:space=\"2\" w:color=\"\(accent)\"/><w:left w:val=\"single\" w:sz=\"8\" w:space=\"2\" w:color=\"\(accent)\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"2\" w:color=\"\(accent)\"/><w:right w:val=\"single\" w:sz=\"8\" w:space=\"2\" w:color=\"\(accent)\"/></w:pBdr><w:spacing w:after=\"400\"/>",
            rPr: "<w:rFonts w:ascii=\"\(headingFont)\" w:hAnsi=\"\(headingFont)\"/><w:b/>")
        styles += paragraphStyle(
            "CoverLine", "Cover Line", pPr: "<w:spacing w:after=\"60\"/>",
            rPr: "<w:rFonts w:ascii=\"\(headingFont)\" w:hAnsi=\"\(headingFont)\"/>")
        styles += paragraphStyle("Logo", "Logo", pPr: "<w:spacing w:after=\"240\"/>")
        styles += paragraphStyle(
            "Quote", "Quote", basedOn: "BodyText", next: "BodyText",
            pPr:
                "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"\(accent)\"/></w:pBdr><w:ind w:left=\"567\" w:right=\"567\"/>",
            rPr: "<w:i/>")
        styles += paragraphStyle(
            "QuoteAttribution", "Quote Attribution", basedOn: "BodyText", pPr: "<w:ind w:left=\"794\"/>",
            rPr: "<w:sz w:val=\"20\"/>")
        styles += paragraphStyle(
            "ListParagraph", "List Paragraph", basedOn: "BodyText",
            pPr: "<w:spacing w:after=\"60\"/><w:contextualSpacing/>")
        styles += paragraphStyle(
            "TableContents", "Table Contents", pPr: "<w:spacing w:before=\"40\" w:after=\"40\"/>",
            rPr: "<w:sz w:val=\"20\"/>")
        styles += paragraphStyle(
            "TableHeading", "Table Heading", basedOn: "TableContents",
            rPr:
                "<w:rFonts w:ascii=\"\(headingFont)\" w:hAnsi=\"\(headingFont)\"/><w:b/><w:color w:val=\"FFFFFF\"/><w:sz w:val=\"20\"/>"
        )
        styles += paragraphStyle(
            "Caption", "caption", pPr: "<w:spacing w:after=\"200\"/>", rPr: "<w:i/><w:sz w:val=\"20\"/>")
        styles += paragraphStyle(
            "TableCaption", "Table Caption", basedOn: "Caption", pPr: "<w:keepNext/>", rPr: "<w:b/><w:i w:val=\"0\"/>")
        styles += paragraphStyle("Figure", "Figure", basedOn: "BodyText", pPr: "<w:keepNext/>", rPr: "<w:i/>")
        styles += paragraphStyle(
            "Gap", "Gap", basedOn: "BodyText",
            pPr:
                "<w:pBdr><w:top w:val=\"dashed\" w:sz=\"8\" w:space=\"2\" w:color=\"\(accent)\"/><w:left w:val=\"dashed\" w:sz=\"8\" w:space=\"2\" w:color=\"\(accent)\"/><w:bottom w:val=\"dashed\" w:sz=\"8\" w:space=\"2\" w:color=\"\(accent)\"/><w:right w:val=\"dashed\" w:sz=\"8\" w:space=\"2\" w:color=\"\(accent)\"/></w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF8E6\"/>",
            rPr: "<w:b/>")
        styles += paragraphStyle("FootnoteText", "footnote text", rPr: "<w:sz w:val=\"18\"/>")
        styles += paragraphStyle("Header", "header", rPr: "<w:sz w:val=\"18\"/>")
        styles += paragraphStyle(
            "Footer", "footer",
            pPr:
                "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"2\" w:color=\"8A8A8A\"/></w:pBdr><w:tabs><w:tab w:val=\"right\" w:pos=\"9412\"/></w:tabs>",
            rPr: "<w:sz w:val=\"18\"/>")
        styles += paragraphStyle("TOCHeading", "TOC Heading", basedOn: "Heading1", next: "BodyText", outline: 9)
        styles += paragraphStyle("TOC1", "toc 1", pPr: "<w:spacing w:after=\"60\"/>", rPr: "<w:b/>")
        styles += paragraphStyle("TOC2", "toc 2", pPr: "<w:spacing w:after=\"40\"/><w:ind w:left=\"284\"/>")
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="\(w)">
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="\(bodyFont)" w:hAnsi="\(bodyFont)" w:eastAsia="\(bodyFont)" w:cs="\(bodyFont)"/>\
            <w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="\(lang)"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>
            \(styles)<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
            <w:style w:type="table" w:styleId="CasusTable"><w:name w:val="Casus Table"/><w:tblPr><w:tblBorders>\
            <w:top w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:left w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/>\
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:right w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/>\
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="8A8A8A"/></w:tblBorders>\
            <w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>\
            <w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="\(colour)"/></w:tcPr></w:tblStylePr></w:style>
            </w:styles>

            """
    }

    static func header(_ meta: DocumentMeta) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="\(w)"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">\(XMLText.escape(meta.headerText ?? meta.title))</w:t></w:r></w:p></w:hdr>

        """
    }

    static func footer(_ meta: DocumentMeta) -> String {
        let text = [meta.status, meta.footerText].compactMap { $0 }.joined(separator: " · ")
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr xmlns:w="\(w)"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">\(XMLText.escape(text))</w:t></w:r><w:r><w:tab/></w:r>\
            <w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>

            """
    }

    static func settings(_ meta: DocumentMeta) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="\(w)"><w:defaultTabStop w:val="709"/><w:autoHyphenation w:val="true"/><w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>\
        <w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:themeFontLang w:val="\(meta.language == "en" ? "en-GB" : "nl-NL")"/></w:settings>

        """
    }

    /// A picture in `word/media/`.
    struct Media {
        var id: String
        var name: String
        var data: Data
        var isSVG: Bool { name.hasSuffix(".svg") }
    }

    static func contentTypes(media: [Media]) -> String {
        let png = media.contains { !$0.isSVG }, svg = media.contains(where: \.isSVG)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            \(png ? "<Default Extension=\"png\" ContentType=\"image/png\"/>\n" : "")\
            \(svg ? "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>\n" : "")<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
            <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
            <Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
            <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
            <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            </Types>

            """
    }

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
        </Relationships>

        """

    static func documentRelationships(media: [Media]) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let pictures = media.map {
            "<Relationship Id=\"\($0.id)\" Type=\"\(base)/image\" Target=\"media/\($0.name)\"/>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rIdStyles" Type="\(base)/styles" Target="styles.xml"/>
            <Relationship Id="rIdNumbering" Type="\(base)/numbering" Target="numbering.xml"/>
            <Relationship Id="rIdFootnotes" Type="\(base)/footnotes" Target="footnotes.xml"/>
            <Relationship Id="rIdSettings" Type="\(base)/settings" Target="settings.xml"/>
            <Relationship Id="rIdHeader" Type="\(base)/header" Target="header1.xml"/>
            <Relationship Id="rIdFooter" Type="\(base)/footer" Target="footer1.xml"/>
            \(pictures.joined())</Relationships>

            """
    }

    static func core(_ meta: DocumentMeta) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <dc:title>\(XMLText.escape(meta.title))</dc:title>
        <dc:language>\(meta.language)</dc:language>
        <dc:creator>\(XMLText.escape(meta.authors.joined(separator: ", ")))</dc:creator>
        <cp:contentStatus>\(XMLText.escape(meta.status ?? ""))</cp:contentStatus>
        <dcterms:created xsi:type="dcterms:W3CDTF">\(meta.date)T12:00:00Z</dcterms:created>
        <dcterms:modified xsi:type="dcterms:W3CDTF">\(meta.date)T12:00:00Z</dcterms:modified>
        </cp:coreProperties>

        """
    }

    static let app = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>casus</Application></Properties>

        """
}
