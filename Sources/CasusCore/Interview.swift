import Foundation

/// How an interview was recorded.
public enum InterviewMode: String, Vocabulary {
    case aantekeningen, geluidsopname

    public var label: Localized {
        switch self {
        case .aantekeningen: Localized(nl: "aantekeningen", en: "notes")
        case .geluidsopname: Localized(nl: "geluidsopname", en: "audio recording")
        }
    }

    public var aliases: [String] {
        switch self {
        case .aantekeningen: ["notes", "notities"]
        case .geluidsopname: ["audio", "recording", "opname"]
        }
    }
}

/// An audio file of an interview, stored by content hash, with its length.
public struct AudioRecording: Codable, Sendable, Hashable {
    public var file: AttachmentRef
    public var durationSeconds: Double

    public init(file: AttachmentRef, durationSeconds: Double) {
        self.file = file
        self.durationSeconds = durationSeconds
    }
}

/// An interview with the end user or with someone in the contra-expertise.
public struct Interview: Codable, Sendable, Hashable {
    /// The method asks for at least two hours with the end user.
    public static let recommendedMinutes = 120

    /// `I1`, `I2`, …
    public var id: String
    public var participantId: String
    public var at: Timestamp
    public var plannedMinutes: Int
    public var actualMinutes: Int?
    /// Why the interview was shorter than two hours, when it was.
    public var shortReason: String?
    public var place: String?
    public var mode: InterviewMode
    public var interviewers: [String]
    /// The setting was made safe for the interviewee.
    public var safetyChecked: Bool
    /// It was explained what will be done with the story.
    public var storyExplained: Bool
    public var transcript: String?
    public var audio: AudioRecording?
    public var note: String?

    public init(
        id: String, participantId: String, at: Timestamp, plannedMinutes: Int = Interview.recommendedMinutes,
        actualMinutes: Int? = nil, shortReason: String? = nil, place: String? = nil,
        mode: InterviewMode = .aantekeningen,
        interviewers: [String] = [], safetyChecked: Bool = false, storyExplained: Bool = false,
        transcript: String? = nil, audio: AudioRecording? = nil, note: String? = nil
    ) {
        self.id = id
        self.participantId = participantId
        self.at = at
        self.plannedMinutes = plannedMinutes
        self.actualMinutes = actualMinutes
        self.shortReason = shortReason
        self.place = place
        self.mode = mode
        self.interviewers = interviewers
        self.safetyChecked = safetyChecked
        self.storyExplained = storyExplained
        self.transcript = transcript
        self.audio = audio
        self.note = note
    }

    /// The number of Unicode scalars in the transcript: the unit quote offsets count in.
    public var transcriptLength: Int { transcript?.unicodeScalars.count ?? 0 }
}

/// A marked span of a transcript: offsets count Unicode scalars, `end` is exclusive.
public struct Quote: Codable, Sendable, Hashable {
    /// `Q1`, `Q2`, …
    public var id: String
    public var interviewId: String
    public var start: Int
    public var end: Int
    /// Who says it: a participant id.
    public var speakerId: String
    /// The quoted words as they stand in the transcript at `start..<end`.
    public var text: String
    public var note: String?

    public init(
        id: String, interviewId: String, start: Int, end: Int, speakerId: String, text: String, note: String? = nil
    ) {
        self.id = id
        self.interviewId = interviewId
        self.start = start
        self.end = end
        self.speakerId = speakerId
        self.text = text
        self.note = note
    }

    /// The text at `start..<end` of a transcript, or nil when the span does not fit it.
    public static func span(of transcript: String, start: Int, end: Int) -> String? {
        let scalars = transcript.unicodeScalars
        guard start >= 0, end > start, end <= scalars.count else { return nil }
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        let to = scalars.index(from, offsetBy: end - start)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[from..<to])
        return String(result)
    }

    /// Every place `needle` occurs in `transcript`, as scalar offsets.
    public static func locate(_ needle: String, in transcript: String) -> [Range<Int>] {
        let hay = Array(transcript.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= hay.count else { return [] }
        var found: [Range<Int>] = []
        var i = 0
        while i <= hay.count - pattern.count {
            if hay[i] == pattern[0], hay[i..<(i + pattern.count)].elementsEqual(pattern) {
                found.append(i..<(i + pattern.count))
            }
            i += 1
        }
        return found
    }
}

/// One version of the case narrative.
public struct NarrativeVersion: Codable, Sendable, Hashable {
    /// 1, 2, … in the order written.
    public var number: Int
    public var author: String
    public var at: Timestamp
    public var text: String
    public var note: String?
    /// The researcher's word that the linter's opinion, judgement and point-of-view findings in this
    /// version stay as they are (a coach can still send the step back).
    public var lintConfirmed: LintConfirmation?

    public init(number: Int, author: String, at: Timestamp = .now(), text: String, note: String? = nil) {
        self.number = number
        self.author = author
        self.at = at
        self.text = text
        self.note = note
    }

    public var wordCount: Int { text.split(whereSeparator: { $0.isWhitespace }).count }
}

/// Who confirmed a narrative version's voice findings, when, and how many there were then.
public struct LintConfirmation: Codable, Sendable, Hashable {
    public var by: String
    public var at: Timestamp
    /// The number of opinion, judgement and point-of-view findings confirmed; more later (new rules)
    /// asks again.
    public var findings: Int

    public init(by: String, at: Timestamp = .now(), findings: Int) {
        self.by = by
        self.at = at
        self.findings = findings
    }
}
