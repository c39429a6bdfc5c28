import CasusCore
import CasusStore
import Foundation

extension Casework {
    /// Adds a leervraag linked to the events and findings it comes from; returns its id.
    public func addLeervraag(_ caseId: String, text: String, eventIds: [String], findingIds: [String]) throws -> String
    {
        try require(.edit, caseId: caseId)
        var id = ""
        try store.modify(caseId) { id = try $0.appendLeervraag(text: text, eventIds: eventIds, findingIds: findingIds) }
        return id
    }

    /// Adds a dilemma linked to the events and findings it comes from; returns its id.
    public func addDilemma(
        _ caseId: String, text: String, explanation: String?, eventIds: [String],
        findingIds: [String]
    ) throws -> String {
        try require(.edit, caseId: caseId)
        var id = ""
        try store.modify(caseId) {
            id = try $0.appendDilemma(text: text, explanation: explanation, eventIds: eventIds, findingIds: findingIds)
        }
        return id
    }

    /// Records that a wederhoor round was sent to an agency; returns its id.
    public func sendWederhoor(
        _ caseId: String, agency: String, kind: WederhoorKind, sentAt: Timestamp?,
        due: FuzzyDate?
    ) throws -> String {
        try require(.edit, caseId: caseId)
        var id = ""
        try store.modify(caseId) {
            id = try $0.appendWederhoorRound(agency: agency, kind: kind, sentAt: sentAt, due: due)
        }
        return id
    }

    /// Records an agency's response (verbatim) or that it declined to respond.
    public func recordWederhoorResponse(
        _ caseId: String, round roundId: String, response: String?, declined: Bool,
        changes: String?, at moment: Timestamp?
    ) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) {
            try $0.recordWederhoorResponse(
                round: roundId, response: response, declined: declined, changes: changes, at: moment)
        }
    }

    static func checkedLinks(
        _ eventIds: [String], _ findingIds: [String], in dossier: Dossier
    ) throws
        -> (events: [String], findings: [String])
    {
        (
            try dossier.requireIDs(
                eventIds, in: dossier.events.map(\.id), what: Localized(nl: "Gebeurtenis", en: "Event")),
            try dossier.requireIDs(
                findingIds, in: dossier.findings.map(\.id), what: Localized(nl: "Bevinding", en: "Finding"))
        )
    }
}

extension Dossier {
    mutating func appendLeervraag(text: String, eventIds: [String], findingIds: [String]) throws -> String {
        guard let text = Optional(text).nonBlank else {
            throw CasusError(.invalidInput, nl: "De leervraag is leeg.", en: "The learning question is empty.")
        }
        let (events, findings) = try Casework.checkedLinks(eventIds, findingIds, in: self)
        let id = try EntityID.next(prefix: "L", existing: leervragen.map(\.id))
        leervragen.append(Leervraag(id: id, text: text, eventIds: events, findingIds: findings))
        return id
    }

    mutating func appendDilemma(
        text: String, explanation: String?, eventIds: [String], findingIds: [String]
    ) throws -> String {
        guard let text = Optional(text).nonBlank else {
            throw CasusError(.invalidInput, nl: "Het dilemma is leeg.", en: "The dilemma is empty.")
        }
        let (events, findings) = try Casework.checkedLinks(eventIds, findingIds, in: self)
        let id = try EntityID.next(prefix: "D", existing: dilemmas.map(\.id))
        dilemmas.append(
            Dilemma(id: id, text: text, explanation: explanation.nonBlank, eventIds: events, findingIds: findings))
        return id
    }

    mutating func appendWederhoorRound(
        agency: String, kind: WederhoorKind, sentAt: Timestamp?, due: FuzzyDate?
    ) throws -> String {
        let id = try EntityID.next(prefix: "W", existing: wederhoor.map(\.id))
        wederhoor.append(
            WederhoorRound(
                id: id, kind: kind, agencyId: try requireAgency(agency).id, sentAt: sentAt ?? .now(), dueDate: due))
        return id
    }

    /// An agency's response, kept verbatim, or that it declined to respond.
    mutating func recordWederhoorResponse(
        round roundId: String, response: String?, declined: Bool, changes: String?, at moment: Timestamp?
    ) throws {
        guard response.nonBlank != nil || declined else {
            throw CasusError(
                .invalidInput, nl: "Leg de reactie vast, of dat de instantie afzag van een reactie.",
                en: "Record the response, or that the agency declined to respond.")
        }
        guard let i = wederhoor.firstIndex(where: { $0.id == roundId }) else {
            throw CasusError(
                .notFound, nl: "Geen wederhoorronde '\(roundId.excerpt)'.",
                en: "No wederhoor round '\(roundId.excerpt)'.")
        }
        wederhoor[i].respondedAt = moment ?? .now()
        wederhoor[i].response = response.nonBlank
        wederhoor[i].declined = declined
        if let changes { wederhoor[i].changes = Optional(changes).nonBlank }
    }
}
