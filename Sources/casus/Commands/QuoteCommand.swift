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
            var added: Quote?
            var warning: String?
            try context.store().modify(caseId) { dossier in
                let interview = try dossier.requireInterview(self.interview)
                let transcript = interview.transcript ?? ""
                guard !transcript.isEmpty else {
                    throw CasusError(
                        .invalidInput, nl: "Interview \(interview.id) heeft nog geen transcript.",
                        en: "Interview \(interview.id) has no transcript yet.")
                }
                let span = try locateSpan(in: transcript, interviewId: interview.id)
                let speakerId = try speaker.map { try dossier.requireParticipant($0).id } ?? interview.participantId
                let quote = Quote(
                    id: try EntityID.next(prefix: "Q", existing: dossier.quotes.map(\.id)), interviewId: interview.id,
                    start: span.lowerBound,
                    end: span.upperBound, speakerId: speakerId,
                    text: Quote.span(of: transcript, start: span.lowerBound, end: span.upperBound) ?? "",
                    note: nonEmpty(note))
                dossier.quotes.append(quote)
                added = quote
                if !dossier.consentLedger.isGranted(.verbatimQuotes, to: speakerId) {
                    let who = dossier.participant(speakerId)?.pseudonym ?? speakerId
                    warning = context.t(
                        "Let op: \(who) heeft (nog) geen toestemming voor letterlijke citaten; exports laten dit citaat weg.",
                        "Note: \(who) has not (yet) consented to verbatim quotes; exports leave this quote out.")
                }
            }
            if let added {
                context.print(
                    "Citaat \(added.id) gemarkeerd (tekens \(added.start)–\(added.end)).",
                    "Quote \(added.id) marked (characters \(added.start)–\(added.end)).")
            }
            if let warning { Output.error(warning) }
        }

        private func locateSpan(in transcript: String, interviewId: String) throws -> Range<Int> {
            if let text = nonEmpty(text) {
                let places = Quote.locate(text, in: transcript)
                guard !places.isEmpty else {
                    throw CasusError(
                        .invalidInput,
                        nl:
                            "Deze woorden staan niet letterlijk in het transcript van \(interviewId). Een citaat moet woord voor woord kloppen.",
                        en:
                            "These words do not occur verbatim in the transcript of \(interviewId). A quote must match word for word."
                    )
                }
                if places.count == 1 && occurrence == nil { return places[0] }
                guard let occurrence, (1...places.count).contains(occurrence) else {
                    throw CasusError(
                        .invalidInput,
                        nl:
                            "Deze woorden staan \(places.count) keer in het transcript; kies er een met --occurrence 1…\(places.count).",
                        en:
                            "These words occur \(places.count) times in the transcript; choose one with --occurrence 1…\(places.count)."
                    )
                }
                return places[occurrence - 1]
            }
            guard let start, let end else {
                throw CasusError(
                    .invalidInput, nl: "Geef --text, of --start en --end.", en: "Give --text, or --start and --end.")
            }
            let length = transcript.unicodeScalars.count
            guard start >= 0, end > start, end <= length else {
                throw CasusError(
                    .invalidInput,
                    nl: "Tekens \(start)–\(end) vallen buiten het transcript van \(interviewId) (0–\(length)).",
                    en: "Characters \(start)–\(end) fall outside the transcript of \(interviewId) (0–\(length)).")
            }
            return start..<end
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
            try context.store().modify(caseId) { dossier in
                guard dossier.quotes.contains(where: { $0.id == quoteId }) else {
                    throw CasusError(.notFound, nl: "Geen citaat '\(quoteId)'.", en: "No quote '\(quoteId)'.")
                }
                let users = dossier.events.filter { $0.quoteId == quoteId }.map(\.id)
                guard users.isEmpty else {
                    throw CasusError(
                        .invalidInput,
                        nl:
                            "Citaat \(quoteId) hoort bij gebeurtenis \(users.joined(separator: ", ")); haal het daar eerst weg.",
                        en: "Quote \(quoteId) belongs to event \(users.joined(separator: ", ")); remove it there first."
                    )
                }
                dossier.quotes.removeAll { $0.id == quoteId }
            }
            context.print("Citaat \(quoteId) verwijderd.", "Quote \(quoteId) removed.")
        }
    }
}
