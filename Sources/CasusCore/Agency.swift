import Foundation

/// Where the contra-expertise with an agency stands.
public enum ContactStatus: String, Vocabulary {
    case nietBenaderd = "niet-benaderd"
    case benaderd
    case gesproken
    case geweigerd

    public var label: Localized {
        switch self {
        case .nietBenaderd: Localized(nl: "nog niet benaderd", en: "not yet contacted")
        case .benaderd: Localized(nl: "benaderd", en: "contacted")
        case .gesproken: Localized(nl: "gesproken", en: "interviewed")
        case .geweigerd: Localized(nl: "wilde niet meewerken", en: "declined")
        }
    }

    public var aliases: [String] {
        switch self {
        case .nietBenaderd: ["not-contacted", "none"]
        case .benaderd: ["contacted"]
        case .gesproken: ["interviewed", "spoken"]
        case .geweigerd: ["declined", "refused"]
        }
    }
}

/// An organisation in the case: municipality, debt counselling, collection agency, police, …
public struct Agency: Codable, Sendable, Hashable {
    /// A short slug such as `cjib` or `gemeente`.
    public var id: String
    public var name: String
    /// Free text: gemeente, schuldhulpverlening, incasso, politie, rijksoverheid, zorg, woningcorporatie …
    public var kind: String?
    public var contact: ContactStatus
    public var note: String?

    public init(
        id: String, name: String, kind: String? = nil, contact: ContactStatus = .nietBenaderd, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.contact = contact
        self.note = note
    }
}

/// What the contra-expertise established about a claim from the story.
public enum FindingStatus: String, Vocabulary {
    case bevestigd, weersproken, genuanceerd, onbevestigd, geweigerd

    public var label: Localized {
        switch self {
        case .bevestigd: Localized(nl: "bevestigd", en: "confirmed")
        case .weersproken: Localized(nl: "weersproken", en: "contradicted")
        case .genuanceerd: Localized(nl: "genuanceerd", en: "nuanced")
        case .onbevestigd: Localized(nl: "onbevestigd", en: "unverified")
        case .geweigerd: Localized(nl: "antwoord geweigerd", en: "declined to answer")
        }
    }

    public var aliases: [String] {
        switch self {
        case .bevestigd: ["confirmed"]
        case .weersproken: ["contradicted"]
        case .genuanceerd: ["nuanced"]
        case .onbevestigd: ["unverified", "open"]
        case .geweigerd: ["declined"]
        }
    }
}

/// A claim from the story checked with an agency.
public struct Finding: Codable, Sendable, Hashable, Identifiable {
    /// `F1`, `F2`, …
    public var id: String
    public var agencyId: String
    public var level: AgencyLevel
    public var claim: String
    public var status: FindingStatus
    /// Where the answer comes from: an interview, a file, a letter.
    public var source: String?
    /// The staff member who answered, when they are in the dossier.
    public var respondentId: String?
    public var eventIds: [String]
    public var note: String?

    public init(
        id: String, agencyId: String, level: AgencyLevel, claim: String, status: FindingStatus, source: String? = nil,
        respondentId: String? = nil, eventIds: [String] = [], note: String? = nil
    ) {
        self.id = id
        self.agencyId = agencyId
        self.level = level
        self.claim = claim
        self.status = status
        self.source = source
        self.respondentId = respondentId
        self.eventIds = eventIds
        self.note = note
    }
}

/// A learning question (leervraag) for the council or the agencies, grounded in facts of the case.
public struct Leervraag: Codable, Sendable, Hashable, Identifiable {
    /// `L1`, `L2`, …
    public var id: String
    public var text: String
    public var eventIds: [String]
    public var findingIds: [String]

    public init(id: String, text: String, eventIds: [String] = [], findingIds: [String] = []) {
        self.id = id
        self.text = text
        self.eventIds = eventIds
        self.findingIds = findingIds
    }
}

/// A dilemma put before the council: a choice with something to lose either way.
public struct Dilemma: Codable, Sendable, Hashable, Identifiable {
    /// `D1`, `D2`, …
    public var id: String
    public var text: String
    public var explanation: String?
    public var eventIds: [String]
    public var findingIds: [String]

    public init(
        id: String, text: String, explanation: String? = nil, eventIds: [String] = [], findingIds: [String] = []
    ) {
        self.id = id
        self.text = text
        self.explanation = explanation
        self.eventIds = eventIds
        self.findingIds = findingIds
    }
}
