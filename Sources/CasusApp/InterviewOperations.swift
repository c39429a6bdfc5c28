import CasusCore
import CasusDocuments
import CasusStore
import Foundation

/// An audio file to attach to an interview; its length is read from the file when not given.
public struct AudioFile: Sendable {
    public var url: URL
    public var durationSeconds: Double?

    public init(url: URL, durationSeconds: Double? = nil) {
        self.url = url
        self.durationSeconds = durationSeconds
    }
}

/// The details of a new interview, as a front end collected them.
public struct NewInterview: Sendable {
    public var participant: String
    public var at: Timestamp
    public var plannedMinutes = Interview.recommendedMinutes
    public var actualMinutes: Int?
    public var shortReason: String?
    public var place: String?
    public var mode: InterviewMode?
    public var interviewers: [String] = []
    public var safetyChecked = false
    public var storyExplained = false
    public var transcript: String?
    public var audio: AudioFile?
    public var note: String?

    public init(participant: String, at: Timestamp) {
        self.participant = participant
        self.at = at
    }
}

/// Changes to an interview; nil leaves a field as it is, an empty text clears it.
public struct InterviewChange: Sendable {
    public var at: Timestamp?
    public var plannedMinutes: Int?
    public var actualMinutes: Int?
    public var shortReason: String?
    public var place: String?
    public var mode: InterviewMode?
    public var safetyChecked: Bool?
    public var storyExplained: Bool?
    public var audio: AudioFile?
    public var note: String?

    public init() {}
}

extension Casework {
    /// Records an interview. Audio needs consent for a recording at the interview's time; an
    /// interview without consent for the interview itself is recorded with a warning.
    public func addInterview(
        _ caseId: String, _ new: NewInterview
    ) throws -> (interview: Interview, warnings: [Localized]) {
        try require(.edit, caseId: caseId)
        var added: Interview?
        var warnings: [Localized] = []
        try store.modify(caseId) { dossier in
            let participant = try dossier.requireParticipant(new.participant)
            let recording = try new.audio.map { try attach($0, for: participant, at: new.at, in: dossier) }
            let interview = Interview(
                id: try EntityID.next(prefix: "I", existing: dossier.interviews.map(\.id)),
                participantId: participant.id,
                at: new.at, plannedMinutes: new.plannedMinutes, actualMinutes: new.actualMinutes,
                shortReason: new.shortReason.nonBlank, place: new.place.nonBlank,
                mode: new.mode ?? (recording == nil ? .aantekeningen : .geluidsopname),
                interviewers: new.interviewers.isEmpty ? [actor.name] : new.interviewers,
                safetyChecked: new.safetyChecked, storyExplained: new.storyExplained, transcript: new.transcript,
                audio: recording, note: new.note.nonBlank)
            dossier.interviews.append(interview)
            added = interview
            if !dossier.consentLedger.isGranted(.interview, to: participant.id, asOf: new.at.date) {
                warnings.append(
                    Localized(
                        nl:
                            "Let op: voor \(participant.pseudonym) is geen toestemming voor het interview vastgelegd vóór \(new.at.day).",
                        en:
                            "Note: no consent for the interview was recorded for \(participant.pseudonym) before \(new.at.day)."
                    ))
            }
        }
        return (added!, warnings)
    }

    /// Changes an interview's details; a new recording is checked against consent as in `addInterview`.
    public func changeInterview(_ caseId: String, _ interviewId: String, _ change: InterviewChange) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            let id = try dossier.requireInterview(interviewId).id
            guard let index = dossier.interviews.firstIndex(where: { $0.id == id }) else { return }
            var i = dossier.interviews[index]
            if let at = change.at { i.at = at }
            if let planned = change.plannedMinutes { i.plannedMinutes = planned }
            if let actual = change.actualMinutes { i.actualMinutes = actual }
            if let reason = change.shortReason { i.shortReason = Optional(reason).nonBlank }
            if let place = change.place { i.place = Optional(place).nonBlank }
            if let mode = change.mode { i.mode = mode }
            if let safety = change.safetyChecked { i.safetyChecked = safety }
            if let explained = change.storyExplained { i.storyExplained = explained }
            if let note = change.note { i.note = Optional(note).nonBlank }
            if let audio = change.audio {
                i.audio = try attach(audio, for: try dossier.requireParticipant(i.participantId), at: i.at, in: dossier)
                i.mode = .geluidsopname
            }
            dossier.interviews[index] = i
        }
    }

    /// Replaces a transcript; quotes move along when their text still occurs exactly once, and the
    /// change is refused (listing the quotes) when one would be lost. Returns how many quotes moved.
    public func replaceTranscript(_ caseId: String, _ interviewId: String, with text: String) throws -> Int {
        try require(.edit, caseId: caseId)
        var moved = 0
        try store.modify(caseId) { dossier in
            let id = try dossier.requireInterview(interviewId).id
            guard let index = dossier.interviews.firstIndex(where: { $0.id == id }) else { return }
            var lost: [Localized] = []
            /// Where marked words stand in the new text: unchanged, moved (found once), or lost.
            func place(_ words: String, _ start: Int, _ end: Int, _ label: Localized) -> Range<Int>? {
                if Quote.span(of: text, start: start, end: end) == words { return start..<end }
                let places = Quote.locate(words, in: text)
                if places.count == 1 { return places[0] }
                lost.append(
                    Localized(
                        nl:
                            "\(label.nl) \(places.isEmpty ? "staat niet meer in het transcript" : "staat er \(places.count) keer in")",
                        en:
                            "\(label.en) \(places.isEmpty ? "is no longer in the transcript" : "occurs \(places.count) times")"
                    ))
                return nil
            }
            for q in dossier.quotes.indices where dossier.quotes[q].interviewId == id {
                let quote = dossier.quotes[q]
                guard let range = place(quote.text, quote.start, quote.end, Localized(nl: quote.id, en: quote.id)),
                    range.lowerBound != quote.start
                else { continue }
                dossier.quotes[q].start = range.lowerBound
                dossier.quotes[q].end = range.upperBound
                moved += 1
            }
            // Coded spans move the same way.
            for c in dossier.codings.indices where dossier.codings[c].interviewId == id {
                let coding = dossier.codings[c]
                guard let words = coding.text, let start = coding.start, let end = coding.end,
                    let range = place(
                        words, start, end, Localized(nl: "markering \(coding.id)", en: "coding \(coding.id)"))
                else { continue }
                dossier.codings[c].start = range.lowerBound
                dossier.codings[c].end = range.upperBound
            }
            guard lost.isEmpty else {
                throw CasusError(
                    .invalidInput,
                    nl:
                        "Het nieuwe transcript past niet bij de gemarkeerde citaten. Pas de citaten aan of verwijder ze eerst:",
                    en: "The new transcript does not fit the marked quotes. Adjust or remove those quotes first:",
                    details: lost)
            }
            dossier.interviews[index].transcript = text
        }
        return moved
    }

    /// Stores an audio file after checking consent for recording at `moment`, and reads its length.
    func attach(
        _ audio: AudioFile, for participant: Participant, at moment: Timestamp, in dossier: Dossier
    ) throws -> AudioRecording {
        try Self.requireRecordingConsent(participant, at: moment, in: dossier)
        guard FileManager.default.isReadableFile(atPath: audio.url.path) else {
            throw CasusError(
                .cannotRead, nl: "Het geluidsbestand '\(audio.url.path)' bestaat niet of is niet leesbaar.",
                en: "The audio file '\(audio.url.path)' does not exist or cannot be read.")
        }
        guard let seconds = audio.durationSeconds ?? AudioInfo.duration(ofFileAt: audio.url) else {
            throw CasusError(
                .invalidInput,
                nl:
                    "Kan de lengte van '\(audio.url.lastPathComponent)' niet bepalen (alleen WAV, of andere formaten met ffprobe). Geef de duur op.",
                en:
                    "Cannot tell the length of '\(audio.url.lastPathComponent)' (WAV only, or other formats with ffprobe). Give the duration."
            )
        }
        return AudioRecording(file: try store.attachments.add(fileAt: audio.url), durationSeconds: seconds)
    }
}

extension Optional where Wrapped == String {
    /// The text, or nil when it is absent or only white space.
    public var nonBlank: String? {
        guard let self, !self.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return self
    }
}

extension Casework {
    /// The text of a file a front end received (a transcript or a narrative), read by what its bytes
    /// are: DOCX, ODT or UTF-8 text. Nothing is stored; the caller puts the text in a form.
    public func readUploadedText(_ caseId: String, data: Data, name: String) throws -> String {
        try require(.edit, caseId: caseId)
        return try TextReader.read(uploaded: data, name: name).text
    }
}

extension Casework {
    static func requireRecordingConsent(_ participant: Participant, at moment: Timestamp, in dossier: Dossier) throws {
        guard dossier.consentLedger.isGranted(.audioRecording, to: participant.id, asOf: moment.date) else {
            throw CasusError(
                .consentMissing,
                nl:
                    "\(participant.pseudonym) heeft (op \(moment.day)) geen toestemming voor een geluidsopname. Leg die eerst vast (doel 'geluidsopname').",
                en:
                    "\(participant.pseudonym) has not consented (on \(moment.day)) to an audio recording. Record that consent first (purpose 'geluidsopname')."
            )
        }
    }

    /// Whether a recording may be added to an interview: asked before a front end receives the file,
    /// so a recording without consent is refused before any of it is stored.
    public func requireRecordingAllowed(_ caseId: String, _ interviewId: String) throws {
        try require(.edit, caseId: caseId)
        let dossier = try store.dossier(caseId)
        let interview = try dossier.requireInterview(interviewId)
        try Self.requireRecordingConsent(
            try dossier.requireParticipant(interview.participantId), at: interview.at, in: dossier)
    }

    /// Receives a recording a front end is being sent (in pieces, as they arrive) and attaches it to an
    /// interview. Consent is checked before the first byte is kept; the bytes go to a file beside the
    /// attachments that is removed whatever happens, and the recording is stored by its hash.
    public func receiveRecording<Pieces: AsyncSequence>(
        _ caseId: String, _ interviewId: String, name: String, pieces: Pieces
    ) async throws where Pieces.Element == Data {
        try requireRecordingAllowed(caseId, interviewId)
        let (received, handle) = try store.attachments.receivingFile()
        defer { try? FileManager.default.removeItem(at: received) }
        var size = 0
        do {
            for try await piece in pieces {
                size += piece.count
                guard size <= InputLimits.attachmentBytes else {
                    throw CasusError(
                        .invalidInput, nl: "De opname is groter dan \(InputLimits.attachmentBytes >> 30) GB.",
                        en: "The recording is larger than \(InputLimits.attachmentBytes >> 30) GB.")
                }
                try handle.write(contentsOf: piece)
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        // The name keeps the extension players need; the store files it under the hash.
        let folder = received.deletingLastPathComponent().appendingPathComponent(
            "." + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Only a plain file name from the sender: never a path, never "." or "..".
        let given = URL(fileURLWithPath: name.isEmpty ? "opname.wav" : name).lastPathComponent
        let named = folder.appendingPathComponent(given.hasPrefix(".") || given.isEmpty ? "opname.wav" : given)
        try FileManager.default.moveItem(at: received, to: named)
        var change = InterviewChange()
        change.audio = AudioFile(url: named)
        try changeInterview(caseId, interviewId, change)
    }
}
