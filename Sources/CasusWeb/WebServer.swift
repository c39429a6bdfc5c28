import CasusApp
import CasusCore
import CasusLint
import CasusStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// casus as a web application: the router with its guards, the page templates, and the server.
/// Every handler signs the request in, asks the application layer for a `Casework` with the
/// account's role on the case, and calls operations; no handler touches the store directly.
public struct WebServer: Sendable {
    let configuration: WebConfiguration
    let pages: Pages
    let hosts = HostList()
    let pageCache = PageCache()
    let sessions: SessionDesk
    let cookies: CookieNames

    public init(configuration: WebConfiguration) async throws {
        self.configuration = configuration
        pages = try await Pages.load()
        sessions = SessionDesk(
            store: configuration.store, throttle: configuration.throttle, idleTimeout: configuration.idleTimeout,
            absoluteTimeout: configuration.absoluteTimeout)
        cookies = CookieNames(secure: configuration.secureCookies)
        // The linter's rules, loaded once in the background and kept: the editor lints on every pause.
        RuleWarmUp.begin(.nl)
        RuleWarmUp.begin(.en)
        hosts.set(configuration.hostsAllowed(port: configuration.port))
    }

    /// The router with every page; in-process tests drive it directly.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: GuardMiddleware(hosts: hosts, pages: pages))
        router.add(middleware: SessionMiddleware(sessions: sessions, cookies: cookies))
        AccountRoutes(server: self).add(to: router)
        CaseRoutes(server: self).add(to: router)
        StepRoutes(server: self).add(to: router)
        NarrativeRoutes(server: self).add(to: router)
        RecordRoutes(server: self).add(to: router)
        ChangeRoutes(server: self).add(to: router)
        ReportRoutes(server: self).add(to: router)
        AdminRoutes(server: self).add(to: router)
        AssetRoutes().add(to: router)
        return router
    }

    /// The application; `onRunning` receives the address it listens on (with `--port 0`, the one it picked).
    public func application(
        onRunning: @escaping @Sendable (String) async -> Void = { _ in }
    )
        -> some ApplicationProtocol
    {
        var logger = Logger(label: "casus.web")
        logger.logLevel = .warning
        let hosts = self.hosts
        let configuration = self.configuration
        return Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                hosts.set(configuration.hostsAllowed(port: port))
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                await onRunning("http://\(host):\(port)/")
            },
            logger: logger)
    }

    // MARK: Helpers every route uses

    /// The signed-in account's desk, or nil (the caller sends the browser to sign in).
    func desk(_ context: WebContext) -> AccountDesk? {
        guard let signedIn = context.signedIn else { return nil }
        return AccountDesk(
            store: configuration.store, vault: configuration.vault, steward: .account(signedIn.account),
            hasher: configuration.hasher)
    }

    /// Sends a browser that is not signed in to the sign-in page, coming back here afterwards.
    func signInFirst(_ request: Request) -> Response {
        let back = LocalPath.checked(request.uri.path) ?? "/"
        var components = URLComponents()
        components.path = "/aanmelden"
        components.queryItems = [URLQueryItem(name: "terug", value: back)]
        return .redirect(to: components.string ?? "/aanmelden", type: .found)
    }
}

/// Redirect targets are local paths only: `/…`, never `//host` or a scheme.
enum LocalPath {
    static func checked(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.hasPrefix("/\\"), text.count < 512,
            !text.contains(where: { $0.isNewline || $0 == "\\" })
        else { return nil }
        return text
    }
}

/// The style sheet and the script, served as files (no inline script or style anywhere).
struct AssetRoutes {
    func add(to router: Router<WebContext>) {
        for (name, type) in [("casus.css", "text/css; charset=utf-8"), ("casus.js", "text/javascript; charset=utf-8")] {
            router.get("/static/\(name)") { _, _ -> Response in
                guard let url = Bundle.module.url(forResource: "Assets/\(name)", withExtension: nil),
                    let data = try? Data(contentsOf: url)
                else { throw HTTPError(.notFound) }
                return Response(
                    status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                    body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
        }
    }
}
