import CasusCore
import CasusStore
import Crypto
import Foundation

/// Counts failed sign-ins per account and per address in memory, and refuses further attempts for a
/// while after too many: five per account or twenty per address within fifteen minutes.
public final class SignInThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]
    let window: TimeInterval
    let perAccount: Int
    let perAddress: Int

    public init(window: TimeInterval = 15 * 60, perAccount: Int = 5, perAddress: Int = 20) {
        self.window = window
        self.perAccount = perAccount
        self.perAddress = perAddress
    }

    /// Seconds until another attempt is allowed, or nil when one is allowed now.
    func wait(login: String, address: String, now: Date = Date()) -> TimeInterval? {
        lock.lock()
        defer { lock.unlock() }
        var longest: TimeInterval?
        for (key, limit) in [("a:" + login.lowercased(), perAccount), ("h:" + address, perAddress)] {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent
            if recent.count >= limit, let oldest = recent.first {
                longest = max(longest ?? 0, window - now.timeIntervalSince(oldest))
            }
        }
        return longest
    }

    func recordFailure(login: String, address: String, now: Date = Date()) {
        lock.lock()
        defer { lock.unlock() }
        failures["a:" + login.lowercased(), default: []].append(now)
        failures["h:" + address, default: []].append(now)
    }

    func recordSuccess(login: String) {
        lock.lock()
        defer { lock.unlock() }
        failures["a:" + login.lowercased()] = nil
    }
}

/// A signed-in browser: the account, the session's form token, and the cookie secret (only given
/// out once, at sign-in).
public struct SignedIn: Sendable {
    public let account: Account
    public let session: SessionRecord
}

/// Sign-in, sessions and sign-out. Sessions live in the store (they survive a restart and can be
/// revoked); the browser holds a random secret whose hash is the session's key.
public struct SessionDesk: Sendable {
    public let store: DossierStore
    public let throttle: SignInThrottle
    /// A session ends after this long without a request…
    public let idleTimeout: TimeInterval
    /// …and after this long in any case.
    public let absoluteTimeout: TimeInterval

    public init(
        store: DossierStore, throttle: SignInThrottle, idleTimeout: TimeInterval = 30 * 60,
        absoluteTimeout: TimeInterval = 12 * 60 * 60
    ) {
        self.store = store
        self.throttle = throttle
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    /// The same message for an unknown login, a wrong password and a disabled account.
    static let refused = CasusError(
        .notPermitted, nl: "Login of wachtwoord klopt niet.", en: "Login or password is not right.")

    /// Checks the password (off the caller's thread) and opens a new session. Every attempt is
    /// audited with the login and the outcome, never the password.
    public func signIn(login: String, password: String, address: String) async throws -> (SignedIn, secret: String) {
        let login = login.trimmingCharacters(in: .whitespaces)
        let audit = store.acting(as: login.isEmpty ? "-" : String(login.prefix(64)))
        if let seconds = throttle.wait(login: login, address: address) {
            try audit.logEvent(caseId: "", entity: "account", entityId: login, operation: "sign-in-throttled")
            let minutes = Int((seconds / 60).rounded(.up))
            throw CasusError(
                .notPermitted,
                nl: "Te veel mislukte pogingen. Probeer het over \(minutes) minuten opnieuw.",
                en: "Too many failed attempts. Try again in \(minutes) minutes.")
        }
        let account = try store.account(login)
        // An unknown login costs as much time as a known one, so timing does not tell which exist.
        let hash = account?.passwordHash ?? Self.decoyHash
        let matches = try await PasswordHasher.offload { PasswordHasher.verify(password, against: hash) }
        guard let account, matches, !account.isDisabled else {
            throttle.recordFailure(login: login, address: address)
            try audit.logEvent(caseId: "", entity: "account", entityId: login, operation: "sign-in-failed")
            throw Self.refused
        }
        throttle.recordSuccess(login: login)
        let secret = Self.randomToken()
        let now = Timestamp.now()
        let session = SessionRecord(
            tokenHash: Self.hashToken(secret), login: account.login, formToken: Self.randomToken(), createdAt: now,
            lastSeenAt: now)
        try store.insertSession(session)
        try store.acting(as: account.login).logEvent(
            caseId: "", entity: "account", entityId: account.login, operation: "sign-in")
        return (SignedIn(account: account, session: session), secret)
    }

    /// The session a cookie secret belongs to, when it is still valid; touches it at most once a minute.
    public func resume(secret: String, now: Date = Date()) throws -> SignedIn? {
        guard secret.count >= 32, secret.count <= 128 else { return nil }
        let tokenHash = Self.hashToken(secret)
        guard let session = try store.session(tokenHash: tokenHash) else { return nil }
        let idle = now.timeIntervalSince(session.lastSeenAt.date)
        let age = now.timeIntervalSince(session.createdAt.date)
        guard idle < idleTimeout, age < absoluteTimeout, let account = try store.account(session.login),
            !account.isDisabled
        else {
            try store.deleteSession(tokenHash: tokenHash)
            return nil
        }
        var current = session
        if idle > 60 {
            current.lastSeenAt = Timestamp(date: now)
            try store.touchSession(tokenHash: tokenHash, at: current.lastSeenAt)
        }
        return SignedIn(account: account, session: current)
    }

    public func signOut(secret: String) throws {
        guard let session = try store.session(tokenHash: Self.hashToken(secret)) else { return }
        try store.deleteSession(tokenHash: session.tokenHash)
        try store.acting(as: session.login).logEvent(
            caseId: "", entity: "account", entityId: session.login, operation: "sign-out")
    }

    /// Removes expired sessions (a server calls this now and then).
    public func purge(now: Date = Date()) throws {
        try store.deleteExpiredSessions(
            idleSince: Timestamp(date: now.addingTimeInterval(-idleTimeout)),
            startedSince: Timestamp(date: now.addingTimeInterval(-absoluteTimeout)))
    }

    static func randomToken() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = generator.next() }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hashToken(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A valid hash of a random password, verified when the login is unknown.
    static let decoyHash: String = (try? PasswordHasher.standard.hash(randomToken())) ?? "scrypt$17$8$1$AAAA$AAAA"
}
