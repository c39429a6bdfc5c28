import CasusCore
import CasusDocuments
import CasusJourney
import CasusTestSupport
import Foundation
import Testing
import ZIPFoundation

@testable import CasusReports

/// The repository's folders, found from this source file.
/// The shared test repository, with this target's golden files.
enum Repository {
    static let root = TestRepository.root
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static func sample(_ name: String) throws -> Dossier { try TestRepository.sample(name) }
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        try TestRepository.matchesGolden(text, name, in: golden)
    }
    static let templates = TestRepository.templates
    static let sampleNames = TestRepository.sampleNames
}

@Suite("reports: consent, structure, templates")
struct ReportTests {
    static let date = "2026-11-29"

    func build(
        _ dossier: Dossier, _ kind: ReportKind = .outsideIn, status: ReportStatus = .conceptAmbtelijk,
        agency: String? = nil,
        language: Language = .nl
    ) throws -> ReportResult {
        try ReportBuilder.build(
            dossier, template: ReportTemplate.load(kind, from: Repository.templates),
            options: ReportOptions(kind: kind, status: status, language: language, date: Self.date, agencyId: agency))
    }

    func markdown(_ result: ReportResult) -> String {
        String(decoding: MarkdownWriter.render(result.document), as: UTF8.self)
    }

    func headings(_ document: Document) -> [String] {
        document.blocks.compactMap {
            if case .heading(let level, let text, _) = $0, level == 1 { return Inline.plain(text) } else { return nil }
        }
    }

    @Test("both reports follow their template's sections, for every sample, in both languages")
    func structure() throws {
        for name in Repository.sampleNames {
            let dossier = try Repository.sample(name)
            let outside = try build(dossier)
            #expect(
                headings(outside.document) == [
                    "Colofon", "Samenvatting", "Leeswijzer", "Verantwoording", "Het verhaal", "De klantreis",
                    "Vastgestelde feiten", "Knelpunten", "Leervragen", "Dilemma's voor de raad",
                    "Reacties van de instanties", "Nawoord", "Bijlage: bronnen", "Bijlage: gesprekspartners",
                    "Bijlage: verloop van het wederhoor", "Bijlage: begrippen",
                ], "\(name)")
            let description = try build(dossier, .casusbeschrijving)
            #expect(
                headings(description.document) == [
                    "Colofon", "De casus in het kort", "Het narratief", "Tijdlijn", "Citaten en hun bron",
                    "Toestemming en grondslag",
                ])
            let english = try build(dossier, language: .en)
            #expect(headings(english.document).first == "Colophon")
            #expect(
                english.document.meta.status == "Draft for factual check by officials — confidential, do not circulate")
            #expect(english.document.meta.language == "en")
        }
    }

    @Test("the status is on the cover and in the footer of every format")
    func status() throws {
        let result = try build(Repository.sample("bezwaar-wmo"), status: .definitief)
        #expect(result.document.meta.status == "Definitief")
        let html = String(decoding: HTMLWriter.render(result.document), as: UTF8.self)
        #expect(html.contains("<p class=\"status\">Definitief</p>") && html.contains("<footer>Definitief"))
        let odt = try ODTWriter.render(result.document)
        #expect(
            try ZipText.entry("styles.xml", in: odt).contains(
                "<style:footer><text:p text:style-name=\"Footer\">Definitief"))
        let docx = try DOCXWriter.render(result.document)
        #expect(try ZipText.entry("word/footer1.xml", in: docx).contains(">Definitief · "))
    }

    @Test("a speaker who withdrew consent for quotes has none of her words in the report, and the log says so")
    func withheldQuotes() throws {
        var dossier = try Repository.sample("boete-schuldhulp")
        let sanne = try #require(dossier.participant(named: "Sanne"))
        dossier.consent.append(
            ConsentEntry(
                id: "C99", participantId: sanne.id, withdrawn: [.verbatimQuotes], at: .now(), method: .mondeling,
                obtainedBy: "t"))
        for kind in ReportKind.allCases {
            let result = try build(dossier, kind)
            let text = QuoteMatching.normalize(markdown(result).replacingOccurrences(of: "\\", with: ""))
            for quote in dossier.quotes where quote.speakerId == sanne.id {
                #expect(!text.contains(QuoteMatching.normalize(quote.text)), "\(kind) still holds \(quote.id)")
            }
            #expect(result.log.omitted.contains { $0.nl.contains("citaat") && $0.nl.contains("Sanne") })
            #expect(text.contains("[citaat weggelaten]") || text.contains("[passage weggelaten"))
        }
        // Marloes withdrew in the sample itself: her quote is never in a report.
        let plain = try build(Repository.sample("boete-schuldhulp"))
        let marloes = try #require(try Repository.sample("boete-schuldhulp").quotes.first { $0.id == "Q9" })
        #expect(!QuoteMatching.normalize(markdown(plain)).contains(QuoteMatching.normalize(marloes.text)))
    }

    @Test(
        "without consent for the report, the narrative, the publication form or sharing with an agency, nothing is built"
    )
    func consentStops() throws {
        var dossier = try Repository.sample("bezwaar-wmo")
        let gerrit = try #require(dossier.endUser)
        var withdrawn = dossier
        withdrawn.consent.append(
            ConsentEntry(
                id: "C99", participantId: gerrit.id, withdrawn: [.narrative], at: .now(), method: .mondeling,
                obtainedBy: "t"))
        #expect(throws: CasusError.self) { try build(withdrawn) }
        do { _ = try build(withdrawn) } catch let error as CasusError {
            #expect(error.kind == .consentMissing && error.message.nl.contains("narratief"))
        }

        dossier.casus.publicationForm = .naam
        #expect(throws: CasusError.self) { try build(dossier, status: .definitief) }
        _ = try build(dossier, status: .conceptAmbtelijk)

        var noNarrative = try Repository.sample("bezwaar-wmo")
        noNarrative.narrative = []
        noNarrative.casus.currentNarrative = nil
        do { _ = try build(noNarrative); Issue.record("built without a story") } catch let error as CasusError {
            #expect(error.message.nl.contains("geen verhaal"))
        }
    }

    @Test("the wederhoor version for one agency holds only the passages, findings and responses about it")
    func agencyVersion() throws {
        let dossier = try Repository.sample("boete-schuldhulp")
        let result = try build(dossier, agency: "kredietbank")
        let text = markdown(result)
        #expect(text.contains("Versie voor Kredietbank Rijnstede"))
        #expect(text.contains("## Kredietbank Rijnstede"))
        for other in [
            "## Centraal Justitieel Incassobureau", "## Politie, basisteam Rijnstede-Oost",
            "Energieleverancier Stroomwijzer — ambtelijk",
        ] {
            #expect(!text.contains(other), "\(other) should not be in the Kredietbank version")
        }
        // Every narrative paragraph in it names the Kredietbank.
        let story = result.document.blocks.drop {
            if case .heading(_, let t, _) = $0 { return Inline.plain(t) != "Het verhaal" } else { return true }
        }.dropFirst()
        for block in story.prefix { if case .heading = $0 { return false } else { return true } } {
            guard case .paragraph(let inlines) = block, Inline.plain(inlines) != "[…]" else { continue }
            #expect(Inline.plain(inlines).lowercased().contains("kredietbank"), "\(Inline.plain(inlines))")
        }
        // An agency without consent to share is refused.
        var noSharing = dossier
        noSharing.consent.append(
            ConsentEntry(
                id: "C99", participantId: dossier.endUser!.id, withdrawn: [.sharing(with: "kredietbank")], at: .now(),
                method: .mondeling, obtainedBy: "t"))
        #expect(throws: CasusError.self) { try build(noSharing, agency: "kredietbank") }
    }

    @Test("a case published anonymised shows roles, never pseudonyms")
    func anonymised() throws {
        var dossier = try Repository.sample("bezwaar-wmo")
        dossier.casus.publicationForm = .anoniem
        let gerrit = try #require(dossier.endUser)
        dossier.consent.append(
            ConsentEntry(
                id: "C99", participantId: gerrit.id, granted: [.publicationAnonymised], at: .now(),
                method: .schriftelijk, obtainedBy: "t"))
        let text = markdown(try build(dossier, status: .definitief))
        for person in dossier.participants where person.pseudonym.count > 3 {
            #expect(!text.contains(person.pseudonym), "\(person.pseudonym)")
        }
        #expect(text.contains("de bewoner"))
    }

    @Test("missing parts still export, marked for the author and listed in the log")
    func gaps() throws {
        var dossier = try Repository.sample("bezwaar-wmo")
        dossier.casus.summary = nil
        dossier.leervragen = []
        dossier.dilemmas = []
        dossier.findings.removeAll { $0.agencyId == dossier.agencies[0].id }
        dossier.agencies[0].contact = .gesproken
        let result = try build(dossier)
        let gaps = result.document.blocks.compactMap { if case .gap(let text) = $0 { return text } else { return nil } }
        #expect(gaps.contains { $0.hasPrefix("Samenvatting ontbreekt") })
        #expect(gaps.contains { $0.hasPrefix("Nog geen leervragen") })
        #expect(gaps.contains { $0.hasPrefix("Geen bevindingen van \(dossier.agencies[0].name)") })
        #expect(result.log.gaps.count == gaps.count)
        #expect(
            String(decoding: HTMLWriter.render(result.document), as: UTF8.self).contains("class=\"gap\" role=\"note\""))
    }

    @Test("the same dossier and date give the same bytes in every format")
    func reproducible() throws {
        let dossier = try Repository.sample("boete-schuldhulp")
        let a = try build(dossier).document, b = try build(dossier).document
        #expect(try ODTWriter.render(a) == ODTWriter.render(b))
        #expect(try DOCXWriter.render(a) == DOCXWriter.render(b))
        #expect(HTMLWriter.render(a) == HTMLWriter.render(b))
        let odt = try ODTWriter.render(a)
        // ODF: the mimetype entry comes first and is stored, so tools can sniff the type.
        #expect(odt.subdata(in: 30..<38) == Data("mimetype".utf8))
        #expect(String(decoding: odt.subdata(in: 38..<77), as: UTF8.self) == "application/vnd.oasis.opendocument.text")
    }

    @Test("the rendered Markdown of the sample report stays as reviewed (golden file)")
    func goldenMarkdown() throws {
        for name in Repository.sampleNames {
            let text = markdown(try build(Repository.sample(name)))
            #expect(
                try Repository.matchesGolden(text, "\(name)-outside-in.md"),
                "Golden/\(name)-outside-in.md differs; rerun with CASUS_UPDATE_GOLDEN=1 and review the diff")
        }
    }
}

/// Reads one entry of a ZIP container as text.
enum ZipText {
    static func entry(_ path: String, in data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile) }
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }
}

@Suite("Knelpunt labels in reports")
struct KnelpuntLabelTests {
    @Test(
        "the outside-in report names bottlenecks by the catalogue's label, in the report's language",
        arguments: Repository.sampleNames)
    func catalogueLabels(name: String) throws {
        let catalogue = try KnelpuntCatalogue.load(
            Repository.root.appendingPathComponent("Templates/klantreis/knelpunten.yml"))
        let dossier = try Repository.sample(name)
        let tags = Set(dossier.events.flatMap(\.knelpunten))
        let known = catalogue.types.filter { tags.contains($0.id) }
        #expect(!known.isEmpty)
        for language in [Language.nl, .en] {
            let result = try ReportBuilder.build(
                dossier, template: ReportTemplate.load(.outsideIn, from: Repository.templates),
                options: ReportOptions(kind: .outsideIn, language: language, date: "2026-11-29", catalogue: catalogue))
            let text = String(decoding: MarkdownWriter.render(result.document), as: UTF8.self)
            for type in known { #expect(text.contains(type.label.text(language)), "\(type.id) in \(language)") }
        }
    }
}

@Suite("Bundled templates and the folders that override them")
struct TemplateLibraryTests {
    @Test("every template ships in the bundle, the same bytes as the files in the source tree")
    func bundled() throws {
        let files = TemplateLibrary.bundledFiles()
        #expect(
            files == [
                "informatiebrief-nl.md", "klantreis/knelpunten.yml", "rapport/casusbeschrijving.yml",
                "rapport/huisstijl.yml", "rapport/outside-in.yml",
            ])
        for file in files {
            let source = try Data(contentsOf: Repository.root.appendingPathComponent("Templates/" + file))
            #expect(try Data(contentsOf: TemplateLibrary.bundled.appendingPathComponent(file)) == source, "\(file)")
        }
        #expect(try TemplateLibrary().knelpunten().types.count > 5)
        #expect(TemplateLibrary().informationLetter(.en)?.lastPathComponent == "informatiebrief-nl.md")
    }

    @Test("a folder with only a house style overrides that file; the structure still comes bundled")
    func overrideOneFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-tpl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("rapport"), withIntermediateDirectories: true)
        try "organisatie: \"Rekenkamer Rijnstede\"\nhoofdkleur: \"#0B5D1E\"\n".write(
            to: folder.appendingPathComponent("rapport/huisstijl.yml"), atomically: true, encoding: .utf8)
        let library = TemplateLibrary(root: folder)
        #expect(library.url("rapport/huisstijl.yml")?.path.hasPrefix(folder.path) == true)
        #expect(library.url("rapport/outside-in.yml")?.path.hasPrefix(TemplateLibrary.bundled.path) == true)
        let template = try library.report(.outsideIn)
        #expect(template.style.primaryColour == "#0B5D1E")
        #expect(try TemplateLibrary().report(.outsideIn).style.primaryColour != "#0B5D1E")

        // The same folder given as the report folder (casus export --template) works alike.
        let byReportFolder = TemplateLibrary(reportFolder: folder.appendingPathComponent("rapport"))
        #expect(try byReportFolder.report(.casusbeschrijving).style.primaryColour == "#0B5D1E")

        let copy = folder.appendingPathComponent("kopie")
        #expect(try TemplateLibrary.copyBundled(to: copy) == TemplateLibrary.bundledFiles())
        #expect(try TemplateLibrary.copyBundled(to: copy).isEmpty)
    }
}

@Suite("A wederhoor version is built from the agency's slice of the dossier")
struct AgencySliceTests {
    @Test(
        "no other agency's findings, events, hand-offs, rounds or staff; no transcript; passages about it only",
        arguments: Repository.sampleNames)
    func slice(name: String) throws {
        let dossier = try Repository.sample(name)
        for agency in dossier.agencies {
            let slice = AgencySlice.reduce(dossier, to: agency)
            let bytes = String(decoding: try JSONEncoder().encode(slice), as: UTF8.self)
            for finding in dossier.findings where finding.agencyId != agency.id {
                #expect(!bytes.contains(finding.claim), "\(agency.id): finding \(finding.id)")
            }
            #expect(slice.findings.allSatisfy { $0.agencyId == agency.id })
            #expect(slice.wederhoor.allSatisfy { $0.agencyId == agency.id })
            #expect(slice.handoffs.allSatisfy { $0.fromAgencyId == agency.id || $0.toAgencyId == agency.id })
            #expect(slice.participants.allSatisfy { $0.role != .medewerker || $0.agencyId == agency.id })
            #expect(slice.interviews.allSatisfy { $0.transcript == nil && $0.audio == nil })
            #expect(slice.narrative.count <= 1 && slice.reviews.isEmpty && slice.overrides.isEmpty)
            let names = AgencyNames.variants(of: agency)
            for passage in (slice.currentNarrative?.text ?? "").components(separatedBy: "\n\n")
            where passage != "[…]" && !passage.isEmpty {
                #expect(
                    names.contains { QuoteMatching.containsWord(passage.lowercased(), $0) },
                    "\(agency.id): \(passage.prefix(200))")
            }
            let quoteIds = Set(slice.quotes.map(\.id))
            #expect(slice.events.compactMap(\.quoteId).allSatisfy(quoteIds.contains))
        }
    }
}

@Suite("the journey map in paged reports")
struct JourneyPageTests {
    func report(_ name: String) throws -> ReportResult {
        try ReportBuilder.build(
            Repository.sample(name), template: ReportTemplate.load(.outsideIn, from: Repository.templates),
            options: ReportOptions(kind: .outsideIn, language: .nl, date: "2026-11-29"))
    }

    /// The figures of paged documents (ODT, DOCX, PDF, Markdown).
    func figures(_ document: Document) -> [Figure] {
        document.shown(on: .paged).blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
    }

    @Test(
        "the map is printed in parts, each on a page of its own in the orientation that prints it larger, its words at least 6 pt, with the missing hand-offs, the legend before it and the hand-offs in the captions",
        arguments: Repository.sampleNames)
    func placement(name: String) throws {
        let document = try report(name).document
        let parts = figures(document)
        let dossier = try Repository.sample(name)
        #expect(parts.count > 1 && parts.count < dossier.events.count, "\(name): \(parts.count) parts")
        for figure in parts {
            // A landscape page holds 257 × 150 mm, a portrait one 166 × 215 mm, within the margins.
            let (width, height) = figure.landscapePage ? (257.0, 150.0) : (166.0, 215.0)
            #expect(figure.widthMillimetres <= width + 0.1 && figure.heightMillimetres <= height + 0.1)
            let drawn = (figure.svg.firstMatch(of: /width="([0-9.]+)"/)?.1).flatMap { Double($0) } ?? 0
            let tall = (figure.svg.firstMatch(of: /height="([0-9.]+)"/)?.1).flatMap { Double($0) } ?? 0
            // The other orientation would not print it larger.
            let other = figure.landscapePage ? min(166 / drawn, 215 / tall) : min(257 / drawn, 150 / tall)
            #expect(figure.widthMillimetres / drawn >= other * 0.97, "\(name): orientation")
            // Its smallest words (9 px) print at 6 pt (`readablePoints`) at least.
            let points = 9 * figure.widthMillimetres / drawn * 72 / 25.4
            #expect(points >= ReportBuilder.readablePoints - 0.05, "\(name): \(points) pt")
            // Nothing is drawn past the right edge.
            let lefts = figure.svg.matches(of: /<(?:rect|text) x="([0-9.]+)"(?![^>]*text-anchor="end")/).compactMap {
                Double($0.1)
            }
            #expect(lefts.allSatisfy { $0 < drawn - 20 }, "\(name)")
            #expect(figure.caption.contains(" van \(parts.count): "))
        }
        // Every event is on exactly one part.
        let shown = parts.flatMap { figure in dossier.events.filter { figure.svg.contains("<title>\($0.id): ") } }
        #expect(shown.count == dossier.events.count)
        let missing = dossier.handoffs.filter { !$0.happened }
        #expect(!missing.isEmpty)
        #expect(parts.contains { $0.svg.contains("stroke=\"#B5472A\" stroke-dasharray=\"6 4\"") })
        for handoff in missing {
            #expect(parts.contains { $0.caption.contains("NIET GEBEURD: \(handoff.what)") }, "\(handoff.id)")
        }
        // The legend, once, as text before the first part.
        let firstFigure = try #require(document.blocks.firstIndex { if case .figure = $0 { true } else { false } })
        let legend = document.blocks[..<firstFigure].filter { BlockText.plain($0).hasPrefix("Legenda: V ") }
        #expect(legend.count == 1)
        #expect(!parts.contains { $0.svg.contains("Legenda") })
        // On screen: the whole map once, scrolling sideways, with its own legend and hand-off labels.
        let screen = document.shown(on: .screen).blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } }
        #expect(screen.count == 1 && screen[0].wide && screen[0].medium == .screen)
        #expect(screen[0].svg.contains("Legenda") && screen[0].svg.contains("NIET GEBEURD"))
        let html = String(decoding: HTMLWriter.render(document), as: UTF8.self)
        #expect(html.components(separatedBy: "<figure class=\"figure").count - 1 == 1, "\(name): one map in HTML")
        #expect(!String(decoding: MarkdownWriter.render(document), as: UTF8.self).contains(screen[0].caption + "**"))
    }

    @Test("a long journey prints on at most 12 map pages, smaller, and the report says so")
    func longJourney() throws {
        var dossier = try Repository.sample("boete-schuldhulp")
        let originals = dossier.events
        for copy in 1...6 {
            for (n, event) in originals.enumerated() {
                var later = event
                later.id = "E\(1000 * copy + n)"
                later.date = event.date.map {
                    FuzzyDate(year: $0.year + 4 * copy, month: $0.month, day: $0.day, approximate: $0.approximate)
                }
                later.endDate = nil
                dossier.events.append(later)
            }
        }
        let result = try ReportBuilder.build(
            dossier, template: ReportTemplate.load(.outsideIn, from: Repository.templates),
            options: ReportOptions(kind: .outsideIn, language: .nl, date: "2026-11-29"))
        let parts = figures(result.document)
        #expect(parts.count == ReportBuilder.maximumParts)
        #expect(
            result.document.blocks.contains { BlockText.plain($0).hasPrefix("De kaart telt te veel gebeurtenissen") })
        let shown = parts.flatMap { figure in dossier.events.filter { figure.svg.contains("<title>\($0.id): ") } }
        #expect(shown.count == dossier.events.count)
    }

    @Test("DOCX embeds each part as SVG with a PNG beside it, and a wide part gets a landscape section")
    func docxPictures() throws {
        guard SVGRasteriser.tool() != nil else {
            print("skipped: rsvg-convert is not installed (Debian: librsvg2-bin); scripts/test installs it")
            return
        }
        let document = try report("boete-schuldhulp").document
        let parts = figures(document)
        let docx = try DOCXWriter.render(document) { figure in
            try SVGRasteriser.png(svg: figure.svg, pixelsWide: Int(figure.widthMillimetres / 25.4 * 200))
        }
        let body = try ZipText.entry("word/document.xml", in: docx)
        let relations = try ZipText.entry("word/_rels/document.xml.rels", in: docx)
        let archive = try Archive(data: docx, accessMode: .read)
        for number in 1...parts.count {
            var png = Data()
            _ = try archive.extract(try #require(archive["word/media/figuur\(number).png"])) { png.append($0) }
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(try ZipText.entry("word/media/figuur\(number).svg", in: docx) == parts[number - 1].svg)
            #expect(
                relations.contains("Id=\"rIdFigure\(number)\"") && relations.contains("Id=\"rIdFigureSVG\(number)\""))
            #expect(body.contains("<asvg:svgBlip r:embed=\"rIdFigureSVG\(number)\"/>"))
        }
        #expect(try ZipText.entry("[Content_Types].xml", in: docx).contains("Extension=\"svg\""))
        let landscape = parts.filter(\.landscapePage).count
        #expect(landscape > 0)
        #expect(body.components(separatedBy: "w:orient=\"landscape\"").count - 1 == landscape)
        // Each landscape section ends at its part's caption; the text after it, and the body's end, are portrait.
        #expect(body.components(separatedBy: "<w:pStyle w:val=\"Caption\"/><w:sectPr>").count - 1 == landscape)
        let last = try #require(body.range(of: "<w:sectPr>", options: .backwards))
        #expect(body[last.lowerBound...].contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
    }

    @Test("without a rasteriser DOCX keeps the map's text alternative and says where the drawing is")
    func docxWithoutPictures() throws {
        let document = try report("bezwaar-wmo").document
        let docx = try DOCXWriter.render(document)
        let body = try ZipText.entry("word/document.xml", in: docx)
        #expect(!body.contains("svgBlip") && body.contains("rsvg-convert"))
        #expect(body.contains(XMLText.escape(try #require(figures(document).first).alt)))
    }
}
