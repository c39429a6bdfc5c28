import CasusCore
import CasusStore
import Foundation

/// Why a person's material is erased: a recorded withdrawal, or a retention date that passed.
public enum ErasureGround: String, Sendable {
    case withdrawal
    case retention
}

/// The data-protection operations: erasing a case, erasing one person's material after a
/// withdrawal (GDPR art. 17) or when its retention date has passed. Every front end calls these;
/// the rules (what a withdrawal covers, that the vault and the store change together, that the
/// bytes leave the files) live here once.
extension Casework {
    // MARK: A whole case

    /// Erases a case and its real names. The key vault is read (and so checked) before anything
    /// changes, and rewritten inside the store's transaction: both change, or neither.
    public func eraseCase(_ caseId: String) throws {
        try require(.administer, caseId: caseId)
        _ = try store.dossier(caseId)
        _ = try vault.identities()
        try store.erase(caseId) { try vault.remove(caseId: caseId) }
        try store.compact()
    }

    // MARK: One person

    /// The purposes whose material may be erased now: those withdrawn or refused since last granted.
    public static func erasablePurposes(_ dossier: Dossier, participantId: String) -> Set<ConsentPurpose> {
        let ledger = dossier.consentLedger
        var purposes = Set<ConsentPurpose>()
        for purpose in ConsentPurpose.fixed + [.all] {
            let status = ledger.status(of: participantId, for: purpose)
            if status.decision == .withdrawn { purposes.insert(purpose) }
        }
        // Everything withdrawn at once, or every purpose ever granted now withdrawn, counts as `alles`.
        let everGranted = Set(dossier.consent.filter { $0.participantId == participantId }.flatMap(\.granted))
        if !everGranted.isEmpty && everGranted.isSubset(of: purposes) { purposes.insert(.all) }
        if purposes.contains(.all) { purposes.formUnion(ConsentPurpose.fixed) }
        return purposes
    }

    /// What erasing would take out, for the user to confirm. `purposes` nil: every withdrawn purpose.
    /// Throws when a named purpose is still granted: erase only after the withdrawal is recorded.
    public func preview(
        _ caseId: String, participant nameOrId: String, purposes: [ConsentPurpose]? = nil
    ) throws -> ErasurePlan {
        try require(.consent, caseId: caseId)
        let dossier = try store.dossier(caseId)
        guard let participant = dossier.participant(named: nameOrId) else {
            throw CasusError(
                .notFound, nl: "Geen persoon '\(nameOrId.excerpt)' in casus '\(caseId)'.",
                en: "No participant '\(nameOrId.excerpt)' in case '\(caseId)'.")
        }
        let erasable = Casework.erasablePurposes(dossier, participantId: participant.id)
        let chosen: Set<ConsentPurpose>
        if let purposes {
            let stillGranted = purposes.filter { !erasable.contains($0) }
            guard stillGranted.isEmpty else {
                let names = stillGranted.map(\.rawValue).joined(separator: ", ")
                throw CasusError(
                    .consentMissing,
                    nl:
                        "\(participant.pseudonym) heeft '\(names)' niet ingetrokken. Leg eerst de intrekking vast; wissen volgt daarop.",
                    en:
                        "\(participant.pseudonym) has not withdrawn '\(names)'. Record the withdrawal first; erasure follows it.",
                    remedy: .recordWithdrawal(caseId: caseId))
            }
            chosen = purposes.contains(.all) ? erasable : Set(purposes)
        } else {
            chosen = erasable
        }
        guard !chosen.isEmpty else {
            throw CasusError(
                .consentMissing,
                nl: "\(participant.pseudonym) heeft geen toestemming ingetrokken; er valt niets te wissen.",
                en: "\(participant.pseudonym) has withdrawn no consent; there is nothing to erase.")
        }
        var plan = ErasurePlan.make(dossier, participantId: participant.id, purposes: chosen)
        if plan.identity, try vault.identity(caseId: caseId, participantId: participant.id) == nil {
            plan.identity = false
        }
        return plan
    }

    /// Carries out a plan from `preview` (or from `retentionPlans`): the dossier, the vault, the
    /// attachment files, then the full-text index, free pages and WAL. The audit log says what kind
    /// of material went, by whom and on what ground, never the content.
    @discardableResult
    public func erase(_ plan: ErasurePlan, ground: ErasureGround) throws -> ErasurePlan {
        let caseId = plan.dossier.casus.id
        try require(.consent, caseId: caseId)
        guard !plan.isEmpty else { return plan }
        if plan.identity { _ = try vault.identities() }
        var done = plan
        try store.modify(caseId) { dossier in
            // Planned again on the dossier as stored now, in the same transaction as the change.
            done = ErasurePlan.make(dossier, participantId: plan.participantId, purposes: plan.purposes)
            done.identity = plan.identity
            dossier = done.dossier
        }
        if plan.identity { try vault.remove(caseId: caseId, participantId: plan.participantId) }
        // Drafts and the copies kept for undoing removals may hold the erased material: they all go.
        try store.deleteDrafts(caseId: caseId)
        try store.deleteRemovals(caseId: caseId)
        try store.removeUnusedAttachments(done.audioFiles)
        try store.logEvent(
            caseId: caseId, entity: "participant", entityId: plan.participantId, operation: "erase-material",
            detail: "ground: \(ground.rawValue); " + done.summary)
        try store.compact()
        return done
    }

    // MARK: Retention

    /// Every person's retention date in every case (or one case), soonest first.
    public func retention(caseId: String? = nil) throws -> [Retention.Item] {
        let ids = try caseId.map { [$0] } ?? store.caseSummaries().map(\.id)
        return try ids.flatMap { Retention.items(try store.dossier($0)) }
            .sorted {
                ($0.daysLeft ?? Int.max, $0.caseId, $0.participantId) < (
                    $1.daysLeft ?? Int.max, $1.caseId, $1.participantId
                )
            }
    }

    /// The erasures that retention asks for today.
    public func retentionPlans(caseId: String? = nil) throws -> [ErasurePlan] {
        try retention(caseId: caseId).filter(\.isDue).map { item in
            var plan = ErasurePlan.make(
                try store.dossier(item.caseId), participantId: item.participantId, purposes: [.all])
            if try vault.identity(caseId: item.caseId, participantId: item.participantId) == nil {
                plan.identity = false
            }
            return plan
        }
    }
}
