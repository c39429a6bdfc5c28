import Foundation

/// The part a person plays in the case.
public enum ParticipantRole: String, Vocabulary {
    /// The person whose story it is.
    case eindgebruiker
    /// Someone around the end user: family, a neighbour, the neighbourhood officer she phoned.
    case omgeving
    /// Staff of an agency, interviewed in the contra-expertise.
    case medewerker

    public var label: Localized {
        switch self {
        case .eindgebruiker: Localized(nl: "eindgebruiker", en: "end user")
        case .omgeving: Localized(nl: "omgeving", en: "person around the end user")
        case .medewerker: Localized(nl: "medewerker van een instantie", en: "agency staff")
        }
    }

    public var aliases: [String] {
        switch self {
        case .eindgebruiker: ["end-user", "enduser", "user"]
        case .omgeving: ["around", "relative", "naaste"]
        case .medewerker: ["staff", "agency-staff"]
        }
    }
}

/// What kind of end user the story belongs to.
public enum EndUserKind: String, Vocabulary {
    case burger, ondernemer, professional

    public var label: Localized {
        switch self {
        case .burger: Localized(nl: "burger", en: "citizen")
        case .ondernemer: Localized(nl: "ondernemer", en: "entrepreneur")
        case .professional: Localized(nl: "professional", en: "professional")
        }
    }
}

/// The level in an agency someone speaks from in the contra-expertise.
public enum AgencyLevel: String, Vocabulary {
    case uitvoering, management, beleid, bestuur, expert

    public var label: Localized {
        switch self {
        case .uitvoering: Localized(nl: "uitvoering", en: "front line")
        case .management: Localized(nl: "management", en: "management")
        case .beleid: Localized(nl: "beleid", en: "policy")
        case .bestuur: Localized(nl: "bestuur", en: "executive")
        case .expert: Localized(nl: "expert", en: "expert")
        }
    }

    public var aliases: [String] {
        switch self {
        case .uitvoering: ["frontline", "front-line", "operations"]
        case .management: ["manager"]
        case .beleid: ["policy"]
        case .bestuur: ["executive", "board", "governance"]
        case .expert: []
        }
    }
}

/// A person in the dossier, known only by a pseudonym. The real identity, if recorded at all,
/// lives in the key vault, never here.
public struct Participant: Codable, Sendable, Hashable {
    /// `P1`, `P2`, … within the case.
    public var id: String
    public var pseudonym: String
    public var role: ParticipantRole
    public var endUserKind: EndUserKind?
    /// For agency staff: the agency they work for.
    public var agencyId: String?
    public var level: AgencyLevel?
    /// For people around the end user: how they relate to her (buurvrouw, wijkagent, zus).
    public var relation: String?
    /// A non-identifying description (age band, household), never a real name.
    public var description: String?

    public init(
        id: String, pseudonym: String, role: ParticipantRole, endUserKind: EndUserKind? = nil, agencyId: String? = nil,
        level: AgencyLevel? = nil, relation: String? = nil, description: String? = nil
    ) {
        self.id = id
        self.pseudonym = pseudonym
        self.role = role
        self.endUserKind = endUserKind
        self.agencyId = agencyId
        self.level = level
        self.relation = relation
        self.description = description
    }
}
