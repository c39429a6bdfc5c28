import CasusApp
import CasusCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// The host names the server answers to; filled in once the port is known (`--port 0`).
final class HostList: Sendable {
    private let hosts = NIOLockedValueBox<Set<String>>([])
    func set(_ new: Set<String>) { hosts.withLockedValue { $0 = new } }
    func allows(_ host: String) -> Bool { hosts.withLockedValue { $0.contains(host.lowercased()) } }
}

/// The first and last word on every request: refuses a foreign `Host` (DNS rebinding against a
/// local server), turns errors into pages without internals, and sets the security headers on every
/// response.
struct GuardMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let hosts: HostList
    let pages: Pages

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    )
        async throws -> Response
    {
        var response: Response
        if let host = request.head.authority, hosts.allows(host) {
            do {
                response = try await next(request, context)
            } catch let error as CasusError {
                response = pages.error(error, context: context)
            } catch let error as HTTPError {
                response = pages.error(
                    WebError.http(error.status), context: context, status: error.status)
            } catch {
                response = pages.error(WebError.internalFailure, context: context, status: .internalServerError)
            }
        } else {
            response = Response(
                status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "Unknown host / onbekende host\n")))
        }
        Self.secure(&response.headers)
        return response
    }

    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}

/// Finds the session of the request's cookie and the reader's language.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let sessions: SessionDesk
    let cookies: CookieNames

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    )
        async throws -> Response
    {
        var context = context
        context.path = request.uri.path
        if let secret = request.cookies[cookies.session]?.value, let signedIn = try sessions.resume(secret: secret) {
            context.signedIn = signedIn
            context.sessionSecret = secret
        }
        if let wanted = request.cookies[cookies.language]?.value, let language = Language(rawValue: wanted) {
            context.language = language
        } else if let accept = request.headers[.acceptLanguage], accept.lowercased().hasPrefix("en") {
            context.language = .en
        }
        do {
            return try await next(request, context)
        } catch let error as CasusError where error.kind == .notPermitted {
            // Refusals of signed-in accounts only: anonymous requests cannot fill the log.
            if context.signedIn != nil { try? audit(refusal: request, context: context) }
            throw error
        }
    }

    /// A refused request goes into the audit log with the account and the route, never form content.
    func audit(refusal request: Request, context: WebContext) throws {
        let path = String(request.uri.path.prefix(200))
        let parts = path.split(separator: "/")
        let caseId = parts.count >= 2 && parts[0] == "casus" ? String(parts[1]) : ""
        guard let login = context.signedIn?.account.login else { return }
        try sessions.store.acting(as: login).logEvent(
            caseId: caseId, entity: "web", entityId: "\(request.method.rawValue) \(path)", operation: "refused")
    }
}

/// Every state-changing request is a POST from this site, with the session's form token.
enum FormCheck {
    /// Reads an url-encoded form (at most 1 MB) and checks where it came from and its token.
    static func read(
        _ request: Request, context: WebContext, needsSession: Bool = true
    ) async throws -> [String: String] {
        let posted = try await readWithFile(request, context: context, needsSession: needsSession)
        guard posted.file == nil else { throw WebError.badForm }
        return posted.fields
    }

    /// Reads a form that may carry one file (`multipart/form-data`, the file at most
    /// `EvidenceFormat.maximumBytes`, checked by the operation) and checks where it came from and its token. A file input left
    /// empty gives no file.
    static func readWithFile(
        _ request: Request, context: WebContext, needsSession: Bool = true
    ) async throws -> (fields: [String: String], file: UploadedFile?) {
        try checkSite(request)
        var request = request
        let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(of:))
        // Room for a file somewhat over the limit, so its refusal can stand beside its field.
        let limit = boundary == nil ? context.maxUploadSize : context.maxUploadSize + 3 * EvidenceFormat.maximumBytes
        let body = try await request.collectBody(upTo: limit)
        let posted: (fields: [String: String], file: UploadedFile?)
        if let boundary {
            posted = try MultipartForm.parse(body, boundary: boundary)
        } else {
            posted = (try parse(String(buffer: body)), nil)
        }
        if needsSession {
            guard let signedIn = context.signedIn, let token = posted.fields["_csrf"],
                constantTimeEqual(token, signedIn.session.formToken)
            else { throw WebError.foreignForm }
        }
        return posted
    }

    /// An uploaded file sent by this site's script: the bytes as the body, the form token in a header.
    static func readUpload(_ request: Request, context: WebContext, limit: Int) async throws -> ByteBuffer {
        try checkSite(request)
        guard let signedIn = context.signedIn, let token = request.headers[HTTPField.Name("X-Casus-Token")!],
            constantTimeEqual(token, signedIn.session.formToken)
        else { throw WebError.foreignForm }
        var request = request
        return try await request.collectBody(upTo: limit)
    }

    /// Browsers send Sec-Fetch-Site; with `Referrer-Policy: no-referrer` their Origin is "null", so the
    /// Origin is compared only when it names a site and no Sec-Fetch-Site came.
    static func checkSite(_ request: Request) throws {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            guard site == "same-origin" || site == "none" else { throw WebError.foreignForm }
        } else if let origin = request.headers[.origin] {
            guard let authority = request.head.authority,
                origin == "http://\(authority)" || origin == "https://\(authority)"
            else { throw WebError.foreignForm }
        }
    }

    /// Parses `a=1&b=x+y`; a repeated key keeps its values joined by a line break.
    static func parse(_ text: String) throws -> [String: String] {
        var form: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(parts[0]) else { throw WebError.badForm }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            guard let value else { throw WebError.badForm }
            form[key] = form[key].map { $0 + "\n" + value } ?? value
        }
        return form
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// The cookie names: `__Host-` prefixed when cookies are secure.
struct CookieNames: Sendable {
    let secure: Bool
    var session: String { secure ? "__Host-casus-sessie" : "casus-sessie" }
    var language: String { secure ? "__Host-casus-taal" : "casus-taal" }

    func cookie(_ name: String, value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}

/// Failures of the web layer itself, said as a user can act on them.
enum WebError {
    static let foreignForm = CasusError(
        .notPermitted,
        nl: "Dit formulier kwam niet van deze pagina of is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
        en: "This form did not come from this page or has expired. Reload the page and try again.")
    static let badForm = CasusError(
        .invalidInput, nl: "Het formulier kon niet gelezen worden.", en: "The form could not be read.")
    static let internalFailure = CasusError(
        .internalError, nl: "Er ging iets mis aan de kant van casus. Er is niets veranderd.",
        en: "Something went wrong on casus's side. Nothing was changed.")
    static func http(_ status: HTTPResponse.Status) -> CasusError {
        switch status {
        case .notFound: CasusError(.notFound, nl: "Deze pagina bestaat niet.", en: "This page does not exist.")
        case .contentTooLarge:
            CasusError(.invalidInput, nl: "Het formulier is te groot.", en: "The form is too large.")
        default: CasusError(.invalidInput, nl: "Het verzoek klopt niet.", en: "The request is not right.")
        }
    }
}
