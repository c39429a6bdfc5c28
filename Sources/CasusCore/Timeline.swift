import Foundation

/// Who acted in a timeline event: a participant or an agency. Written `participant:P1` or `agency:cjib`.
public enum Actor: Codable, Sendable, Hashable, CustomStringConvertible {
    case participant(String)
    case agency(String)

    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "participant", "persoon": self = .participant(parts[1])
        case "agency", "instantie": self = .agency(parts[1])
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .participant(let id): "participant:" + id
        case .agency(let id): "agency:" + id
        }
    }

    public var agencyId: String? { if case .agency(let id) = self { id } else { nil } }
    public var participantId: String? { if case .participant(let id) = self { id } else { nil } }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let actor = Actor(raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not an actor like participant:P1 or agency:cjib")
        }
        self = actor
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The way a contact reached the end user or passed between agencies.
public enum Channel: String, Vocabulary {
    case brief, telefoon, huisbezoek, balie, portaal, email, gesprek, sms
    /// Data exchange or an internal step between systems, out of the person's sight.
    case systeem
    case anders

    public var label: Localized {
        switch self {
        case .brief: Localized(nl: "brief", en: "letter")
        case .telefoon: Localized(nl: "telefoon", en: "phone")
        case .huisbezoek: Localized(nl: "bezoek aan de deur", en: "visit at the door")
        case .balie: Localized(nl: "balie", en: "counter")
        case .portaal: Localized(nl: "portaal", en: "portal")
        case .email: Localized(nl: "e-mail", en: "e-mail")
        case .gesprek: Localized(nl: "gesprek", en: "meeting")
        case .sms: Localized(nl: "sms of app", en: "text message")
        case .systeem: Localized(nl: "gegevensuitwisseling", en: "data exchange")
        case .anders: Localized(nl: "anders", en: "other")
        }
    }

    public var aliases: [String] {
        switch self {
        case .brief: ["letter", "post"]
        case .telefoon: ["phone", "call", "telefonisch"]
        case .huisbezoek: ["visit", "door", "deur", "home-visit"]
        case .balie: ["counter", "desk", "loket"]
        case .portaal: ["portal", "website", "online"]
        case .email: ["e-mail", "mail"]
        case .gesprek: ["meeting", "afspraak"]
        case .sms: ["text", "app", "whatsapp"]
        case .systeem: ["system", "data", "data-exchange", "gegevens"]
        case .anders: ["other"]
        }
    }
}

/// What backs an element of the story (METHOD.md, contra-expertise).
public enum EvidenceStatus: String, Vocabulary {
    /// Only the end user's account.
    case verhaal
    /// Backed by a document (a letter, a statement).
    case document
    /// Confirmed by the agency.
    case bevestigd
    /// The agency corrected it.
    case gecorrigeerd
    /// Disputed: the agency tells it otherwise.
    case betwist
    /// The agency declined to answer.
    case geweigerd

    public var label: Localized {
        switch self {
        case .verhaal: Localized(nl: "alleen het eigen verhaal", en: "own account only")
        case .document: Localized(nl: "gestaafd met document", en: "backed by a document")
        case .bevestigd: Localized(nl: "bevestigd door instantie", en: "confirmed by the agency")
        case .gecorrigeerd: Localized(nl: "gecorrigeerd", en: "corrected")
        case .betwist: Localized(nl: "betwist", en: "disputed")
        case .geweigerd: Localized(nl: "instantie weigerde antwoord", en: "agency declined to answer")
        }
    }

    public var aliases: [String] {
        switch self {
        case .verhaal: ["account", "story"]
        case .document: ["doc"]
        case .bevestigd: ["confirmed"]
        case .gecorrigeerd: ["corrected"]
        case .betwist: ["disputed"]
        case .geweigerd: ["declined"]
        }
    }
}

/// One moment in the end user's path: a contact, a decision, a letter, a visit at the door.
public struct TimelineEvent: Codable, Sendable, Hashable, Identifiable {
    /// `E1`, `E2`, …
    public var id: String
    /// nil when nobody knows when it happened.
    public var date: FuzzyDate?
    /// For something that lasted (a payment plan, a waiting period).
    public var endDate: FuzzyDate?
    public var actor: Actor
    public var channel: Channel?
    /// What happened, told plainly.
    public var what: String
    /// How the end user experienced it.
    public var experience: String?
    /// A quote in which she says so.
    public var quoteId: String?
    /// How it felt to her, from -2 (very bad) to +2 (very good).
    public var impact: Int?
    /// false: it happened out of her sight (backstage).
    public var visibleToEndUser: Bool
    public var evidence: EvidenceStatus
    /// A phase of the story, for bands on the journey map.
    public var phase: String?
    /// Knelpunt types this moment shows (codes from the knelpunten list in Templates/).
    public var knelpunten: [String]
    /// A moment that decided how the story went on (moment of truth).
    public var keyMoment: Bool
    public var note: String?

    public init(
        id: String, date: FuzzyDate?, endDate: FuzzyDate? = nil, actor: Actor, channel: Channel? = nil, what: String,
        experience: String? = nil, quoteId: String? = nil, impact: Int? = nil, visibleToEndUser: Bool = true,
        evidence: EvidenceStatus = .verhaal, phase: String? = nil, knelpunten: [String] = [], keyMoment: Bool = false,
        note: String? = nil
    ) {
        self.id = id
        self.date = date
        self.endDate = endDate
        self.actor = actor
        self.channel = channel
        self.what = what
        self.experience = experience
        self.quoteId = quoteId
        self.impact = impact
        self.visibleToEndUser = visibleToEndUser
        self.evidence = evidence
        self.phase = phase
        self.knelpunten = knelpunten
        self.keyMoment = keyMoment
        self.note = note
    }

    /// Timeline order: dated events by date, undated ones last, ties by id number.
    public static func chronological(_ a: TimelineEvent, _ b: TimelineEvent) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return EntityID.precedes(a.id, b.id)
        }
    }
}

/// A letter, data or a call passed from one agency to another, or one that should have been passed and was not.
public struct Handoff: Codable, Sendable, Hashable, Identifiable {
    /// `H1`, `H2`, …
    public var id: String
    public var fromAgencyId: String
    public var toAgencyId: String
    public var date: FuzzyDate?
    public var channel: Channel?
    public var what: String
    /// false: a hand-off that should have happened and did not.
    public var happened: Bool
    /// The timeline event this hand-off belongs to.
    public var eventId: String?
    public var evidence: EvidenceStatus
    public var note: String?

    public init(
        id: String, fromAgencyId: String, toAgencyId: String, date: FuzzyDate? = nil, channel: Channel? = nil,
        what: String,
        happened: Bool = true, eventId: String? = nil, evidence: EvidenceStatus = .verhaal, note: String? = nil
    ) {
        self.id = id
        self.fromAgencyId = fromAgencyId
        self.toAgencyId = toAgencyId
        self.date = date
        self.channel = channel
        self.what = what
        self.happened = happened
        self.eventId = eventId
        self.evidence = evidence
        self.note = note
    }
}
