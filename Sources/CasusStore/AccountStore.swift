import CasusCore
import Foundation
import GRDB

/// A person who signs in to the team server. The password is kept only as a scrypt hash.
public struct Account: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "account"
    public var login: String
    public var name: String
    public var isAdmin: Bool
    public var isDisabled: Bool
    /// `scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>`.
    public var passwordHash: String
    public var createdAt: Timestamp

    public init(
        login: String, name: String, isAdmin: Bool, isDisabled: Bool = false, passwordHash: String,
        createdAt: Timestamp = .now()
    ) {
        self.login = login
        self.name = name
        self.isAdmin = isAdmin
        self.isDisabled = isDisabled
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// An account's role on one case: `researcher`, `coach`, `reader` or `agency:<agency id>`.
public struct Membership: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "membership"
    public var caseId: String
    public var login: String
    public var role: String

    public init(caseId: String, login: String, role: String) {
        self.caseId = caseId
        self.login = login
        self.role = role
    }
}

/// A signed-in browser. Only a hash of the cookie's secret is stored, so a copy of the store
/// cannot be used to take over a session.
public struct SessionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"
    public var tokenHash: String
    public var login: String
    /// The token every form of this session carries (CSRF).
    public var formToken: String
    public var createdAt: Timestamp
    public var lastSeenAt: Timestamp

    public init(tokenHash: String, login: String, formToken: String, createdAt: Timestamp, lastSeenAt: Timestamp) {
        self.tokenHash = tokenHash
        self.login = login
        self.formToken = formToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// The report statuses researchers released to the readers of a case.
public struct ReportRelease: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "reportRelease"
    public var caseId: String
    public var status: String
    public var releasedBy: String
    public var releasedAt: Timestamp
}

extension StoreSchema {
    /// Accounts, memberships, sessions and released report statuses of the team server.
    static func addAccounts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE account (
                  login TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                  name TEXT NOT NULL,
                  isAdmin INTEGER NOT NULL DEFAULT 0,
                  isDisabled INTEGER NOT NULL DEFAULT 0,
                  passwordHash TEXT NOT NULL,
                  createdAt TEXT NOT NULL
                );
                CREATE TABLE membership (
                  caseId TEXT NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
                  login TEXT NOT NULL REFERENCES account(login) ON DELETE CASCADE,
                  role TEXT NOT NULL,
                  PRIMARY KEY (caseId, login)
                ) WITHOUT ROWID;
                CREATE INDEX membership_login ON membership(login);
                CREATE TABLE session (
                  tokenHash TEXT NOT NULL PRIMARY KEY,
                  login TEXT NOT NULL REFERENCES account(login) ON DELETE CASCADE,
                  formToken TEXT NOT NULL,
                  createdAt TEXT NOT NULL,
                  lastSeenAt TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX session_login ON session(login);
                CREATE TABLE reportRelease (
                  caseId TEXT NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
                  status TEXT NOT NULL,
                  releasedBy TEXT NOT NULL,
                  releasedAt TEXT NOT NULL,
                  PRIMARY KEY (caseId, status)
                ) WITHOUT ROWID;
                """)
    }
}

/// Accounts, memberships and sessions. Every change to an account or a membership is written to the
/// audit log with the acting account, without personal content; sessions are not audited (sign-ins are,
/// by the caller).
extension DossierStore {
    public func accounts() throws -> [Account] {
        try read { db in try Account.order(Column("login")).fetchAll(db) }
    }

    public func account(_ login: String) throws -> Account? {
        // Cached statements: a server asks these on every request.
        try readStatement { db in
            try Account.fetchOne(db.cachedStatement(sql: "SELECT * FROM account WHERE login = ?"), arguments: [login])
        }
    }

    /// Inserts or replaces an account; `operation` names the change in the audit log.
    public func saveAccount(_ account: Account, operation: String) throws {
        try write { db, audit in
            try account.save(db)
            try audit.append(
                db, caseId: "", entity: "account", entityId: account.login, operation: operation, contentHash: nil)
            if account.isDisabled {
                try SessionRecord.filter(Column("login") == account.login).deleteAll(db)
            }
        }
    }

    public func memberships(caseId: String) throws -> [Membership] {
        try read { db in try Membership.filter(Column("caseId") == caseId).order(Column("login")).fetchAll(db) }
    }

    public func memberships(login: String) throws -> [Membership] {
        try read { db in try Membership.filter(Column("login") == login).order(Column("caseId")).fetchAll(db) }
    }

    public func membership(caseId: String, login: String) throws -> Membership? {
        try readStatement { db in
            try Membership.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM membership WHERE caseId = ? AND login = ?"),
                arguments: [caseId, login])
        }
    }

    /// Changes the memberships of a case in one transaction: `change` sees the current list and may
    /// refuse (throw), so a rule such as "at least one researcher" holds against concurrent changes.
    public func changeMemberships(
        caseId: String, detail: String, _ change: (inout [Membership]) throws -> Void
    ) throws {
        try write { db, audit in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM casus WHERE id = ?", arguments: [caseId]) == 1
            else {
                throw CasusError(.notFound, nl: "Geen casus '\(caseId)'.", en: "No case '\(caseId)'.")
            }
            let old = try Membership.filter(Column("caseId") == caseId).fetchAll(db)
            var new = old
            try change(&new)
            try Membership.filter(Column("caseId") == caseId).deleteAll(db)
            for membership in new { try membership.insert(db) }
            try audit.append(
                db, caseId: caseId, entity: "membership", entityId: caseId, operation: "members", contentHash: nil,
                detail: detail)
        }
    }

    // MARK: Sessions

    public func insertSession(_ session: SessionRecord) throws {
        try write { db, _ in try session.insert(db) }
    }

    public func session(tokenHash: String) throws -> SessionRecord? {
        try readStatement { db in
            try SessionRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM session WHERE tokenHash = ?"), arguments: [tokenHash])
        }
    }

    public func touchSession(tokenHash: String, at moment: Timestamp) throws {
        try write { db, _ in
            try db.execute(
                sql: "UPDATE session SET lastSeenAt = ? WHERE tokenHash = ?", arguments: [moment.text, tokenHash])
        }
    }

    public func deleteSessions(login: String) throws {
        try write { db, _ in _ = try SessionRecord.filter(Column("login") == login).deleteAll(db) }
    }

    public func deleteSession(tokenHash: String) throws {
        try write { db, _ in _ = try SessionRecord.deleteOne(db, key: tokenHash) }
    }

    /// Removes the sessions last seen before `idleSince` or begun before `startedSince`.
    public func deleteExpiredSessions(idleSince: Timestamp, startedSince: Timestamp) throws {
        try write { db, _ in
            try db.execute(
                sql: "DELETE FROM session WHERE lastSeenAt < ? OR createdAt < ?",
                arguments: [idleSince.text, startedSince.text])
        }
    }

    // MARK: Released reports

    public func releasedStatuses(caseId: String) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT status FROM reportRelease WHERE caseId = ? ORDER BY status", arguments: [caseId])
        }
    }

    /// Releases (or withdraws) a report status for the readers of a case; audited.
    public func setRelease(caseId: String, status: String, released: Bool) throws {
        try write { db, audit in
            if released {
                try ReportRelease(caseId: caseId, status: status, releasedBy: actor, releasedAt: .now()).save(db)
            } else {
                try db.execute(
                    sql: "DELETE FROM reportRelease WHERE caseId = ? AND status = ?", arguments: [caseId, status])
            }
            try audit.append(
                db, caseId: caseId, entity: "release", entityId: status, operation: released ? "release" : "withhold",
                contentHash: nil)
        }
    }
}
