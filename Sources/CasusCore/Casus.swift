import Foundation

/// A case (casus): one concrete story researched to make a structural problem visible.
public struct Casus: Codable, Sendable, Hashable {
    /// A short slug such as `boete-schuldhulp`; unique in a store.
    public var id: String
    public var title: String
    /// The question the case explores (vraagstuk).
    public var vraagstuk: String
    /// Who commissioned the research, for instance a rekenkamer.
    public var opdrachtgever: String?
    /// The language the narrative and reports are written in.
    public var language: Language
    public var researchers: [String]
    public var coach: String?
    /// The case in a few lines, for reports and listings. No names, no judgement.
    public var summary: String?
    /// The narrative version that counts now.
    public var currentNarrative: Int?
    /// How the report will be published; consent must cover it.
    public var publicationForm: PublicationForm?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        id: String, title: String, vraagstuk: String, opdrachtgever: String? = nil, language: Language = .nl,
        researchers: [String] = [], coach: String? = nil, summary: String? = nil, currentNarrative: Int? = nil,
        publicationForm: PublicationForm? = nil, createdAt: Timestamp = .now(), updatedAt: Timestamp? = nil
    ) {
        self.id = id
        self.title = title
        self.vraagstuk = vraagstuk
        self.opdrachtgever = opdrachtgever
        self.language = language
        self.researchers = researchers
        self.coach = coach
        self.summary = summary
        self.currentNarrative = currentNarrative
        self.publicationForm = publicationForm
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// A slug made from a title: lower case, ASCII letters and digits, words joined by hyphens.
    public static func slug(from title: String) -> String {
        let folded = title.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl_NL"))
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let slug = words.prefix(6).joined(separator: "-")
        return slug.isEmpty ? "casus" : String(slug.prefix(48))
    }

    /// Whether `text` is usable as an id: starts with a letter or digit; letters, digits, `-`, `_`, `.` only.
    public static func isValidID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.count <= 64 else { return false }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        return CharacterSet.alphanumerics.contains(first) && first.isASCII
            && text.unicodeScalars.allSatisfy { allowed.contains($0) }
    }
}

/// The seven preconditions for taking on a case (METHOD.md, step 0).
public enum Precondition: Int, CaseIterable, Codable, Sendable {
    case question = 1, access, exemplary, willingAndAble, consentToDiscuss, workingArea, urgency

    public var label: Localized {
        switch self {
        case .question:
            Localized(
                nl: "Er is een vraagstuk dat je vanuit de praktijk wilt verkennen.",
                en: "There is a question you want to explore from practice.")
        case .access:
            Localized(
                nl: "Je hebt toegang tot de mensen die dit probleem als eindgebruiker meemaken.",
                en: "You have access to the people who meet this problem as end users.")
        case .exemplary:
            Localized(
                nl:
                    "Er is genoeg vooronderzoek gedaan om te weten wiens verhaal exemplarisch is: de problemen komen structureel voor bij een grotere groep.",
                en:
                    "Enough preliminary research was done to know whose story is exemplary: the problems recur structurally for a larger group."
            )
        case .willingAndAble:
            Localized(
                nl: "De persoon achter het verhaal wil het vertellen en kan dat ook.",
                en: "The person behind the story is willing to tell it, and able to.")
        case .consentToDiscuss:
            Localized(
                nl: "Die persoon staat toe dat je het verhaal met anderen bespreekt.",
                en: "That person allows you to discuss the story with others.")
        case .workingArea:
            Localized(
                nl: "De casus komt uit het werkgebied van de organisaties waarmee je wilt experimenteren.",
                en: "The case comes from the working area of the organisations you want to experiment with.")
        case .urgency:
            Localized(
                nl:
                    "De casus is ernstig of politiek urgent genoeg dat betrokkenen zich willen inzetten voor een oplossing.",
                en: "The case is serious or politically urgent enough that those involved want to commit to solving it."
            )
        }
    }
}

/// The answer to one precondition of the case selection.
public struct PreconditionAnswer: Codable, Sendable, Hashable {
    public var number: Int
    public var met: Bool
    public var justification: String
    public var answeredBy: String
    public var at: Timestamp

    public init(number: Int, met: Bool, justification: String, answeredBy: String, at: Timestamp = .now()) {
        self.number = number
        self.met = met
        self.justification = justification
        self.answeredBy = answeredBy
        self.at = at
    }

    public var precondition: Precondition? { Precondition(rawValue: number) }
}

/// The form in which the story is published.
public enum PublicationForm: String, Vocabulary {
    case anoniem, pseudoniem, naam

    public var label: Localized {
        switch self {
        case .anoniem: Localized(nl: "geanonimiseerd", en: "anonymised")
        case .pseudoniem: Localized(nl: "onder pseudoniem", en: "under a pseudonym")
        case .naam: Localized(nl: "met naam", en: "by name")
        }
    }

    public var aliases: [String] {
        switch self {
        case .anoniem: ["anonymous", "anonymised", "anonymized"]
        case .pseudoniem: ["pseudonym", "pseudonymised", "pseudonymized"]
        case .naam: ["name", "named", "by-name"]
        }
    }

    /// The consent purpose that covers publication in this form.
    public var consentPurpose: ConsentPurpose {
        switch self {
        case .anoniem: .publicationAnonymised
        case .pseudoniem: .publicationPseudonymised
        case .naam: .publicationNamed
        }
    }
}
