import ArgumentParser
import CasusCore
import Foundation

struct NarrativeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "narrative", abstract: say("Versies van het narratief.", "Versions of the narrative."),
        subcommands: [Save.self, Show.self, History.self, Use.self])

    struct Save: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: say(
                "Een nieuwe versie opslaan; die wordt de huidige.", "Save a new version; it becomes the current one."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option(
            help: help(
                "Bestand met de tekst (Markdown of platte tekst), of - voor standaardinvoer.",
                "File with the text (Markdown or plain text), or - for standard input.")) var file: String
        @Option(help: help("Schrijver (standaard jij).", "Author (default you).")) var author: String?
        @Option(help: help("Wat er in deze versie veranderde.", "What changed in this version.")) var note: String?

        func execute(_ context: Context) throws {
            let number = try context.casework().saveNarrative(
                caseId, text: try readText(file), author: author, note: note)
            context.print("Versie \(number) opgeslagen en huidig.", "Version \(number) saved and current.")
        }
    }

    struct Show: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: say(
                "De tekst van de huidige (of een gekozen) versie.", "The text of the current (or a chosen) version."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option var version: Int?
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            let chosen =
                version.flatMap { v in dossier.narrative.first { $0.number == v } }
                ?? (version == nil ? dossier.currentNarrative : nil)
            guard let chosen else {
                throw CasusError(
                    .notFound,
                    nl: version == nil
                        ? "Casus '\(caseId)' heeft nog geen narratief." : "Versie \(version!) bestaat niet.",
                    en: version == nil
                        ? "Case '\(caseId)' has no narrative yet." : "Version \(version!) does not exist.")
            }
            if json { return try Output.json(chosen) }
            print(chosen.text, terminator: chosen.text.hasSuffix("\n") ? "" : "\n")
        }
    }

    struct History: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: say("Alle versies.", "All versions."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        struct Line: Encodable {
            var number: Int; var author: String; var at: Timestamp; var words: Int; var current: Bool; var note: String?
        }

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            let current = dossier.currentNarrative?.number
            let lines = dossier.narrative.map {
                Line(
                    number: $0.number, author: $0.author, at: $0.at, words: $0.wordCount, current: $0.number == current,
                    note: $0.note)
            }
            if json { return try Output.json(lines) }
            Output.table(
                [
                    context.t("VERSIE", "VERSION"), context.t("SCHRIJVER", "AUTHOR"), context.t("WANNEER", "WHEN"),
                    context.t("WOORDEN", "WORDS"), context.t("NOTITIE", "NOTE"),
                ],
                lines.map {
                    [
                        "\($0.current ? "*" : " ")\($0.number)", $0.author, $0.at.text, String($0.words),
                        Output.short($0.note, 50),
                    ]
                })
        }
    }

    struct Use: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "use",
            abstract: say("Een eerdere versie weer de huidige maken.", "Make an earlier version current again."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var version: Int

        func execute(_ context: Context) throws {
            try context.casework().useNarrativeVersion(caseId, version)
            context.print("Versie \(version) is nu de huidige.", "Version \(version) is now current.")
        }
    }
}
