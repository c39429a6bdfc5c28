import CasusCore
import CasusStore
import Foundation

/// What an actor may do with a dossier. Each operation names the one it needs.
public enum Capability: String, Sendable, CaseIterable {
    /// See the whole dossier under pseudonyms.
    case read
    /// See where the case stands on the route, the journey map and the reports released to readers.
    case overview
    /// See one agency's version of the report and answer it in the wederhoor.
    case respond
    /// See the dossier's audit trail.
    case audit
    /// Add and remove the members of a case and release report statuses to its readers.
    case members
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
        case .owner: Set(Capability.allCases).subtracting([.respond])
        case .researcher: [.read, .overview, .edit, .consent, .identities, .export, .audit, .members]
        case .coach: [.read, .overview, .review, .override]
        case .reader: [.overview]
        case .agency: [.respond]
        }
    }

    /// A role as stored with a membership: `researcher`, `coach`, `reader` or `agency:<agency id>`.
    public init?(membership text: String) {
        switch text {
        case "researcher": self = .researcher
        case "coach": self = .coach
        case "reader": self = .reader
        default:
            guard text.hasPrefix("agency:"), text.count > 7 else { return nil }
            self = .agency(String(text.dropFirst(7)))
        }
    }

    /// The stored form of the role (`owner` for the terminal's own store).
    public var membershipText: String {
        switch self {
        case .owner: "owner"
        case .researcher: "researcher"
        case .coach: "coach"
        case .reader: "reader"
        case .agency(let id): "agency:\(id)"
        }
    }

    /// The role's name for people.
    public var label: Localized {
        switch self {
        case .owner: Localized(nl: "eigenaar", en: "owner")
        case .researcher: Localized(nl: "onderzoeker", en: "researcher")
        case .coach: Localized(nl: "coach", en: "coach")
        case .reader: Localized(nl: "lezer", en: "reader")
        case .agency(let id): Localized(nl: "instantie \(id)", en: "agency \(id)")
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

    /// Whether the actor's role carries `capability`.
    public func may(_ capability: Capability) -> Bool { actor.role.capabilities.contains(capability) }

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
