import CasusApp
import CasusStore
import Foundation

/// How a server runs: where it listens, which store it serves, which host names it answers to.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    public let store: DossierStore
    public let vault: KeyVault
    /// Host names (with port) a request may name; others are refused (DNS rebinding).
    public var allowedHosts: Set<String>
    /// Whether cookies carry `Secure` and the `__Host-` prefix (always, except in in-process tests
    /// that cannot speak HTTPS-like origins).
    public var secureCookies = true
    public var throttle = SignInThrottle()
    public var idleTimeout: TimeInterval = 30 * 60
    public var absoluteTimeout: TimeInterval = 12 * 60 * 60
    public var hasher: PasswordHasher = .standard

    public init(host: String = "127.0.0.1", port: Int = 8080, store: DossierStore, vault: KeyVault) {
        self.host = host
        self.port = port
        self.store = store
        self.vault = vault
        allowedHosts = []
    }

    /// The host names a browser on this machine uses for the given port.
    func hostsAllowed(port: Int) -> Set<String> {
        if !allowedHosts.isEmpty { return allowedHosts }
        var hosts: Set<String> = ["\(host):\(port)"]
        if host == "127.0.0.1" || host == "localhost" || host == "::1" {
            hosts.formUnion(["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"])
        }
        return hosts
    }
}
