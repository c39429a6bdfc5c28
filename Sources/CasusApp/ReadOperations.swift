import CasusCore
import CasusLint
import CasusReports
import CasusStore
import Foundation

/// What a front end shows: each read names the capability it needs, so a reader or an agency contact
/// sees only their part, whichever front end asks.
extension Casework {
    /// The whole dossier under pseudonyms (researchers and coaches).
    public func dossier(_ caseId: String) throws -> Dossier {
        try require(.read, caseId: caseId)
        return try store.dossier(caseId)
    }

    /// Where the case stands on the route, with the narrative's lint result (everyone who may see the
    /// overview: researchers, coaches, readers).
    public func routeStatus(
        _ caseId: String, lint: Bool = true
    ) throws
        -> (status: WorkflowStatus, title: String, lint: NarrativeLintResult?)
    {
        try require(.overview, caseId: caseId)
        let dossier: Dossier = try store.memoized(caseId, "dossier") { $0 }
        let (status, lint) = try store.memoized(caseId, "route-\(lint)") { try RouteStatus.evaluate($0, lint: lint) }
        return (status, dossier.casus.title, lint)
    }

    /// A number that changes with every change to the case (its dossier, members, releases), for any
    /// member: a front end may keep what it showed for one version.
    public func version(_ caseId: String) throws -> Int64 {
        try store.version(of: caseId)
    }

    /// The case's title, for any member.
    public func caseTitle(_ caseId: String) throws -> String {
        guard let summary = try store.caseSummaries(ids: [caseId]).first else {
            throw CasusError(.notFound, nl: "Geen casus '\(caseId.excerpt)'.", en: "No case '\(caseId.excerpt)'.")
        }
        return summary.title
    }

    /// The report statuses researchers released to readers.
    public func releasedStatuses(_ caseId: String) throws -> [ReportStatus] {
        guard may(.overview) || may(.members) else { try require(.overview, caseId: caseId); return [] }
        return try store.releasedStatuses(caseId: caseId).compactMap(ReportStatus.init(rawValue:))
    }

    /// Whether the actor may have this report: researchers and coaches any, readers the released
    /// statuses of the whole report, an agency contact only its own version.
    public func mayHaveReport(_ caseId: String, status: ReportStatus, agencyId: String?) throws -> Bool {
        if may(.export) || may(.read) { return true }
        if case .agency(let own) = actor.role { return agencyId?.lowercased() == own.lowercased() }
        if may(.overview) {
            guard agencyId == nil else { return false }
            return try releasedStatuses(caseId).contains(status)
        }
        return false
    }

    /// For an agency contact: its agency, and the open (or latest) wederhoor round sent to it.
    public func agencyDesk(_ caseId: String) throws -> (agency: Agency, round: WederhoorRound?, status: ReportStatus) {
        try require(.respond, caseId: caseId)
        guard case .agency(let own) = actor.role else {
            throw CasusError(.notPermitted, nl: "Alleen voor een instantie.", en: "For an agency only.")
        }
        let dossier = try store.dossier(caseId)
        guard let agency = dossier.agency(own) else {
            throw CasusError(.notFound, nl: "Geen instantie '\(own)'.", en: "No agency '\(own)'.")
        }
        let rounds = dossier.wederhoor.filter { $0.agencyId == agency.id }
        let round = rounds.last { $0.respondedAt == nil } ?? rounds.last
        let status: ReportStatus = round?.kind == .bestuurlijk ? .conceptBestuurlijk : .conceptAmbtelijk
        return (agency, round, status)
    }

    /// An agency contact answers the open wederhoor round sent to its agency; the answer is stored
    /// verbatim as that round's response and shown to the researchers.
    public func respondToWederhoor(_ caseId: String, response: String) throws -> String {
        let desk = try agencyDesk(caseId)
        guard let round = desk.round, round.respondedAt == nil else {
            throw CasusError(
                .conflict,
                nl: "Er staat geen wederhoorronde open voor \(desk.agency.name). De onderzoekers openen een ronde.",
                en: "No wederhoor round is open for \(desk.agency.name). The researchers open a round.")
        }
        let text = response.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw CasusError(.invalidInput, nl: "De reactie is leeg.", en: "The response is empty.")
        }
        guard text.count <= Self.responseLimit else {
            throw CasusError(
                .invalidInput,
                nl: "De reactie is langer dan \(Self.responseLimit) tekens: stuur haar als bijlage per post.",
                en: "The response is longer than \(Self.responseLimit) characters: send it by post.")
        }
        try store.modify(caseId) { dossier in
            guard let i = dossier.wederhoor.firstIndex(where: { $0.id == round.id }),
                dossier.wederhoor[i].respondedAt == nil
            else {
                throw CasusError(
                    .conflict, nl: "Deze ronde is intussen al beantwoord.",
                    en: "This round has been answered meanwhile.")
            }
            dossier.wederhoor[i].respondedAt = .now()
            dossier.wederhoor[i].response = text
            dossier.wederhoor[i].declined = false
        }
        return round.id
    }

    static let responseLimit = 20_000

    /// The dossier's audit trail, newest first (researchers).
    public func auditTrail(_ caseId: String, limit: Int = 500) throws -> [AuditEntry] {
        try require(.audit, caseId: caseId)
        return try store.auditEntries(caseId: caseId, limit: limit).sorted { $0.seq > $1.seq }
    }
}

extension Casework {
    /// The whole dossier with its route status and the narrative's lint report (messages in
    /// `language`), from one load and one lint run (researchers and coaches).
    public func dossierWithStatus(
        _ caseId: String, language: Language
    ) throws
        -> (dossier: Dossier, status: WorkflowStatus, lint: LintReport?)
    {
        try require(.read, caseId: caseId)
        return try store.memoized(caseId, "dossier-status-\(language.rawValue)") { dossier in
            let report = try DossierLint.report(for: dossier, interfaceLanguage: language)
            let gateInput = report.flatMap {
                DossierLint.gateInput(
                    $0, transcriptsAvailable: dossier.interviews.contains { !($0.transcript ?? "").isEmpty })
            }
            return (dossier, Gates.evaluate(dossier, lint: gateInput), report)
        }
    }

    /// Search hits in the case's transcripts, narratives, timeline and findings (researchers and coaches).
    public func search(_ caseId: String, query: String, limit: Int = 50) throws -> [SearchHit] {
        try require(.read, caseId: caseId)
        return try store.search(query, caseId: caseId, limit: limit)
    }
}
