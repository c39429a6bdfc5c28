import Foundation

/// What erasing one person's material takes out of a dossier (GDPR art. 17): per purpose whose
/// consent is withdrawn or whose retention date has passed. Pure: it returns the changed dossier
/// and an account by kind and count, never by content. The consent ledger is kept whole: it is the
/// record that consent was given and withdrawn.
public struct ErasurePlan: Sendable, Equatable {
    public var dossier: Dossier
    public var participantId: String
    /// The purposes the erasure covers.
    public var purposes: Set<ConsentPurpose> = []
    /// Interviews whose transcript goes.
    public var transcripts: [String] = []
    /// Interviews whose audio recording goes, and the files they used.
    public var recordings: [String] = []
    public var audioFiles: [AttachmentRef] = []
    /// Quotes that go (spoken by the person, or standing in a transcript that goes).
    public var quotes: [String] = []
    /// Codings that go with them (spans of a transcript that goes, codings of quotes that go).
    public var codings: [String] = []
    /// Quotations replaced by a marked gap, over all narrative versions.
    public var narrativeGaps = 0
    /// Whether the real identity in the key vault goes too (everything withdrawn).
    public var identity = false

    /// The text that stands where an erased quotation was.
    public static let gap = "[citaat verwijderd / quote erased]"

    public var isEmpty: Bool {
        transcripts.isEmpty && recordings.isEmpty && quotes.isEmpty && narrativeGaps == 0 && !identity
    }

    /// What the erasure takes out, one line per kind, ids only (never the content), for the user to confirm.
    public var items: [Localized] {
        var lines: [Localized] = []
        func list(_ nl: String, _ en: String, _ ids: [String]) {
            if !ids.isEmpty {
                lines.append(
                    Localized(nl: nl + ids.joined(separator: ", "), en: en + ids.joined(separator: ", ")))
            }
        }
        list("transcripten: ", "transcripts: ", transcripts)
        list("geluidsopnamen: ", "audio recordings: ", recordings)
        list("citaten: ", "quotes: ", quotes)
        if narrativeGaps > 0 {
            lines.append(
                Localized(
                    nl: "\(narrativeGaps) aanhaling(en) in het narratief (alle versies), vervangen door \(Self.gap)",
                    en: "\(narrativeGaps) quotation(s) in the narrative (every version), replaced by \(Self.gap)"))
        }
        if identity {
            lines.append(Localized(nl: "de echte naam in de sleutelkluis", en: "the real name in the key vault"))
        }
        return lines
    }

    /// An account for the audit log and the user: kinds and counts, ids only.
    public var summary: String {
        var parts: [String] = []
        if !transcripts.isEmpty { parts.append("transcripts: " + transcripts.joined(separator: ",")) }
        if !recordings.isEmpty { parts.append("audio: " + recordings.joined(separator: ",")) }
        if !quotes.isEmpty { parts.append("quotes: " + quotes.joined(separator: ",")) }
        if !codings.isEmpty { parts.append("codings: \(codings.count)") }
        if narrativeGaps > 0 { parts.append("narrative gaps: \(narrativeGaps)") }
        if identity { parts.append("identity") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: "; ")
    }

    /// The material kinds each purpose covers.
    public static func covers(
        _ purposes: Set<ConsentPurpose>
    ) -> (transcripts: Bool, audio: Bool, quotes: Bool, identity: Bool) {
        let everything = purposes.contains(.all) || purposes.contains(.interview)
        return (
            everything || purposes.contains(.transcription),
            everything || purposes.contains(.audioRecording),
            everything || purposes.contains(.transcription) || purposes.contains(.verbatimQuotes),
            purposes.contains(.all)
        )
    }

    /// Plans the erasure of `participantId`'s material covered by `purposes` in `dossier`.
    public static func make(_ dossier: Dossier, participantId: String, purposes: Set<ConsentPurpose>) -> ErasurePlan {
        var plan = ErasurePlan(dossier: dossier, participantId: participantId, purposes: purposes)
        let covers = covers(purposes)
        var d = dossier
        for index in d.interviews.indices where d.interviews[index].participantId == participantId {
            if covers.transcripts, d.interviews[index].transcript != nil {
                plan.transcripts.append(d.interviews[index].id)
                d.interviews[index].transcript = nil
            }
            if covers.audio, let audio = d.interviews[index].audio {
                plan.recordings.append(d.interviews[index].id)
                plan.audioFiles.append(audio.file)
                d.interviews[index].audio = nil
            }
        }
        let goneTranscripts = Set(plan.transcripts)
        let goneQuotes = d.quotes.filter { quote in
            goneTranscripts.contains(quote.interviewId) || (covers.quotes && quote.speakerId == participantId)
        }
        plan.quotes = goneQuotes.map(\.id)
        let goneIds = Set(plan.quotes)
        d.quotes.removeAll { goneIds.contains($0.id) }
        for index in d.events.indices where d.events[index].quoteId.map(goneIds.contains) == true {
            d.events[index].quoteId = nil
        }
        plan.codings = d.codings.filter { coding in
            coding.interviewId.map(goneTranscripts.contains) == true || coding.quoteId.map(goneIds.contains) == true
        }.map(\.id)
        let goneCodings = Set(plan.codings)
        d.codings.removeAll { goneCodings.contains($0.id) }
        for index in d.narrative.indices {
            for quote in goneQuotes {
                let (text, count) = replacingQuotation(quote.text, in: d.narrative[index].text)
                d.narrative[index].text = text
                plan.narrativeGaps += count
            }
        }
        plan.identity = covers.identity
        plan.dossier = d
        return plan
    }

    /// Replaces every occurrence of `quote` in `text` by the gap, matching words whatever the white
    /// space, line breaks and case between them.
    public static func replacingQuotation(_ quote: String, in text: String) -> (String, Int) {
        let words = quote.split(whereSeparator: { $0.isWhitespace }).map {
            NSRegularExpression.escapedPattern(for: String($0))
        }
        guard !words.isEmpty,
            let pattern = try? NSRegularExpression(
                pattern: words.joined(separator: "\\s+"), options: [.caseInsensitive])
        else {
            return (text, 0)
        }
        let range = NSRange(text.startIndex..., in: text)
        let count = pattern.numberOfMatches(in: text, range: range)
        guard count > 0 else { return (text, 0) }
        let template = NSRegularExpression.escapedTemplate(for: gap)
        return (pattern.stringByReplacingMatches(in: text, range: range, withTemplate: template), count)
    }
}

/// Retention: every consent may carry a date until which the person's material is kept. Past it,
/// the material is erased as after a full withdrawal.
public enum Retention {
    /// One person's retention date and how it stands on a day.
    public struct Item: Sendable, Equatable {
        public var caseId: String
        public var participantId: String
        public var pseudonym: String
        /// The date from the newest consent entry that names one; nil when none does.
        public var retainUntil: FuzzyDate?
        /// Days until the date (negative when passed); nil without a date.
        public var daysLeft: Int?
        /// Whether any material of the person is still in the dossier.
        public var hasMaterial: Bool

        public var isDue: Bool { (daysLeft ?? 1) < 0 && hasMaterial }
    }

    /// The retention state of every participant with consent entries.
    public static func items(_ dossier: Dossier, today: Int = FuzzyDate.today.lastDay) -> [Item] {
        dossier.participants.compactMap { participant in
            let entries = dossier.consent.filter { $0.participantId == participant.id }
            guard !entries.isEmpty else { return nil }
            let dated = entries.filter { $0.retainUntil != nil }.max { $0.at < $1.at }
            let date = dated?.retainUntil
            // Cheap on purpose: `casus status` asks this for every person.
            let material =
                dossier.interviews.contains {
                    $0.participantId == participant.id && ($0.transcript != nil || $0.audio != nil)
                }
                || dossier.quotes.contains { $0.speakerId == participant.id }
            return Item(
                caseId: dossier.casus.id, participantId: participant.id, pseudonym: participant.pseudonym,
                retainUntil: date, daysLeft: date.map { $0.lastDay - today }, hasMaterial: material)
        }
    }
}
