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
public struct Participant: Codable, Sendable, Hashable, Identifiable {
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
    /// How texts refer to the person; nil: by pseudonym only.
    public var pronoun: Pronoun?

    public init(
        id: String, pseudonym: String, role: ParticipantRole, endUserKind: EndUserKind? = nil, agencyId: String? = nil,
        level: AgencyLevel? = nil, relation: String? = nil, description: String? = nil, pronoun: Pronoun? = nil
    ) {
        self.pronoun = pronoun
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

/// How a person is referred to in prompts, reports and maps. No text assumes a gender: without a
/// pronoun, casus uses the pseudonym.
public enum Pronoun: String, Vocabulary {
    case zij, hij, hen, naam

    public var label: Localized {
        switch self {
        case .zij: Localized(nl: "zij/haar", en: "she/her")
        case .hij: Localized(nl: "hij/hem/zijn", en: "he/him/his")
        case .hen: Localized(nl: "die/hen/diens", en: "they/them/their")
        case .naam: Localized(nl: "alleen de naam", en: "the name only")
        }
    }

    public var aliases: [String] {
        switch self {
        case .zij: ["she", "her", "haar", "ze"]
        case .hij: ["he", "him", "hem"]
        case .hen: ["they", "them", "die", "hun"]
        case .naam: ["name", "pseudoniem", "none", "geen"]
        }
    }
}

/// The words for one person: subject ("zij", "she"), object ("haar", "her") and possessive ("haar",
/// "her"), or the pseudonym where no pronoun is recorded.
public struct PersonWords: Sendable, Equatable {
    public let subject: Localized
    public let object: Localized
    public let possessive: Localized

    public init(_ person: Participant?) {
        let name = person?.pseudonym ?? "de eindgebruiker"
        let nameEn = person?.pseudonym ?? "the end user"
        switch person?.pronoun {
        case .zij?:
            subject = Localized(nl: "zij", en: "she")
            object = Localized(nl: "haar", en: "her")
            possessive = Localized(nl: "haar", en: "her")
        case .hij?:
            subject = Localized(nl: "hij", en: "he")
            object = Localized(nl: "hem", en: "him")
            possessive = Localized(nl: "zijn", en: "his")
        case .hen?:
            subject = Localized(nl: "die", en: "they")
            object = Localized(nl: "hen", en: "them")
            possessive = Localized(nl: "diens", en: "their")
        case .naam?, nil:
            subject = Localized(nl: name, en: nameEn)
            object = Localized(nl: name, en: nameEn)
            let last = name.last.map { String($0).lowercased() } ?? ""
            possessive = Localized(nl: ["s", "x", "z"].contains(last) ? name + "'" : name + "s", en: nameEn + "'s")
        }
    }
}
