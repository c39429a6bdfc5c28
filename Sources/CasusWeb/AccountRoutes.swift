import CasusApp
import CasusCore
import Foundation
import Hummingbird

/// Sign-in, sign-out and the language switch.
struct AccountRoutes {
    let server: WebServer

    func add(to router: Router<WebContext>) {
        router.get("/aanmelden") { request, context -> Response in
            let back = LocalPath.checked(request.uri.queryParameters.get("terug")) ?? "/"
            if context.signedIn != nil { return .redirect(to: back, type: .found) }
            return server.pages.render(
                "aanmelden", ["back": back], context: context, title: context.t("Aanmelden", "Sign in"))
        }
        router.post("/aanmelden") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context, needsSession: false)
            let back = LocalPath.checked(form["terug"]) ?? "/"
            let login = form["login"] ?? ""
            do {
                let (signedIn, secret) = try await server.sessions.signIn(
                    login: login, password: form["wachtwoord"] ?? "", address: context.addressKey)
                // A new session id at every sign-in; the old one, if any, ends.
                if let old = context.sessionSecret { try server.sessions.signOut(secret: old) }
                var response = Response.redirect(to: back, type: .normal)
                response.setCookie(server.cookies.cookie(server.cookies.session, value: secret))
                _ = signedIn
                return response
            } catch let error as CasusError {
                return server.pages.render(
                    "aanmelden", ["back": back, "login": login, "error": context.t(error.message)], context: context,
                    title: context.t("Aanmelden", "Sign in"), status: .unauthorized)
            }
        }
        router.post("/afmelden") { request, context -> Response in
            _ = try await FormCheck.read(request, context: context)
            if let secret = context.sessionSecret { try server.sessions.signOut(secret: secret) }
            var response = Response.redirect(to: "/aanmelden", type: .normal)
            response.setCookie(server.cookies.cookie(server.cookies.session, value: "", maxAge: 0))
            return response
        }
        router.get("/taal") { request, context -> Response in
            let language = Language(rawValue: request.uri.queryParameters.get("naar") ?? "") ?? .nl
            let back = LocalPath.checked(request.uri.queryParameters.get("terug")) ?? "/"
            var response = Response.redirect(to: back, type: .found)
            response.setCookie(
                server.cookies.cookie(server.cookies.language, value: language.rawValue, maxAge: 365 * 24 * 3600))
            return response
        }
    }
}
