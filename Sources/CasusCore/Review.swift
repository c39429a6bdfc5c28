import Foundation

/// The five steps of the case method.
public enum Step: Int, CaseIterable, Codable, Sendable, Comparable {
    case selection = 0, interview, narrative, contraExpertise, report

    public var label: Localized {
        switch self {
        case .selection: Localized(nl: "casusselectie", en: "case selection")
        case .interview: Localized(nl: "interview", en: "interview")
        case .narrative: Localized(nl: "narratief", en: "narrative")
        case .contraExpertise: Localized(nl: "contra-expertise", en: "contra-expertise")
        case .report: Localized(nl: "rapportage", en: "report")
        }
    }

    public static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A coach's decision on a step.
public enum ReviewDecision: String, Vocabulary {
    case goedgekeurd, teruggestuurd, opmerking

    public var label: Localized {
        switch self {
        case .goedgekeurd: Localized(nl: "goedgekeurd", en: "signed off")
        case .teruggestuurd: Localized(nl: "teruggestuurd", en: "sent back")
        case .opmerking: Localized(nl: "opmerking", en: "comment")
        }
    }

    public var aliases: [String] {
        switch self {
        case .goedgekeurd: ["approved", "signed-off", "sign-off", "akkoord"]
        case .teruggestuurd: ["returned", "sent-back", "return"]
        case .opmerking: ["comment", "note"]
        }
    }
}

/// A coach's sign-off, return or comment on one step.
public struct Review: Codable, Sendable, Hashable {
    /// `R1`, `R2`, …
    public var id: String
    public var step: Step
    public var coach: String
    public var at: Timestamp
    public var decision: ReviewDecision
    public var comments: String?
    /// A fingerprint of the step's material when reviewed, to show "changed since review".
    public var contentHash: String?

    public init(
        id: String, step: Step, coach: String, at: Timestamp = .now(), decision: ReviewDecision,
        comments: String? = nil, contentHash: String? = nil
    ) {
        self.id = id
        self.step = step
        self.coach = coach
        self.at = at
        self.decision = decision
        self.comments = comments
        self.contentHash = contentHash
    }
}

/// The two rounds in which agencies react to a report before publication.
public enum WederhoorKind: String, Vocabulary {
    /// Officials check the facts.
    case ambtelijk
    /// The executive (college) reacts to the report.
    case bestuurlijk

    public var label: Localized {
        switch self {
        case .ambtelijk: Localized(nl: "ambtelijk wederhoor", en: "factual check by officials")
        case .bestuurlijk: Localized(nl: "bestuurlijk wederhoor", en: "response of the executive")
        }
    }

    public var aliases: [String] {
        switch self {
        case .ambtelijk: ["official", "factual"]
        case .bestuurlijk: ["executive", "administrative"]
        }
    }
}

/// One report sent to one agency for wederhoor, and what came back.
public struct WederhoorRound: Codable, Sendable, Hashable {
    /// `W1`, `W2`, …
    public var id: String
    public var kind: WederhoorKind
    public var agencyId: String
    public var sentAt: Timestamp
    public var dueDate: FuzzyDate?
    public var respondedAt: Timestamp?
    /// The response, verbatim.
    public var response: String?
    public var declined: Bool
    /// What was changed in the report because of the response.
    public var changes: String?

    public init(
        id: String, kind: WederhoorKind, agencyId: String, sentAt: Timestamp, dueDate: FuzzyDate? = nil,
        respondedAt: Timestamp? = nil,
        response: String? = nil, declined: Bool = false, changes: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.agencyId = agencyId
        self.sentAt = sentAt
        self.dueDate = dueDate
        self.respondedAt = respondedAt
        self.response = response
        self.declined = declined
        self.changes = changes
    }
}
