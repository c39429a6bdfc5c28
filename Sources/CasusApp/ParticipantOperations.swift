import CasusCore
import CasusStore
import Foundation

/// A new participant as a front end collected it. The real name and contact go only to the key vault.
public struct NewParticipant: Sendable {
    public var pseudonym: String
    public var role: ParticipantRole
    public var endUserKind: EndUserKind?
    /// An agency id or name, for agency staff.
    public var agency: String?
    public var level: AgencyLevel?
    public var relation: String?
    public var description: String?
    /// How texts refer to the person; nil: by pseudonym.
    public var pronoun: Pronoun?
    public var realName: String?
    public var contact: String?

    public init(pseudonym: String, role: ParticipantRole) {
        self.pseudonym = pseudonym
        self.role = role
    }
}

/// Changes to a participant; nil leaves a field, an empty text clears it.
public struct ParticipantChange: Sendable {
    public var pseudonym: String?
    public var endUserKind: EndUserKind?
    public var agency: String?
    public var level: AgencyLevel?
    public var relation: String?
    public var description: String?
    public var pronoun: Pronoun?

    public init() {}
}

extension Casework {
    /// Adds a participant under a pseudonym; a real name given goes to the key vault, never the store.
    public func addParticipant(_ caseId: String, _ new: NewParticipant) throws -> Participant {
        try require(.edit, caseId: caseId)
        if new.realName.nonBlank != nil { try require(.identities, caseId: caseId) }
        var added: Participant?
        try store.modify(caseId) { added = try $0.appendParticipant(new) }
        guard let added else { throw CasusError(.internalError, nl: "Niet toegevoegd.", en: "Not added.") }
        if let realName = new.realName.nonBlank {
            try vault.set(
                Identity(
                    caseId: caseId, participantId: added.id, realName: realName,
                    contact: new.contact.nonBlank, recordedBy: actor.name))
            try store.logEvent(caseId: caseId, entity: "identity", entityId: added.id, operation: "set-identity")
        }
        return added
    }

    public func changeParticipant(_ caseId: String, _ person: String, _ change: ParticipantChange) throws {
        try require(.edit, caseId: caseId)
        let identities = change.pseudonym == nil ? [] : try vault.identities().filter { $0.caseId == caseId }
        try store.modify(caseId) { try $0.changeParticipant(person, change, identities: identities) }
    }

    /// Removes a participant who appears nowhere; one with a consent history stays while the case exists.
    /// Returns the removed participant's id.
    public func removeParticipant(_ caseId: String, _ person: String) throws -> String {
        try require(.edit, caseId: caseId)
        _ = try vault.identities()
        var removed = ""
        try store.modify(caseId) { dossier in
            let participant = try dossier.requireParticipant(person)
            if dossier.consent.contains(where: { $0.participantId == participant.id }) {
                throw CasusError(
                    .invalidInput,
                    nl:
                        "\(participant.pseudonym) heeft een toestemmingsgeschiedenis; die blijft bewaard zolang de casus bestaat. Alleen de hele casus kan gewist worden.",
                    en:
                        "\(participant.pseudonym) has a consent history, which is kept as long as the case exists. Only the whole case can be erased."
                )
            }
            dossier.participants.removeAll { $0.id == participant.id }
            removed = participant.id
        }
        try vault.remove(caseId: caseId, participantId: removed)
        return removed
    }

    /// Records the real name behind a pseudonym in the key vault (audited, without the name).
    public func setIdentity(
        _ caseId: String, _ person: String, realName: String, contact: String?
    ) throws -> Participant {
        try require(.identities, caseId: caseId)
        let participant = try store.dossier(caseId).requireParticipant(person)
        guard let name = Optional(realName).nonBlank else {
            throw CasusError(.invalidInput, nl: "De echte naam is leeg.", en: "The real name is empty.")
        }
        if NameFolding.sameName(name, participant.pseudonym) { throw Dossier.pseudonymIsRealName }
        try vault.set(
            Identity(
                caseId: caseId, participantId: participant.id, realName: name, contact: contact.nonBlank,
                recordedBy: actor.name))
        try store.logEvent(caseId: caseId, entity: "identity", entityId: participant.id, operation: "set-identity")
        return participant
    }

    /// Looks up the real identity behind a pseudonym: only for roles that may see real names, and
    /// every look-up is in the audit log.
    public func revealIdentity(_ caseId: String, _ person: String) throws -> (Participant, Identity) {
        try require(.identities, caseId: caseId)
        let participant = try store.dossier(caseId).requireParticipant(person)
        guard let identity = try vault.identity(caseId: caseId, participantId: participant.id) else {
            throw CasusError(
                .notFound, nl: "Voor \(participant.pseudonym) staat geen echte naam in de sleutelkluis.",
                en: "No real name for \(participant.pseudonym) in the key vault.")
        }
        try store.logEvent(caseId: caseId, entity: "identity", entityId: participant.id, operation: "reveal-identity")
        return (participant, identity)
    }

    /// Erases a real name from the key vault (audited).
    public func forgetIdentity(_ caseId: String, _ person: String) throws -> Participant {
        try require(.identities, caseId: caseId)
        let participant = try store.dossier(caseId).requireParticipant(person)
        try vault.remove(caseId: caseId, participantId: participant.id)
        try store.logEvent(caseId: caseId, entity: "identity", entityId: participant.id, operation: "forget-identity")
        return participant
    }
}

extension Dossier {
    static let pseudonymIsRealName = CasusError(
        .invalidInput, nl: "Het pseudoniem is gelijk aan de echte naam. Kies een ander pseudoniem.",
        en: "The pseudonym equals the real name. Choose another pseudonym.")

    /// Changes a person; `identities` are the case's real names, which no pseudonym may spell.
    mutating func changeParticipant(_ person: String, _ change: ParticipantChange, identities: [Identity]) throws {
        let id = try requireParticipant(person).id
        guard let index = participants.firstIndex(where: { $0.id == id }) else { return }
        if let pseudonym = change.pseudonym.nonBlank {
            if let other = participant(named: pseudonym), other.id != id {
                throw CasusError(
                    .conflict, nl: "Pseudoniem '\(pseudonym)' is al van \(other.id).",
                    en: "Pseudonym '\(pseudonym)' already belongs to \(other.id).")
            }
            // A pseudonym that spells anyone's real name would carry that name into every output.
            if !ExportGuard.leakedIdentities(in: pseudonym, identities: identities).isEmpty {
                throw Self.pseudonymIsRealName
            }
            participants[index].pseudonym = pseudonym
        }
        if let kind = change.endUserKind { participants[index].endUserKind = kind }
        if let agency = change.agency {
            participants[index].agencyId = try Optional(agency).nonBlank.map { try requireAgency($0).id }
        }
        if participants[index].role == .medewerker && participants[index].agencyId == nil {
            throw CasusError(
                .invalidInput, nl: "Een medewerker hoort bij een instantie: noem de instantie.",
                en: "Agency staff belong to an agency: name the agency.")
        }
        if let level = change.level { participants[index].level = level }
        if let relation = change.relation { participants[index].relation = Optional(relation).nonBlank }
        if let text = change.description { participants[index].description = Optional(text).nonBlank }
        if let pronoun = change.pronoun { participants[index].pronoun = pronoun == .naam ? nil : pronoun }
    }

    /// Appends a person under a pseudonym that is new in the case and is not the real name; agency staff
    /// name their agency. The real name itself goes to the key vault, never into the dossier.
    mutating func appendParticipant(_ new: NewParticipant) throws -> Participant {
        guard let pseudonym = Optional(new.pseudonym).nonBlank else {
            throw CasusError(
                .invalidInput, nl: "Het pseudoniem mag niet leeg zijn.", en: "The pseudonym must not be empty.")
        }
        if let realName = new.realName.nonBlank, NameFolding.sameName(realName, pseudonym) {
            throw CasusError(.invalidInput, PromptText.pseudonymIsRealName)
        }
        if participant(named: pseudonym) != nil {
            throw CasusError(
                .conflict, nl: "Er is al een persoon met pseudoniem '\(pseudonym)' in deze casus.",
                en: "There is already a participant with pseudonym '\(pseudonym)' in this case.")
        }
        let agencyId = try new.agency.nonBlank.map { try requireAgency($0).id }
        if new.role == .medewerker && agencyId == nil {
            throw CasusError(
                .invalidInput, nl: "Een medewerker hoort bij een instantie: noem de instantie.",
                en: "Agency staff belong to an agency: name the agency.")
        }
        let participant = Participant(
            id: try EntityID.next(prefix: "P", existing: participants.map(\.id)), pseudonym: pseudonym,
            role: new.role, endUserKind: new.role == .eindgebruiker ? (new.endUserKind ?? .burger) : new.endUserKind,
            agencyId: agencyId, level: new.level, relation: new.relation.nonBlank,
            description: new.description.nonBlank, pronoun: new.pronoun)
        participants.append(participant)
        return participant
    }
}
