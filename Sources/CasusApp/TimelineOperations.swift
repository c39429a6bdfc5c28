import CasusCore
import CasusStore
import Foundation

/// The fields of a timeline event; nil leaves a field as it is. For texts and dates an empty value
/// clears the field; `actor` is a pseudonym, agency id or name, or `agency:x` / `participant:P1`.
public struct EventFields: Sendable {
    public var date: FuzzyDate??
    public var endDate: FuzzyDate??
    public var actor: String?
    public var channel: Channel?
    public var what: String?
    public var experience: String?
    /// A quote id; empty to unlink.
    public var quoteId: String?
    public var impact: Int?
    public var visibleToEndUser: Bool?
    public var evidence: EvidenceStatus?
    public var phase: String?
    public var knelpunten: [String]?
    public var keyMoment: Bool?
    public var note: String?

    public init() {}

    func apply(to event: inout TimelineEvent, in dossier: Dossier) throws {
        if let date { event.date = date }
        if let endDate { event.endDate = endDate }
        if let actor { event.actor = try dossier.resolveActor(actor) }
        if let channel { event.channel = channel }
        if let what = what.nonBlank { event.what = what }
        if let experience { event.experience = Optional(experience).nonBlank }
        if let quoteId {
            guard quoteId.isEmpty || dossier.quotes.contains(where: { $0.id == quoteId }) else {
                throw CasusError(
                    .notFound, nl: "Geen citaat '\(quoteId.excerpt)'.", en: "No quote '\(quoteId.excerpt)'.")
            }
            event.quoteId = Optional(quoteId).nonBlank
        }
        if let impact {
            guard (-2...2).contains(impact) else {
                throw CasusError(
                    .invalidInput, nl: "Impact moet tussen -2 en +2 liggen.", en: "Impact must be between -2 and +2.")
            }
            event.impact = impact
        }
        if let visibleToEndUser { event.visibleToEndUser = visibleToEndUser }
        if let evidence { event.evidence = evidence }
        if let phase { event.phase = Optional(phase).nonBlank }
        if let knelpunten, !knelpunten.isEmpty { event.knelpunten = knelpunten }
        if let keyMoment { event.keyMoment = keyMoment }
        if let note { event.note = Optional(note).nonBlank }
    }
}

/// A hand-off between agencies, or one that should have happened and did not.
public struct NewHandoff: Sendable {
    public var from: String
    public var to: String
    public var what: String
    public var date: FuzzyDate?
    public var channel: Channel?
    public var happened = true
    public var eventId: String?
    public var evidence: EvidenceStatus = .verhaal
    public var note: String?

    public init(from: String, to: String, what: String) {
        self.from = from
        self.to = to
        self.what = what
    }
}

extension Casework {
    /// Adds an event to the timeline; it needs at least who acted and what happened. Returns its id.
    public func addEvent(_ caseId: String, _ fields: EventFields) throws -> String {
        try require(.edit, caseId: caseId)
        var id = ""
        try store.modify(caseId) { id = try $0.appendEvent(fields) }
        return id
    }

    public func changeEvent(_ caseId: String, _ eventId: String, _ fields: EventFields) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            guard let index = dossier.events.firstIndex(where: { $0.id == eventId }) else {
                throw CasusError(
                    .notFound, nl: "Geen gebeurtenis '\(eventId.excerpt)'.", en: "No event '\(eventId.excerpt)'.")
            }
            try fields.apply(to: &dossier.events[index], in: dossier)
        }
    }

    /// Removes an event and every link to it (hand-offs, findings, leervragen, dilemma's).
    public func removeEvent(_ caseId: String, _ eventId: String) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            guard dossier.events.contains(where: { $0.id == eventId }) else {
                throw CasusError(
                    .notFound, nl: "Geen gebeurtenis '\(eventId.excerpt)'.", en: "No event '\(eventId.excerpt)'.")
            }
            dossier.events.removeAll { $0.id == eventId }
            dossier.codings.removeAll { $0.eventId == eventId }
            for i in dossier.handoffs.indices where dossier.handoffs[i].eventId == eventId {
                dossier.handoffs[i].eventId = nil
            }
            for i in dossier.findings.indices { dossier.findings[i].eventIds.removeAll { $0 == eventId } }
            for i in dossier.leervragen.indices { dossier.leervragen[i].eventIds.removeAll { $0 == eventId } }
            for i in dossier.dilemmas.indices { dossier.dilemmas[i].eventIds.removeAll { $0 == eventId } }
        }
    }

    /// Records a hand-off between two agencies of the case. Returns its id.
    public func addHandoff(_ caseId: String, _ new: NewHandoff) throws -> String {
        try require(.edit, caseId: caseId)
        var id = ""
        try store.modify(caseId) { id = try $0.appendHandoff(new) }
        return id
    }

    public func removeHandoff(_ caseId: String, _ handoffId: String) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            guard dossier.handoffs.contains(where: { $0.id == handoffId }) else {
                throw CasusError(
                    .notFound, nl: "Geen overdracht '\(handoffId.excerpt)'.", en: "No hand-off '\(handoffId.excerpt)'.")
            }
            dossier.handoffs.removeAll { $0.id == handoffId }
        }
    }
}

extension Dossier {
    /// Appends an event (who acted and what happened are needed); the one rule for every front end.
    mutating func appendEvent(_ fields: EventFields) throws -> String {
        guard let actorText = fields.actor, let what = fields.what.nonBlank else {
            throw CasusError(
                .invalidInput, nl: "Noem minstens wie handelde en wat er gebeurde.",
                en: "Name at least who acted and what happened.")
        }
        let id = try EntityID.next(prefix: "E", existing: events.map(\.id))
        var event = TimelineEvent(id: id, date: nil, actor: try resolveActor(actorText), what: what)
        try fields.apply(to: &event, in: self)
        events.append(event)
        return id
    }

    /// Appends a hand-off between two agencies of the case, or one that should have happened.
    mutating func appendHandoff(_ new: NewHandoff) throws -> String {
        if let event = new.eventId, !events.contains(where: { $0.id == event }) {
            throw CasusError(.notFound, nl: "Geen gebeurtenis '\(event.excerpt)'.", en: "No event '\(event.excerpt)'.")
        }
        let from = try requireAgency(new.from).id, to = try requireAgency(new.to).id
        // The same hand-off twice would count twice on the map and in the report.
        if let same = handoffs.first(where: {
            $0.fromAgencyId == from && $0.toAgencyId == to && $0.date == new.date && $0.happened == new.happened
                && $0.what.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(
                    new.what.trimmingCharacters(in: .whitespaces)) == .orderedSame
        }) {
            throw CasusError(
                .conflict, nl: "Deze overdracht staat er al: \(same.id).",
                en: "This hand-off is recorded already: \(same.id).")
        }
        let id = try EntityID.next(prefix: "H", existing: handoffs.map(\.id))
        handoffs.append(
            Handoff(
                id: id, fromAgencyId: from, toAgencyId: to, date: new.date, channel: new.channel, what: new.what,
                happened: new.happened, eventId: new.eventId, evidence: new.evidence, note: new.note.nonBlank))
        return id
    }
}
