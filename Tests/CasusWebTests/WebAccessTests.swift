import CasusApp
import CasusCore
import CasusStore
import CasusTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CasusWeb

/// A store with the sample case, an account per role, an outsider and an administrator.
struct WebFixture {
    static let caseId = "boete-schuldhulp"
    static let password = "een lange zin als wachtwoord"
    static let logins = ["onderzoeker", "coach", "lezer", "cjib", "buiten", "beheer"]

    let folder: URL
    let server: WebServer

    static func make() async throws -> WebFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-web-\(UUID().uuidString)")
        let store = try DossierStore(workspace: Workspace(folder: folder), actor: "test", create: true)
        try store.importFile(try TestRepository.sampleFile(caseId))
        let vault = KeyVault(url: folder.appendingPathComponent("keys.json"))
        let terminal = AccountDesk(
            store: store, vault: vault, steward: .terminal("test"), hasher: PasswordHasher(costLog2: 10))
        for login in logins {
            _ = try terminal.addUser(login: login, name: "Naam \(login)", admin: login == "beheer", password: password)
        }
        try terminal.addMember(caseId, login: "onderzoeker", role: .researcher)
        try terminal.addMember(caseId, login: "coach", role: .coach)
        try terminal.addMember(caseId, login: "lezer", role: .reader)
        try terminal.addMember(caseId, login: "cjib", role: .agency("cjib"))
        let owner = try terminal.casework(caseId)
        _ = try owner.setIdentity(caseId, "P1", realName: "Echte Naam Voorbeeld", contact: nil)
        _ = try owner.sendWederhoor(caseId, agency: "cjib", kind: .ambtelijk, sentAt: nil, due: nil)
        var configuration = WebConfiguration(store: store, vault: vault)
        configuration.allowedHosts = ["localhost"]
        configuration.hasher = PasswordHasher(costLog2: 10)
        return WebFixture(folder: folder, server: try await WebServer(configuration: configuration))
    }
}

/// The browser side of one signed-in account: its cookie and its form token.
struct Browser {
    var cookie: String?
    var formToken: String?

    var headers: HTTPFields {
        var fields: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { fields[.cookie] = cookie }
        fields[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
        return fields
    }

    static func signIn(_ client: some TestClientProtocol, login: String) async throws -> Browser {
        let body = "login=\(login)&wachtwoord=\(WebFixture.password.replacingOccurrences(of: " ", with: "+"))&terug=/"
        let response = try await client.execute(
            uri: "/aanmelden", method: .post, headers: Browser().headers, body: ByteBuffer(string: body))
        #expect(response.status == .seeOther, "sign-in of \(login)")
        let setCookie = response.headers[.setCookie] ?? ""
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("Secure") && setCookie.contains("SameSite=Strict"))
        #expect(setCookie.hasPrefix("__Host-"))
        var browser = Browser(cookie: String(setCookie.split(separator: ";")[0]))
        let home = try await client.execute(uri: "/", method: .get, headers: browser.headers)
        let page = String(buffer: home.body)
        if let range = page.range(of: "name=\"_csrf\" value=\"") {
            browser.formToken = String(page[range.upperBound...].prefix { $0 != "\"" })
        }
        return browser
    }
}

@Suite("The web app: every route, every role")
struct WebAccessTests {
    /// Expected status per route and role (`-` is not signed in). 303 and 302 are redirects.
    static let table: [(method: HTTPRequest.Method, path: String, body: String, expect: [String: Int])] = [
        (
            .get, "/", "",
            ["onderzoeker": 200, "coach": 200, "lezer": 200, "cjib": 200, "buiten": 200, "beheer": 200, "-": 302]
        ),
        (
            .get, "/casus/boete-schuldhulp", "",
            ["onderzoeker": 200, "coach": 200, "lezer": 200, "cjib": 302, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .get, "/casus/boete-schuldhulp/audit", "",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .get, "/casus/boete-schuldhulp/kaart", "",
            ["onderzoeker": 200, "coach": 200, "lezer": 200, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .get, "/casus/boete-schuldhulp/rapport", "",
            ["onderzoeker": 200, "coach": 200, "lezer": 200, "cjib": 200, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .get, "/casus/boete-schuldhulp/wederhoor", "",
            ["onderzoeker": 403, "coach": 403, "lezer": 403, "cjib": 200, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (.get, "/zoeken?q=envelop", "", ["onderzoeker": 200, "coach": 200, "lezer": 200, "cjib": 200, "-": 302]),
        (
            .post, "/casus/boete-schuldhulp/naam", "persoon=P1",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .post, "/casus/boete-schuldhulp/review", "stap=2&besluit=opmerking&opmerkingen=Lees+alinea+3",
            ["onderzoeker": 403, "coach": 303, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .post, "/casus/boete-schuldhulp/vrijgeven", "status=definitief&vrijgeven=ja",
            ["onderzoeker": 303, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .post, "/casus/boete-schuldhulp/rapport",
            "soort=outside-in&status=concept-ambtelijk&formaat=md&actie=download",
            ["onderzoeker": 200, "coach": 200, "lezer": 403, "cjib": 200, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .get, "/casus/boete-schuldhulp/leden", "",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 200, "-": 302]
        ),
        (
            .post, "/casus/boete-schuldhulp/overrule", "check=4.wederhoor-afgerond&reden=Reactie+kwam+per+post",
            ["onderzoeker": 403, "coach": 303, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .get, "/beheer", "",
            ["onderzoeker": 403, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 403, "beheer": 200, "-": 302]
        ),
        (
            .get, "/wachtwoord", "",
            ["onderzoeker": 200, "coach": 200, "lezer": 200, "cjib": 200, "buiten": 200, "beheer": 200, "-": 302]
        ),
        (
            .post, "/casus/boete-schuldhulp/wederhoor", "reactie=Wij+herkennen+de+gang+van+zaken.",
            ["onderzoeker": 403, "coach": 403, "lezer": 403, "cjib": 303, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .get, "/nieuwe-casus", "",
            ["onderzoeker": 200, "coach": 200, "lezer": 200, "cjib": 200, "buiten": 200, "beheer": 200, "-": 302]
        ),
        (
            .get, "/casus/boete-schuldhulp/stap", "",
            ["onderzoeker": 200, "coach": 200, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .get, "/casus/boete-schuldhulp/narratief", "",
            ["onderzoeker": 200, "coach": 302, "lezer": 302, "cjib": 302, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .post, "/casus/boete-schuldhulp/lint", "tekst=Het+was+natuurlijk+schandalig.&revisie=3",
            ["onderzoeker": 200, "coach": 200, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .get, "/casus/boete-schuldhulp/regel?id=NL.Stellingname", "",
            ["onderzoeker": 200, "coach": 200, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .get, "/casus/boete-schuldhulp/tijdlijn", "",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .post, "/casus/boete-schuldhulp/vastleggen/instantie", "naam=Raad+voor+Rechtsbijstand&contact=benaderd",
            ["onderzoeker": 303, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .get, "/casus/boete-schuldhulp/toestemming", "",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            // Nothing of P1 is withdrawn: the researcher is told so (422), the others may not ask.
            .post, "/casus/boete-schuldhulp/wissen", "persoon=P1",
            ["onderzoeker": 422, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .get, "/casus/boete-schuldhulp/doetank?fase=3", "",
            ["onderzoeker": 403, "coach": 200, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .post, "/casus/boete-schuldhulp/vastleggen/doetank", "fase=3&vraag-3-1=ja&vraag-3-2=nee",
            ["onderzoeker": 403, "coach": 303, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .get, "/casus/boete-schuldhulp/geschiedenis", "",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (
            .post, "/casus/boete-schuldhulp/verwijderen", "soort=dilemma&id=D1",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .post, "/casus/boete-schuldhulp/concept", "tekst=Een+concept.&basis=1",
            ["onderzoeker": 204, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .get, "/casus/boete-schuldhulp/wijzigen/gebeurtenis/E1", "",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
        (.get, "/casus/boete-schuldhulp/wijzigen/citaat/Q1", "", ["onderzoeker": 404, "coach": 404, "-": 302]),
        (
            // A form opened on another state of the dilemma: refused as a conflict, nothing saved.
            .post, "/casus/boete-schuldhulp/wijzigen/dilemma/D1", "dilemma=Anders&basis=oud",
            ["onderzoeker": 409, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .post, "/casus/boete-schuldhulp/kaart/voorbeeld/gebeurtenis", "wie=cjib&wat=Een+brief&revisie=2",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 403]
        ),
        (
            .get, "/casus/boete-schuldhulp/bewijs/C1", "",
            ["onderzoeker": 200, "coach": 403, "lezer": 403, "cjib": 403, "buiten": 404, "beheer": 404, "-": 302]
        ),
    ]

    @Test func everyRouteForEveryRole() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        try await fixture.server.application().test(.router) { client in
            var browsers: [String: Browser] = ["-": Browser()]
            for login in WebFixture.logins { browsers[login] = try await Browser.signIn(client, login: login) }
            for route in Self.table {
                for (who, expected) in route.expect.sorted(by: { $0.key < $1.key }) {
                    let browser = browsers[who]!
                    var body = route.body
                    if route.method == .post, let token = browser.formToken { body += "&_csrf=\(token)" }
                    let response = try await client.execute(
                        uri: route.path, method: route.method, headers: browser.headers,
                        body: route.method == .post ? ByteBuffer(string: body) : nil)
                    #expect(Int(response.status.code) == expected, "\(route.method) \(route.path) as \(who)")
                    // Every response carries the security headers.
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    if response.status == .ok, route.path.hasPrefix("/casus") {
                        #expect(response.headers[.cacheControl] == "no-store")
                    }
                }
            }
        }
    }

    @Test func formsNeedTheSessionTokenAndThisSite() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        try await fixture.server.application().test(.router) { client in
            let coach = try await Browser.signIn(client, login: "coach")
            let body = "stap=2&besluit=opmerking&opmerkingen=x"
            let missing = try await client.execute(
                uri: "/casus/boete-schuldhulp/review", method: .post, headers: coach.headers,
                body: ByteBuffer(string: body))
            #expect(missing.status == .forbidden)
            let wrong = try await client.execute(
                uri: "/casus/boete-schuldhulp/review", method: .post, headers: coach.headers,
                body: ByteBuffer(string: body + "&_csrf=nietgoed"))
            #expect(wrong.status == .forbidden)
            var foreign = coach.headers
            foreign[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            let crossSite = try await client.execute(
                uri: "/casus/boete-schuldhulp/review", method: .post, headers: foreign,
                body: ByteBuffer(string: body + "&_csrf=\(coach.formToken ?? "")"))
            #expect(crossSite.status == .forbidden)
            let ok = try await client.execute(
                uri: "/casus/boete-schuldhulp/review", method: .post, headers: coach.headers,
                body: ByteBuffer(string: body + "&_csrf=\(coach.formToken ?? "")"))
            #expect(ok.status == .seeOther)
            // The refusals are in the audit log with the account, without the form's content.
            let refusals = try fixture.server.configuration.store.auditEntries(caseId: "boete-schuldhulp")
                .filter { $0.operation == "refused" }
            #expect(refusals.count == 3 && refusals.allSatisfy { $0.actor == "coach" })
            #expect(refusals.allSatisfy { $0.entityId == "POST /casus/boete-schuldhulp/review" && $0.detail == nil })
        }
    }

    @Test func signInSaysTheSameForUnknownLoginAndWrongPasswordAndThrottles() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        try await fixture.server.application().test(.router) { client in
            func attempt(_ login: String, _ password: String) async throws -> (Int, String) {
                let response = try await client.execute(
                    uri: "/aanmelden", method: .post, headers: Browser().headers,
                    body: ByteBuffer(string: "login=\(login)&wachtwoord=\(password)"))
                let page = String(buffer: response.body)
                let message = page.range(of: "role=\"alert\">").map {
                    String(page[$0.upperBound...].prefix { $0 != "<" })
                }
                return (Int(response.status.code), message ?? "")
            }
            let unknown = try await attempt("niemand", "fout")
            let wrong = try await attempt("coach", "fout")
            #expect(unknown.0 == 401 && wrong.0 == 401)
            #expect(unknown.1 == wrong.1)
            for _ in 0..<4 { _ = try await attempt("coach", "fout") }
            // Five failures: even the right password waits now.
            let throttled = try await attempt("coach", WebFixture.password.replacingOccurrences(of: " ", with: "+"))
            #expect(throttled.0 == 401 && throttled.1.contains("minuten"))
        }
    }

    @Test func signOutEndsTheSessionOnTheServer() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        try await fixture.server.application().test(.router) { client in
            let researcher = try await Browser.signIn(client, login: "onderzoeker")
            let out = try await client.execute(
                uri: "/afmelden", method: .post, headers: researcher.headers,
                body: ByteBuffer(string: "_csrf=\(researcher.formToken ?? "")"))
            #expect(out.status == .seeOther)
            // The old cookie no longer opens anything.
            let after = try await client.execute(
                uri: "/casus/boete-schuldhulp", method: .get, headers: researcher.headers)
            #expect(after.status == .found)
        }
    }

    @Test func membersAccountsAndPasswordsFromTheBrowser() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        try await fixture.server.application().test(.router) { client in
            func post(_ browser: Browser, _ path: String, _ body: String) async throws -> (Int, String) {
                let response = try await client.execute(
                    uri: path, method: .post, headers: browser.headers,
                    body: ByteBuffer(string: body + "&_csrf=\(browser.formToken ?? "")"))
                return (Int(response.status.code), String(buffer: response.body))
            }
            let researcher = try await Browser.signIn(client, login: "onderzoeker")
            // The last researcher cannot leave the case.
            let leave = try await post(
                researcher, "/casus/boete-schuldhulp/leden", "actie=verwijderen&login=onderzoeker&rol=researcher")
            #expect(leave.0 == 422 && leave.1.contains("minstens één onderzoeker"))
            let add = try await post(researcher, "/casus/boete-schuldhulp/leden", "login=buiten&rol=reader")
            #expect(add.0 == 303)
            let outsider = try await Browser.signIn(client, login: "buiten")
            let now = try await client.execute(uri: "/casus/boete-schuldhulp", method: .get, headers: outsider.headers)
            #expect(now.status == .ok)

            // An administrator's form keeps what was typed (never the password) beside the message.
            let admin = try await Browser.signIn(client, login: "beheer")
            let weak = try await post(admin, "/beheer", "login=nieuw&naam=%3Cb%3ENieuw%3C%2Fb%3E&wachtwoord=kort")
            #expect(weak.0 == 422 && weak.1.contains("value=\"nieuw\"") && weak.1.contains("&lt;b&gt;Nieuw"))
            #expect(!weak.1.contains("value=\"kort\""))
            let made = try await post(admin, "/beheer", "login=nieuw&naam=Nieuw&wachtwoord=groene+fiets+op+de+dijk")
            #expect(made.0 == 303)

            // Changing one's own password needs the current one, and ends the session.
            let wrong = try await post(researcher, "/wachtwoord", "huidig=fout&nieuw=groene+fiets+op+de+dijk")
            #expect(wrong.0 == 422)
            let changed = try await post(
                researcher, "/wachtwoord",
                "huidig=\(WebFixture.password.replacingOccurrences(of: " ", with: "+"))&nieuw=groene+fiets+op+de+dijk")
            #expect(changed.0 == 303)
            let after = try await client.execute(uri: "/", method: .get, headers: researcher.headers)
            #expect(after.status == .found)
        }
    }

    @Test func aKeptPageCarriesEachSessionsOwnTokenAndFollowsChanges() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        try await fixture.server.application().test(.router) { client in
            let one = try await Browser.signIn(client, login: "coach")
            let two = try await Browser.signIn(client, login: "coach")
            func page(_ browser: Browser) async throws -> String {
                String(
                    buffer: try await client.execute(
                        uri: "/casus/boete-schuldhulp", method: .get, headers: browser.headers
                    ).body)
            }
            let first = try await page(one)
            let second = try await page(two)
            #expect(one.formToken != two.formToken)
            #expect(first.contains(one.formToken ?? "-") && second.contains(two.formToken ?? "-"))
            #expect(!second.contains(one.formToken ?? "-") && !first.contains(Pages.formTokenMarker))
            let review = try await client.execute(
                uri: "/casus/boete-schuldhulp/review", method: .post, headers: one.headers,
                body: ByteBuffer(
                    string: "stap=1&besluit=opmerking&opmerkingen=Nieuwe+opmerking&_csrf=\(one.formToken ?? "")"))
            #expect(review.status == .seeOther)
            #expect(try await page(two).contains("Nieuwe opmerking"))
        }
    }

    @Test func redirectsAfterSignInStayOnThisSite() {
        #expect(LocalPath.checked("/casus/x") == "/casus/x")
        #expect(LocalPath.checked("//evil.example/") == nil)
        #expect(LocalPath.checked("https://evil.example/") == nil)
        #expect(LocalPath.checked("/\\evil.example") == nil)
    }

    @Test func passwordsAreHashedWithScryptAtTheRequiredCost() throws {
        #expect(PasswordHasher.standard.costLog2 >= 17)
        let hash = try PasswordHasher(costLog2: 10).hash("een lange zin als wachtwoord")
        #expect(hash.hasPrefix("scrypt$10$8$1$"))
        #expect(PasswordHasher.verify("een lange zin als wachtwoord", against: hash))
        #expect(!PasswordHasher.verify("een lange zin als wachtwoorD", against: hash))
        #expect(throws: CasusError.self) { try PasswordPolicy.check("kort", login: "a", name: "b") }
        #expect(throws: CasusError.self) { try PasswordPolicy.check("wachtwoord12", login: "a", name: "b") }
        #expect(throws: CasusError.self) {
            try PasswordPolicy.check("onderzoeker-2026", login: "onderzoeker", name: "b")
        }
        try PasswordPolicy.check("groene fiets op de dijk", login: "a", name: "b")
    }
}
