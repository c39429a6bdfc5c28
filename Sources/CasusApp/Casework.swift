import CasusCore
import CasusStore
import Foundation

/// What an actor may do with a dossier. Each operation names the one it needs.
public enum Capability: String, Sendable, CaseIterable {
    /// See the dossier under pseudonyms.
    case read
    /// Change the narrative, timeline, interviews, people and findings.
    case edit
    /// Record and withdraw consent; erase after a withdrawal.
    case consent
    /// Record and look up the real names in the key vault (every look-up audited).
    case identities
    /// Comment on, sign off or return a step of the route.
    case review
    /// Let a case through a check with a reason.
    case override
    /// Write reports, maps and dossier files.
    case export
    /// Create and erase cases, back up and restore the store.
    case administer
}

/// A role on one dossier, and the capabilities it carries.
public enum Role: Sendable, Equatable {
    /// The terminal on a personal store: every capability.
    case owner
    case researcher
    case coach
    case reader
    /// An agency contact in the wederhoor: reads its own slice only.
    case agency(String)

    public var capabilities: Set<Capability> {
        switch self {
        case .owner: Set(Capability.allCases)
        case .researcher: [.read, .edit, .consent, .identities, .export]
        case .coach: [.read, .review, .override]
        case .reader: [.read]
        case .agency: [.read]
        }
    }
}

/// Who acts (the operation's actor): the name the audit log records, and the role on the dossier.
/// Named `Operator` because `Actor` is the timeline's word for an agency or participant.
public struct Operator: Sendable, Equatable {
    public let name: String
    public let role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }

    /// The single user of a personal store, who may do everything.
    public static func owner(_ name: String) -> Operator { Operator(name: name, role: .owner) }
}

/// The operations of the application layer on one store and key vault, for one actor. Front ends
/// parse input, call an operation here and present its result; the rules live in the operations.
public struct Casework: Sendable {
    public let store: DossierStore
    public let vault: KeyVault
    public let actor: Operator

    public init(store: DossierStore, vault: KeyVault, actor: Operator) {
        self.store = store
        self.vault = vault
        self.actor = actor
    }

    /// Throws when the actor's role lacks `capability`.
    public func require(_ capability: Capability, caseId: String) throws {
        guard actor.role.capabilities.contains(capability) else {
            throw CasusError(
                .notPermitted,
                nl:
                    "\(actor.name) mag dit niet in casus '\(caseId)': de rol heeft geen recht op '\(capability.rawValue)'.",
                en:
                    "\(actor.name) may not do this in case '\(caseId)': the role has no '\(capability.rawValue)' capability."
            )
        }
    }
}
