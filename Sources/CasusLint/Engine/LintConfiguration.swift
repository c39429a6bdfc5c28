import CasusCore
import Foundation
import Yams

/// Settings from a `.casus-lint.yml` file: language, rules switched off, severities, extra words,
/// thresholds and folders with a team's own rules.
///
/// ```yaml
/// language: auto            # nl, en or auto
/// failOn: warning           # error, warning or none
/// disable: [NL.Versterker]
/// severity: { NL.LangeZin: suggestion }
/// rules: { NL.LangeZin: { max: 30 } }
/// words: { NL.Beleidstaal: [ketenaanpak] }
/// extraRules: [eigen-regels]
/// ```
public struct LintConfiguration: Sendable {
    public var language: Language?
    public var failOn: LintSeverity??
    public var disabled: Set<String> = []
    public var severities: [String: LintSeverity] = [:]
    public var thresholds: [String: Int] = [:]
    public var extraWords: [String: [String]] = [:]
    public var extraRuleFolders: [URL] = []
    /// The file the settings came from, for messages.
    public var file: URL?
    /// Rule ids as written in the file, for messages (keys are lower case).
    var spelling: [String: String] = [:]

    public init() {}

    /// Whether these settings make the rules differ from the ones shipped (language and failOn do not).
    var changesRules: Bool {
        !disabled.isEmpty || !severities.isEmpty || !thresholds.isEmpty || !extraWords.isEmpty
            || !extraRuleFolders.isEmpty
    }

    public static let fileNames = [".casus-lint.yml", ".casus-lint.yaml", "casus-lint.yml"]

    /// The nearest configuration file in `folder` or above it.
    public static func find(from folder: URL) -> URL? {
        var current = folder.standardizedFileURL
        for _ in 0..<32 {
            for name in fileNames {
                let candidate = current.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return nil
    }

    private struct FileShape: Decodable {
        var language: String?
        var failOn: String?
        var disable: [String]?
        var severity: [String: String]?
        var rules: [String: RuleSettings]?
        var words: [String: [String]]?
        var extraRules: [String]?

        struct RuleSettings: Decodable {
            var max: Int?
            var min: Int?
            var severity: String?
            var enabled: Bool?
        }
    }

    public static func load(_ url: URL) throws -> LintConfiguration {
        let text = try RuleFiles.read(url)
        let shape: FileShape
        do {
            shape =
                text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? FileShape() : try YAMLDecoder().decode(FileShape.self, from: text)
        } catch let error as DecodingError {
            throw CasusError(
                .invalidInput, nl: "Instellingen \(url.path): \(RuleFiles.describe(error))",
                en: "Settings \(url.path): \(RuleFiles.describe(error))")
        } catch {
            throw CasusError(
                .invalidInput, nl: "Instellingen \(url.path): \(error)", en: "Settings \(url.path): \(error)")
        }
        var configuration = LintConfiguration()
        configuration.file = url
        if let language = shape.language, language != "auto" {
            guard let parsed = Language(code: language) else {
                throw CasusError(
                    .invalidInput, nl: "Instellingen \(url.path): taal '\(language)' is niet nl, en of auto.",
                    en: "Settings \(url.path): language '\(language)' is not nl, en or auto.")
            }
            configuration.language = parsed
        }
        if let failOn = shape.failOn {
            if failOn == "none" {
                configuration.failOn = .some(nil)
            } else {
                guard let severity = LintSeverity(rawValue: failOn) else {
                    throw CasusError(
                        .invalidInput,
                        nl: "Instellingen \(url.path): failOn '\(failOn)' is niet error, warning of none.",
                        en: "Settings \(url.path): failOn '\(failOn)' is not error, warning or none.")
                }
                configuration.failOn = .some(severity)
            }
        }
        let mentioned =
            (shape.disable ?? []) + Array((shape.severity ?? [:]).keys) + Array((shape.rules ?? [:]).keys)
            + Array((shape.words ?? [:]).keys)
        configuration.spelling = Dictionary(mentioned.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        configuration.disabled = Set((shape.disable ?? []).map { $0.lowercased() })
        for (id, value) in shape.severity ?? [:] {
            guard let severity = LintSeverity(rawValue: value) else {
                throw CasusError(
                    .invalidInput,
                    nl: "Instellingen \(url.path): ernst '\(value)' bij \(id) is niet error, warning of suggestion.",
                    en: "Settings \(url.path): severity '\(value)' for \(id) is not error, warning or suggestion.")
            }
            configuration.severities[id.lowercased()] = severity
        }
        for (id, settings) in shape.rules ?? [:] {
            if let max = settings.max { configuration.thresholds[id.lowercased()] = max }
            if let value = settings.severity, let severity = LintSeverity(rawValue: value) {
                configuration.severities[id.lowercased()] = severity
            }
            if settings.enabled == false { configuration.disabled.insert(id.lowercased()) }
        }
        configuration.extraWords = Dictionary(
            uniqueKeysWithValues: (shape.words ?? [:]).map { ($0.key.lowercased(), $0.value) })
        configuration.extraRuleFolders = (shape.extraRules ?? []).map {
            URL(fileURLWithPath: $0, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
        }
        return configuration
    }

    /// The definitions with this configuration's changes; disabled rules are left out.
    func apply(to definitions: [RuleDefinition], language: Language) throws -> [RuleDefinition] {
        var known = Set(definitions.map { $0.id.lowercased() })
        known.formUnion(LintCategory.allCases.map(\.rawValue))
        for id in disabled.union(severities.keys).union(thresholds.keys).union(extraWords.keys)
        where !known.contains(id) {
            // A setting for the other language's rules is fine; an unknown id is a typo.
            let otherLanguage = id.hasPrefix(language == .nl ? "en." : "nl.")
            if !otherLanguage {
                let written = spelling[id] ?? id
                throw CasusError(
                    .invalidInput,
                    nl:
                        "Instellingen \(file?.path ?? ""): regel '\(written)' bestaat niet.",
                    en:
                        "Settings \(file?.path ?? ""): rule '\(written)' does not exist.", remedy: .listLintRules)
            }
        }
        return definitions.compactMap { original in
            var definition = original
            let id = definition.id.lowercased()
            if disabled.contains(id) || disabled.contains(definition.category.rawValue) { return nil }
            if let severity = severities[id] ?? severities[definition.category.rawValue] {
                definition.severity = severity
            }
            if let max = thresholds[id] { definition.max = max }
            if let words = extraWords[id] {
                switch definition.kind {
                case .phrases: definition.phrases = (definition.phrases ?? []) + words
                default: definition.words = (definition.words ?? []) + words
                }
            }
            return definition
        }
    }
}
