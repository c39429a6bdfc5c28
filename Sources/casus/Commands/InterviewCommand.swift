import ArgumentParser
import CasusApp
import CasusCore
import CasusStore
import Foundation

struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: say("Interviews met transcript en geluidsopname.", "Interviews with transcript and audio recording."),
        subcommands: [Add.self, List.self, Show.self, Change.self, Transcript.self])

    /// The audio file named on the command line, with a duration when one was given.
    static func audioFile(_ path: String?, duration: String?) throws -> AudioFile? {
        try path.map {
            AudioFile(url: URL(fileURLWithPath: $0), durationSeconds: try duration.map(InputParsing.seconds))
        }
    }

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: say("Een interview vastleggen.", "Record an interview."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option(name: .customLong("with"), help: help("Met wie (pseudoniem of id).", "With whom (pseudonym or id)."))
        var person: String
        @Option(help: help("Wanneer het interview begon.", "When the interview started.")) var at: String
        @Option(help: help("Geplande duur (standaard 2u).", "Planned duration (default 2h).")) var planned: String =
            "120"
        @Option(help: help("Werkelijke duur.", "Actual duration.")) var actual: String?
        @Option(
            name: .customLong("short-reason"), help: help("Waarom korter dan twee uur.", "Why shorter than two hours."))
        var shortReason: String?
        @Option var place: String?
        @Option(help: help("aantekeningen of geluidsopname.", "aantekeningen (notes) or geluidsopname (audio)."))
        var mode: InterviewMode?
        @Option(
            name: .customLong("interviewer"),
            help: help("Interviewer (herhaalbaar; standaard jij).", "Interviewer (repeatable; default you)."))
        var interviewers: [String] = []
        @Flag(
            name: .customLong("safety-checked"),
            help: help("De setting was veilig voor de geïnterviewde.", "The setting was safe for the interviewee."))
        var safetyChecked = false
        @Flag(
            name: .customLong("story-explained"),
            help: help("Uitgelegd wat er met het verhaal gebeurt.", "Explained what happens with the story."))
        var storyExplained = false
        @Option(
            help: help(
                "Transcript of uitgewerkte aantekeningen (bestand, of - voor standaardinvoer).",
                "Transcript or written-up notes (file, or - for standard input).")) var transcript: String?
        @Option(
            help: help("Geluidsbestand; vraagt toestemming voor de opname.", "Audio file; needs consent for recording.")
        ) var audio: String?
        @Option(
            name: .customLong("audio-duration"),
            help: help(
                "Lengte van de opname als die niet uit het bestand te lezen is.",
                "Length of the recording when the file does not tell.")) var audioDuration: String?
        @Option var note: String?

        func execute(_ context: Context) throws {
            var new = NewInterview(participant: person, at: try InputParsing.timestamp(at))
            new.plannedMinutes = try InputParsing.minutes(planned)
            new.actualMinutes = try actual.map(InputParsing.minutes)
            new.shortReason = shortReason
            new.place = place
            new.mode = mode
            new.interviewers = interviewers
            new.safetyChecked = safetyChecked
            new.storyExplained = storyExplained
            new.transcript = try transcript.map(readText)
            new.audio = try InterviewCommand.audioFile(audio, duration: audioDuration)
            new.note = note
            let (added, warnings) = try context.casework().addInterview(caseId, new)
            context.print("Interview \(added.id) vastgelegd.", "Interview \(added.id) recorded.")
            warnings.forEach { Output.error(context.t($0)) }
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De interviews van een casus.", "A case's interviews."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.interviews.map(InterviewSummary.init)) }
            Output.table(
                [
                    "ID", context.t("MET", "WITH"), context.t("WANNEER", "WHEN"), context.t("DUUR", "LENGTH"),
                    context.t("WIJZE", "MODE"), context.t("TRANSCRIPT", "TRANSCRIPT"),
                ],
                dossier.interviews.map { i in
                    [
                        i.id, dossier.participant(i.participantId)?.pseudonym ?? i.participantId, i.at.text,
                        "\(i.actualMinutes ?? i.plannedMinutes) min", context.t(i.mode.label),
                        i.transcript.map {
                            context.t(
                                "\($0.split(whereSeparator: \.isWhitespace).count) woorden",
                                "\($0.split(whereSeparator: \.isWhitespace).count) words")
                        } ?? "-",
                    ]
                })
        }
    }

    /// An interview without its transcript text, for listings.
    struct InterviewSummary: Encodable {
        var id, participantId: String
        var at: Timestamp
        var plannedMinutes: Int
        var actualMinutes: Int?
        var mode: InterviewMode
        var transcriptWords: Int
        var audio: AudioRecording?
        init(_ i: Interview) {
            id = i.id; participantId = i.participantId; at = i.at; plannedMinutes = i.plannedMinutes;
            actualMinutes = i.actualMinutes
            mode = i.mode; transcriptWords = i.transcript?.split(whereSeparator: \.isWhitespace).count ?? 0;
            audio = i.audio
        }
    }

    struct Show: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: say(
                "Eén interview, met --transcript ook de tekst.", "One interview; with --transcript also the text."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var interviewId: String
        @Flag(help: help("Druk het transcript af.", "Print the transcript.")) var transcript = false
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            let i = try dossier.requireInterview(interviewId)
            if json { return try Output.json(i) }
            if transcript { return print(i.transcript ?? "") }
            let who = dossier.participant(i.participantId)?.pseudonym ?? i.participantId
            print("\(i.id) — \(who) — \(i.at.text)")
            print(
                context.t(
                    "Duur: gepland \(i.plannedMinutes) min, werkelijk \(i.actualMinutes.map { "\($0) min" } ?? "onbekend")",
                    "Length: planned \(i.plannedMinutes) min, actual \(i.actualMinutes.map { "\($0) min" } ?? "unknown")"
                )
                    + (i.shortReason.map { " (\($0))" } ?? ""))
            if let place = i.place { print(context.t("Plaats: ", "Place: ") + place) }
            print(
                context.t("Wijze: ", "Mode: ") + context.t(i.mode.label) + " · "
                    + context.t("interviewers: ", "interviewers: ") + i.interviewers.joined(separator: ", "))
            print(
                context.t("Veilige setting: ", "Safe setting: ")
                    + (i.safetyChecked ? context.t("ja", "yes") : context.t("nee", "no"))
                    + " · "
                    + context.t("uitgelegd wat er met het verhaal gebeurt: ", "explained what happens with the story: ")
                    + (i.storyExplained ? context.t("ja", "yes") : context.t("nee", "no")))
            if let audio = i.audio {
                print(
                    context.t("Opname: ", "Recording: ")
                        + "\(audio.file.fileName), \(Int(audio.durationSeconds / 60)) min, sha256 \(audio.file.sha256.prefix(12))…"
                )
            }
            print(
                context.t("Transcript: ", "Transcript: ")
                    + (i.transcript.map {
                        context.t("\($0.unicodeScalars.count) tekens", "\($0.unicodeScalars.count) characters")
                    } ?? "-")
                    + " · " + context.t("citaten: ", "quotes: ")
                    + "\(dossier.quotes.filter { $0.interviewId == i.id }.count)")
        }
    }

    struct Change: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: say("Gegevens van een interview wijzigen.", "Change an interview's details."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var interviewId: String
        @Option var at: String?
        @Option var planned: String?
        @Option var actual: String?
        @Option(name: .customLong("short-reason")) var shortReason: String?
        @Option var place: String?
        @Option var mode: InterviewMode?
        @Option(name: .customLong("safety-checked"), help: help("ja of nee.", "yes or no.")) var safetyChecked: String?
        @Option(name: .customLong("story-explained"), help: help("ja of nee.", "yes or no.")) var storyExplained:
            String?
        @Option var audio: String?
        @Option(name: .customLong("audio-duration")) var audioDuration: String?
        @Option var note: String?

        func execute(_ context: Context) throws {
            var change = InterviewChange()
            change.at = try at.map { try InputParsing.timestamp($0) }
            change.plannedMinutes = try planned.map(InputParsing.minutes)
            change.actualMinutes = try actual.map(InputParsing.minutes)
            change.shortReason = shortReason
            change.place = place
            change.mode = mode
            change.safetyChecked = try safetyChecked.map(InputParsing.yesNo)
            change.storyExplained = try storyExplained.map(InputParsing.yesNo)
            change.audio = try InterviewCommand.audioFile(audio, duration: audioDuration)
            change.note = note
            try context.casework().changeInterview(caseId, interviewId, change)
            context.print("Interview bijgewerkt.", "Interview updated.")
        }
    }

    struct Transcript: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "transcript",
            abstract: say(
                "Het transcript vervangen; citaten schuiven mee als hun tekst er nog precies één keer in staat.",
                "Replace the transcript; quotes move along when their text still occurs exactly once."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var interviewId: String
        @Option(
            help: help(
                "Bestand met het transcript (UTF-8), of - voor standaardinvoer.",
                "File with the transcript (UTF-8), or - for standard input.")) var file: String

        func execute(_ context: Context) throws {
            let moved = try context.casework().replaceTranscript(caseId, interviewId, with: try readText(file))
            context.print(
                "Transcript vervangen" + (moved > 0 ? "; \(moved) citaat/citaten verschoven." : "."),
                "Transcript replaced" + (moved > 0 ? "; \(moved) quote(s) moved." : "."))
        }
    }
}
