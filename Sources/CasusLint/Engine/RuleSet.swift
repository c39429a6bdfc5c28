import CasusCore
import Foundation
import Yams

/// A rule ready to run: its definition with configuration applied, its patterns compiled.
/// A class, so the hot loops pass references instead of copying word lists.
final class CompiledRule: Sendable {
    let definition: RuleDefinition
    let patterns: [CompiledPattern]
    let exceptions: [CompiledPattern]
    /// For substitution rules: the replacement of each pattern.
    let replacements: [String]
    /// Single words the rule looks for; they need no pattern.
    let singleWords: [String]
    let narratorOnly: Bool
    let respectsAttribution: Bool

    init(
        definition: RuleDefinition, patterns: [CompiledPattern], exceptions: [CompiledPattern], replacements: [String],
        singleWords: [String]
    ) {
        self.definition = definition
        self.patterns = patterns
        self.exceptions = exceptions
        self.replacements = replacements
        self.singleWords = singleWords
        narratorOnly = definition.narratorOnly
        respectsAttribution = definition.respectsAttribution
    }
}

/// What a word is to the linter, found with one lookup per token.
struct LexiconEntry: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let function = Flags(rawValue: 1)
        static let firstPerson = Flags(rawValue: 2)
        static let speechCue = Flags(rawValue: 4)
        static let determiner = Flags(rawValue: 8)
        static let concrete = Flags(rawValue: 16)
        static let abstractWord = Flags(rawValue: 32)
    }

    var flags: Flags = []
    /// The rules and patterns that may start at this word.
    var candidates: [Candidate] = []
    /// Attribution cues that may start at this word.
    var cues: [Int32] = []
}

/// A rule and pattern that may start at a word, with what the hot loop can rule out before it reads
/// the pattern itself (patterns lie scattered in memory; most candidates fail at the next word).
struct Candidate: Sendable {
    var rule: Int32
    /// -1 for the word on its own.
    var pattern: Int32
    /// The lexicon indices (modulo 64) the next token may have; every bit set when any token may follow.
    var next: UInt64 = ~0
    var narratorOnly = false
    var respectsAttribution = false

    /// Whether the pattern can go on at a token with lexicon index `entry` (-1: not in the lexicon).
    @inline(__always) func allowsNext(_ entry: Int32) -> Bool {
        next == ~0 || (entry >= 0 && next & (1 << UInt64(entry & 63)) != 0)
    }
}

/// The lexicon entries laid out flat for the hot loop: no nested arrays to retain per token.
struct FlatLexicon: Sendable {
    var flags: [LexiconEntry.Flags]
    /// For entry i: candidates[candidateStart[i] ..< candidateStart[i + 1]].
    var candidateStart: [Int32]
    var candidates: [Candidate]
    var cueStart: [Int32]
    var cues: [Int32]

    init(_ entries: [LexiconEntry]) {
        flags = entries.map(\.flags)
        candidateStart = [0]
        candidates = []
        cueStart = [0]
        cues = []
        for entry in entries {
            candidates += entry.candidates
            candidateStart.append(Int32(candidates.count))
            cues += entry.cues
            cueStart.append(Int32(cues.count))
        }
    }
}

/// All rules for one language, indexed for a single pass over the tokens.
public struct RuleSet: Sendable {
    public let language: Language
    public let profile: LanguageProfile
    let rules: [CompiledRule]
    /// Word → its entry in `entries`.
    let lexicon: [String: Int32]
    /// The same, keyed by bytes, for looking up tokens.
    let wordTable: WordTable
    /// Whether any pattern names a punctuation mark; if not, punctuation needs no lookup.
    let lexiconHasPunctuation: Bool
    /// The longest lexicon word in UTF-8 bytes: longer tokens are never looked up, so a "word" of
    /// thousands of combining marks never reaches String hashing, whose normalisation is quadratic in it.
    let longestLexiconWord: Int
    let entries: FlatLexicon
    /// Prefix patterns, checked against every word.
    let prefixIndex: [(prefix: [UInt8], rule: Int, pattern: Int)]
    /// For each first byte b: the prefix patterns whose prefix begins with it,
    /// `prefixesByFirstByte[prefixStart[b] ..< prefixStart[b + 1]]` (flat, so no array is retained per word).
    let prefixStart: [Int32]
    let prefixesByFirstByte: [Int32]
    let attributionCues: [CompiledPattern]
    let abbreviations: Set<String>
    let speechCues: Set<String>
    let abstractSuffixes: SuffixTable
    /// The language's noun lexicon (Dutch: from LiNT-II), when its rule folder has one.
    var nouns: NounLexicon?

    public var definitions: [RuleDefinition] { rules.map(\.definition) }

    init(profile: LanguageProfile, definitions: [RuleDefinition]) throws {
        language = profile.language
        self.profile = profile
        abbreviations = Set(profile.abbreviations.map { $0.lowercased() })
        speechCues = Set(profile.speechCues)
        abstractSuffixes = SuffixTable(profile.abstractSuffixes)
        let drafts = try definitions.sorted(by: { $0.id < $1.id }).map(RuleSet.parse)
        let cueDrafts = try profile.attributionCues.map { try Pattern($0) }

        var lexicon: [String: Int32] = [:]
        var entries: [LexiconEntry] = []
        func entry(_ word: String) -> Int {
            if let index = lexicon[word] { return Int(index) }
            entries.append(LexiconEntry())
            lexicon[word] = Int32(entries.count - 1)
            return entries.count - 1
        }
        func flag(_ words: [String], _ flag: LexiconEntry.Flags) {
            for word in words { entries[entry(word)].flags.insert(flag) }
        }
        let inflectNouns = { (words: [String]) in
            words.flatMap { Inflector.forms(of: $0.lowercased(), .noun, language: profile.language) }
        }
        flag(profile.functionWords, .function)
        flag(profile.firstPerson, .firstPerson)
        flag(profile.speechCues, .speechCue)
        flag(profile.determiners, .determiner)
        flag(inflectNouns(profile.concreteNouns), .concrete)
        flag(inflectNouns(profile.abstractWords), .abstractWord)
        // Every word a pattern or check names gets an index, so matching compares indices, not strings.
        for draft in drafts {
            for word in draft.singleWords { _ = entry(word) }
            for pattern in draft.patterns + draft.exceptions { for word in pattern.words { _ = entry(word) } }
            let d = draft.definition
            for word in (d.auxiliaries ?? []) + (d.impersonal ?? []) + (d.agentMarkers ?? []) {
                _ = entry(word.lowercased())
            }
        }
        for cue in cueDrafts { for word in cue.words { _ = entry(word) } }

        let size = entries.count
        let index = { (word: String) in lexicon[word] }
        rules = drafts.map { draft in
            CompiledRule(
                definition: draft.definition, patterns: draft.patterns.map { $0.compiled(index, lexiconSize: size) },
                exceptions: draft.exceptions.map { $0.compiled(index, lexiconSize: size) },
                replacements: draft.replacements, singleWords: draft.singleWords)
        }
        var prefixes: [(prefix: [UInt8], rule: Int, pattern: Int)] = []
        for (r, draft) in drafts.enumerated() {
            let rule = Candidate(
                rule: Int32(r), pattern: -1, narratorOnly: draft.definition.narratorOnly,
                respectsAttribution: draft.definition.respectsAttribution)
            for word in draft.singleWords { entries[entry(word)].candidates.append(rule) }
            for (p, pattern) in draft.patterns.enumerated() {
                switch pattern.anchor {
                case .words(let words):
                    var candidate = rule
                    candidate.pattern = Int32(p)
                    if case .words(let following) = pattern.afterAnchor {
                        candidate.next = following.reduce(0) { $0 | 1 << UInt64(lexicon[$1]! & 63) }
                    }
                    for word in words { entries[entry(word)].candidates.append(candidate) }
                case .prefixes(let list): for prefix in list { prefixes.append((Array(prefix.utf8), r, p)) }
                default: break
                }
            }
        }
        for (c, cue) in cueDrafts.enumerated() {
            if case .words(let words) = cue.anchor { for word in words { entries[entry(word)].cues.append(Int32(c)) } }
        }
        self.attributionCues = cueDrafts.map { $0.compiled(index, lexiconSize: size) }
        self.lexicon = lexicon
        self.wordTable = WordTable(lexicon)
        self.longestLexiconWord = lexicon.keys.map(\.utf8.count).max() ?? 0
        self.lexiconHasPunctuation = lexicon.keys.contains {
            $0.unicodeScalars.first.map { !CharacterSet.alphanumerics.contains($0) && $0 != "'" } ?? false
        }
        self.entries = FlatLexicon(entries)
        self.prefixIndex = prefixes
        var buckets = [[Int32]](repeating: [], count: 256)
        for (index, entry) in prefixes.enumerated() { buckets[Int(entry.prefix.first ?? 0)].append(Int32(index)) }
        self.prefixesByFirstByte = buckets.flatMap { $0 }
        self.prefixStart = buckets.reduce(into: [0]) { $0.append($0.last! + Int32($1.count)) }
    }

    /// A rule's patterns as written, before they are compiled against the lexicon.
    private struct Draft {
        var definition: RuleDefinition
        var patterns: [Pattern] = []
        var exceptions: [Pattern] = []
        var replacements: [String] = []
        var singleWords: [String] = []
    }

    private static func parse(_ definition: RuleDefinition) throws -> Draft {
        let inflection = definition.inflect ?? .none
        let sets = (definition.sets ?? [:]).mapValues {
            Set($0.flatMap { Inflector.forms(of: $0.lowercased(), inflection, language: definition.language) })
        }
        var draft = Draft(definition: definition)
        /// A plain word becomes a lexicon entry; anything else a pattern.
        func add(_ entry: String) throws {
            let lowered = entry.lowercased()
            // Bytes, not Foundation's contains(_: StringProtocol), which searches through NSString.
            let plain =
                !lowered.utf8.contains(where: { $0 == 0x20 || $0 == 0x7C || $0 == 0x2A || $0 == 0x7B })
                && lowered != "^"
            if plain {
                draft.singleWords.append(lowered)
            } else {
                draft.patterns.append(try Pattern(lowered, sets: sets))
            }
        }
        do {
            switch definition.kind {
            case .words:
                for entry in definition.words ?? [] {
                    for form in Inflector.forms(of: entry.lowercased(), inflection, language: definition.language) {
                        try add(form)
                    }
                }
            case .phrases:
                for phrase in definition.phrases ?? [] { try add(phrase) }
            case .substitution:
                for (phrase, replacement) in (definition.substitutions ?? [:]).sorted(by: { $0.key < $1.key }) {
                    draft.patterns.append(try Pattern(phrase.lowercased(), sets: sets))
                    draft.replacements.append(replacement)
                }
            default:
                break
            }
            draft.exceptions = try (definition.exceptions ?? []).map { try Pattern($0, sets: sets) }
            return draft
        } catch let error as Pattern.Invalid {
            throw CasusError(
                .invalidInput, nl: "Regel \(definition.id): \(error.description)",
                en: "Rule \(definition.id): \(error.description)")
        }
    }

    /// The lexicon entry of each token (-1 when the word is not in the lexicon).
    func lookUp(_ analysis: TextAnalysis) -> [Int32] {
        let punctuation = lexiconHasPunctuation
        let longest = longestLexiconWord
        let table = wordTable
        let lowered = analysis.lowered
        // Pure and per token: spread over the cores for long texts.
        return
            (try? analysis.tokens.concurrentMap(minimumPerChunk: 16_384) { token -> Int32 in
                guard token.lowerCount > 0, Int(token.lowerCount) <= longest else { return -1 }
                switch token.kind {
                case .word, .number: break
                case .punctuation: guard punctuation else { return -1 }
                default: return -1
                }
                return lowered.withUnsafeBufferPointer { all in
                    let start = Int(token.lowerStart)
                    return table.find(UnsafeBufferPointer(rebasing: all[start..<start + Int(token.lowerCount)]))
                }
            }) ?? []
    }

    func flags(_ entry: Int32) -> LexiconEntry.Flags { entry < 0 ? [] : entries.flags[Int(entry)] }

    /// The lexicon indices of some words, for checks that look for a handful of words.
    func entrySet(_ words: [String]?) -> Set<Int32> { Set((words ?? []).compactMap { lexicon[$0.lowercased()] }) }

    public func definition(_ id: String) -> RuleDefinition? {
        rules.first { $0.definition.id.caseInsensitiveCompare(id) == .orderedSame }?.definition
    }

    // MARK: Loading

    /// The rules shipped with casus, for one language, with a configuration applied.
    public static func bundled(
        _ language: Language, configuration: LintConfiguration = LintConfiguration()
    ) throws -> RuleSet {
        if !configuration.changesRules, let warmed = RuleWarmUp.take(language) { return warmed }
        return try load(language, configuration: configuration)
    }

    static func load(_ language: Language, configuration: LintConfiguration) throws -> RuleSet {
        let folder = try RuleFiles.bundledFolder().appendingPathComponent(language.rawValue, isDirectory: true)
        var folders = [folder]
        for extra in configuration.extraRuleFolders {
            let languageFolder = extra.appendingPathComponent(language.rawValue, isDirectory: true)
            folders.append(FileManager.default.fileExists(atPath: languageFolder.path) ? languageFolder : extra)
        }
        return try load(folders: folders, language: language, configuration: configuration)
    }

    /// One rule file's text checked as casus would load it: parsed, its patterns compiled beside the
    /// language profile of `base`. Throws the error a user would see for a broken file.
    public static func compile(ruleYAML text: String, beside base: RuleSet) throws -> RuleSet {
        guard text.utf8.count <= InputLimits.yamlBytes else {
            throw CasusError(
                .invalidInput, nl: "Het regelbestand is groter dan \(InputLimits.yamlBytes / 1_048_576) MB.",
                en: "The rule file is larger than \(InputLimits.yamlBytes / 1_048_576) MB.")
        }
        let definition = try RuleFiles.decode(RuleDefinition.self, from: text, file: URL(fileURLWithPath: "rule.yml"))
        var set = try RuleSet(profile: base.profile, definitions: [definition])
        set.nouns = base.nouns
        return set
    }

    static func load(folders: [URL], language: Language, configuration: LintConfiguration) throws -> RuleSet {
        let parsed = try RuleCache.load(folders: folders, language: language)
        var set = try RuleSet(
            profile: parsed.profile, definitions: try configuration.apply(to: parsed.definitions, language: language))
        set.nouns =
            folders.lazy.compactMap { NounLexicon.shared($0.appendingPathComponent(NounLexicon.fileName)) }
            .first
        return set
    }
}

/// The rule files of one language, parsed. Parsing YAML costs more than linting a narrative, so
/// the parsed rules are kept in a cache file keyed by the rule files' names, sizes and times.
struct ParsedRules: Codable {
    var profile: LanguageProfile
    var definitions: [RuleDefinition]
}

enum RuleCache {
    static func load(folders: [URL], language: Language) throws -> ParsedRules {
        var files: [URL] = []
        for folder in folders {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
            files += names.map { folder.appendingPathComponent($0) }
        }
        let cacheFile = cacheURL(for: files, language: language)
        if let cacheFile, let data = FileManager.default.contents(atPath: cacheFile.path),
            let cached = try? JSONDecoder().decode(ParsedRules.self, from: data)
        {
            return cached
        }
        let parsed = try parse(files, language: language)
        if let cacheFile, let data = try? JSONEncoder().encode(parsed) {
            try? FileManager.default.createDirectory(
                at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = cacheFile.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).tmp")
            if FileManager.default.createFile(atPath: temporary.path, contents: data) {
                if rename(temporary.path, cacheFile.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
            }
            removeStale(beside: cacheFile, language: language)
        }
        return parsed
    }

    static func parse(_ files: [URL], language: Language) throws -> ParsedRules {
        var profile: LanguageProfile?
        var definitions: [String: RuleDefinition] = [:]
        for url in files {
            let text = try RuleFiles.read(url)
            if url.lastPathComponent.hasPrefix("_") {
                profile = try RuleFiles.decode(LanguageProfile.self, from: text, file: url)
            } else {
                let definition = try RuleFiles.decode(RuleDefinition.self, from: text, file: url)
                guard definition.language == language else { continue }
                definitions[definition.id] = definition
            }
        }
        guard let profile else {
            throw CasusError(
                .internalError, nl: "Het taalprofiel voor \(language.rawValue) ontbreekt tussen de regels.",
                en: "The language profile for \(language.rawValue) is missing from the rules.")
        }
        return ParsedRules(profile: profile, definitions: definitions.values.sorted { $0.id < $1.id })
    }

    /// Caches of this language written for older rule files or builds: each new build would otherwise
    /// leave one behind. Caches of other rule folders go too; they are rebuilt when next used.
    static func removeStale(beside cacheFile: URL, language: Language) {
        let folder = cacheFile.deletingLastPathComponent()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("\(language.rawValue)-") && name.hasSuffix(".json") && name != cacheFile.lastPathComponent
        {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// `$XDG_CACHE_HOME/casus/lint-rules/<language>-<fingerprint>.json`; nil when there is no home to write to.
    static func cacheURL(for files: [URL], language: Language) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if environment["CASUS_NO_RULE_CACHE"] != nil { return nil }
        var fingerprint: UInt64 = 0xcbf29ce484222325
        func mix(_ text: String) {
            for byte in text.utf8 { fingerprint = (fingerprint ^ UInt64(byte)) &* 0x100000001b3 }
        }
        mix("casus-lint-cache-1")
        // A new build of casus may read rules differently: its own size and time are part of the key.
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for url in [executable] + files {
            // stat(2) directly: FileManager's attribute dictionary costs a millisecond over 40 files.
            var status = stat()
            guard stat(url.path, &status) == 0 else { return nil }
            mix(url.path)
            mix("\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)")
        }
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else if let home = environment["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        } else {
            return nil
        }
        return base.appendingPathComponent(
            "casus/lint-rules/\(language.rawValue)-\(String(fingerprint, radix: 16)).json")
    }
}

/// Finding and reading rule files, with errors that name the file and line.
enum RuleFiles {
    static func bundledFolder() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["CASUS_RULES"] { candidates.append(URL(fileURLWithPath: env)) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for bundle in [
            "casus_CasusLint.resources", "casus_CasusLint.bundle/Contents/Resources", "casus_CasusLint.bundle",
        ] {
            candidates.append(executable.appendingPathComponent(bundle).appendingPathComponent("Rules"))
        }
        candidates.append(executable.appendingPathComponent("../share/casus/Rules"))
        // During development and tests: the source tree.
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Rules"))
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("nl").path) {
            return candidate
        }
        throw CasusError(
            .internalError, nl: "De regelbestanden van de linter zijn niet gevonden. Zet CASUS_RULES op de map Rules.",
            en: "The linter's rule files were not found. Point CASUS_RULES at the Rules folder.")
    }

    static func read(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw CasusError(
                .cannotRead, nl: "Kan regelbestand '\(url.path)' niet lezen.",
                en: "Cannot read rule file '\(url.path)'.")
        }
        guard data.count <= InputLimits.yamlBytes else {
            throw CasusError(
                .invalidInput, nl: "Regelbestand '\(url.path)' is groter dan \(InputLimits.yamlBytes / 1_048_576) MB.",
                en: "Rule file '\(url.path)' is larger than \(InputLimits.yamlBytes / 1_048_576) MB.")
        }
        return text
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: URL) throws -> T {
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let error as YamlError {
            throw CasusError(
                .invalidInput, nl: "Regelbestand \(file.lastPathComponent): \(error)",
                en: "Rule file \(file.lastPathComponent): \(error)")
        } catch let DecodingError.dataCorrupted(context) where context.underlyingError != nil {
            let reason = "\(context.underlyingError!)"
            throw CasusError(
                .invalidInput, nl: "Regelbestand \(file.lastPathComponent): \(reason)",
                en: "Rule file \(file.lastPathComponent): \(reason)")
        } catch let error as DecodingError {
            let where_ = describe(error)
            throw CasusError(
                .invalidInput, nl: "Regelbestand \(file.lastPathComponent): \(where_)",
                en: "Rule file \(file.lastPathComponent): \(where_)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "'\(key.stringValue)' missing\(context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))")"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
