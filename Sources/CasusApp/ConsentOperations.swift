import CasusCore
import CasusStore
import Foundation

/// How consent was recorded: when, how, by whom, with what evidence. Shared by granting and withdrawing.
public struct ConsentDetails: Sendable {
    public var at: Timestamp?
    public var method: ConsentMethod = .schriftelijk
    /// The signed form or recording, stored as an attachment by its hash.
    public var evidence: URL?
    public var obtainedBy: String?
    public var note: String?
    public var letterVersion: String?
    /// The information letter shown; its SHA-256 is kept.
    public var letter: URL?
    public var support: String?
    public var copyGiven = false
    public var retainUntil: FuzzyDate?

    public init() {}
}

extension Casework {
    /// Records consent granted and refused. The ledger only grows: this adds an entry.
    @discardableResult
    public func recordConsent(
        _ caseId: String, participant: String, granted: [ConsentPurpose], refused: [ConsentPurpose],
        _ details: ConsentDetails
    ) throws -> ConsentEntry {
        try require(.consent, caseId: caseId)
        try Dossier.requireDecision(granted: granted, refused: refused)
        let letterHash = try details.letter.map { try Hashing.sha256(fileAt: $0).hash }
        return try appendConsent(caseId, participant: participant, details) { entry, _ in
            entry.fillGrant(granted: granted, refused: refused, details, letterHash: letterHash)
            return nil
        }.entry
    }

    /// Records a withdrawal, per purpose or of everything (`.all`); returns the entry and the material
    /// it touches, so the user knows what to take out or erase.
    @discardableResult
    public func withdrawConsent(
        _ caseId: String, participant: String, purposes: [ConsentPurpose],
        _ details: ConsentDetails
    ) throws -> (entry: ConsentEntry, affected: [Localized]) {
        try require(.consent, caseId: caseId)
        try Dossier.requireWithdrawal(purposes)
        return try appendConsent(caseId, participant: participant, details) { entry, dossier in
            entry.withdrawn = purposes
            return ConsentImpact.material(of: entry.participantId, withdrawing: purposes, in: dossier)
        }
    }

    /// Records the lawful basis of the processing, for one person or the whole case.
    @discardableResult
    public func recordLawfulBasis(
        _ caseId: String, participant: String?, basis: LawfulBasisKind,
        explanation: String
    ) throws -> LawfulBasis {
        try require(.consent, caseId: caseId)
        guard let explanation = Optional(explanation).nonBlank else {
            throw CasusError(.invalidInput, nl: "Licht de grondslag toe.", en: "Explain the basis.")
        }
        var recorded: LawfulBasis?
        try store.modify(caseId) { dossier in
            let pid = try participant.map { try dossier.requireParticipant($0).id }
            let new = LawfulBasis(
                id: try EntityID.next(prefix: "G", existing: dossier.lawfulBasis.map(\.id)),
                participantId: pid, basis: basis, explanation: explanation, recordedBy: actor.name)
            dossier.lawfulBasis.append(new)
            recorded = new
        }
        return recorded!
    }

    /// The evidence of one consent entry (a signed form carries the person's real name): only for
    /// those who manage consent and may see real names, and every look-up is audited.
    public func consentEvidence(_ caseId: String, entry entryId: String) throws -> (ref: AttachmentRef, data: Data) {
        try require(.consent, caseId: caseId)
        try require(.identities, caseId: caseId)
        let dossier = try store.dossier(caseId)
        guard let entry = dossier.consent.first(where: { $0.id.caseInsensitiveCompare(entryId) == .orderedSame }),
            let ref = entry.evidence
        else {
            throw CasusError(
                .notFound, nl: "Geen bewijsstuk bij toestemming '\(entryId.excerpt)'.",
                en: "No evidence with consent entry '\(entryId.excerpt)'.")
        }
        let data = try store.attachments.data(for: ref)
        try store.logEvent(caseId: caseId, entity: "consent", entityId: entry.id, operation: "view-evidence")
        return (ref, data)
    }

    /// Adds one ledger entry filled in by `fill`, with the next id and the evidence stored.
    private func appendConsent(
        _ caseId: String, participant: String, _ details: ConsentDetails,
        fill: (inout ConsentEntry, Dossier) throws -> [Localized]?
    ) throws
        -> (entry: ConsentEntry, affected: [Localized])
    {
        let evidence = try details.evidence.map { try store.attachments.add(fileAt: $0) }
        var result: (ConsentEntry, [Localized])?
        try store.modify(caseId) { dossier in
            result = try dossier.appendConsentEntry(
                participant: participant, details, evidence: evidence, by: actor.name, fill: fill)
        }
        return result!
    }
}

extension ConsentEntry {
    mutating func fillGrant(
        granted: [ConsentPurpose], refused: [ConsentPurpose], _ details: ConsentDetails, letterHash: String?
    ) {
        self.granted = granted
        self.refused = refused
        letterVersion = details.letterVersion.nonBlank
        letterSha256 = letterHash
        support = details.support.nonBlank
        copyGiven = details.copyGiven
        retainUntil = details.retainUntil
    }
}

extension Dossier {
    static func requireDecision(granted: [ConsentPurpose], refused: [ConsentPurpose]) throws {
        guard !granted.isEmpty || !refused.isEmpty else {
            throw CasusError(
                .invalidInput, nl: "Noem minstens één doel dat gegeven of geweigerd is.",
                en: "Name at least one purpose granted or refused.")
        }
    }

    static func requireWithdrawal(_ purposes: [ConsentPurpose]) throws {
        guard !purposes.isEmpty else {
            throw CasusError(
                .invalidInput, nl: "Noem een doel om in te trekken, of trek alles in.",
                en: "Name a purpose to withdraw, or withdraw everything.")
        }
    }

    /// Adds one entry to the consent ledger, which only grows; `fill` says what was given, refused or
    /// withdrawn and returns the material a withdrawal touches.
    mutating func appendConsentEntry(
        participant: String, _ details: ConsentDetails, evidence: AttachmentRef?, by actor: String,
        fill: (inout ConsentEntry, Dossier) throws -> [Localized]?
    ) throws -> (entry: ConsentEntry, affected: [Localized]) {
        let person = try requireParticipant(participant)
        var entry = ConsentEntry(
            id: try EntityID.next(prefix: "C", existing: consent.map(\.id)),
            participantId: person.id, at: details.at ?? .now(), method: details.method,
            evidence: evidence, obtainedBy: details.obtainedBy.nonBlank ?? actor, note: details.note.nonBlank)
        let affected = try fill(&entry, self) ?? []
        consent.append(entry)
        return (entry, affected)
    }
}
