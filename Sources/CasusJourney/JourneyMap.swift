import CasusCore
import Foundation
import Yams

/// Which map to draw.
public enum JourneyView: Sendable, Equatable {
    /// One strip per lane with what the end user saw, and their experience above it.
    case overview
    /// The full service blueprint: front- and backstage per agency, hand-offs, evidence, knelpunten.
    case blueprint
    /// One agency's slice, for its wederhoor: its lanes, the end user, and the hand-offs it took part in.
    case agency(String)

    public init?(_ text: String) {
        switch text {
        case "overview", "overzicht": self = .overview
        case "blueprint": self = .blueprint
        default:
            guard text.hasPrefix("agency:") || text.hasPrefix("instantie:"), let colon = text.firstIndex(of: ":") else {
                return nil
            }
            let id = String(text[text.index(after: colon)...])
            guard !id.isEmpty else { return nil }
            self = .agency(id)
        }
    }
}

/// A kind of knelpunt, from `Templates/klantreis/knelpunten.yml`.
public struct KnelpuntType: Sendable, Equatable {
    public let id: String
    public let code: String
    public let label: Localized
}

/// The catalogue of knelpunt types; tags not in it are shown as written.
public struct KnelpuntCatalogue: Sendable {
    public let types: [KnelpuntType]

    public init(types: [KnelpuntType] = []) { self.types = types }

    public static func load(_ url: URL) throws -> KnelpuntCatalogue {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw CasusError(.cannotRead, nl: "Kan \(url.path) niet lezen.", en: "Cannot read \(url.path).")
        }
        guard data.count <= InputLimits.yamlBytes else {
            throw CasusError(
                .invalidInput, nl: "\(url.path) is groter dan \(InputLimits.yamlBytes / 1_048_576) MB.",
                en: "\(url.path) is larger than \(InputLimits.yamlBytes / 1_048_576) MB.")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw CasusError(
                .invalidInput, nl: "\(url.path) is geen geldige YAML: \(error)",
                en: "\(url.path) is not valid YAML: \(error)")
        }
        var types: [KnelpuntType] = []
        for entry in root?["knelpunten"]?.sequence ?? [] {
            let line = entry.mark.map { ", regel \($0.line)" } ?? ""
            guard let id = entry["id"]?.string, let code = entry["code"]?.string, let label = entry["label"] else {
                throw CasusError(
                    .invalidInput, nl: "\(url.path)\(line): een knelpunt heeft id, code en label.",
                    en: "\(url.path)\(line): a knelpunt has id, code and label.")
            }
            let nl = label["nl"]?.string ?? label.string ?? id
            types.append(KnelpuntType(id: id, code: code, label: Localized(nl: nl, en: label["en"]?.string ?? nl)))
        }
        return KnelpuntCatalogue(types: types)
    }

    public func type(_ tag: String) -> KnelpuntType {
        types.first { $0.id == tag }
            ?? KnelpuntType(id: tag, code: String(tag.prefix(2)).uppercased(), label: Localized(nl: tag, en: tag))
    }
}

/// Where an element of the map stands in the contra-expertise: how sure the fact is.
public enum Evidence: String, Sendable, CaseIterable {
    case verhaal, document, bevestigd, genuanceerd, gecorrigeerd, betwist, geweigerd

    /// The letter on the map, so evidence never depends on colour alone.
    public var code: String {
        switch self {
        case .verhaal: "V"
        case .document: "D"
        case .bevestigd: "B"
        case .genuanceerd: "N"
        case .gecorrigeerd: "C"
        case .betwist: "X"
        case .geweigerd: "W"
        }
    }

    public var label: Localized {
        if self == .genuanceerd {
            return Localized(nl: "genuanceerd door instantie", en: "qualified by the agency")
        }
        return EvidenceStatus(rawValue: rawValue)?.label ?? Localized(nl: rawValue, en: rawValue)
    }
}

/// One horizontal band of the map.
public struct Lane: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case endUser, person, agencyFront, agencyBack }
    public let id: String
    public let title: String
    public let kind: Kind
    /// The agency a front/back lane belongs to.
    public let agencyId: String?
}

/// One event, as the map shows it.
public struct JourneyItem: Sendable, Equatable {
    public let eventId: String
    public let laneId: String
    public let date: FuzzyDate?
    /// For something that lasted: when it ended.
    public let endDate: FuzzyDate?
    public let what: String
    public let experience: String?
    public let quote: String?
    public let impact: Int?
    public let channel: String?
    public let evidence: Evidence
    public let knelpunten: [KnelpuntType]
    public let keyMoment: Bool
    public let phase: String?
    public let visibleToEndUser: Bool
}

/// A letter, data or call between two agencies, or one that should have gone and did not.
public struct JourneyHandoff: Sendable, Equatable {
    public let id: String
    public let fromLane: String
    public let toLane: String
    public let date: FuzzyDate?
    public let what: String
    public let happened: Bool
    /// The event it belongs to, to take its date when it has none.
    public let eventId: String?
}

/// Everything a journey map shows, decided from the dossier (consent included) before any drawing.
public struct JourneyMap: Sendable {
    public let title: String
    public let endUser: String
    public let language: Language
    public let view: JourneyView
    public let lanes: [Lane]
    public let items: [JourneyItem]
    public let handoffs: [JourneyHandoff]
    public let catalogue: KnelpuntCatalogue
    /// What consent kept off the map, by id and pseudonym.
    public let omitted: [Localized]

    func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }

    /// Each hand-off as the map numbers it, a missing one marked as such.
    public var handoffTexts: [String] {
        handoffs.enumerated().map { i, handoff in
            "\(i + 1). " + (handoff.happened ? "" : t("NIET GEBEURD: ", "DID NOT HAPPEN: ")) + handoff.what
        }
    }

    /// What the marks on the map mean, beyond the evidence letters.
    var legendExplanation: String {
        t(
            "✕ met stippellijn: overdracht die niet gebeurde · ! in driehoek: dieptepunt · ruit: sleutelmoment · streep boven een vak: hoe lang het duurde, of de periode die een datum beslaat (~ = ongeveer)",
            "✕ with dashed line: hand-off that did not happen · ! in triangle: low point · diamond: key moment · bar above a box: how long it lasted, or the period a date stands for (~ = about)"
        )
    }

    /// The bottlenecks the map shows, with their codes (none on the overview).
    var legendKnelpunten: String? {
        let used = Set(items.flatMap { $0.knelpunten.map(\.id) })
        var seen = Set<String>()
        let knelpunten =
            (catalogue.types.filter { used.contains($0.id) }
            + items.flatMap(\.knelpunten).filter { tag in !catalogue.types.contains { $0.id == tag.id } })
            .filter { seen.insert($0.id).inserted }
        guard !knelpunten.isEmpty, view != .overview else { return nil }
        return "⚑ " + knelpunten.map { "\($0.code) \($0.label.text(language))" }.joined(separator: " · ")
    }

    /// The legend as one paragraph, for a document that prints the map without it.
    public var legendText: String {
        let letters = Evidence.allCases.map { "\($0.code) \($0.label.text(language))" }.joined(separator: " · ")
        return [t("Legenda", "Legend") + ": " + letters, legendExplanation, legendKnelpunten].compactMap { $0 }
            .joined(separator: " · ")
    }

    static func tooManyEvents(_ events: [TimelineEvent], limit: Int, agencyOf: (Actor) -> String?) -> CasusError {
        let counts = Dictionary(grouping: events.compactMap { agencyOf($0.actor) }, by: { $0 }).mapValues(\.count)
        let largest = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)
        let perAgency = largest.map { "agency:\($0.key) (\($0.value))" }.joined(separator: ", ")
        return CasusError(
            .invalidInput,
            nl:
                "De kaart zou \(events.count) gebeurtenissen tonen; boven \(limit) is hij onleesbaar. Kies het deel van één instantie "
                + "(\(perAgency)) of neem de tabel.",
            en:
                "The map would show \(events.count) events; above \(limit) it cannot be read. Choose one agency's slice "
                + "(\(perAgency)) or take the table.", remedy: .narrowJourney(views: largest.map { "agency:\($0.key)" })
        )
    }

    /// Builds the map. Throws when the end user's consent does not allow her story to be shown.
    /// Above `eventLimit` events a drawn map is unreadable (and slow to draw): `build` then says so and
    /// names narrower views instead of working for minutes. Nil for tables (CSV), which have no such limit.
    public static func build(
        _ dossier: Dossier, view: JourneyView, language: Language, catalogue: KnelpuntCatalogue,
        eventLimit: Int? = InputLimits.journeyEvents
    ) throws -> JourneyMap {
        guard let endUser = dossier.endUser else {
            throw CasusError(
                .invalidInput, nl: "Er is geen eindgebruiker in het dossier: de kaart volgt de eindgebruiker.",
                en: "There is no end user in the dossier: the map follows the end user.")
        }
        let ledger = dossier.consentLedger
        guard ledger.isGranted(.narrative, to: endUser.id) else {
            throw CasusError(
                .consentMissing,
                nl:
                    "\(endUser.pseudonym) gaf geen (of trok de) toestemming voor het gebruik van het verhaal; er is geen kaart gemaakt.",
                en:
                    "\(endUser.pseudonym) has not consented (or withdrew consent) to the use of the story; no map was made."
            )
        }
        var agencyFilter: String?
        if case .agency(let id) = view {
            guard
                let agency = dossier.agency(id)
                    ?? dossier.agencies.first(where: { $0.name.caseInsensitiveCompare(id) == .orderedSame })
            else {
                throw CasusError(
                    .notFound,
                    nl: "Geen instantie '\(id)'. Bekend: \(dossier.agencies.map(\.id).joined(separator: ", ")).",
                    en: "No agency '\(id)'. Known: \(dossier.agencies.map(\.id).joined(separator: ", ")).")
            }
            guard ledger.isGranted(.sharing(with: agency.id), to: endUser.id) else {
                throw CasusError(
                    .consentMissing,
                    nl: "\(endUser.pseudonym) gaf geen toestemming om het verhaal met \(agency.name) te delen.",
                    en: "\(endUser.pseudonym) did not consent to sharing the story with \(agency.name).")
            }
            agencyFilter = agency.id
        }
        let split = view != .overview

        // Which lane an actor's events go in.
        func agencyOf(_ actor: Actor) -> String? {
            switch actor {
            case .agency(let id): return id
            case .participant(let id):
                return dossier.participant(id).flatMap { $0.role == .medewerker ? $0.agencyId : nil }
            }
        }
        func laneId(_ event: TimelineEvent) -> String {
            if let agency = agencyOf(event.actor) {
                return split && !event.visibleToEndUser ? "back:\(agency)" : "front:\(agency)"
            }
            if case .participant(let id) = event.actor, id != endUser.id { return "person:\(id)" }
            return "enduser"
        }
        func included(_ event: TimelineEvent) -> Bool {
            guard let agencyFilter else {
                return view == .overview ? event.visibleToEndUser || agencyOf(event.actor) == nil : true
            }
            let agency = agencyOf(event.actor)
            return agency == agencyFilter || agency == nil && (event.actor == .participant(endUser.id))
                || dossier.handoffs.contains {
                    $0.eventId == event.id && ($0.fromAgencyId == agencyFilter || $0.toAgencyId == agencyFilter)
                }
        }

        var omitted: [Localized] = []
        let events = dossier.chronologicalEvents.filter(included)
        if let eventLimit, events.count > eventLimit {
            throw tooManyEvents(events, limit: eventLimit, agencyOf: agencyOf)
        }
        var items: [JourneyItem] = []
        for event in events {
            var quote: String?
            if let quoteId = event.quoteId, let q = dossier.quotes.first(where: { $0.id == quoteId }) {
                if ledger.isGranted(.verbatimQuotes, to: q.speakerId) {
                    quote = q.text
                } else {
                    omitted.append(
                        Localized(
                            nl: "citaat \(q.id) bij \(event.id): geen toestemming voor letterlijke citaten",
                            en: "quote \(q.id) at \(event.id): no consent for verbatim quotes"))
                }
            }
            items.append(
                JourneyItem(
                    eventId: event.id, laneId: laneId(event), date: event.date, endDate: event.endDate,
                    what: event.what, experience: event.experience, quote: quote,
                    impact: event.impact, channel: event.channel.map { $0.label.text(language) },
                    evidence: evidence(of: event, in: dossier),
                    knelpunten: event.knelpunten.map(catalogue.type), keyMoment: event.keyMoment, phase: event.phase,
                    visibleToEndUser: event.visibleToEndUser))
        }

        // Lanes: her, the people around her who act, then each agency in the order it first appears.
        var lanes = [Lane(id: "enduser", title: endUser.pseudonym, kind: .endUser, agencyId: nil)]
        var agencyOrder: [String] = []
        for event in events { if let a = agencyOf(event.actor), !agencyOrder.contains(a) { agencyOrder.append(a) } }
        let handoffs = dossier.handoffs.filter { h in
            agencyFilter.map { h.fromAgencyId == $0 || h.toAgencyId == $0 } ?? true
        }
        if split {
            for h in handoffs {
                for a in [h.fromAgencyId, h.toAgencyId] where !agencyOrder.contains(a) { agencyOrder.append(a) }
            }
        }
        for person in dossier.participants
        where person.role == .omgeving && items.contains(where: { $0.laneId == "person:\(person.id)" }) {
            lanes.append(
                Lane(
                    id: "person:\(person.id)", title: person.pseudonym + (person.relation.map { " (\($0))" } ?? ""),
                    kind: .person, agencyId: nil))
        }
        for id in agencyOrder {
            let name = dossier.agency(id)?.name ?? id
            lanes.append(Lane(id: "front:\(id)", title: name, kind: .agencyFront, agencyId: id))
            if split { lanes.append(Lane(id: "back:\(id)", title: name, kind: .agencyBack, agencyId: id)) }
        }
        let mapHandoffs =
            split
            ? handoffs.map { h in
                JourneyHandoff(
                    id: h.id, fromLane: "back:\(h.fromAgencyId)", toLane: "back:\(h.toAgencyId)",
                    date: h.date ?? h.eventId.flatMap { id in dossier.events.first { $0.id == id }?.date },
                    what: h.what, happened: h.happened, eventId: h.eventId)
            } : []
        let title = dossier.casus.title
        return JourneyMap(
            title: title, endUser: endUser.pseudonym, language: language, view: view, lanes: lanes, items: items,
            handoffs: mapHandoffs, catalogue: catalogue, omitted: omitted)
    }

    /// The contra-expertise outcome for an event: a finding about it counts over the event's own mark.
    static func evidence(of event: TimelineEvent, in dossier: Dossier) -> Evidence {
        let findings = dossier.findings.filter { $0.eventIds.contains(event.id) }
        if findings.contains(where: { $0.status == .weersproken }) { return .betwist }
        if findings.contains(where: { $0.status == .genuanceerd }) { return .genuanceerd }
        if findings.contains(where: { $0.status == .geweigerd }) { return .geweigerd }
        if findings.contains(where: { $0.status == .bevestigd }) { return .bevestigd }
        return Evidence(rawValue: event.evidence.rawValue) ?? .verhaal
    }

    /// A one-paragraph description for screen readers and the figure's text alternative.
    public var summary: String {
        let dated = items.compactMap(\.date).sorted()
        let span =
            dated.first.map { first in
                dated.last.map {
                    $0 == first
                        ? t("op \(first)", "on \(first)") : t("van \(first) tot \($0)", "from \(first) to \($0)")
                } ?? ""
            } ?? ""
        let agencies = lanes.filter { $0.kind == .agencyFront }.map(\.title)
        let missing = handoffs.filter { !$0.happened }.count
        let low = items.filter { ($0.impact ?? 0) <= -2 }.count
        /// "1 gebeurtenis", "2 gebeurtenissen".
        func count(_ n: Int, _ one: (String, String), _ many: (String, String)) -> (String, String) {
            n == 1 ? ("1 \(one.0)", "1 \(one.1)") : ("\(n) \(many.0)", "\(n) \(many.1)")
        }
        let eventCount = count(items.count, ("gebeurtenis", "event"), ("gebeurtenissen", "events"))
        let agencyCount = count(agencies.count, ("instantie", "agency"), ("instanties", "agencies"))
        let handoffCount = count(handoffs.count, ("overdracht", "hand-off"), ("overdrachten", "hand-offs"))
        let lowCount = count(low, ("dieptepunt", "low point"), ("dieptepunten", "low points"))
        let handoffText =
            view == .overview
            ? ("", "")
            : (
                "\(handoffCount.0) tussen instanties, waarvan \(missing) die niet \(missing == 1 ? "gebeurde" : "gebeurden"). ",
                "\(handoffCount.1) between agencies, \(missing) of which did not happen. "
            )
        return t(
            "Klantreis van \(endUser): \(eventCount.0) \(span), bij \(agencyCount.0) (\(agencies.joined(separator: "; "))). "
                + handoffText.0 + "\(lowCount.0) in de beleving van \(endUser).",
            "Customer journey of \(endUser): \(eventCount.1) \(span), with \(agencyCount.1) (\(agencies.joined(separator: "; "))). "
                + handoffText.1 + "\(lowCount.1) in \(endUser)'s experience.")
    }
}
