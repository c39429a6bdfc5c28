import CasusApp
import CasusCore
import Foundation
import Hummingbird

/// Members of a case (researchers and administrators), accounts (administrators) and one's own password.
struct AdminRoutes {
    let server: WebServer

    func add(to router: Router<WebContext>) {
        router.get("/casus/:id/leden") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            return try membersPage(desk, caseId: caseId, context: context)
        }
        router.post("/casus/:id/leden") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            guard let role = Role(membership: form["rol"] ?? "") else { throw WebError.badForm }
            if form["actie"] == "verwijderen" {
                try desk.removeMember(caseId, login: form["login"] ?? "")
            } else {
                try desk.addMember(caseId, login: form["login"] ?? "", role: role)
            }
            return .redirect(to: "/casus/\(caseId)/leden", type: .normal)
        }

        router.get("/beheer") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            return try accountsPage(desk, context: context, error: nil, entered: [:])
        }
        router.post("/beheer") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            do {
                if form["actie"] == "uitschakelen" {
                    try desk.disableUser(form["login"] ?? "")
                } else {
                    let password = form["wachtwoord"] ?? ""
                    _ = try await PasswordHasher.offload {
                        try desk.addUser(
                            login: form["login"] ?? "", name: form["naam"] ?? "", admin: form["beheerder"] == "ja",
                            password: password)
                    }
                }
            } catch let error as CasusError where error.kind != .notPermitted {
                // The entered values stay (never the password), with the message beside the form.
                return try accountsPage(
                    desk, context: context, error: context.t(error.message),
                    entered: ["login": form["login"] ?? "", "naam": form["naam"] ?? ""])
            }
            return .redirect(to: "/beheer", type: .normal)
        }

        router.get("/wachtwoord") { request, context -> Response in
            guard context.signedIn != nil else { return server.signInFirst(request) }
            return server.pages.render("wachtwoord", [:], context: context, title: context.t("Wachtwoord", "Password"))
        }
        router.post("/wachtwoord") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let current = form["huidig"] ?? ""
            let new = form["nieuw"] ?? ""
            do {
                try await PasswordHasher.offload { try desk.changeOwnPassword(current: current, new: new) }
            } catch let error as CasusError {
                return server.pages.render(
                    "wachtwoord", ["error": context.t(error.message)], context: context,
                    title: context.t("Wachtwoord", "Password"), status: .unprocessableContent)
            }
            // Other sessions ended with the change; this browser signs in again with the new password.
            var response = Response.redirect(to: "/aanmelden", type: .normal)
            response.setCookie(server.cookies.cookie(server.cookies.session, value: "", maxAge: 0))
            return response
        }
    }

    func membersPage(_ desk: AccountDesk, caseId: String, context: WebContext) throws -> Response {
        let members = try desk.members(caseId)
        let agencies = try desk.agencies(caseId)
        let roles: [[String: Any]] =
            [Role.researcher, .coach, .reader].map { ["value": $0.membershipText, "label": context.t($0.label)] }
            + agencies.map {
                ["value": Role.agency($0.id).membershipText, "label": "\(context.t("instantie", "agency")) \($0.name)"]
            }
        let rows = members.map { member -> [String: Any] in
            [
                "login": member.login, "role": Role(membership: member.role).map { context.t($0.label) } ?? member.role,
                "roleValue": member.role,
            ]
        }
        return server.pages.render(
            "leden", ["caseId": caseId, "members": rows, "roles": roles], context: context,
            title: context.t("Leden", "Members"))
    }

    func accountsPage(
        _ desk: AccountDesk, context: WebContext, error: String?, entered: [String: String]
    ) throws
        -> Response
    {
        let accounts = try desk.users().map { account -> [String: Any] in
            [
                "login": account.login, "name": account.name, "admin": account.isAdmin,
                "disabled": account.isDisabled,
            ]
        }
        var view: [String: Any] = ["accounts": accounts, "entered": entered]
        if let error { view["error"] = error }
        return server.pages.render(
            "beheer", view, context: context, title: context.t("Accounts", "Accounts"),
            status: error == nil ? .ok : .unprocessableContent)
    }
}
