import CasusCore
import CasusStore
import Foundation

/// Where a new quote stands in its transcript: the verbatim words (and which occurrence), or a span.
public enum QuotePlace: Sendable {
    case words(String, occurrence: Int?)
    case span(start: Int, end: Int)
}

extension Casework {
    /// Marks a passage of a transcript as a quote. The words must stand in the transcript verbatim;
    /// a speaker without consent for verbatim quotes gets a warning (exports leave the quote out).
    public func markQuote(
        _ caseId: String, interview interviewId: String, at place: QuotePlace, speaker: String?,
        note: String?
    ) throws -> (quote: Quote, warning: Localized?) {
        try require(.edit, caseId: caseId)
        var result: (Quote, Localized?)?
        try store.modify(caseId) { dossier in
            let interview = try dossier.requireInterview(interviewId)
            let transcript = interview.transcript ?? ""
            guard !transcript.isEmpty else {
                throw CasusError(
                    .invalidInput, nl: "Interview \(interview.id) heeft nog geen transcript.",
                    en: "Interview \(interview.id) has no transcript yet.")
            }
            let span = try Casework.locate(place, in: transcript, interviewId: interview.id)
            let speakerId = try speaker.map { try dossier.requireParticipant($0).id } ?? interview.participantId
            let quote = try dossier.appendQuote(interview, span, speakerId: speakerId, note: note.nonBlank)
            var warning: Localized?
            if !dossier.consentLedger.isGranted(.verbatimQuotes, to: speakerId) {
                let who = dossier.participant(speakerId)?.pseudonym ?? speakerId
                warning = Localized(
                    nl:
                        "Let op: \(who) heeft (nog) geen toestemming voor letterlijke citaten; exports laten dit citaat weg.",
                    en: "Note: \(who) has not (yet) consented to verbatim quotes; exports leave this quote out.")
            }
            result = (quote, warning)
        }
        return result!
    }

    /// Removes a quote that no event refers to.
    public func removeQuote(_ caseId: String, _ quoteId: String) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            guard dossier.quotes.contains(where: { $0.id == quoteId }) else {
                throw CasusError(
                    .notFound, nl: "Geen citaat '\(quoteId.excerpt)'.", en: "No quote '\(quoteId.excerpt)'.")
            }
            let users = dossier.events.filter { $0.quoteId == quoteId }.map(\.id)
            guard users.isEmpty else {
                throw CasusError(
                    .invalidInput,
                    nl:
                        "Citaat \(quoteId) hoort bij gebeurtenis \(users.joined(separator: ", ")); haal het daar eerst weg.",
                    en: "Quote \(quoteId) belongs to event \(users.joined(separator: ", ")); remove it there first.")
            }
            dossier.quotes.removeAll { $0.id == quoteId }
            dossier.codings.removeAll { $0.quoteId == quoteId }
        }
    }

    static func locate(_ place: QuotePlace, in transcript: String, interviewId: String) throws -> Range<Int> {
        switch place {
        case .words(let text, let occurrence):
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
                    nl: "Deze woorden staan \(places.count) keer in het transcript; kies welke (1…\(places.count)).",
                    en: "These words occur \(places.count) times in the transcript; choose which (1…\(places.count)).")
            }
            return places[occurrence - 1]
        case .span(let start, let end):
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
}

extension Dossier {
    /// Adds a quote of `span` in the interview's transcript under the next free id; its text is the
    /// transcript's words there. The one place quotes are made, for the command and the route alike.
    @discardableResult
    mutating func appendQuote(
        _ interview: Interview, _ span: Range<Int>, speakerId: String, note: String? = nil
    ) throws -> Quote {
        let quote = Quote(
            id: try EntityID.next(prefix: "Q", existing: quotes.map(\.id)), interviewId: interview.id,
            start: span.lowerBound, end: span.upperBound, speakerId: speakerId,
            text: Quote.span(of: interview.transcript ?? "", start: span.lowerBound, end: span.upperBound) ?? "",
            note: note)
        quotes.append(quote)
        return quote
    }
}
