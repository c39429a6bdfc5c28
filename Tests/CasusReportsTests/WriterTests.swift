import Foundation
import Testing

@testable import CasusDocuments

@Suite("document writers")
struct WriterTests {
    /// A small document with one of every block, so the golden files stay short enough to review.
    static let small = Document(
        meta: DocumentMeta(
            title: "Een brief in maart", subtitle: "Casusbeschrijving", status: "Concept", version: "0.1",
            date: "2026-11-29",
            language: "nl", authors: ["Femke de Wit"], coverLines: ["In opdracht van de rekenkamer"],
            footerText: "Een brief"),
        blocks: [
            .tableOfContents(title: "Inhoud"),
            .heading(level: 1, text: [.text("Het verhaal")], anchor: "verhaal"),
            .paragraph([
                .text("Sanne kreeg een brief van "), .emphasis([.text("de gemeente")]), .text(" & belde op."),
                .footnote([.text("Brief van 5 maart 2024.")]),
            ]),
            .quote(text: [.text("Ik kreeg een bandje.")], speaker: "Sanne", source: "I1, 2024-03-05"),
            .list(ordered: true, items: [[.text("eerste")], [.strong([.text("tweede")])]]),
            .list(ordered: false, items: [[.text("punt <a>")]]),
            .heading(level: 2, text: [.text("Tijdlijn")], anchor: "tijdlijn"),
            .table(
                Table(
                    caption: "Gebeurtenissen", header: ["Datum", "Wat"],
                    plainRows: [["2024-03", "Brief"], ["2024-04", "Loket"]])),
            .figure(
                Figure(
                    svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", alt: "Een leeg vlak",
                    caption: "Figuur 1")),
            .gap("Samenvatting ontbreekt"),
        ])

    @Test("ODT and DOCX ask for hyphenation, so long compounds in narrow columns break at syllables")
    func hyphenation() throws {
        let styles = try ZipText.entry("styles.xml", in: ODTWriter.render(Self.small))
        #expect(styles.contains("fo:hyphenate=\"true\"") && styles.contains("fo:language=\"nl\""))
        let settings = try ZipText.entry("word/settings.xml", in: DOCXWriter.render(Self.small))
        #expect(settings.contains("<w:autoHyphenation w:val=\"true\"/>"))
    }

    @Test("Markdown, HTML and the XML parts of ODT and DOCX stay as reviewed (golden files)")
    func golden() throws {
        let md = String(decoding: MarkdownWriter.render(Self.small), as: UTF8.self)
        #expect(try Repository.matchesGolden(md, "small.md"))
        let html = String(decoding: HTMLWriter.render(Self.small), as: UTF8.self)
        #expect(try Repository.matchesGolden(html, "small.html"))
        let odt = try ODTWriter.render(Self.small)
        #expect(try Repository.matchesGolden(ZipText.entry("content.xml", in: odt), "small-content.xml"))
        let docx = try DOCXWriter.render(Self.small)
        #expect(try Repository.matchesGolden(ZipText.entry("word/document.xml", in: docx), "small-document.xml"))
    }

    @Test("text is escaped for each format; characters XML forbids are dropped")
    func escaping() throws {
        let tricky = Document(
            meta: DocumentMeta(title: "A <b> & \"c\"", date: "2026-11-29", language: "nl"),
            blocks: [.paragraph([.text("x < y & z \u{0001} *niet vet* | # kop")])])
        let html = String(decoding: HTMLWriter.render(tricky), as: UTF8.self)
        #expect(
            html.contains("x &lt; y &amp; z  *niet vet*")
                && html.contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>"))
        let md = String(decoding: MarkdownWriter.render(tricky), as: UTF8.self)
        #expect(md.contains("\\*niet vet\\* \\| # kop"))
        let content = try ZipText.entry("content.xml", in: ODTWriter.render(tricky))
        #expect(content.contains("x &lt; y &amp; z ") && !content.contains("\u{0001}"))
    }

    @Test("narrative Markdown becomes headings, paragraphs, quotes, lists and emphasis; lint comments are dropped")
    func markdownBlocks() {
        let blocks = MarkdownBlocks.parse(
            """
            # Kop
            <!-- casus-lint disable-next-line NL.Verdict: citaat -->
            Een *zin* met **nadruk**
            die doorloopt.

            > Een citaat

            - een
            - twee
            """, headingOffset: 1)
        #expect(
            blocks == [
                .heading(level: 2, text: [.text("Kop")], anchor: "n-1"),
                .paragraph([
                    .text("Een "), .emphasis([.text("zin")]), .text(" met "), .strong([.text("nadruk")]),
                    .text(" die doorloopt."),
                ]),
                .quote(text: [.text("Een citaat")], speaker: nil, source: nil),
                .list(ordered: false, items: [[.text("een")], [.text("twee")]]),
            ])
        #expect(MarkdownBlocks.inlines("snake_case_word") == [.text("snake_case_word")])
    }
}
