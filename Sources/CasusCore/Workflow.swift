import Foundation

/// A coach's decision to let a step go on although one of its checks fails, with the reason.
public struct GateOverride: Codable, Sendable, Hashable {
    /// `O1`, `O2`, …
    public var id: String
    public var step: Step
    /// The check it applies to, e.g. `0.voorwaarde-3` (see `casus status --json`).
    public var check: String
    public var reason: String
    public var by: String
    public var at: Timestamp

    public init(id: String, step: Step, check: String, reason: String, by: String, at: Timestamp = .now()) {
        self.id = id
        self.step = step
        self.check = check
        self.reason = reason
        self.by = by
        self.at = at
    }
}

/// The phases of a Doetank, the small team that tests solutions a case brought up (METHOD.md).
public enum DoetankPhase: Int, CaseIterable, Codable, Sendable {
    case initieren = 1, schetsen, adopteren, experimenteren, evalueren, verbreden

    public var label: Localized {
        switch self {
        case .initieren: Localized(nl: "initiëren (probleemanalyse)", en: "initiating (problem analysis)")
        case .schetsen: Localized(nl: "schetsen (oplossing ontwerpen)", en: "sketching (draft solution)")
        case .adopteren: Localized(nl: "adopteren (opdrachtgever vinden)", en: "adopting (find a commissioner)")
        case .experimenteren: Localized(nl: "experimenteren", en: "experimenting")
        case .evalueren: Localized(nl: "evalueren (resultaat en proces)", en: "evaluating (result and process)")
        case .verbreden: Localized(nl: "verbreden (verspreiden, opschalen)", en: "broadening (spread, scale)")
        }
    }

    /// The gatekeepers' checklist of the phase.
    public var checklist: [Localized] {
        switch self {
        case .initieren:
            [
                Localized(nl: "Is er een trekker?", en: "Is there a lead person?"),
                Localized(nl: "Is er een team?", en: "Is there a team?"),
                Localized(nl: "Is de vraag uitgewerkt?", en: "Is the question worked out?"),
            ]
        case .schetsen:
            [
                Localized(
                    nl: "Is er een uitgewerkte schets van de oplossing?",
                    en: "Is there a worked-out sketch of the solution?"),
                Localized(
                    nl: "Is de schets getoetst bij de eindgebruiker?", en: "Was the sketch checked with the end user?"),
                Localized(
                    nl: "Zijn de betrokken instanties erbij betrokken?", en: "Are the agencies involved taking part?"),
            ]
        case .adopteren:
            [
                Localized(nl: "Is er een opdrachtgever?", en: "Is there a commissioner?"),
                Localized(nl: "Vertrouwt de opdrachtgever het plan?", en: "Does the commissioner trust the plan?"),
            ]
        case .experimenteren:
            [
                Localized(nl: "Zijn baten en kosten in beeld?", en: "Are benefits and costs in view?"),
                Localized(
                    nl: "Is afgesproken wanneer het experiment stopt of doorgaat?",
                    en: "Is it agreed when the experiment stops or goes on?"),
            ]
        case .evalueren:
            [
                Localized(nl: "Is het resultaat in beeld?", en: "Is the result in view?"),
                Localized(
                    nl: "Is het proces geëvalueerd met de betrokkenen?",
                    en: "Was the process evaluated with those involved?"),
            ]
        case .verbreden:
            [
                Localized(nl: "Is het een succes?", en: "Is it a success?"),
                Localized(nl: "Is het mediawaardig?", en: "Is it media-worthy?"),
                Localized(nl: "Is het op te schalen?", en: "Is it scalable?"),
            ]
        }
    }
}

/// One answer on a gatekeepers' checklist.
public struct DoetankAnswer: Codable, Sendable, Hashable {
    /// 1-based number of the question in the phase's checklist.
    public var question: Int
    public var yes: Bool
    public var note: String?

    public init(question: Int, yes: Bool, note: String? = nil) {
        self.question = question
        self.yes = yes
        self.note = note
    }
}

/// A coach's gatekeepers review of a Doetank that this case feeds.
public struct DoetankReview: Codable, Sendable, Hashable {
    /// `T1`, `T2`, …
    public var id: String
    public var phase: DoetankPhase
    public var answers: [DoetankAnswer]
    public var coach: String
    public var at: Timestamp
    public var note: String?

    public init(
        id: String, phase: DoetankPhase, answers: [DoetankAnswer], coach: String, at: Timestamp = .now(),
        note: String? = nil
    ) {
        self.id = id
        self.phase = phase
        self.answers = answers
        self.coach = coach
        self.at = at
        self.note = note
    }

    /// Whether every question of the phase has a yes.
    public var passes: Bool {
        let yes = Set(answers.filter(\.yes).map(\.question))
        return (1...phase.checklist.count).allSatisfy(yes.contains)
    }
}
