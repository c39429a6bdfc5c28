import CasusCore
import CasusDocuments
import CasusJourney
import Foundation

/// What to build: which report, in which state, language and date, and for whom.
public struct ReportOptions: Sendable {
    public var kind: ReportKind
    public var status: ReportStatus
    /// The report's language; nil for the case's own.
    public var language: Language?
    /// `YYYY-MM-DD`; the same date gives the same bytes.
    public var date: String
    public var version: String?
    /// The wederhoor version for one agency: only the passages and findings about it.
    public var agencyId: String?
    /// The knelpunt types, for their labels in the report's language; tags not in it are made readable.
    public var catalogue: KnelpuntCatalogue

    public init(
        kind: ReportKind, status: ReportStatus = .conceptAmbtelijk, language: Language? = nil, date: String,
        version: String? = nil, agencyId: String? = nil, catalogue: KnelpuntCatalogue = KnelpuntCatalogue()
    ) {
        self.catalogue = catalogue
        self.kind = kind
        self.status = status
        self.language = language
        self.date = date
        self.version = version
        self.agencyId = agencyId
    }
}

/// A built report and what was left out of it.
public struct ReportResult: Sendable {
    public var document: Document
    public var log: ExportLog
}

/// Turns a dossier into a report document, section by section as the template orders them.
/// Consent decides what goes in (see `ReportScope`); only pseudonyms appear, or role
/// descriptions when the case is published anonymised.
public struct ReportBuilder {
    var scope: ReportScope
    let template: ReportTemplate
    let language: Language
    var blocks: [Block] = []
    /// Whether the journey map placed last was on a landscape page (nil: none placed yet).
    var lastJourneyLandscape: Bool?
    var anchors: Set<String> = []
    /// The narrative as it may appear in this report, made once and used by every section that needs it.
    var story: [Block] = []

    public static func build(
        _ dossier: Dossier, template: ReportTemplate, options: ReportOptions
    ) throws -> ReportResult {
        var builder = ReportBuilder(
            scope: try ReportScope(dossier, options: options), template: template,
            language: options.language ?? dossier.casus.language)
        let values = builder.values
        builder.story = builder.narrativeBlocks()
        for quote in builder.scope.withheldQuotes {
            let speaker = dossier.participant(quote.speakerId)?.pseudonym ?? quote.speakerId
            builder.scope.log.omitted.append(
                Localized(
                    nl: "citaat \(quote.id) van \(speaker): geen toestemming voor letterlijke citaten",
                    en: "quote \(quote.id) by \(speaker): no consent for verbatim quotes"))
        }
        for section in template.sections { try builder.add(section, values: values) }
        if options.agencyId != nil && !builder.hasAgencyMaterial {
            throw CasusError(
                .invalidInput,
                nl:
                    "Er staat niets over deze instantie in het narratief of de bevindingen: de wederhoorversie zou leeg zijn. Er is niets geschreven.",
                en:
                    "Nothing in the narrative or the findings is about this agency: the wederhoor version would be empty. Nothing was written."
            )
        }
        let casus = dossier.casus
        var meta = DocumentMeta(
            title: template.title.render(builder.language, values),
            subtitle: template.subtitle?.render(builder.language, values),
            status: template.statusLabel(options.status, builder.language, values), version: options.version,
            date: options.date, language: builder.language.rawValue, authors: casus.researchers,
            organisation: template.organisation, coverLines: builder.coverLines,
            footerText: template.footer?.render(builder.language, values))
        if let agency = builder.scope.agency {
            meta.subtitle = [meta.subtitle, builder.t("Versie voor \(agency.name)", "Version for \(agency.name)")]
                .compactMap { $0 }.joined(separator: " — ")
        }
        var document = Document(meta: meta, style: template.style, blocks: builder.blocks)
        if casus.publicationForm == .anoniem {
            document = Anonymiser(dossier: dossier, language: builder.language).apply(document)
        }
        return ReportResult(document: document, log: builder.scope.log)
    }

    func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }
    func t(_ text: Localized) -> String { text.text(language) }

    var dossier: Dossier { scope.dossier }

    /// The values standard texts may use as `{{name}}`.
    var values: [String: Any] {
        let casus = dossier.casus
        let agencies = dossier.agencies.map(\.name)
        var values: [String: Any] = [
            "titel": casus.title, "vraagstuk": casus.vraagstuk, "datum": scope.options.date,
            "eindgebruiker": scope.endUser.pseudonym, "aantalInterviews": dossier.interviews.count,
            "aantalInstanties": agencies.count, "instanties": agencies.joined(separator: ", "),
            "onderzoekers": casus.researchers.joined(separator: ", "),
            "publicatievorm": casus.publicationForm.map { t($0.label) } ?? "",
            "anoniem": casus.publicationForm == .anoniem, "pseudoniem": casus.publicationForm != .anoniem,
        ]
        if let opdrachtgever = casus.opdrachtgever { values["opdrachtgever"] = opdrachtgever }
        if let coach = casus.coach { values["coach"] = coach }
        if let agency = scope.agency { values["instantie"] = agency.name }
        // How the texts refer to the main character: the recorded pronoun, else neutral words.
        let words = PersonWords(scope.endUser)
        if scope.endUser.pronoun != nil && scope.endUser.pronoun != .naam {
            values["voornaamwoord"] = t(words.subject)
            values["voornaamwoordObject"] = t(words.object)
            values["bezittelijk"] = t(words.possessive)
        } else {
            values["voornaamwoord"] = t("de hoofdpersoon", "the main character")
            values["voornaamwoordObject"] = t("de hoofdpersoon", "the main character")
            values["bezittelijk"] = t("diens", "their")
        }
        return values
    }

    var coverLines: [String] {
        var lines: [String] = []
        if let opdrachtgever = dossier.casus.opdrachtgever {
            lines.append(t("In opdracht van \(opdrachtgever)", "Commissioned by \(opdrachtgever)"))
        }
        return lines
    }

    /// Whether an agency's version holds anything about it.
    var hasAgencyMaterial: Bool {
        guard scope.agency != nil else { return true }
        return !dossier.findings.isEmpty
            || story.contains { block in
                if case .paragraph = block { return true }
                if case .quote = block { return true }
                return false
            }
    }

    // MARK: Sections

    mutating func add(_ section: TemplateSection, values: [String: Any]) throws {
        if let heading = section.heading?.render(language, values), section.content != .inhoudsopgave {
            blocks.append(
                .heading(level: section.level, text: [.text(heading)], anchor: anchor(for: section.content.rawValue)))
        }
        if let text = section.text?.render(language, values), !text.isEmpty {
            blocks += MarkdownBlocks.parse(text, headingOffset: section.level, anchorPrefix: section.content.rawValue)
        }
        switch section.content {
        case .tekst, .leeswijzer, .nawoord: break
        case .colofon: colophon()
        case .inhoudsopgave:
            blocks.append(.tableOfContents(title: section.heading?.render(language, values) ?? t("Inhoud", "Contents")))
        case .casusKort, .samenvatting: summary()
        case .verantwoording: accountability()
        case .verhaal: blocks += story
        case .klantreis:
            try journeyFigure()
            timeline()
        case .tijdlijn: timeline()
        case .citaten: quotes()
        case .grondslag: consentBasis()
        case .feiten: findings()
        case .knelpunten: bottlenecks()
        case .leervragen: learningQuestions()
        case .dilemmas: dilemmas()
        case .reacties: responses()
        case .bronnen: sources()
        case .gesprekspartners: interlocutors()
        case .wederhoorlog: wederhoorLog()
        case .begrippen: glossary(values)
        }
    }

    mutating func anchor(for base: String) -> String {
        var candidate = base, n = 2
        while anchors.contains(candidate) { candidate = "\(base)-\(n)"; n += 1 }
        anchors.insert(candidate)
        return candidate
    }

    mutating func gap(_ nl: String, _ en: String) {
        blocks.append(.gap(t(nl, en)))
        scope.log.gaps.append(Localized(nl: nl, en: en))
    }

    mutating func colophon() {
        let casus = dossier.casus
        var rows: [[String]] = [[t("Titel", "Title"), casus.title], [t("Vraagstuk", "Question"), casus.vraagstuk]]
        if let opdrachtgever = casus.opdrachtgever { rows.append([t("Opdrachtgever", "Commissioner"), opdrachtgever]) }
        rows.append([t("Onderzoekers", "Researchers"), casus.researchers.joined(separator: ", ")])
        if let coach = casus.coach { rows.append([t("Coach", "Coach"), coach]) }
        rows.append([t("Status", "Status"), template.statusLabel(scope.options.status, language, values)])
        if let version = scope.options.version { rows.append([t("Versie", "Version"), version]) }
        rows.append([t("Datum", "Date"), scope.options.date])
        rows.append([
            t("Publicatievorm", "Publication form"),
            casus.publicationForm.map { t($0.label) } ?? t("nog niet gekozen", "not chosen yet"),
        ])
        rows.append([
            t("Namen", "Names"),
            casus.publicationForm == .anoniem
                ? t("alle personen zijn geanonimiseerd", "everyone is anonymised")
                : t("alle namen van personen zijn pseudoniemen", "all names of people are pseudonyms"),
        ])
        blocks.append(
            .table(Table(header: [t("Onderdeel", "Item"), t("Gegevens", "Details")], plainRows: rows, widths: [1, 3])))
    }

    mutating func summary() {
        if let summary = dossier.casus.summary, !summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            blocks += MarkdownBlocks.parse(summary)
        } else {
            gap(
                "Samenvatting ontbreekt: schrijf de casus in enkele regels bij de gegevens van de casus.",
                "Summary missing: write the case in a few lines with the case's details.")
        }
    }

    mutating func accountability() {
        let endUserInterviews = dossier.interviews.filter { $0.participantId == scope.endUser.id }
        let minutes = endUserInterviews.map { $0.actualMinutes ?? $0.plannedMinutes }.reduce(0, +)
        // The same people the appendix lists by role, and how many of their conversations are recorded.
        let others = dossier.participants.filter { $0.id != scope.endUser.id }.count
        let otherInterviews = dossier.interviews.count - endUserInterviews.count
        let spoken = dossier.agencies.filter { $0.contact == .gesproken }.count
        let declined = dossier.agencies.filter { $0.contact == .geweigerd }.map(\.name)
        var items: [[Inline]] = [
            [
                .text(
                    t(
                        "Gesprekken met de hoofdpersoon: \(endUserInterviews.count), samen \(minutes) minuten.",
                        "Interviews with the main character: \(endUserInterviews.count), \(minutes) minutes together."))
            ],
            [
                .text(
                    t(
                        "Andere gesprekspartners (omgeving, medewerkers): \(others), met \(otherInterviews) vastgelegd(e) gesprek(ken).",
                        "Other interlocutors (people close to the main character, staff): \(others), with \(otherInterviews) recorded interview(s)."
                    ))
            ],
            [
                .text(
                    t(
                        "Instanties gesproken voor de contra-expertise: \(spoken) van \(dossier.agencies.count).",
                        "Agencies interviewed for the contra-expertise: \(spoken) of \(dossier.agencies.count)."))
            ],
            [
                .text(
                    t(
                        "Vastgestelde feiten: \(dossier.findings.count) bevindingen.",
                        "Established facts: \(dossier.findings.count) findings."))
            ],
        ]
        if !declined.isEmpty {
            items.append([
                .text(
                    t(
                        "Niet meegewerkt: \(declined.joined(separator: ", ")).",
                        "Did not take part: \(declined.joined(separator: ", "))."))
            ])
        }
        blocks.append(.list(ordered: false, items: items))
    }

    /// The narrative, without quotes whose speaker withheld consent (for one agency, the slice already
    /// holds only the passages about it).
    func narrativeBlocks() -> [Block] {
        guard let narrative = dossier.currentNarrative else { return [] }
        var result: [Block] = []
        let withheld = scope.withheldQuotes.map { ($0, QuoteMatching.normalize($0.text)) }
        for block in MarkdownBlocks.parse(narrative.text, headingOffset: 1, anchorPrefix: "verhaal") {
            result.append(withoutWithheldQuotes(block, withheld))
        }
        return result
    }

    /// Replaces the words of withheld quotes with a marker, or the whole passage when the words cannot be found exactly.
    func withoutWithheldQuotes(_ block: Block, _ withheld: [(quote: Quote, normalized: String)]) -> Block {
        guard !withheld.isEmpty else { return block }
        let normalized = QuoteMatching.normalize(BlockText.plain(block))
        var result = block
        for (quote, words) in withheld where normalized.contains(words) {
            let marker = t("[citaat weggelaten]", "[quote left out]")
            if let replaced = BlockText.replacing(
                quote.text.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!?")), with: marker, in: result)
            {
                result = replaced
            } else {
                result = .gap(
                    t(
                        "[passage weggelaten: bevat een citaat zonder toestemming]",
                        "[passage left out: holds a quote without consent]"))
            }
        }
        return result
    }

    /// The journey map (the whole blueprint with its hand-offs, also the missing ones, or the agency's
    /// slice for its version) drawn for print, each part on a page of its own, with the map's own summary
    /// as text alternative, its legend once as text before it and each part's hand-offs in its caption.
    /// A map whose words would print smaller than `readablePoints` is split into periods of consecutive
    /// events, each as long as still prints that large, and a new phase starts a new period.
    mutating func journeyFigure() throws {
        guard !dossier.events.isEmpty else { return }
        let view: JourneyView = scope.agency.map { .agency($0.id) } ?? .blueprint
        let language = language, catalogue = scope.options.catalogue
        let build = { (d: Dossier) throws -> JourneyMap in
            try JourneyMap.build(d, view: view, language: language, catalogue: catalogue)
        }
        let whole: JourneyMap
        do {
            whole = try build(dossier)
        } catch let error as CasusError where error.kind == .invalidInput {
            // Too many events to draw: the report keeps its timeline table and says why the map is missing.
            return gap(
                "De klantreiskaart is weggelaten: \(error.message.nl)",
                "The journey map is left out: \(error.message.en)")
        }
        blocks.append(.paragraph([.emphasis([.text(whole.legendText)])]))
        // On screen (HTML) the whole map as one drawing that scrolls sideways, with its own legend and hand-offs.
        blocks.append(
            .figure(
                Figure(
                    svg: SVGJourneyWriter.render(whole), alt: whole.summary,
                    caption: caption(whole, part: nil, handoffs: false),
                    wide: true, medium: .screen)))
        let events = dossier.chronologicalEvents
        let wholeDrawing = SVGJourneyWriter.drawing(whole, style: .print)
        if events.count < 2
            || Self.placement(wholeDrawing.width, wholeDrawing.height, caption: caption(whole, part: nil)).textPoints
                >= Self.readablePoints
        {
            placeJourney(wholeDrawing, map: whole, part: nil, after: nil)
            return closeJourney()
        }
        // Periods, each as long as its map still prints readably; a phase that begins starts a new one.
        var periods: [[TimelineEvent]] = []
        var start = 0
        var phasesBegun = Set(events.prefix(1).compactMap(\.phase))
        while start < events.count {
            var end = start + 1
            while end < events.count {
                if let phase = events[end].phase, !phasesBegun.contains(phase) {
                    phasesBegun.insert(phase)
                    if end - start >= 2 { break }
                }
                let longer = try build(
                    part(Array(events[start...end]), first: start == 0, last: end + 1 == events.count))
                // Its size is enough to judge it; it is drawn once its period is settled.
                let size = SVGJourneyWriter.size(longer, style: .print)
                guard
                    Self.placement(size.width, size.height, caption: caption(longer, part: nil)).textPoints
                        >= Self.readablePoints
                else { break }
                end += 1
            }
            periods.append(Array(events[start..<end]))
            start = end
            if periods.count > Self.maximumParts { break }
        }
        if periods.count > Self.maximumParts {
            // Too many events to print readably on a few pages: equal periods, smaller print, and the reader told.
            let size = (events.count + Self.maximumParts - 1) / Self.maximumParts
            periods = stride(from: 0, to: events.count, by: size).map {
                Array(events[$0..<min($0 + size, events.count)])
            }
            blocks.append(
                .paragraph([
                    .text(
                        t(
                            "De kaart telt te veel gebeurtenissen om op \(Self.maximumParts) pagina's leesbaar te blijven: de delen hieronder zijn kleiner gedrukt. De tijdlijn na de kaart noemt elke gebeurtenis voluit.",
                            "The map holds too many events to stay readable on \(Self.maximumParts) pages: the parts below print smaller. The timeline after the map gives every event in full."
                        ))
                ]))
        }
        for (index, period) in periods.enumerated() {
            let map = try build(part(period, first: index == 0, last: index == periods.count - 1))
            placeJourney(
                SVGJourneyWriter.drawing(map, style: .print), map: map, part: (index + 1, periods.count, period),
                after: lastJourneyLandscape)
        }
        closeJourney()
    }

    /// The dossier with only a period's events and the hand-offs that belong to it.
    private func part(_ period: [TimelineEvent], first: Bool, last: Bool) -> Dossier {
        var part = dossier
        let ids = Set(period.map(\.id))
        part.events = dossier.events.filter { ids.contains($0.id) }
        part.handoffs = dossier.handoffs.filter { handoff in
            if let event = handoff.eventId { return ids.contains(event) }
            guard let date = handoff.date else { return first }
            return Self.within(date, period, first: first, last: last)
        }
        return part
    }

    /// A portrait map ends its page; a landscape one ended it already by going back to portrait.
    private mutating func closeJourney() {
        if lastJourneyLandscape == false { blocks.append(.pageBreak) }
        lastJourneyLandscape = nil
    }

    /// Words in the map print at least this large (in points) where the map is split.
    static let readablePoints = 6.0
    /// At most this many pages of map in a report; a longer journey prints smaller instead.
    static let maximumParts = 12

    /// Where a drawing goes: on a landscape page (257 × 150 mm within the margins) or a portrait one
    /// (166 × 200 mm), whichever prints it larger, as large as it fits with its caption (a long caption
    /// takes height from the drawing); and how large its smallest words (9 px) then print.
    static func placement(
        _ drawingWidth: Double, _ drawingHeight: Double, caption: String = ""
    ) -> (landscape: Bool, width: Double, aspect: Double, textPoints: Double) {
        let aspect = max(drawingHeight, 1) / max(1, drawingWidth)
        // Caption lines at 10 pt: about 150 characters across a landscape page, 95 across a portrait one.
        func width(landscape: Bool) -> Double {
            let lines = (Double(caption.count) / (landscape ? 150 : 95)).rounded(.up)
            // Portrait, after the paragraph that returns from a landscape page, under header and footer.
            let height = landscape ? 150 - max(0, lines - 2) * 4.5 : 200 - max(0, lines - 2) * 4.5
            // A hair under the full width, so twips and EMU rounding never put it past the margin.
            return min(landscape ? 256.5 : 166, height / aspect)
        }
        let landscape = width(landscape: true) >= width(landscape: false)
        let chosen = width(landscape: landscape)
        return (landscape, chosen, aspect, 9 * chosen / max(1, drawingWidth) * 72 / 25.4)
    }

    /// Whether a hand-off's date falls in a period of events (the first period takes what came before
    /// it, the last what came after).
    static func within(_ date: FuzzyDate, _ period: [TimelineEvent], first: Bool, last: Bool) -> Bool {
        let dates = period.compactMap(\.date)
        guard let from = dates.first, let to = dates.last else { return first }
        let afterStart = first || !(date < from)
        let beforeEnd = last || !(to < date)
        return afterStart && beforeEnd
    }

    /// A map's caption: whose journey, which part, and (for print) the hand-offs its numbers stand for.
    private func caption(
        _ map: JourneyMap, part: (number: Int, of: Int, events: [TimelineEvent])?, handoffs: Bool = true
    ) -> String {
        var caption = t(
            "De klantreis van \(scope.endUser.pseudonym): wat er gebeurde, bij welke instantie, en hoe het voelde.",
            "\(scope.endUser.pseudonym)'s journey: what happened, with which agency, and how it felt.")
        if let part {
            let from = part.events.first?.date?.description ?? "?", to = part.events.last?.date?.description ?? "?"
            caption +=
                from == to
                ? t(" Deel \(part.number) van \(part.of): \(from).", " Part \(part.number) of \(part.of): \(from).")
                : t(
                    " Deel \(part.number) van \(part.of): \(from) tot \(to).",
                    " Part \(part.number) of \(part.of): \(from) to \(to).")
        }
        if handoffs, !map.handoffTexts.isEmpty {
            let sentences = map.handoffTexts.map { $0.last.map { ".!?".contains($0) } == true ? $0 : $0 + "." }
            caption += " " + t("Overdrachten", "Hand-offs") + ": " + sentences.joined(separator: " ")
        }
        return caption
    }

    /// Places one map on its page; `after` says whether the map before it was on a landscape page (nil:
    /// none before), so no empty page comes between them.
    private mutating func placeJourney(
        _ drawing: (svg: String, width: Double, height: Double), map: JourneyMap,
        part: (number: Int, of: Int, events: [TimelineEvent])?, after: Bool?
    ) {
        let caption = caption(map, part: part)
        let place = Self.placement(drawing.width, drawing.height, caption: caption)
        // A landscape page starts by itself; a portrait one after text or another portrait map needs a break.
        if !place.landscape && after != true { blocks.append(.pageBreak) }
        blocks.append(
            .figure(
                Figure(
                    svg: drawing.svg, alt: map.summary, caption: caption,
                    widthMillimetres: (place.width * 10).rounded() / 10,
                    heightMillimetres: (place.width * place.aspect * 10).rounded() / 10,
                    landscapePage: place.landscape, medium: .paged)))
        lastJourneyLandscape = place.landscape
    }

    mutating func timeline() {
        let events = dossier.chronologicalEvents
        guard !events.isEmpty else {
            return gap(
                "De tijdlijn is leeg: leg de gebeurtenissen vast in de tijdlijn.",
                "The timeline is empty: record the events in the timeline.")
        }
        let rows: [[[Inline]]] = events.map { event in
            var what: [Inline] = [.text(event.what)]
            if let experience = event.experience, !experience.isEmpty {
                what += [.lineBreak, .emphasis([.text(experience)])]
            }
            if let quoteId = event.quoteId, let quote = dossier.quotes.first(where: { $0.id == quoteId }),
                scope.quoteAllowed(quote)
            {
                what += [.lineBreak, .text("“\(quote.text)”")]
            }
            return [
                [.text(event.date?.description ?? "?")], [.text(dossier.name(of: event.actor))],
                [.text(event.channel.map { t($0.label) } ?? "")], what,
            ]
        }
        blocks.append(
            .table(
                Table(
                    caption: t("Tijdlijn van de gebeurtenissen", "Timeline of events"),
                    header: [
                        t("Datum", "Date"), t("Wie", "Who"), t("Hoe", "How"), t("Wat er gebeurde", "What happened"),
                    ], rows: rows, widths: [1.2, 1.8, 1, 5])))
        let handoffs = dossier.handoffs
        if !handoffs.isEmpty {
            let rows = handoffs.map { h in
                [
                    h.date?.description ?? "?",
                    (dossier.agency(h.fromAgencyId)?.name ?? h.fromAgencyId) + " → "
                        + (dossier.agency(h.toAgencyId)?.name ?? h.toAgencyId),
                    h.what, h.happened ? t("gebeurd", "happened") : t("niet gebeurd", "did not happen"),
                ]
            }
            blocks.append(
                .table(
                    Table(
                        caption: t("Overdrachten tussen instanties", "Hand-offs between agencies"),
                        header: [
                            t("Datum", "Date"), t("Van → naar", "From → to"), t("Wat", "What"),
                            t("Gebeurd?", "Happened?"),
                        ], plainRows: rows, widths: [1.2, 3, 4, 1.3])))
        }
    }

    mutating func quotes() {
        var shown = 0
        for quote in dossier.quotes {
            guard scope.quoteAllowed(quote) else { continue }
            let interview = dossier.interview(quote.interviewId)
            blocks.append(
                .quote(
                    text: [.text(quote.text)],
                    speaker: dossier.participant(quote.speakerId)?.pseudonym ?? quote.speakerId,
                    source: interview.map { t("interview \($0.id), \($0.at.day)", "interview \($0.id), \($0.at.day)") }
                        ?? quote.interviewId))
            shown += 1
        }
        if shown == 0 { blocks.append(.paragraph([.text(t("Geen citaten om te tonen.", "No quotes to show."))])) }
    }

    mutating func consentBasis() {
        let ledger = dossier.consentLedger
        var rows: [[String]] = []
        for participant in dossier.participants where participant.role != .medewerker {
            let granted = ConsentPurpose.fixed.filter { ledger.isGranted($0, to: participant.id) }.map { t($0.label) }
            rows.append([
                participant.pseudonym, t(participant.role.label),
                granted.isEmpty ? t("geen", "none") : granted.joined(separator: ", "),
            ])
        }
        blocks.append(
            .table(
                Table(
                    header: [t("Persoon", "Person"), t("Rol", "Role"), t("Toestemming voor", "Consented to")],
                    plainRows: rows, widths: [1.3, 1.5, 5])))
        for basis in dossier.lawfulBasis {
            blocks.append(.paragraph([.strong([.text(t(basis.basis.label) + ": ")]), .text(basis.explanation)]))
        }
    }

    mutating func findings() {
        let agencies = dossier.agencies.filter { agency in scope.agency.map { $0.id == agency.id } ?? true }
        for agency in agencies {
            blocks.append(.heading(level: 2, text: [.text(agency.name)], anchor: anchor(for: "feiten-\(agency.id)")))
            let own = dossier.findings.filter { $0.agencyId == agency.id }
            if agency.contact == .geweigerd {
                blocks.append(
                    .paragraph([
                        .text(
                            t(
                                "\(agency.name) wilde niet meewerken aan de contra-expertise.",
                                "\(agency.name) declined to take part in the contra-expertise."))
                    ]))
            }
            guard !own.isEmpty else {
                if agency.contact != .geweigerd {
                    gap(
                        "Geen bevindingen van \(agency.name): leg ze vast bij de contra-expertise.",
                        "No findings from \(agency.name): record them with the contra-expertise.")
                }
                continue
            }
            // What the agency said goes beside the outcome, so "genuanceerd" and "weersproken" have content.
            let said = own.contains { !($0.note ?? "").isEmpty }
            let rows: [[[Inline]]] = own.map { f in
                var row: [[Inline]] = [[.text(f.claim)], [.strong([.text(t(f.status.label))])]]
                if said { row.append([.text(f.note ?? "")]) }
                row += [[.text(t(f.level.label))], [.text(f.source ?? "")]]
                return row
            }
            var header = [t("Bewering uit het verhaal", "Claim from the story"), t("Uitkomst", "Outcome")]
            if said { header.append(t("Wat de instantie zei", "What the agency said")) }
            header += [t("Niveau", "Level"), t("Bron", "Source")]
            blocks.append(
                .table(
                    Table(
                        header: header, rows: rows, widths: said ? [2.7, 1.6, 2.8, 1.8, 2.1] : [4.2, 1.9, 1.5, 2.2])))
        }
        if agencies.isEmpty {
            gap("Er zijn nog geen instanties in het dossier.", "There are no agencies in the dossier yet.")
        }
    }

    mutating func bottlenecks() {
        // The same bottleneck at several moments is one item, with every moment.
        var order: [String] = []
        var moments: [String: [String]] = [:]
        for event in dossier.chronologicalEvents {
            for point in event.knelpunten {
                if moments[point] == nil { order.append(point) }
                moments[point, default: []].append(
                    "\(event.date?.description ?? "?"), \(dossier.name(of: event.actor))")
            }
        }
        var items: [[Inline]] = order.map { point in
            let label =
                scope.options.catalogue.types.first { $0.id == point }?.label.text(language) ?? Self.readable(point)
            return [.strong([.text(label)]), .text(" — " + (moments[point] ?? []).joined(separator: "; "))]
        }
        for handoff in dossier.handoffs where !handoff.happened {
            let from = dossier.agency(handoff.fromAgencyId)?.name ?? handoff.fromAgencyId,
                to = dossier.agency(handoff.toAgencyId)?.name ?? handoff.toAgencyId
            items.append([
                .text(
                    t(
                        "Niet doorgegeven van \(from) aan \(to): \(handoff.what)",
                        "Not passed on from \(from) to \(to): \(handoff.what)"))
            ])
        }
        guard !items.isEmpty else {
            return gap(
                "Geen knelpunten vastgelegd: noteer ze bij de gebeurtenissen in de tijdlijn.",
                "No bottlenecks recorded: note them with the events in the timeline.")
        }
        blocks.append(.list(ordered: false, items: items))
    }

    /// A bottleneck tag such as `post-naar-oud-adres` as words: "Post naar oud adres".
    static func readable(_ tag: String) -> String {
        let words = tag.contains(" ") ? tag : tag.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Where a leervraag or dilemma comes from, in words the report shows: the moment and who acted,
    /// or the agency and the finding's outcome; never a bare id the reader cannot look up.
    func factReferences(events: [String], findings: [String]) -> Inline {
        let moments = events.compactMap { id in dossier.events.first { $0.id == id } }.map { event in
            "\(event.date?.description ?? t("zonder datum", "no date")), \(dossier.name(of: event.actor))"
        }
        let facts = findings.compactMap { id in dossier.findings.first { $0.id == id } }.map { finding in
            "\(dossier.agency(finding.agencyId)?.name ?? finding.agencyId): \(t(finding.status.label))"
        }
        return .footnote([.text(t("Uit: ", "From: ") + (moments + facts).joined(separator: "; "))])
    }

    mutating func learningQuestions() {
        let questions = dossier.leervragen
        guard !questions.isEmpty else {
            return gap(
                "Nog geen leervragen: leg ze vast bij de lessen van de casus.",
                "No learning questions yet: record them with the case's lessons.")
        }
        blocks.append(
            .list(
                ordered: true,
                items: questions.map { l in
                    var item: [Inline] = [.text(l.text)]
                    if !(l.eventIds + l.findingIds).isEmpty {
                        item.append(factReferences(events: l.eventIds, findings: l.findingIds))
                    }
                    return item
                }))
    }

    mutating func dilemmas() {
        let list = dossier.dilemmas
        guard !list.isEmpty else {
            if scope.agency == nil {
                gap(
                    "Nog geen dilemma's voor de raad: leg ze vast bij de lessen van de casus.",
                    "No dilemmas for the council yet: record them with the case's lessons.")
            }
            return
        }
        for dilemma in list {
            blocks.append(.paragraph([.strong([.text(dilemma.text)])]))
            if let explanation = dilemma.explanation { blocks.append(.paragraph([.text(explanation)])) }
        }
    }

    mutating func responses() {
        let rounds = dossier.wederhoor
        guard !rounds.isEmpty else {
            return blocks.append(
                .paragraph([.text(t("Er is nog geen wederhoor gehouden.", "No wederhoor has been held yet."))]))
        }
        for round in rounds {
            let name = dossier.agency(round.agencyId)?.name ?? round.agencyId
            blocks.append(
                .heading(
                    level: 2, text: [.text("\(name) — \(t(round.kind.label))")],
                    anchor: anchor(for: "reactie-\(round.id.lowercased())")))
            if round.declined {
                blocks.append(.paragraph([.text(t("\(name) zag af van een reactie.", "\(name) declined to respond."))]))
            } else if let response = round.response {
                blocks.append(
                    .quote(
                        text: [.text(response)], speaker: name,
                        source: round.respondedAt.map { t("reactie van \($0.day)", "response of \($0.day)") }))
            } else {
                blocks.append(
                    .paragraph([
                        .text(
                            t("Nog geen reactie", "No response yet")
                                + (round.dueDate.map {
                                    t(" (verwacht vóór \($0.description))", " (due by \($0.description))")
                                } ?? "") + ".")
                    ]))
            }
            if let changes = round.changes {
                blocks.append(
                    .paragraph([
                        .emphasis([
                            .text(t("Aangepast naar aanleiding van de reactie: ", "Changed after the response: "))
                        ]), .text(changes),
                    ]))
            }
        }
    }

    mutating func sources() {
        var rows: [[String]] = []
        for interview in dossier.interviews {
            guard let person = dossier.participant(interview.participantId) else { continue }
            rows.append([
                interview.at.day, t("gesprek met", "interview with") + " " + roleDescription(person),
                "\(interview.actualMinutes ?? interview.plannedMinutes) min",
            ])
        }
        for finding in dossier.findings {
            if let source = finding.source, !source.isEmpty { rows.append(["", source, finding.id]) }
        }
        guard !rows.isEmpty else { return gap("Geen bronnen vastgelegd.", "No sources recorded.") }
        blocks.append(
            .table(
                Table(
                    header: [t("Datum", "Date"), t("Bron", "Source"), t("Omvang / bij", "Length / with")],
                    plainRows: rows, widths: [1.2, 5, 1.3])))
    }

    /// A participant by role, never by name.
    func roleDescription(_ person: Participant) -> String {
        switch person.role {
        case .eindgebruiker: return t("de hoofdpersoon", "the main character")
        case .omgeving:
            return person.relation.map {
                t("iemand uit de omgeving van de hoofdpersoon (\($0))", "someone close to the main character (\($0))")
            } ?? t("iemand uit de omgeving van de hoofdpersoon", "someone close to the main character")
        case .medewerker:
            let agency = person.agencyId.flatMap(dossier.agency)?.name ?? t("een instantie", "an agency")
            return t("medewerker", "staff member") + (person.level.map { " (\(t($0.label)))" } ?? "") + ", " + agency
        }
    }

    mutating func interlocutors() {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for person in dossier.participants {
            let role = roleDescription(person)
            if counts[role] == nil { order.append(role) }
            counts[role, default: 0] += 1
        }
        blocks.append(
            .table(
                Table(
                    header: [t("Gesprekspartner (naar rol)", "Interlocutor (by role)"), t("Aantal", "Number")],
                    plainRows: order.map { [$0, String(counts[$0] ?? 0)] }, widths: [5, 1])))
    }

    mutating func wederhoorLog() {
        let rounds = dossier.wederhoor
        guard !rounds.isEmpty else {
            return blocks.append(.paragraph([.text(t("Nog geen wederhoorrondes.", "No wederhoor rounds yet."))]))
        }
        let rows = rounds.map { w in
            [
                dossier.agency(w.agencyId)?.name ?? w.agencyId, t(w.kind.label), w.sentAt.day,
                w.declined ? t("afgezien", "declined") : (w.respondedAt?.day ?? t("nog niet", "not yet")),
                w.changes == nil ? "" : t("ja", "yes"),
            ]
        }
        blocks.append(
            .table(
                Table(
                    header: [
                        t("Instantie", "Agency"), t("Ronde", "Round"), t("Verstuurd", "Sent"), t("Reactie", "Response"),
                        t("Aangepast", "Changed"),
                    ],
                    plainRows: rows, widths: [3, 2, 1.3, 1.3, 1])))
    }

    mutating func glossary(_ values: [String: Any]) {
        let rows = template.glossary.map {
            [$0.term.render(language, values), $0.explanation.render(language, values)]
        }
        guard !rows.isEmpty else { return }
        blocks.append(
            .table(Table(header: [t("Begrip", "Term"), t("Betekenis", "Meaning")], plainRows: rows, widths: [1.5, 5])))
    }
}
