import CasusCore
import Foundation
import Yams

/// A rule ready to run: its definition with configuration applied, its patterns compiled.
struct CompiledRule: Sendable {
    var definition: RuleDefinition
    var patterns: [Pattern] = []
    var exceptions: [Pattern] = []
    /// For substitution rules: the replacement of each pattern.
    var replacements: [String] = []
}

/// All rules for one language, indexed for a single pass over the tokens.
public struct RuleSet: Sendable {
    public let language: Language
    public let profile: LanguageProfile
    var rules: [CompiledRule]
    /// Word → the (rule, pattern) pairs whose first element accepts it.
    var index: [String: [(rule: Int, pattern: Int)]] = [:]
    /// Prefix patterns, checked against every word.
    var prefixIndex: [(prefix: String, rule: Int, pattern: Int)] = []
    var attributionCues: [Pattern] = []
    var attributionIndex: [String: [Int]] = [:]
    let firstPerson: Set<String>
    let abbreviations: Set<String>
    let functionWords: Set<String>
    let speechCues: Set<String>
    let determiners: Set<String>
    let concreteNouns: Set<String>
    let abstractWords: Set<String>

    public var definitions: [RuleDefinition] { rules.map(\.definition) }

    init(profile: LanguageProfile, definitions: [RuleDefinition]) throws {
        language = profile.language
        self.profile = profile
        firstPerson = Set(profile.firstPerson)
        abbreviations = Set(profile.abbreviations.map { $0.lowercased() })
        functionWords = Set(profile.functionWords)
        speechCues = Set(profile.speechCues)
        determiners = Set(profile.determiners)
        concreteNouns = Set(profile.concreteNouns.flatMap { Inflector.forms(of: $0.lowercased(), .noun, language: profile.language) })
        abstractWords = Set(profile.abstractWords.flatMap { Inflector.forms(of: $0.lowercased(), .noun, language: profile.language) })
        rules = []
        for definition in definitions.sorted(by: { $0.id < $1.id }) {
            rules.append(try RuleSet.compile(definition))
        }
        for cue in profile.attributionCues {
            let pattern = try Pattern(cue)
            attributionCues.append(pattern)
            if case .words(let words) = pattern.anchor { for word in words { attributionIndex[word, default: []].append(attributionCues.count - 1) } }
        }
        buildIndex()
    }

    private static func compile(_ definition: RuleDefinition) throws -> CompiledRule {
        var rule = CompiledRule(definition: definition)
        let sets = (definition.sets ?? [:]).mapValues { Set($0.flatMap { Inflector.forms(of: $0.lowercased(), definition.inflect ?? .none, language: definition.language) }) }
        do {
            switch definition.kind {
            case .words:
                for entry in definition.words ?? [] {
                    for form in Inflector.forms(of: entry.lowercased(), definition.inflect ?? .none, language: definition.language) {
                        rule.patterns.append(try Pattern(form, sets: sets))
                    }
                }
            case .phrases:
                rule.patterns = try (definition.phrases ?? []).map { try Pattern($0, sets: sets) }
            case .substitution:
                for (phrase, replacement) in (definition.substitutions ?? [:]).sorted(by: { $0.key < $1.key }) {
                    rule.patterns.append(try Pattern(phrase, sets: sets))
                    rule.replacements.append(replacement)
                }
            default:
                break
            }
            rule.exceptions = try (definition.exceptions ?? []).map { try Pattern($0, sets: sets) }
        } catch let error as Pattern.Invalid {
            throw CasusError(.invalidInput, nl: "Regel \(definition.id): \(error.description)", en: "Rule \(definition.id): \(error.description)")
        }
        return rule
    }

    private mutating func buildIndex() {
        index = [:]
        prefixIndex = []
        for (r, rule) in rules.enumerated() {
            for (p, pattern) in rule.patterns.enumerated() {
                switch pattern.anchor {
                case .words(let words): for word in words { index[word, default: []].append((r, p)) }
                case .prefixes(let prefixes): for prefix in prefixes { prefixIndex.append((prefix, r, p)) }
                default: break
                }
            }
        }
    }

    public func definition(_ id: String) -> RuleDefinition? {
        rules.first { $0.definition.id.caseInsensitiveCompare(id) == .orderedSame }?.definition
    }

    // MARK: Loading

    /// The rules shipped with casus, for one language, with a configuration applied.
    public static func bundled(_ language: Language, configuration: LintConfiguration = LintConfiguration()) throws -> RuleSet {
        let folder = try RuleFiles.bundledFolder().appendingPathComponent(language.rawValue, isDirectory: true)
        var folders = [folder]
        for extra in configuration.extraRuleFolders {
            let languageFolder = extra.appendingPathComponent(language.rawValue, isDirectory: true)
            folders.append(FileManager.default.fileExists(atPath: languageFolder.path) ? languageFolder : extra)
        }
        return try load(folders: folders, language: language, configuration: configuration)
    }

    static func load(folders: [URL], language: Language, configuration: LintConfiguration) throws -> RuleSet {
        var profile: LanguageProfile?
        var definitions: [String: RuleDefinition] = [:]
        for folder in folders {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
            for name in files {
                let url = folder.appendingPathComponent(name)
                let text = try RuleFiles.read(url)
                if name.hasPrefix("_") {
                    profile = try RuleFiles.decode(LanguageProfile.self, from: text, file: url)
                } else {
                    let definition = try RuleFiles.decode(RuleDefinition.self, from: text, file: url)
                    guard definition.language == language else { continue }
                    definitions[definition.id] = definition
                }
            }
        }
        guard let profile else {
            throw CasusError(.internalError, nl: "Het taalprofiel voor \(language.rawValue) ontbreekt tussen de regels.", en: "The language profile for \(language.rawValue) is missing from the rules.")
        }
        return try RuleSet(profile: profile, definitions: try configuration.apply(to: Array(definitions.values), language: language))
    }
}

/// Finding and reading rule files, with errors that name the file and line.
enum RuleFiles {
    static func bundledFolder() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["CASUS_RULES"] { candidates.append(URL(fileURLWithPath: env)) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for bundle in ["casus_CasusLint.resources", "casus_CasusLint.bundle/Contents/Resources", "casus_CasusLint.bundle"] {
            candidates.append(executable.appendingPathComponent(bundle).appendingPathComponent("Rules"))
        }
        candidates.append(executable.appendingPathComponent("../share/casus/Rules"))
        // During development and tests: the source tree.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules"))
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("nl").path) {
            return candidate
        }
        throw CasusError(.internalError, nl: "De regelbestanden van de linter zijn niet gevonden. Zet CASUS_RULES op de map Rules.",
                         en: "The linter's rule files were not found. Point CASUS_RULES at the Rules folder.")
    }

    static func read(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw CasusError(.cannotRead, nl: "Kan regelbestand '\(url.path)' niet lezen.", en: "Cannot read rule file '\(url.path)'.")
        }
        return text
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: URL) throws -> T {
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let error as YamlError {
            throw CasusError(.invalidInput, nl: "Regelbestand \(file.lastPathComponent): \(error)", en: "Rule file \(file.lastPathComponent): \(error)")
        } catch let DecodingError.dataCorrupted(context) where context.underlyingError != nil {
            let reason = "\(context.underlyingError!)"
            throw CasusError(.invalidInput, nl: "Regelbestand \(file.lastPathComponent): \(reason)", en: "Rule file \(file.lastPathComponent): \(reason)")
        } catch let error as DecodingError {
            let where_ = describe(error)
            throw CasusError(.invalidInput, nl: "Regelbestand \(file.lastPathComponent): \(where_)", en: "Rule file \(file.lastPathComponent): \(where_)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String { keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined() }
        switch error {
        case .keyNotFound(let key, let context): return "'\(key.stringValue)' missing\(context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))")"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
