import ArgumentParser
import CasusApp
import CasusCore
import Foundation

struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote", abstract: say("Citaten markeren in een transcript.", "Mark quotes in a transcript."),
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: say(
                "Een citaat markeren: met --text (letterlijk zoals in het transcript) of met --start/--end.",
                "Mark a quote: with --text (verbatim as in the transcript) or with --start/--end."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option var interview: String
        @Option(
            help: help(
                "De letterlijke woorden; casus zoekt ze op in het transcript.",
                "The verbatim words; casus finds them in the transcript.")) var text: String?
        @Option(help: help("Begin (Unicode-tekens vanaf 0).", "Start (Unicode scalars from 0).")) var start: Int?
        @Option(help: help("Einde (exclusief).", "End (exclusive).")) var end: Int?
        @Option(
            help: help(
                "Welke vindplaats als de tekst vaker voorkomt (1, 2, …).",
                "Which occurrence when the text occurs more than once (1, 2, …).")) var occurrence: Int?
        @Option(help: help("Wie het zegt (standaard de geïnterviewde).", "Who says it (default: the interviewee)."))
        var speaker: String?
        @Option var note: String?

        func execute(_ context: Context) throws {
            let place: QuotePlace
            if let text = nonEmpty(text) {
                place = .words(text, occurrence: occurrence)
            } else if let start, let end {
                place = .span(start: start, end: end)
            } else {
                throw CasusError(
                    .invalidInput, nl: "Geef --text, of --start en --end.", en: "Give --text, or --start and --end.")
            }
            let (added, warning) = try context.casework().markQuote(
                caseId, interview: interview, at: place, speaker: speaker, note: note)
            context.print(
                "Citaat \(added.id) gemarkeerd (tekens \(added.start)–\(added.end)).",
                "Quote \(added.id) marked (characters \(added.start)–\(added.end)).")
            if let warning { Output.error(context.t(warning)) }
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De gemarkeerde citaten.", "The marked quotes."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.quotes) }
            let ledger = dossier.consentLedger
            Output.table(
                [
                    "ID", "INTERVIEW", context.t("SPREKER", "SPEAKER"), context.t("TOESTEMMING", "CONSENT"),
                    context.t("CITAAT", "QUOTE"),
                ],
                dossier.quotes.map { q in
                    [
                        q.id, q.interviewId, dossier.participant(q.speakerId)?.pseudonym ?? q.speakerId,
                        ledger.isGranted(.verbatimQuotes, to: q.speakerId)
                            ? context.t("ja", "yes") : context.t("nee", "no"), "“" + Output.short(q.text, 70) + "”",
                    ]
                })
        }
    }

    struct Remove: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: say("Een citaat verwijderen.", "Remove a quote."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var quoteId: String

        func execute(_ context: Context) throws {
            try context.casework().removeQuote(caseId, quoteId)
            context.print("Citaat \(quoteId) verwijderd.", "Quote \(quoteId) removed.")
        }
    }
}
