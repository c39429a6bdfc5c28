import CasusCore
import CasusDocuments
import Foundation

/// Lints files the way `casus lint` does: finds the configuration, picks the language of each
/// text (or takes the configured one), loads each language's rules once, and lints.
public final class LintSession {
    public let configuration: LintConfiguration
    public let interfaceLanguage: Language
    let transcripts: [String]
    let speakers: [String]
    private var ruleSets: [Language: RuleSet] = [:]

    public init(
        configuration: LintConfiguration, interfaceLanguage: Language, transcripts: [String] = [],
        speakers: [String] = []
    ) {
        self.configuration = configuration
        self.interfaceLanguage = interfaceLanguage
        self.transcripts = transcripts
        self.speakers = speakers
    }

    public func rules(for language: Language) throws -> RuleSet {
        if let cached = ruleSets[language] { return cached }
        let set = try RuleSet.bundled(language, configuration: configuration)
        ruleSets[language] = set
        return set
    }

    /// The language of a text: the configured one, else the one whose function words it uses most.
    public func language(of source: SourceText, forced: Language? = nil) -> Language {
        if let forced { return forced }
        if let configured = configuration.language { return configured }
        return LanguageDetector.detect(source.text)
    }

    public func lint(_ source: SourceText, path: String, language forced: Language? = nil) throws -> LintReport {
        let language = language(of: source, forced: forced)
        let linter = { (rules: RuleSet) in
            Linter(rules: rules, transcripts: self.transcripts, speakers: self.speakers)
        }
        // The first text of a language: its rules load on one core while the text is prepared on the
        // other (a long text only; for a short one the hand-over costs more than it saves).
        guard ruleSets[language] == nil, source.text.utf8.count >= 256 * 1024 else {
            return linter(try rules(for: language)).lint(source, path: path, interfaceLanguage: interfaceLanguage)
        }
        let loaded = PairResult<RuleSet>(), prepared = PairResult<PreparedText>()
        let configuration = configuration
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                loaded.set(Result { try RuleSet.bundled(language, configuration: configuration) })
            } else {
                prepared.set(.success(PreparedText(source)))
            }
        }
        let rules = try loaded.get()
        ruleSets[language] = rules
        return linter(rules).lint(try prepared.get(), path: path, interfaceLanguage: interfaceLanguage)
    }
}

/// Tells Dutch from English by counting very common words in the first part of a text.
public enum LanguageDetector {
    static let dutch: Set<String> = [
        "de", "het", "een", "en", "van", "ik", "dat", "die", "niet", "zijn", "ze", "zij", "hij", "op", "te", "met",
        "er", "maar", "ook", "naar", "was", "werd", "haar", "wat", "aan",
    ]
    static let english: Set<String> = [
        "the", "a", "and", "of", "to", "i", "that", "it", "not", "is", "she", "he", "on", "with", "but", "also", "was",
        "her", "what", "at", "they", "this", "have", "for",
    ]

    public static func detect(_ text: String) -> Language {
        var nl = 0, en = 0, seen = 0
        // Bytes, not Characters: grapheme breaking and lowercasing cost more than linting a short text.
        // Every word the two lists hold is ASCII, so a word with other bytes in it counts only as seen.
        var word: [UInt8] = []
        func count() {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty, word.count <= 8 else { return }
            if let ascii = String(validating: word, as: UTF8.self) {
                if dutch.contains(ascii) { nl += 1 }
                if english.contains(ascii) { en += 1 }
            }
            seen += 1
        }
        for byte in text.utf8.prefix(60_000) {
            switch byte {
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A, 0x80...: word.append(byte)
            default: count()
            }
            if seen > 3_000 { break }
        }
        count()
        return en > nl ? .en : .nl
    }
}

/// The rule reference for the guides, generated from the rule files: one source for the
/// `--explain` output, the documentation and the tests.
public enum RuleReference {
    public static func markdown(_ sets: [RuleSet], language: Language) -> String {
        let t = { (nl: String, en: String) in language == .en ? en : nl }
        var out = t("# Regels van de narratieflinter\n\n", "# Rules of the narrative linter\n\n")
        out += t(
            "Deze lijst is gemaakt met `casus lint --reference`; pas de regelbestanden in `Sources/CasusLint/Rules/` aan, niet deze tekst.\n\n",
            "This list is generated by `casus lint --reference --lang en`; edit the rule files in `Sources/CasusLint/Rules/`, not this text.\n\n"
        )
        for set in sets {
            out += "## " + (set.language == .nl ? t("Nederlands", "Dutch") : t("Engels", "English")) + "\n\n"
            for category in LintCategory.allCases where category != .uitzondering {
                let rules = set.definitions.filter { $0.category == category }
                guard !rules.isEmpty else { continue }
                out += "### \(category.rawValue) — \(category.label.text(language))\n\n"
                for rule in rules { out += entry(rule, language: language) }
            }
        }
        return out
    }

    public static func entry(_ rule: RuleDefinition, language: Language) -> String {
        let t = { (nl: String, en: String) in language == .en ? en : nl }
        var out = "#### \(rule.id) — \(rule.name.text(language))\n\n"
        out += t("Ernst: ", "Severity: ") + rule.severity.label.text(language) + "\n\n"
        out += rule.rationale.text(language).trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        if !rule.examples.triggering.isEmpty {
            out += t("Meldt (gemarkeerd tussen ⟦ ⟧):\n\n", "Reports (marked between ⟦ ⟧):\n\n")
            for example in rule.examples.triggering { out += "- \(example)\n" }
            out += "\n"
        }
        if !rule.examples.nonTriggering.isEmpty {
            out += t("Meldt niet:\n\n", "Does not report:\n\n")
            for example in rule.examples.nonTriggering { out += "- \(example)\n" }
            out += "\n"
        }
        return out
    }
}

/// The result of one of two pieces of work run side by side, read after both are done.
private final class PairResult<T>: @unchecked Sendable {
    private var result: Result<T, any Error>?

    func set(_ value: Result<T, any Error>) { result = value }

    func get() throws -> T {
        guard let result else {
            throw CasusError(
                .internalError, nl: "Een deel van het werk liep niet.", en: "A part of the work did not run.")
        }
        return try result.get()
    }
}
