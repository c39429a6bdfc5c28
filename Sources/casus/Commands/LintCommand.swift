import ArgumentParser
import CasusCore
import CasusDocuments
import CasusLint
import CasusStore
import Foundation

extension LintFormat: ExpressibleByArgument {}

struct LintCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: say(
            "Een narratief controleren op mening, oordeel, abstracte taal, perspectief, citaten en leesbaarheid.",
            "Check a narrative for opinion, judgement, abstract language, point of view, quotes and readability."),
        discussion: say(
            """
            Leest .md, .txt, .docx en .odt (of - voor standaardinvoer). Bij .docx en .odt is 'regel' het alineanummer.
            Instellingen: .casus-lint.yml in de map van het bestand of daarboven. Uitzonderingen in de tekst:
            <!-- casus-lint disable-next-line NL.Stellingname: reden --> of disable … enable, altijd met een reden.
            Exitcodes: 0 niets op of boven --fail-on; 1 wel; 65 onbruikbare invoer; 66 bestand niet gevonden.
            """,
            """
            Reads .md, .txt, .docx and .odt (or - for standard input). In .docx and .odt, 'line' is the paragraph number.
            Settings: .casus-lint.yml in the file's folder or above. Suppressions in the text:
            <!-- casus-lint disable-next-line NL.Stellingname: reason --> or disable … enable, always with a reason.
            Exit codes: 0 nothing at or above --fail-on; 1 findings there; 65 unusable input; 66 file not found.
            """)
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, suggestion, none }
    enum TextLanguage: String, ExpressibleByArgument, CaseIterable { case auto, nl, en }

    @OptionGroup var global: GlobalOptions
    @Argument(help: help("Bestanden om te controleren.", "Files to check.")) var files: [String] = []
    @Option(
        name: .customLong("case"),
        help: help(
            "Controleer het huidige narratief van deze casus, met haar transcripten.",
            "Check this case's current narrative, against its transcripts.")) var caseId: String?
    @Option(
        name: .customLong("transcript"),
        help: help(
            "Transcript om citaten tegen te controleren (herhaalbaar).",
            "Transcript to check quotes against (repeatable).")) var transcripts: [String] = []
    @Option(
        help: help(
            "Uitvoer: line, json, sarif, checkstyle of github.", "Output: line, json, sarif, checkstyle or github."))
    var format: LintFormat = .line
    @Option(
        name: .customLong("fail-on"),
        help: help(
            "Exitcode 1 vanaf deze ernst: error, warning, suggestion of none.",
            "Exit code 1 from this severity: error, warning, suggestion or none.")) var failOn: FailOn?
    @Option(
        name: .customLong("text-lang"),
        help: help("Taal van de tekst: auto, nl of en.", "Language of the text: auto, nl or en.")) var textLanguage:
        TextLanguage?
    @Option(
        help: help(
            "Instellingenbestand (anders .casus-lint.yml in de buurt).",
            "Settings file (else a nearby .casus-lint.yml).")) var config: String?
    @Flag(name: .customLong("no-color"), help: help("Geen kleur.", "No colour.")) var noColor = false
    @Flag(name: .customLong("no-summary"), help: help("Geen samenvatting per categorie.", "No summary per category."))
    var noSummary = false
    @Flag(name: .customLong("list-rules"), help: help("Toon alle regels.", "List all rules.")) var listRules = false
    @Option(help: help("Leg een regel uit, met voorbeelden.", "Explain a rule, with examples.")) var explain: String?
    @Flag(help: help("Schrijf de regelverwijzing (Markdown).", "Write the rule reference (Markdown).")) var reference =
        false

    func execute(_ context: Context) throws {
        let configuration = try loadConfiguration()
        var transcriptTexts = try transcripts.map { try InputParsing.text(fromFileAt: URL(fileURLWithPath: $0)) }
        var speakers: [String] = []
        var sources: [(SourceText, String)] = []
        if let caseId {
            let dossier = try context.store().dossier(caseId)
            guard let narrative = dossier.currentNarrative else {
                throw CasusError(
                    .notFound, nl: "Casus '\(caseId)' heeft nog geen narratief.",
                    en: "Case '\(caseId)' has no narrative yet.")
            }
            transcriptTexts += dossier.interviews.compactMap(\.transcript)
            speakers = dossier.participants.map(\.pseudonym)
            sources.append(
                (SourceText(format: .markdown, text: narrative.text), "\(caseId)/narratief-v\(narrative.number).md"))
        }
        let session = LintSession(
            configuration: configuration, interfaceLanguage: context.language, transcripts: transcriptTexts,
            speakers: speakers)
        let forced: Language? = textLanguage.flatMap { $0 == .auto ? nil : Language(code: $0.rawValue) }
        if listRules || explain != nil || reference {
            return try describeRules(session, forced: forced, context: context)
        }
        for file in files {
            if file == "-" {
                sources.append((try TextReader.read(data: FileHandle.standardInput.readDataToEndOfFile()), "-"))
            } else {
                sources.append((try TextReader.read(fileAt: URL(fileURLWithPath: file)), file))
            }
        }
        guard !sources.isEmpty else {
            throw CasusError(
                .invalidInput, nl: "Noem een bestand, - voor standaardinvoer, of --case.",
                en: "Name a file, - for standard input, or --case.")
        }
        var reports: [LintReport] = []
        var languages = Set<Language>()
        for (source, path) in sources {
            let report = try session.lint(source, path: path, language: forced)
            languages.insert(report.language)
            reports.append(report)
        }
        let ruleDefinitions = try languages.sorted { $0.rawValue < $1.rawValue }.flatMap {
            try session.rules(for: $0).definitions
        }
        let color =
            format == .line && !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && isatty(STDOUT_FILENO) == 1
        let output = Reporters.render(
            reports, format: format, rules: ruleDefinitions, language: context.language, color: color,
            summary: !noSummary)
        FileHandle.standardOutput.write(Data(output.utf8))
        let threshold: LintSeverity? = {
            if let failOn { return failOn == .none ? nil : LintSeverity(rawValue: failOn.rawValue) }
            if let configured = configuration.failOn { return configured }
            return .error
        }()
        if let threshold, reports.contains(where: { report in report.findings.contains { $0.severity >= threshold } }) {
            throw ExitCode(1)
        }
    }

    private func loadConfiguration() throws -> LintConfiguration {
        if let config { return try LintConfiguration.load(URL(fileURLWithPath: config)) }
        let start =
            files.first.flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return try LintConfiguration.find(from: start).map(LintConfiguration.load) ?? LintConfiguration()
    }

    private func describeRules(_ session: LintSession, forced: Language?, context: Context) throws {
        let languages = forced.map { [$0] } ?? [.nl, .en]
        let sets = try languages.map { try session.rules(for: $0) }
        if reference {
            return print(RuleReference.markdown(sets, language: context.language), terminator: "")
        }
        if let explain {
            guard let rule = sets.lazy.compactMap({ $0.definition(explain) }).first else {
                throw CasusError(
                    .notFound, nl: "Er is geen regel '\(explain)'. `casus lint --list-rules` toont ze.",
                    en: "There is no rule '\(explain)'. `casus lint --list-rules` lists them.")
            }
            return print(RuleReference.entry(rule, language: context.language), terminator: "")
        }
        for set in sets {
            for rule in set.definitions {
                print(
                    "\(rule.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(rule.category.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(rule.name.text(context.language))"
                )
            }
        }
    }
}
