import CasusCore
import CasusStore
import Foundation

/// Who manages accounts: the terminal on the store's own machine (whoever may open the store folder),
/// or a signed-in account.
public enum Steward: Sendable, Equatable {
    case terminal(String)
    case account(Account)

    var name: String {
        switch self {
        case .terminal(let name): name
        case .account(let account): account.login
        }
    }

    var isAdmin: Bool {
        switch self {
        case .terminal: true
        case .account(let account): account.isAdmin && !account.isDisabled
        }
    }
}

/// A case with the signed-in account's role on it.
public struct MemberCase: Sendable {
    public let summary: CaseSummary
    public let role: Role
}

/// Accounts and memberships of a team server: the operations behind `casus user`, `casus member`
/// and the browser's sign-in. Who may see a dossier is decided here, by membership, for every front end.
public struct AccountDesk: Sendable {
    public let store: DossierStore
    public let vault: KeyVault
    public let steward: Steward
    public let hasher: PasswordHasher

    public init(store: DossierStore, vault: KeyVault, steward: Steward, hasher: PasswordHasher = .standard) {
        self.store = store.acting(as: steward.name)
        self.vault = vault
        self.steward = steward
        self.hasher = hasher
    }

    // MARK: Accounts

    /// Adds an account. Only an administrator (or the terminal) may; there is no default account.
    public func addUser(login: String, name: String, admin: Bool, password: String) throws -> Account {
        try requireAdmin()
        let login = try Self.checkedLogin(login)
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...120).contains(name.count),
            !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw CasusError(
                .invalidInput, nl: "Geef een naam van 1 tot 120 tekens, op één regel.",
                en: "Give a name of 1 to 120 characters, on one line.")
        }
        if try store.account(login) != nil {
            throw CasusError(
                .conflict, nl: "Er is al een account '\(login)'.", en: "There is already an account '\(login)'.")
        }
        try PasswordPolicy.check(password, login: login, name: name)
        let account = Account(login: login, name: name, isAdmin: admin, passwordHash: try hasher.hash(password))
        try store.saveAccount(account, operation: "account-add")
        return account
    }

    public func users() throws -> [Account] {
        try requireAdmin()
        return try store.accounts()
    }

    /// Disables an account and ends its sessions; its memberships stay for the record.
    public func disableUser(_ login: String) throws {
        try requireAdmin()
        var account = try requireAccount(login)
        account.isDisabled = true
        try store.saveAccount(account, operation: "account-disable")
    }

    /// Sets a new password (an administrator for anyone, an account for itself); ends other sessions.
    public func setPassword(_ login: String, to password: String) throws {
        var account = try requireAccount(login)
        if case .account(let me) = steward, me.login.lowercased() == account.login.lowercased() {
        } else {
            try requireAdmin()
        }
        try PasswordPolicy.check(password, login: account.login, name: account.name)
        account.passwordHash = try hasher.hash(password)
        try store.saveAccount(account, operation: "account-password")
        try store.deleteSessions(login: account.login)
    }

    /// A signed-in account changes its own password; the current one must be given first.
    public func changeOwnPassword(current: String, new: String) throws {
        guard case .account(let me) = steward, PasswordHasher.verify(current, against: me.passwordHash) else {
            throw SessionDesk.refused
        }
        try setPassword(me.login, to: new)
    }

    // MARK: Memberships

    public func members(_ caseId: String) throws -> [Membership] {
        try requireMemberManager(caseId)
        return try store.memberships(caseId: caseId)
    }

    /// The agencies of a case, for choosing an agency role (names only: no dossier content).
    public func agencies(_ caseId: String) throws -> [Agency] {
        try requireMemberManager(caseId)
        return try store.dossier(caseId).agencies
    }

    /// Gives `login` a role on a case (or changes it). An agency role names an agency of the case.
    public func addMember(_ caseId: String, login: String, role: Role) throws {
        try requireMemberManager(caseId)
        let account = try requireAccount(login)
        guard !account.isDisabled else {
            throw CasusError(
                .invalidInput, nl: "Account '\(account.login)' is uitgeschakeld.",
                en: "Account '\(account.login)' is disabled.")
        }
        if case .owner = role {
            throw CasusError(
                .invalidInput, nl: "Kies researcher, coach, reader of agency:<instantie>.",
                en: "Choose researcher, coach, reader or agency:<agency>.")
        }
        if case .agency(let agencyId) = role {
            let dossier = try store.dossier(caseId)
            guard dossier.agency(agencyId) != nil else {
                throw CasusError(
                    .notFound,
                    nl: "Geen instantie '\(agencyId)' in casus '\(caseId)'. Bekend: "
                        + dossier.agencies.map(\.id).joined(separator: ", ") + ".",
                    en: "No agency '\(agencyId)' in case '\(caseId)'. Known: "
                        + dossier.agencies.map(\.id).joined(separator: ", ") + ".")
            }
        }
        try store.changeMemberships(caseId: caseId, detail: "\(account.login) \(role.membershipText)") { list in
            list.removeAll { $0.login.lowercased() == account.login.lowercased() }
            list.append(Membership(caseId: caseId, login: account.login, role: role.membershipText))
            try Self.keepResearcher(list, caseId: caseId)
        }
    }

    public func removeMember(_ caseId: String, login: String) throws {
        try requireMemberManager(caseId)
        try store.changeMemberships(caseId: caseId, detail: "\(login) removed") { list in
            let before = list.count
            list.removeAll { $0.login.lowercased() == login.lowercased() }
            guard list.count < before else {
                throw CasusError(
                    .notFound, nl: "'\(login)' is geen lid van casus '\(caseId)'.",
                    en: "'\(login)' is not a member of case '\(caseId)'.")
            }
            try Self.keepResearcher(list, caseId: caseId)
        }
    }

    /// Releases a report status (concept, definitief) to the readers of a case, or withdraws it.
    /// A researcher's decision: an administrator who is not a member of the case may not.
    public func releaseReports(_ caseId: String, status: String, released: Bool) throws {
        try casework(caseId).require(.members, caseId: caseId)
        try store.setRelease(caseId: caseId, status: status, released: released)
    }

    // MARK: A signed-in account's cases

    /// The cases `account` is a member of, with its role on each.
    public func myCases() throws -> [MemberCase] {
        guard case .account(let account) = steward else { return [] }
        let roles = Dictionary(
            try store.memberships(login: account.login).compactMap { m in
                Role(membership: m.role).map { (m.caseId, $0) }
            },
            uniquingKeysWith: { a, _ in a })
        return try store.caseSummaries(ids: Array(roles.keys)).compactMap { summary in
            roles[summary.id].map { MemberCase(summary: summary, role: $0) }
        }
    }

    /// Starts a case from the answers to `RouteForms.newCase`; the account that starts it becomes its
    /// researcher. Any active account may start a case; who else works on it is up to that researcher.
    public func startCase(_ answers: StepAnswers) throws -> Dossier {
        let login: String
        switch steward {
        case .terminal(let name): login = name
        case .account(let account):
            guard !account.isDisabled else {
                throw CasusError(
                    .notPermitted, nl: "Account '\(account.login)' is uitgeschakeld.",
                    en: "Account '\(account.login)' is disabled.")
            }
            login = account.login
        }
        let dossier = try Casework(store: store, vault: vault, actor: .owner(login)).startCase(answers)
        if case .account = steward {
            try store.changeMemberships(caseId: dossier.casus.id, detail: "\(login) researcher") { list in
                list.append(Membership(caseId: dossier.casus.id, login: login, role: Role.researcher.membershipText))
            }
        }
        return dossier
    }

    /// The application layer for `caseId`, acting as the signed-in account with its role there. A case
    /// the account is not a member of is "not found", so its existence does not leak.
    public func casework(_ caseId: String) throws -> Casework {
        switch steward {
        case .terminal(let name):
            return Casework(store: store, vault: vault, actor: .owner(name))
        case .account(let account):
            guard !account.isDisabled, let membership = try store.membership(caseId: caseId, login: account.login),
                let role = Role(membership: membership.role)
            else {
                throw CasusError(.notFound, nl: "Geen casus '\(caseId.excerpt)'.", en: "No case '\(caseId.excerpt)'.")
            }
            return Casework(store: store, vault: vault, actor: Operator(name: account.login, role: role))
        }
    }

    // MARK: Rules

    static func checkedLogin(_ text: String) throws -> String {
        let login = text.trimmingCharacters(in: .whitespaces)
        let allowed = login.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "._-@".unicodeScalars.contains($0)
        }
        guard (2...64).contains(login.count), allowed else {
            throw CasusError(
                .invalidInput,
                nl: "Een login heeft 2 tot 64 tekens: letters zonder accent, cijfers, punt, streepje, @ of _.",
                en: "A login has 2 to 64 characters: letters without accents, digits, dot, hyphen, @ or _.")
        }
        return login
    }

    static func keepResearcher(_ list: [Membership], caseId: String) throws {
        guard list.contains(where: { $0.role == Role.researcher.membershipText }) else {
            throw CasusError(
                .invalidInput,
                nl: "Casus '\(caseId)' houdt minstens één onderzoeker. Voeg eerst een andere onderzoeker toe.",
                en: "Case '\(caseId)' keeps at least one researcher. Add another researcher first.")
        }
    }

    func requireAccount(_ login: String) throws -> Account {
        guard let account = try store.account(login) else {
            throw CasusError(.notFound, nl: "Geen account '\(login.excerpt)'.", en: "No account '\(login.excerpt)'.")
        }
        return account
    }

    func requireAdmin() throws {
        guard steward.isAdmin else {
            throw CasusError(
                .notPermitted, nl: "Alleen een beheerder beheert accounts.",
                en: "Only an administrator manages accounts.")
        }
    }

    /// The terminal, an administrator, or a researcher of the case.
    func requireMemberManager(_ caseId: String) throws {
        guard try store.caseExists(caseId) else {
            throw CasusError(.notFound, nl: "Geen casus '\(caseId.excerpt)'.", en: "No case '\(caseId.excerpt)'.")
        }
        if steward.isAdmin { return }
        try casework(caseId).require(.members, caseId: caseId)
    }
}
