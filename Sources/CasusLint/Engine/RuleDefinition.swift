import CasusCore
import Foundation

/// The six things a coach checks in a narrative, plus the linter's own remarks on suppressions.
public enum LintCategory: String, Codable, CaseIterable, Sendable, Comparable {
    case mening, oordeel, abstract, perspectief, citaat, leesbaarheid
    /// Remarks about `casus-lint` comments themselves.
    case uitzondering

    public var label: Localized {
        switch self {
        case .mening: Localized(nl: "mening van de schrijver", en: "the writer's opinion")
        case .oordeel: Localized(nl: "analyse of oordeel", en: "analysis or judgement")
        case .abstract: Localized(nl: "abstracte taal", en: "abstract language")
        case .perspectief: Localized(nl: "perspectief", en: "point of view")
        case .citaat: Localized(nl: "citaten", en: "quotations")
        case .leesbaarheid: Localized(nl: "leesbaarheid", en: "readability")
        case .uitzondering: Localized(nl: "uitzonderingen", en: "suppressions")
        }
    }

    public static func < (a: LintCategory, b: LintCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How much a finding matters. Ordered: suggestion < warning < error.
public enum LintSeverity: String, Codable, CaseIterable, Sendable, Comparable {
    case suggestion, warning, error

    public var label: Localized {
        switch self {
        case .suggestion: Localized(nl: "suggestie", en: "suggestion")
        case .warning: Localized(nl: "waarschuwing", en: "warning")
        case .error: Localized(nl: "fout", en: "error")
        }
    }

    public static func < (a: LintSeverity, b: LintSeverity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Text in the two interface languages as written in a rule file: either `{nl: …, en: …}` or one string for both.
public struct RuleText: Codable, Sendable, Equatable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer().decode(String.self) {
            nl = single
            en = single
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nl = try c.decode(String.self, forKey: .nl)
        en = try c.decodeIfPresent(String.self, forKey: .en) ?? nl
    }

    enum CodingKeys: String, CodingKey { case nl, en }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(nl, forKey: .nl)
        try c.encode(en, forKey: .en)
    }

    public func text(_ language: Language) -> String { language == .en ? en : nl }
}

/// What a rule looks for. `words`, `phrases` and `substitution` rules are pure data; the others
/// name a check written in code whose thresholds and word lists come from the rule file.
public enum RuleKind: String, Codable, Sendable {
    case words, phrases, substitution
    case sentenceLength = "sentence-length"
    case paragraphLength = "paragraph-length"
    case passive
    case abstractDensity = "abstract-density"
    case rhetoricalQuestion = "rhetorical-question"
    case quoteVerification = "quote-verification"
    case quoteSpeaker = "quote-speaker"
    case quoteDensity = "quote-density"
    case unbalancedQuote = "unbalanced-quote"
    /// The writer's exclamation mark: a "!" outside any quotation.
    case exclamation
}

/// How word-list entries are inflected before matching.
public enum Inflection: String, Codable, Sendable {
    case none, adjective, noun
}

/// One rule as written in a YAML file under `Rules/<language>/`.
public struct RuleDefinition: Codable, Sendable {
    public var id: String
    public var name: RuleText
    public var category: LintCategory
    public var severity: LintSeverity
    public var kind: RuleKind
    public var language: Language
    public var message: RuleText
    public var suggestion: RuleText?
    public var rationale: RuleText
    /// Whether a sentence that attributes the view to someone ("vond ze", "volgens haar buurvrouw")
    /// is exempt. Defaults to true for `mening` and `oordeel`.
    public var attribution: Bool?
    /// `narrator` (default): only text outside quotations; `all`: quotations too.
    public var scope: String?

    public var words: [String]?
    public var inflect: Inflection?
    public var phrases: [String]?
    public var sets: [String: [String]]?
    public var exceptions: [String]?
    public var substitutions: [String: String]?

    // Parameters of the checks written in code.
    public var max: Int?
    public var min: Int?
    public var per: Int?
    public var minWords: Int?
    public var threshold: Double?
    public var auxiliaries: [String]?
    public var impersonal: [String]?
    public var agentMarkers: [String]?
    public var participleExceptions: [String]?
    public var prefixes: [String]?
    /// For English passive rules: irregular past participles (taken, sent, …).
    public var participles: [String]?
    /// For passive rules: `impersonal` reports only "er werd besloten"; `personal` (default) the others.
    public var variant: String?
    /// For abstract-density rules: how many abstract nouns are enough in a sentence that names no
    /// person, no concrete thing and no number.
    public var minWithoutConcrete: Int?
    /// For abstract-density rules: predicates that make one abstract noun enough in such a sentence
    /// ("ontbreekt", "schiet tekort"); words separated by spaces, `a|b` alternatives.
    public var predicates: [String]?

    public var examples: Examples

    public struct Examples: Codable, Sendable {
        /// Texts in which the rule finds something; ⟦ and ⟧ mark each expected finding.
        public var triggering: [String]
        public var nonTriggering: [String]
        /// For quotation checks: the transcript the examples are checked against.
        public var transcript: String?

        enum CodingKeys: String, CodingKey { case triggering, nonTriggering = "non-triggering", transcript }
    }

    var respectsAttribution: Bool { attribution ?? (category == .mening || category == .oordeel) }
    var narratorOnly: Bool { (scope ?? "narrator") == "narrator" }
}

/// Facts about a language that many rules share: function words, abbreviations, attribution and
/// speech cues, determiners, concrete nouns and the suffixes of abstract nouns.
public struct LanguageProfile: Codable, Sendable {
    public var language: Language
    public var functionWords: [String]
    public var abbreviations: [String]
    /// Words and phrases that attribute a view to someone else (vond, volgens, naar haar zeggen).
    public var attributionCues: [String]
    /// Words that mark who is speaking near a quotation (zegt, vertelt, vraagt).
    public var speechCues: [String]
    public var determiners: [String]
    public var concreteNouns: [String]
    public var abstractSuffixes: [String]
    public var abstractWords: [String]
    /// First-person pronouns that make an attribution the writer's own.
    public var firstPerson: [String]
}
