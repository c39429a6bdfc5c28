import CasusCore
import CasusStore
import Foundation

/// A finding of the contra-expertise: one claim from the story as an agency answered it.
public struct NewFinding: Sendable {
    /// Agency id or name.
    public var agency: String
    public var level: AgencyLevel
    public var claim: String
    public var status: FindingStatus
    public var source: String?
    /// Who answered: a pseudonym or id.
    public var respondent: String?
    public var eventIds: [String] = []
    public var note: String?

    public init(agency: String, level: AgencyLevel, claim: String, status: FindingStatus) {
        self.agency = agency
        self.level = level
        self.claim = claim
        self.status = status
    }
}

/// Changes to a finding; nil leaves a field, an empty text clears an optional one.
public struct FindingChange: Sendable {
    public var status: FindingStatus?
    public var level: AgencyLevel?
    public var claim: String?
    public var source: String?
    public var note: String?
    /// The events the finding is about (replaces the list); empty clears it.
    public var eventIds: [String]?

    public init() {}
}

extension Casework {
    /// Adds an agency to the case; without an id, one is made from the name. Returns the id.
    public func addAgency(
        _ caseId: String, name: String, id: String?, kind: String?, contact: ContactStatus,
        note: String?
    ) throws -> String {
        try require(.edit, caseId: caseId)
        var agencyId = ""
        try store.modify(caseId) {
            agencyId = try $0.appendAgency(name: name, id: id, kind: kind, contact: contact, note: note)
        }
        return agencyId
    }

    public func changeAgency(
        _ caseId: String, _ agency: String, name: String?, kind: String?, contact: ContactStatus?,
        note: String?
    ) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            let id = try dossier.requireAgency(agency).id
            guard let i = dossier.agencies.firstIndex(where: { $0.id == id }) else { return }
            if let name = name.nonBlank { dossier.agencies[i].name = name }
            if let kind { dossier.agencies[i].kind = Optional(kind).nonBlank }
            if let contact { dossier.agencies[i].contact = contact }
            if let note { dossier.agencies[i].note = Optional(note).nonBlank }
        }
    }

    /// Records a finding; returns its id.
    public func addFinding(_ caseId: String, _ new: NewFinding) throws -> String {
        try require(.edit, caseId: caseId)
        var id = ""
        try store.modify(caseId) { id = try $0.appendFinding(new) }
        return id
    }

    public func changeFinding(_ caseId: String, _ findingId: String, _ change: FindingChange) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            guard
                let i = dossier.findings.firstIndex(where: { $0.id.caseInsensitiveCompare(findingId) == .orderedSame })
            else {
                throw CasusError(
                    .notFound, nl: "Geen bevinding '\(findingId.excerpt)'.", en: "No finding '\(findingId.excerpt)'.")
            }
            if let status = change.status { dossier.findings[i].status = status }
            if let level = change.level { dossier.findings[i].level = level }
            if let claim = change.claim.nonBlank { dossier.findings[i].claim = claim }
            if let source = change.source { dossier.findings[i].source = Optional(source).nonBlank }
            if let note = change.note { dossier.findings[i].note = Optional(note).nonBlank }
            if let events = change.eventIds {
                dossier.findings[i].eventIds = try dossier.requireIDs(
                    events, in: dossier.events.map(\.id), what: Localized(nl: "Gebeurtenis", en: "Event"))
            }
        }
    }

    /// Removes a finding; leervragen and dilemma's that came from it no longer point to it.
    public func removeFinding(_ caseId: String, _ findingId: String) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            guard
                let finding = dossier.findings.first(where: { $0.id.caseInsensitiveCompare(findingId) == .orderedSame })
            else {
                throw CasusError(
                    .notFound, nl: "Geen bevinding '\(findingId.excerpt)'.", en: "No finding '\(findingId.excerpt)'.")
            }
            dossier.findings.removeAll { $0.id == finding.id }
            for i in dossier.leervragen.indices { dossier.leervragen[i].findingIds.removeAll { $0 == finding.id } }
            for i in dossier.dilemmas.indices { dossier.dilemmas[i].findingIds.removeAll { $0 == finding.id } }
        }
    }
}

extension Dossier {
    /// Appends an agency; without an id, one is made from the name.
    mutating func appendAgency(
        name: String, id: String?, kind: String?, contact: ContactStatus, note: String?
    ) throws -> String {
        guard Optional(name).nonBlank != nil else {
            throw CasusError(.invalidInput, nl: "De naam is leeg.", en: "The name is empty.")
        }
        let agencyId = id.nonBlank ?? Casus.slug(from: name)
        guard Casus.isValidID(agencyId) else {
            throw CasusError(
                .invalidInput,
                nl: "'\(agencyId.excerpt)' is geen bruikbaar id: alleen letters, cijfers, '-', '_' en '.'.",
                en: "'\(agencyId.excerpt)' is not a usable id: letters, digits, '-', '_' and '.' only.")
        }
        if agency(agencyId) != nil {
            throw CasusError(
                .conflict, nl: "Instantie '\(agencyId)' bestaat al.", en: "Agency '\(agencyId)' exists already.")
        }
        agencies.append(Agency(id: agencyId, name: name, kind: kind.nonBlank, contact: contact, note: note.nonBlank))
        return agencyId
    }

    /// Appends a finding of the contra-expertise.
    mutating func appendFinding(_ new: NewFinding) throws -> String {
        let id = try EntityID.next(prefix: "F", existing: findings.map(\.id))
        findings.append(
            Finding(
                id: id, agencyId: try requireAgency(new.agency).id, level: new.level, claim: new.claim,
                status: new.status, source: new.source.nonBlank,
                respondentId: try new.respondent.map { try requireParticipant($0).id },
                eventIds: try requireIDs(
                    new.eventIds, in: events.map(\.id), what: Localized(nl: "Gebeurtenis", en: "Event")),
                note: new.note.nonBlank))
        return id
    }
}
