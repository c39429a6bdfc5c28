import ArgumentParser
import CasusApp
import CasusCore
import CasusQDA
import CasusStore
import Foundation

struct ExportCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: say(
            "Een dossier exporteren als JSON-bestand, of een rapport maken (--report).",
            "Export a dossier as a JSON file, or make a report (--report)."),
        discussion: say(
            "Zonder --report: het hele dossier als één draagbaar bestand (Schemas/casus-dossier.schema.json). "
                + "Met --report: een casusbeschrijving of outside-in rapport als md, html, odt, docx of pdf; wat toestemming niet dekt blijft eruit "
                + "en staat in het exportlogboek. Echte namen uit de sleutelkluis gaan nooit mee; staat er toch een in de tekst, dan stopt de export.",
            "Without --report: the whole dossier as one portable file (Schemas/casus-dossier.schema.json). "
                + "With --report: a case description or outside-in report as md, html, odt, docx or pdf; what consent does not cover stays out "
                + "and is listed in the export log. Real names from the key vault never go along; if one is found in the text, the export stops."
        ))

    enum AttachmentMode: String, ExpressibleByArgument, CaseIterable { case include, reference }

    @OptionGroup var global: GlobalOptions
    @Argument var caseId: String
    @Option(
        name: [.short, .long],
        help: help("Schrijf naar dit bestand (anders standaarduitvoer).", "Write to this file (else standard output)."))
    var output: String?
    @Option(
        help: help(
            "Bijlagen meenemen (include) of alleen verwijzen (reference).",
            "Carry attachments (include) or only refer to them (reference).")) var attachments: AttachmentMode =
            .include
    @OptionGroup var reportOptions: ReportExportOptions

    @Flag(
        name: .customLong("narrative-notes"),
        help: help(
            "Bij qdpx: de versies van het narratief als notities meegeven.",
            "With qdpx: include the narrative versions as notes.")) var narrativeNotes = false

    func execute(_ context: Context) throws {
        if let kind = reportOptions.report {
            return try ReportExport.run(kind, caseId: caseId, options: reportOptions, output: output, context: context)
        }
        switch reportOptions.format ?? output.flatMap({ ExportFormat(fileName: $0) }) ?? .json {
        case .json: break
        case .qdpx: return try exportQDA(context)
        case let other:
            throw CasusError(
                .invalidInput, nl: "\(other.rawValue) is een rapportformaat: geef ook --report.",
                en: "\(other.rawValue) is a report format: also give --report.")
        }
        let bytes = try context.casework().exportDossier(caseId, embedAttachments: attachments == .include)
        if let output, output != "-" {
            try AtomicFile.write(bytes, to: URL(fileURLWithPath: output))
            Output.error(
                context.t(
                    "Dossier '\(caseId)' geëxporteerd naar \(output).", "Dossier '\(caseId)' exported to \(output)."))
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}

extension ExportCommand {
    func exportQDA(_ context: Context) throws {
        guard let output, output != "-" else {
            throw CasusError(
                .invalidInput, nl: "Een qdpx-bestand hoort niet in de terminal: geef --output.",
                en: "A qdpx file does not belong in the terminal: give --output.")
        }
        let (bytes, log) = try context.casework().exportQDA(caseId, includeNarrative: narrativeNotes)
        try AtomicFile.write(bytes, to: URL(fileURLWithPath: output))
        if !log.isEmpty {
            Output.error(
                context.t("Weggelaten:", "Left out:") + "\n"
                    + log.map { "  - " + context.t($0) }.joined(separator: "\n"))
        }
        Output.error(context.t("QDA-project geschreven naar \(output).", "QDA project written to \(output)."))
    }
}

extension QDAOffsetScheme: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "codepoints", "tekens": self = .codePoints
        case "codepoints-crlf1", "tekens-crlf1": self = .codePointsCRLFOne
        case "utf16": self = .utf16
        case "utf16-crlf1": self = .utf16CRLFOne
        default: return nil
        }
    }
    public static var allValueStrings: [String] { ["codepoints", "codepoints-crlf1", "utf16", "utf16-crlf1"] }
}

struct ImportCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: say("Een dossierbestand inlezen.", "Import a dossier file."))

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: help("Het dossierbestand (of - voor standaardinvoer).", "The dossier file (or - for standard input)."))
    var file: String
    @Flag(
        help: help(
            "Vervang een bestaande casus met hetzelfde id (de toestemmingsgeschiedenis moet behouden blijven).",
            "Replace an existing case with the same id (its consent history must be kept).")) var replace = false

    @Option(
        name: .customLong("case"),
        help: help(
            "Bij een QDA-project (.qdpx): als nieuwe interviews in deze casus (anders een nieuwe casus).",
            "For a QDA project (.qdpx): as new interviews of this case (else a new case).")) var caseId: String?
    @Option(
        help: help(
            "Bij een QDA-project: hoe de posities geteld zijn (codepoints, codepoints-crlf1, utf16, utf16-crlf1); anders bepaalt casus het.",
            "For a QDA project: how positions were counted (codepoints, codepoints-crlf1, utf16, utf16-crlf1); else casus finds out."
        ))
    var counting: QDAOffsetScheme?

    func execute(_ context: Context) throws {
        let data = try ImportCommand.read(file)
        if file.lowercased().hasSuffix(".qdpx") || data.starts(with: [0x50, 0x4B]) {
            let (id, report) = try context.casework().importQDA(
                data, into: caseId, options: QDAReadOptions(counting: counting))
            context.print("QDA-project ingelezen in casus '\(id)':", "QDA project imported into case '\(id)':")
            for line in report { print("  - " + context.t(line)) }
            return
        }
        let dossier = try context.casework().importDossier(data, replace: replace)
        context.print(
            "Casus '\(dossier.casus.id)' ingelezen: \(dossier.participants.count) personen, \(dossier.interviews.count) interviews, \(dossier.events.count) gebeurtenissen.",
            "Case '\(dossier.casus.id)' imported: \(dossier.participants.count) participants, \(dossier.interviews.count) interviews, \(dossier.events.count) events."
        )
    }

    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else {
            throw CasusError(
                .cannotRead, nl: "Het bestand '\(path)' bestaat niet.", en: "The file '\(path)' does not exist.")
        }
        guard size <= DossierFile.maximumFileSize else {
            throw CasusError(
                .invalidInput, nl: "'\(path)' is groter dan 512 MB; dat is geen dossierbestand dat casus inleest.",
                en: "'\(path)' is larger than 512 MB; casus will not import it.")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CasusError(.cannotRead, nl: "Kan '\(path)' niet lezen.", en: "Cannot read '\(path)'.")
        }
        return data
    }
}

struct SearchCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: say(
            "Zoeken in transcripten, narratieven, gebeurtenissen en bevindingen.",
            "Search transcripts, narratives, events and findings."),
        discussion: say(
            "Hoofdletters en accenten tellen niet; elk woord mag het begin van een langer woord zijn (schuld vindt schuldhulp).",
            "Case and accents do not matter; each word may begin a longer word (schuld finds schuldhulp)."))

    @OptionGroup var global: GlobalOptions
    @Argument(help: help("Zoekwoorden.", "Search words.")) var words: [String]
    @Option(name: .customLong("case"), help: help("Alleen in deze casus.", "Only in this case.")) var caseId: String?
    @Option var limit: Int = 20
    @Flag var json = false

    func execute(_ context: Context) throws {
        let hits = try context.store().search(
            words.joined(separator: " "), caseId: caseId, limit: max(1, min(limit, 1000)))
        if json { return try Output.json(hits) }
        if hits.isEmpty { return context.print("Niets gevonden.", "Nothing found.") }
        for hit in hits { print("\(hit.caseId)  \(hit.kind) \(hit.ref)  \(hit.excerpt)") }
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: say(
            "Het auditlog: wie wat wanneer veranderde; controle op manipulatie.",
            "The audit log: who changed what when; tamper check."),
        subcommands: [Log.self, Verify.self], defaultSubcommand: Log.self)

    struct Log: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: say("Het auditlog tonen.", "Show the audit log."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: help("Alleen deze casus.", "Only this case.")) var caseId: String?
        @Option(help: help("Alleen de laatste N regels.", "Only the last N lines.")) var limit: Int?
        @Flag var json = false

        func execute(_ context: Context) throws {
            let entries = try context.store().auditEntries(caseId: caseId, limit: limit)
            if json { return try Output.json(entries) }
            Output.table(
                [
                    "#", context.t("WANNEER", "WHEN"), context.t("WIE", "WHO"), context.t("CASUS", "CASE"),
                    context.t("ACTIE", "ACTION"), context.t("WAT", "WHAT"),
                ],
                entries.map { e in
                    [
                        String(e.seq), e.at.text, e.actor, e.caseId, e.operation,
                        "\(e.entity) \(e.entityId)" + (e.detail.map { " (\($0))" } ?? ""),
                    ]
                })
        }
    }

    struct Verify: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: say(
                "De hashketen en de opgeslagen gegevens tegen het log controleren.",
                "Check the hash chain and the stored data against the log."))
        @OptionGroup var global: GlobalOptions
        @Flag var json = false

        func execute(_ context: Context) throws {
            let report = try context.store().verifyAudit()
            if json {
                try Output.json(report)
            } else {
                context.print(
                    "\(report.entriesChecked) logregels en \(report.partsChecked) dossierdelen gecontroleerd.",
                    "\(report.entriesChecked) log entries and \(report.partsChecked) dossier parts checked.")
                for seq in report.brokenLinks {
                    context.print(
                        "  logregel \(seq) is gewijzigd of de keten is onderbroken",
                        "  log entry \(seq) was changed or the chain is broken")
                }
                for key in report.changedOutside {
                    context.print("  \(key) is buiten casus om gewijzigd", "  \(key) was changed outside casus")
                }
                for key in report.removedOutside {
                    context.print("  \(key) is buiten casus om verwijderd", "  \(key) was removed outside casus")
                }
                context.print("Kopwaarde van de keten: \(report.headHash)", "Head of the chain: \(report.headHash)")
            }
            guard report.isIntact else {
                throw CasusError(
                    .checkFailed, nl: "Het auditlog klopt niet met de opslag: zie hierboven.",
                    en: "The audit log does not match the store: see above.")
            }
            if !json { context.print("In orde.", "All in order.") }
        }
    }
}

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: say("De opslag zelf: waar, hoe groot, heel?", "The store itself: where, how large, intact?"),
        subcommands: [Info.self, Check.self, BackupCommand.self, RestoreCommand.self])

    struct Info: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "info",
            abstract: say("Waar de opslag en de sleutelkluis staan.", "Where the store and key vault are."))
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws {
            let store = try context.store()
            let cases = try store.caseSummaries()
            let size =
                (try? FileManager.default.attributesOfItem(atPath: store.workspace.databaseURL.path)[.size] as? Int)
                ?? 0
            context.print("Opslag: \(store.workspace.folder.path)", "Store: \(store.workspace.folder.path)")
            context.print(
                "Database: \(store.workspace.databaseURL.path) (\(size / 1024) kB, \(cases.count) casussen)",
                "Database: \(store.workspace.databaseURL.path) (\(size / 1024) kB, \(cases.count) cases)")
            context.print(
                "Bijlagen: \(store.workspace.attachmentsURL.path)",
                "Attachments: \(store.workspace.attachmentsURL.path)")
            let sealed = (try? context.vault.isSealed()) ?? false
            context.print(
                "Sleutelkluis: \(context.vault.url.path)"
                    + (context.vault.exists
                        ? (sealed ? " (versleuteld)" : " (niet versleuteld: zet CASUS_KEYS_PASSPHRASE)")
                        : " (nog leeg)"),
                "Key vault: \(context.vault.url.path)"
                    + (context.vault.exists
                        ? (sealed ? " (encrypted)" : " (not encrypted: set CASUS_KEYS_PASSPHRASE)") : " (empty)"))
        }
    }

    struct Check: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: say("SQLite's integriteits- en verwijzingscontrole.", "SQLite's integrity and reference checks."))
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws {
            let problems = try context.store().integrityProblems()
            guard problems.isEmpty else {
                problems.forEach { print($0) }
                throw CasusError(
                    .checkFailed, nl: "De database is beschadigd. Zet een reservekopie terug.",
                    en: "The database is damaged. Restore a backup.")
            }
            context.print("De database is heel.", "The database is intact.")
        }
    }
}
