import CasusCore
import CasusTestSupport
import Foundation
import Testing

@testable import CasusJourney

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The shared test repository, with this target's golden files.
enum Repository {
    static let root = TestRepository.root
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static func sample(_ name: String) throws -> Dossier { try TestRepository.sample(name) }
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        try TestRepository.matchesGolden(text, name, in: golden)
    }
    static func catalogue() throws -> KnelpuntCatalogue {
        try KnelpuntCatalogue.load(root.appendingPathComponent("Templates/klantreis/knelpunten.yml"))
    }
}

/// Collects element names and text of an SVG we wrote ourselves (never untrusted input).
final class SVGScan: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text = ""
    var failed = false

    init(_ svg: String) {
        super.init()
        precondition(!svg.isEmpty)
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        failed = !parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }
}

@Suite("journey maps")
struct JourneyTests {
    func map(_ dossier: Dossier, _ view: JourneyView = .blueprint) throws -> JourneyMap {
        try JourneyMap.build(dossier, view: view, language: .nl, catalogue: Repository.catalogue())
    }

    struct Rect { let x, y, w, h: Double }

    func overlaps(_ rects: [Rect]) -> [(Int, Int)] {
        var found: [(Int, Int)] = []
        let sorted = rects.enumerated().sorted { $0.element.x < $1.element.x }
        for (i, a) in sorted.enumerated() {
            for b in sorted[(i + 1)...] {
                if b.element.x >= a.element.x + a.element.w { break }
                if a.element.y < b.element.y + b.element.h && b.element.y < a.element.y + a.element.h {
                    found.append((a.offset, b.offset))
                }
            }
        }
        return found
    }

    func allRects(_ layout: JourneyLayout) -> [Rect] {
        layout.boxes.map { Rect(x: $0.x, y: $0.y, w: JourneyLayout.boxWidth, h: $0.height) }
            + layout.moments.map {
                Rect(x: $0.x, y: layout.momentTop + $0.y, w: layout.momentWidth, h: $0.height)
            }
            + layout.handoffs.filter { !$0.lines.isEmpty }.map {
                Rect(x: $0.labelX, y: $0.labelY, w: JourneyLayout.boxWidth + 40, h: $0.labelHeight)
            }
    }

    @Test(
        "each sample's SVG is well-formed, titled and described, with every event in its lane in date order and every hand-off drawn"
    )
    func samples() throws {
        for name in ["boete-schuldhulp", "bezwaar-wmo"] {
            let dossier = try Repository.sample(name)
            let journey = try map(dossier)
            let svg = SVGJourneyWriter.render(journey)
            let scan = SVGScan(svg)
            #expect(!scan.failed, "\(name): SVG does not parse")
            #expect(svg.contains("role=\"img\" aria-labelledby=\"kaart-titel kaart-beschrijving\""))
            #expect(scan.elements.contains("title") && scan.elements.contains("desc"))
            let layout = JourneyLayout(journey)
            #expect(layout.boxes.count == dossier.events.count, "\(name): every event is on the blueprint")
            for lane in journey.lanes {
                let boxes = layout.boxes.filter { $0.item.laneId == lane.id }
                let dated = boxes.filter { $0.item.date != nil }
                #expect(dated.map(\.x) == dated.map(\.x).sorted(), "\(name) \(lane.id): boxes out of date order")
                let band = try #require(layout.lanes.first { $0.lane.id == lane.id })
                for box in boxes {
                    #expect(
                        box.y >= band.y && box.y + box.height <= band.y + band.height,
                        "\(box.item.eventId) outside its lane")
                }
            }
            // Events land in the lane of their actor: agency events front or back by visibility.
            for event in dossier.events {
                let box = try #require(layout.boxes.first { $0.item.eventId == event.id })
                if case .agency(let id) = event.actor {
                    #expect(box.item.laneId == (event.visibleToEndUser ? "front:\(id)" : "back:\(id)"))
                }
            }
            #expect(layout.handoffs.count == dossier.handoffs.count)
            let missing = dossier.handoffs.filter { !$0.happened }.count
            #expect(missing > 0)
            #expect(svg.components(separatedBy: "NIET GEBEURD:").count - 1 == missing)
            #expect(svg.components(separatedBy: "marker-end=\"url(#pijl-open)\"").count - 1 == missing)
            #expect(overlaps(allRects(layout)).isEmpty, "\(name): overlapping labels")
        }
    }

    @Test(
        "printed, a map has no title, legend or hand-off texts (the document has them) but every hand-off's arrow; each event has a slot of its own, so no box stacks on another",
        arguments: ["boete-schuldhulp", "bezwaar-wmo"])
    func printed(name: String) throws {
        let dossier = try Repository.sample(name)
        let journey = try map(dossier)
        let drawing = SVGJourneyWriter.drawing(journey, style: .print)
        let layout = JourneyLayout(journey, style: .print)
        #expect(!SVGScan(drawing.svg).failed)
        for absent in ["Legenda", "NIET GEBEURD", ">Klantreis — ", ">Overdrachten<", " — zichtbaar"] {
            #expect(!drawing.svg.contains(absent), "\(name): \(absent)")
        }
        let missing = dossier.handoffs.filter { !$0.happened }.count
        #expect(drawing.svg.components(separatedBy: "marker-end=\"url(#pijl-open)\"").count - 1 == missing)
        #expect(layout.boxes.count == dossier.events.count)
        // Boxes in date order, a box apart: one row per lane, nothing stacked.
        let dated = layout.boxes.filter { $0.item.date != nil }.sorted { $0.x < $1.x }
        for (a, b) in zip(dated, dated.dropFirst()) {
            #expect(b.x - a.x >= JourneyLayout.boxWidth, "\(a.item.eventId) and \(b.item.eventId) overlap in time")
            #expect(
                JourneyLayout.middle(b.item.date!) >= JourneyLayout.middle(a.item.date!),
                "\(b.item.eventId) before \(a.item.eventId)")
        }
        for band in layout.lanes {
            let tops = Set(layout.boxes.filter { $0.item.laneId == band.lane.id }.map(\.y))
            #expect(tops.count <= 1, "\(name) \(band.lane.id): boxes stacked")
        }
        #expect(overlaps(allRects(layout)).isEmpty)
        #expect(drawing.width < 900 || dossier.events.count > 4, "no minimum width in print")
    }

    @Test(
        "a lane is as tall as its wrapped name; a word that fits a box's full width is not broken after its first line")
    func laneNamesAndWords() throws {
        let journey = try map(Repository.sample("bezwaar-wmo"))
        for style in [JourneyStyle.screen, .print] {
            let layout = JourneyLayout(journey, style: style)
            for band in layout.lanes {
                #expect(band.height >= Double(band.titleLines.count) * JourneyLayout.lineHeight + 10, "\(band.lane.id)")
            }
            let lines = layout.boxes.flatMap(\.lines)
            #expect(lines.contains { $0.hasSuffix("gegevensuitwisseling") })
            #expect(!lines.contains { $0.hasSuffix("gegevensuitwisseli-") })
        }
        #expect(
            JourneyLayout.wrap("~2022-10-24 · gegevensuitwisseling", width: 144, firstLineWidth: 126) == [
                "~2022-10-24 ·", "gegevensuitwisseling",
            ])
    }

    @Test("the overview shows what she saw; an agency's slice shows its lanes and hand-offs; consent keeps quotes off")
    func views() throws {
        let dossier = try Repository.sample("boete-schuldhulp")
        let overview = try map(dossier, .overview)
        #expect(
            overview.items.allSatisfy {
                $0.visibleToEndUser || $0.laneId == "enduser" || $0.laneId.hasPrefix("person:")
            })
        #expect(!overview.lanes.contains { $0.kind == .agencyBack } && overview.handoffs.isEmpty)
        let slice = try map(dossier, .agency("kredietbank"))
        for lane in slice.lanes {
            guard let agency = lane.agencyId, agency != "kredietbank" else { continue }
            #expect(
                slice.handoffs.contains { $0.fromLane == "back:\(agency)" || $0.toLane == "back:\(agency)" },
                "\(agency) is in the Kredietbank slice without a hand-off")
        }
        #expect(slice.handoffs.allSatisfy { $0.fromLane == "back:kredietbank" || $0.toLane == "back:kredietbank" })
        // Marloes withdrew her quotes in the sample.
        #expect(!SVGJourneyWriter.render(try map(dossier)).contains("Q9"))
        #expect(try map(dossier).omitted.contains { $0.nl.contains("Q9") })
        var withdrawn = dossier
        withdrawn.consent.append(
            ConsentEntry(
                id: "C99", participantId: dossier.endUser!.id, withdrawn: [.narrative], at: .now(), method: .mondeling,
                obtainedBy: "t"))
        #expect(throws: CasusError.self) { try map(withdrawn) }
    }

    @Test("something that lasted draws a bar from start to end; an approximate date draws the range it stands for")
    func durations() throws {
        var dossier = try Repository.sample("bezwaar-wmo")
        let index = try #require(dossier.events.firstIndex { $0.date?.precision == .day })
        dossier.events[index].endDate = FuzzyDate(year: dossier.events[index].date!.year + 1, month: 1, day: 20)
        let layout = JourneyLayout(try map(dossier))
        let box = try #require(layout.boxes.first { $0.item.eventId == dossier.events[index].id })
        #expect(box.spanTo > box.spanFrom + 50)
        let approximate = try #require(
            layout.boxes.first { $0.item.date?.approximate == true || $0.item.date?.precision == .month })
        #expect(approximate.spanTo > approximate.spanFrom)
    }

    @Test("Mermaid output follows the journey syntax: a title, sections without ':', tasks with a score 1..5")
    func mermaid() throws {
        for name in ["boete-schuldhulp", "bezwaar-wmo"] {
            let text = JourneyText.mermaid(try map(try Repository.sample(name)))
            let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("%%") }
            #expect(lines.first == "journey")
            #expect(lines[1].hasPrefix("    title ") && !lines[1].dropFirst(10).contains(":"))
            var tasks = 0
            for line in lines.dropFirst(2) {
                if line.hasPrefix("    section ") {
                    #expect(!line.dropFirst(12).contains(":") && !line.dropFirst(12).isEmpty, "\(line)")
                    continue
                }
                let parts = line.trimmingCharacters(in: .whitespaces).components(separatedBy: ": ")
                #expect(parts.count == 3, "\(line)")
                #expect((1...5).contains(Int(parts[1]) ?? 0), "\(line)")
                #expect(!parts[0].contains(":") && !parts[0].isEmpty)
                tasks += 1
            }
            #expect(tasks > 5)
            #expect(text.hasPrefix("%% Klantreis uit casus. Mermaid laat weg"))
        }
    }

    @Test("CSV has a header and one quoted-where-needed row per event")
    func csv() throws {
        let dossier = try Repository.sample("bezwaar-wmo")
        let text = JourneyText.csv(try map(dossier))
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first?.hasPrefix("id,datum,ongeveer,baan") == true)
        #expect(rows.count == dossier.events.count + 1)
    }

    @Test("the maps and their text equivalents stay as reviewed (golden files), and are deterministic")
    func golden() throws {
        let dossier = try Repository.sample("bezwaar-wmo")
        let svg = SVGJourneyWriter.render(try map(dossier, .overview))
        #expect(svg == SVGJourneyWriter.render(try map(dossier, .overview)))
        #expect(try Repository.matchesGolden(svg, "bezwaar-wmo-overview.svg"))
        #expect(try Repository.matchesGolden(JourneyText.mermaid(try map(dossier)), "bezwaar-wmo.mmd"))
        #expect(try Repository.matchesGolden(JourneyText.csv(try map(dossier)), "bezwaar-wmo.csv"))
    }

    /// A generated case: `count` events over ten agencies, on many shared days, with hand-offs.
    static func large(_ count: Int, dated: Bool = true) throws -> Dossier {
        var d = try Repository.sample("boete-schuldhulp")
        d.agencies = (0..<10).map {
            Agency(id: "a\($0)", name: "Instantie \($0) met een tamelijk lange naam", contact: .gesproken)
        }
        d.findings = []
        let endUser = d.endUser!.id
        d.events = (0..<count).map { n in
            let date: FuzzyDate? =
                dated
                ? FuzzyDate(year: 2020 + n / 150, month: (n / 12) % 12 + 1, day: n % 5 + 1, approximate: n % 17 == 0)
                : nil
            let actor: Actor = n % 11 == 0 ? .participant(endUser) : .agency("a\(n % 10)")
            let impact: Int? = n % 7 == 0 ? (n % 5) - 2 : nil
            let tags: [String] = n % 9 == 0 ? ["fout-reist-mee"] : []
            let what =
                "Gebeurtenis \(n + 1) met een beschrijving die over meerdere regels loopt zodat het vak hoger wordt dan één regel"
            return TimelineEvent(
                id: "E\(n + 1)", date: date, actor: actor, channel: .brief, what: what, impact: impact,
                visibleToEndUser: n % 3 != 0, knelpunten: tags, keyMoment: n % 50 == 0)
        }
        d.handoffs = (0..<40).map { n in
            Handoff(
                id: "H\(n + 1)", fromAgencyId: "a\(n % 10)", toAgencyId: "a\((n + 3) % 10)",
                date: dated ? FuzzyDate(year: 2020 + n / 12, month: n % 12 + 1) : nil,
                what: "Overdracht \(n + 1)", happened: n % 4 != 0)
        }
        d.quotes = []
        return d
    }

    @Test("500 events over 10 agencies lay out without overlapping labels")
    func fiveHundred() throws {
        let layout = JourneyLayout(try map(Self.large(500)))
        #expect(layout.boxes.count == 500)
        #expect(overlaps(allRects(layout)).isEmpty)
        #expect(SVGScan(SVGJourneyWriter.render(try map(Self.large(500)))).failed == false)
    }

    @Test("degenerate input still gives a sensible map: one event, one day for all, no dates at all")
    func degenerate() throws {
        var one = try Self.large(1)
        one.handoffs = []
        var sameDay = try Self.large(30)
        sameDay.events = sameDay.events.map {
            var e = $0; e.date = FuzzyDate("2021-05-04"); return e
        }
        let undated = try Self.large(25, dated: false)
        for dossier in [one, sameDay, undated] {
            let journey = try map(dossier)
            let layout = JourneyLayout(journey)
            #expect(layout.boxes.count == dossier.events.count)
            #expect(layout.width >= 900 && layout.height > 300)
            #expect(overlaps(allRects(layout)).isEmpty)
            #expect(layout.boxes.allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.x >= JourneyLayout.titleColumn })
            #expect(!SVGScan(SVGJourneyWriter.render(journey)).failed)
        }
    }
}
