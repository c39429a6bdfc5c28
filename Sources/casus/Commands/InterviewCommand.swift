import ArgumentParser
import CasusCore
import CasusStore
import Foundation

struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "interview", abstract: say("Interviews met transcript en geluidsopname.", "Interviews with transcript and audio recording."),
            subcommands: [Add.self, List.self, Show.self, Change.self, Transcript.self])

    /// Stores an audio file after checking consent for recording, and reads its length.
    static func attachAudio(_ path: String, duration: String?, participant: Participant, at moment: Timestamp, dossier: Dossier,
                            store: DossierStore) throws -> AudioRecording {
        guard dossier.consentLedger.isGranted(.audioRecording, to: participant.id, asOf: moment.date) else {
            throw CasusError(.consentMissing,
                             nl: "\(participant.pseudonym) heeft (op \(moment.day)) geen toestemming voor een geluidsopname. Leg die eerst vast: `casus consent record \(dossier.casus.id) \(participant.pseudonym) --grant geluidsopname --at …`.",
                             en: "\(participant.pseudonym) has not consented (on \(moment.day)) to an audio recording. Record that first: `casus consent record \(dossier.casus.id) \(participant.pseudonym) --grant geluidsopname --at …`.")
        }
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CasusError(.cannotRead, nl: "Het geluidsbestand '\(path)' bestaat niet of is niet leesbaar.", en: "The audio file '\(path)' does not exist or cannot be read.")
        }
        let seconds = try duration.map(InputParsing.seconds) ?? AudioInfo.duration(ofFileAt: url)
        guard let seconds else {
            throw CasusError(.invalidInput, nl: "Kan de lengte van '\(path)' niet bepalen (alleen WAV, of andere formaten met ffprobe). Geef --audio-duration, bijv. 2:05:30.",
                             en: "Cannot tell the length of '\(path)' (WAV only, or other formats with ffprobe). Give --audio-duration, e.g. 2:05:30.")
        }
        return AudioRecording(file: try store.attachments.add(fileAt: url), durationSeconds: seconds)
    }

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: say("Een interview vastleggen.", "Record an interview."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option(name: .customLong("with"), help: help("Met wie (pseudoniem of id).", "With whom (pseudonym or id).")) var person: String
        @Option(help: help("Wanneer het interview begon.", "When the interview started.")) var at: String
        @Option(help: help("Geplande duur (standaard 2u).", "Planned duration (default 2h).")) var planned: String = "120"
        @Option(help: help("Werkelijke duur.", "Actual duration.")) var actual: String?
        @Option(name: .customLong("short-reason"), help: help("Waarom korter dan twee uur.", "Why shorter than two hours.")) var shortReason: String?
        @Option var place: String?
        @Option(help: help("aantekeningen of geluidsopname.", "aantekeningen (notes) or geluidsopname (audio).")) var mode: InterviewMode?
        @Option(name: .customLong("interviewer"), help: help("Interviewer (herhaalbaar; standaard jij).", "Interviewer (repeatable; default you).")) var interviewers: [String] = []
        @Flag(name: .customLong("safety-checked"), help: help("De setting was veilig voor de geïnterviewde.", "The setting was safe for the interviewee.")) var safetyChecked = false
        @Flag(name: .customLong("story-explained"), help: help("Uitgelegd wat er met het verhaal gebeurt.", "Explained what happens with the story.")) var storyExplained = false
        @Option(help: help("Transcript of uitgewerkte aantekeningen (bestand, of - voor standaardinvoer).", "Transcript or written-up notes (file, or - for standard input).")) var transcript: String?
        @Option(help: help("Geluidsbestand; vraagt toestemming voor de opname.", "Audio file; needs consent for recording.")) var audio: String?
        @Option(name: .customLong("audio-duration"), help: help("Lengte van de opname als die niet uit het bestand te lezen is.", "Length of the recording when the file does not tell.")) var audioDuration: String?
        @Option var note: String?

        func execute(_ context: Context) throws {
            let moment = try InputParsing.timestamp(at)
            let plannedMinutes = try InputParsing.minutes(planned)
            let actualMinutes = try actual.map(InputParsing.minutes)
            let text = try transcript.map(readText)
            let store = try context.store()
            var added: Interview?
            var warnings: [String] = []
            try store.modify(caseId) { dossier in
                let participant = try dossier.requireParticipant(person)
                let recording = try audio.map { try InterviewCommand.attachAudio($0, duration: audioDuration, participant: participant, at: moment, dossier: dossier, store: store) }
                let interview = Interview(id: try EntityID.next(prefix: "I", existing: dossier.interviews.map(\.id)), participantId: participant.id, at: moment,
                                          plannedMinutes: plannedMinutes, actualMinutes: actualMinutes, shortReason: nonEmpty(shortReason), place: nonEmpty(place),
                                          mode: mode ?? (recording == nil ? .aantekeningen : .geluidsopname),
                                          interviewers: interviewers.isEmpty ? [context.actor] : interviewers, safetyChecked: safetyChecked,
                                          storyExplained: storyExplained, transcript: text, audio: recording, note: nonEmpty(note))
                dossier.interviews.append(interview)
                added = interview
                if !dossier.consentLedger.isGranted(.interview, to: participant.id, asOf: moment.date) {
                    warnings.append(context.t("Let op: voor \(participant.pseudonym) is geen toestemming voor het interview vastgelegd vóór \(moment.day).",
                                              "Note: no consent for the interview was recorded for \(participant.pseudonym) before \(moment.day)."))
                }
            }
            if let added { context.print("Interview \(added.id) vastgelegd.", "Interview \(added.id) recorded.") }
            warnings.forEach { Output.error($0) }
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: say("De interviews van een casus.", "A case's interviews."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.interviews.map(InterviewSummary.init)) }
            Output.table(["ID", context.t("MET", "WITH"), context.t("WANNEER", "WHEN"), context.t("DUUR", "LENGTH"), context.t("WIJZE", "MODE"), context.t("TRANSCRIPT", "TRANSCRIPT")],
                         dossier.interviews.map { i in
                [i.id, dossier.participant(i.participantId)?.pseudonym ?? i.participantId, i.at.text,
                 "\(i.actualMinutes ?? i.plannedMinutes) min", context.t(i.mode.label),
                 i.transcript.map { context.t("\($0.split(whereSeparator: \.isWhitespace).count) woorden", "\($0.split(whereSeparator: \.isWhitespace).count) words") } ?? "-"]
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
            id = i.id; participantId = i.participantId; at = i.at; plannedMinutes = i.plannedMinutes; actualMinutes = i.actualMinutes
            mode = i.mode; transcriptWords = i.transcript?.split(whereSeparator: \.isWhitespace).count ?? 0; audio = i.audio
        }
    }

    struct Show: CasusCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: say("Eén interview, met --transcript ook de tekst.", "One interview; with --transcript also the text."))
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
            print(context.t("Duur: gepland \(i.plannedMinutes) min, werkelijk \(i.actualMinutes.map { "\($0) min" } ?? "onbekend")",
                            "Length: planned \(i.plannedMinutes) min, actual \(i.actualMinutes.map { "\($0) min" } ?? "unknown")")
                  + (i.shortReason.map { " (\($0))" } ?? ""))
            if let place = i.place { print(context.t("Plaats: ", "Place: ") + place) }
            print(context.t("Wijze: ", "Mode: ") + context.t(i.mode.label) + " · " + context.t("interviewers: ", "interviewers: ") + i.interviewers.joined(separator: ", "))
            print(context.t("Veilige setting: ", "Safe setting: ") + (i.safetyChecked ? context.t("ja", "yes") : context.t("nee", "no"))
                  + " · " + context.t("uitgelegd wat er met het verhaal gebeurt: ", "explained what happens with the story: ") + (i.storyExplained ? context.t("ja", "yes") : context.t("nee", "no")))
            if let audio = i.audio {
                print(context.t("Opname: ", "Recording: ") + "\(audio.file.fileName), \(Int(audio.durationSeconds / 60)) min, sha256 \(audio.file.sha256.prefix(12))…")
            }
            print(context.t("Transcript: ", "Transcript: ") + (i.transcript.map { context.t("\($0.unicodeScalars.count) tekens", "\($0.unicodeScalars.count) characters") } ?? "-")
                  + " · " + context.t("citaten: ", "quotes: ") + "\(dossier.quotes.filter { $0.interviewId == i.id }.count)")
        }
    }

    struct Change: CasusCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: say("Gegevens van een interview wijzigen.", "Change an interview's details."))
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
        @Option(name: .customLong("story-explained"), help: help("ja of nee.", "yes or no.")) var storyExplained: String?
        @Option var audio: String?
        @Option(name: .customLong("audio-duration")) var audioDuration: String?
        @Option var note: String?

        func execute(_ context: Context) throws {
            let newAt = try at.map { try InputParsing.timestamp($0) }
            let newPlanned = try planned.map(InputParsing.minutes), newActual = try actual.map(InputParsing.minutes)
            let safety = try safetyChecked.map(InputParsing.yesNo), explained = try storyExplained.map(InputParsing.yesNo)
            let store = try context.store()
            try store.modify(caseId) { dossier in
                let id = try dossier.requireInterview(interviewId).id
                guard let index = dossier.interviews.firstIndex(where: { $0.id == id }) else { return }
                var i = dossier.interviews[index]
                if let newAt { i.at = newAt }
                if let newPlanned { i.plannedMinutes = newPlanned }
                if let newActual { i.actualMinutes = newActual }
                if let shortReason { i.shortReason = nonEmpty(shortReason) }
                if let place { i.place = nonEmpty(place) }
                if let mode { i.mode = mode }
                if let safety { i.safetyChecked = safety }
                if let explained { i.storyExplained = explained }
                if let note { i.note = nonEmpty(note) }
                if let audio {
                    let participant = try dossier.requireParticipant(i.participantId)
                    i.audio = try InterviewCommand.attachAudio(audio, duration: audioDuration, participant: participant, at: i.at, dossier: dossier, store: store)
                    i.mode = .geluidsopname
                }
                dossier.interviews[index] = i
            }
            context.print("Interview bijgewerkt.", "Interview updated.")
        }
    }

    struct Transcript: CasusCommand {
        static let configuration = CommandConfiguration(commandName: "transcript", abstract: say("Het transcript vervangen; citaten schuiven mee als hun tekst er nog precies één keer in staat.",
                "Replace the transcript; quotes move along when their text still occurs exactly once."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var interviewId: String
        @Option(help: help("Bestand met het transcript (UTF-8), of - voor standaardinvoer.", "File with the transcript (UTF-8), or - for standard input.")) var file: String

        func execute(_ context: Context) throws {
            let text = try readText(file)
            var moved = 0
            try context.store().modify(caseId) { dossier in
                let id = try dossier.requireInterview(interviewId).id
                guard let index = dossier.interviews.firstIndex(where: { $0.id == id }) else { return }
                var lost: [Localized] = []
                for q in dossier.quotes.indices where dossier.quotes[q].interviewId == id {
                    let quote = dossier.quotes[q]
                    if Quote.span(of: text, start: quote.start, end: quote.end) == quote.text { continue }
                    let places = Quote.locate(quote.text, in: text)
                    if places.count == 1 {
                        dossier.quotes[q].start = places[0].lowerBound
                        dossier.quotes[q].end = places[0].upperBound
                        moved += 1
                    } else {
                        lost.append(Localized(nl: "\(quote.id) \(places.isEmpty ? "staat niet meer in het transcript" : "staat er \(places.count) keer in")",
                                              en: "\(quote.id) \(places.isEmpty ? "is no longer in the transcript" : "occurs \(places.count) times")"))
                    }
                }
                guard lost.isEmpty else {
                    throw CasusError(.invalidInput, nl: "Het nieuwe transcript past niet bij de gemarkeerde citaten. Pas de citaten aan of verwijder ze eerst:",
                                     en: "The new transcript does not fit the marked quotes. Adjust or remove those quotes first:", details: lost)
                }
                dossier.interviews[index].transcript = text
            }
            context.print("Transcript vervangen" + (moved > 0 ? "; \(moved) citaat/citaten verschoven." : "."),
                          "Transcript replaced" + (moved > 0 ? "; \(moved) quote(s) moved." : "."))
        }
    }
}
