import CasusApp
import CasusCore
import Hummingbird
import NIOCore

/// What casus knows about one request: who is signed in, in which language they read, and where the
/// request came from (for the sign-in throttle).
public struct WebContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The signed-in account and its session, set by `SessionMiddleware`.
    public var signedIn: SignedIn?
    /// The cookie secret of the session, for sign-out.
    public var sessionSecret: String?
    public var language: Language = .nl
    /// The path of the page asked for, for the language switch to come back to.
    public var path = "/"

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// A report upload or a long response is small: 1 MB is plenty for any form.
    public var maxUploadSize: Int { 1 << 20 }

    /// The address the throttle counts failed sign-ins by.
    var addressKey: String { remoteAddress?.ipAddress ?? "local" }
}
