import CasusCore
import CasusStore
import Foundation

/// The three demo accounts of `casus serve --demo`: a researcher, a coach and a reader on every case
/// of the store, each with a new one-time password at every start (printed once, never stored in clear).
extension AccountDesk {
    public struct DemoAccount: Sendable {
        public let login: String
        public let role: Role
        public let password: String
    }

    public func prepareDemo() throws -> [DemoAccount] {
        try requireAdmin()
        let demo: [(String, String, Role)] = [
            ("onderzoeker", "Demo-onderzoeker", .researcher), ("coach", "Demo-coach", .coach),
            ("lezer", "Demo-lezer", .reader),
        ]
        var made: [DemoAccount] = []
        for (login, name, role) in demo {
            let password = Self.onetimePassword()
            if try store.account(login) == nil {
                _ = try addUser(login: login, name: name, admin: false, password: password)
            } else {
                try setPassword(login, to: password)
            }
            made.append(DemoAccount(login: login, role: role, password: password))
        }
        for summary in try store.caseSummaries() {
            for account in made { try addMember(summary.id, login: account.login, role: account.role) }
            if try store.releasedStatuses(caseId: summary.id).isEmpty {
                try store.setRelease(caseId: summary.id, status: "concept-ambtelijk", released: true)
            }
        }
        return made
    }

    /// 20 characters without look-alikes (no 0/O, 1/l/I).
    static func onetimePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }
}
