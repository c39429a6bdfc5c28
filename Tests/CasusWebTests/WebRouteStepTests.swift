import CasusApp
import CasusCore
import CasusStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CasusWeb

@Suite("The route and the narrative editor in the browser")
struct WebRouteStepTests {
    static let caseId = WebFixture.caseId

    func post(
        _ client: some TestClientProtocol, _ browser: Browser, _ path: String, _ fields: [String: String]
    ) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = (fields.merging(["_csrf": browser.formToken ?? ""]) { a, _ in a }).map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return try await client.execute(
            uri: path, method: .post, headers: browser.headers, body: ByteBuffer(string: body))
    }

    @Test func aStepFormForACheckResolvedMeanwhileSavesNothing() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let store = fixture.server.configuration.store
        try await fixture.server.application().test(.router) { client in
            let browser = try await Browser.signIn(client, login: "onderzoeker")
            let before = try store.version(of: Self.caseId)
            let response = try await post(client, browser, "/casus/\(Self.caseId)/stap", ["check": "0.voorwaarde-9"])
            #expect(response.status == .conflict)
            #expect(String(buffer: response.body).contains("Er is niets opgeslagen"))
            #expect(try store.version(of: Self.caseId) == before)
        }
    }

    @Test func aNewCaseFromTheBrowserMakesItsCreatorTheResearcher() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let store = fixture.server.configuration.store
        try await fixture.server.application().test(.router) { client in
            let browser = try await Browser.signIn(client, login: "buiten")
            let missing = try await post(client, browser, "/nieuwe-casus", ["titel": "<b>Loonfout</b>"])
            #expect(missing.status == .unprocessableContent)
            let page = String(buffer: missing.body)
            #expect(page.contains("id=\"veld-vraagstuk-fout\"") && page.contains("&lt;b&gt;Loonfout&lt;/b&gt;"))
            let made = try await post(
                client, browser, "/nieuwe-casus", ["titel": "Loonfout", "vraagstuk": "Wat gebeurt er na een loonfout?"])
            #expect(made.status == .seeOther)
            #expect(made.headers[.location] == "/casus/loonfout/stap")
            #expect(try store.membership(caseId: "loonfout", login: "buiten")?.role == "researcher")
        }
    }

    @Test func aSaveOverANewerVersionIsRefusedAndTheTypedTextKept() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let store = fixture.server.configuration.store
        try await fixture.server.application().test(.router) { client in
            let browser = try await Browser.signIn(client, login: "onderzoeker")
            let current = try store.dossier(Self.caseId).currentNarrative!
            let typed = "Een tekst die uitging van een oudere versie."
            let refused = try await post(
                client, browser, "/casus/\(Self.caseId)/narratief",
                ["tekst": typed, "basis": String(current.number - 1)])
            #expect(refused.status == .conflict)
            let page = String(buffer: refused.body)
            #expect(page.contains("id=\"hun-tekst\"") && page.contains(typed))
            #expect(try store.dossier(Self.caseId).narrative.count == current.number)
            #expect(try store.draft(caseId: Self.caseId, login: "onderzoeker")?.text == typed)
            let saved = try await post(
                client, browser, "/casus/\(Self.caseId)/narratief",
                ["tekst": typed, "basis": String(current.number), "notitie": "na overleg"])
            #expect(saved.status == .seeOther)
            #expect(try store.dossier(Self.caseId).currentNarrative?.note == "na overleg")
            #expect(try store.draft(caseId: Self.caseId, login: "onderzoeker") == nil)
        }
    }

    @Test func lintOffsetsCountUTF16UnitsAndTheRevisionComesBack() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        try await fixture.server.application().test(.router) { client in
            let browser = try await Browser.signIn(client, login: "onderzoeker")
            let text = "Hij at een crème brûlée 😀 in het café. “Ja,” zei hij. Dat was natuurlijk schandalig."
            let response = try await post(
                client, browser, "/casus/\(Self.caseId)/lint", ["tekst": text, "revisie": "17"])
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let answer = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            #expect(answer?["revision"] as? Int == 17)
            let units = Array(text.utf16)
            let marked = (answer?["findings"] as? [[String: Any]] ?? []).compactMap { finding -> String? in
                guard let start = finding["start"] as? Int, let end = finding["end"] as? Int else { return nil }
                return String(decoding: units[start..<end], as: UTF16.self)
            }
            #expect(marked.contains("natuurlijk") && marked.contains("schandalig"), "\(marked)")
        }
    }

    @Test func aRecordFormExplainsAWrongAnswerAndSavesARightOne() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let store = fixture.server.configuration.store
        try await fixture.server.application().test(.router) { client in
            let browser = try await Browser.signIn(client, login: "onderzoeker")
            let events = try store.dossier(Self.caseId).events.count
            var fields = ["datum": "gisteren", "wie": "cjib", "wat": "Het CJIB verhoogt de boete.", "impact": "-1"]
            let wrong = try await post(client, browser, "/casus/\(Self.caseId)/vastleggen/gebeurtenis", fields)
            #expect(wrong.status == .unprocessableContent)
            let page = String(buffer: wrong.body)
            #expect(page.contains("id=\"gebeurtenis-datum-fout\"") && page.contains("value=\"gisteren\""))
            #expect(try store.dossier(Self.caseId).events.count == events)
            fields["datum"] = "~2021-05"
            let right = try await post(client, browser, "/casus/\(Self.caseId)/vastleggen/gebeurtenis", fields)
            #expect(right.status == .seeOther)
            let added = try store.dossier(Self.caseId).events.last
            #expect(added?.what == "Het CJIB verhoogt de boete." && added?.impact == -1)
            #expect(added?.date?.approximate == true && added?.actor == .agency("cjib"))
            let unknown = try await post(client, browser, "/casus/\(Self.caseId)/vastleggen/iets", [:])
            #expect(unknown.status == .notFound)
        }
    }

    @Test func anUploadedFileIsReadOnlyWithTheFormTokenAndStoresNothing() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let store = fixture.server.configuration.store
        try await fixture.server.application().test(.router) { client in
            let browser = try await Browser.signIn(client, login: "onderzoeker")
            var headers = browser.headers
            headers[.contentType] = "application/octet-stream"
            let refused = try await client.execute(
                uri: "/casus/\(Self.caseId)/document", method: .post, headers: headers,
                body: ByteBuffer(string: "Een transcript."))
            #expect(refused.status == .forbidden)
            // The refusal itself goes into the audit log; from here on nothing is written.
            let before = try store.version(of: Self.caseId)
            headers[HTTPField.Name("X-Casus-Token")!] = browser.formToken
            let read = try await client.execute(
                uri: "/casus/\(Self.caseId)/document", method: .post, headers: headers,
                body: ByteBuffer(string: "Een transcript met é en 😀."))
            #expect(read.status == .ok)
            #expect(String(buffer: read.body).contains("Een transcript met"))
            let pdf = try await client.execute(
                uri: "/casus/\(Self.caseId)/document", method: .post, headers: headers,
                body: ByteBuffer(string: "%PDF-1.4"))
            #expect(pdf.status == .unprocessableContent)
            #expect(try store.version(of: Self.caseId) == before)
        }
    }

    /// A `multipart/form-data` body as a browser sends it: text fields, then one file part.
    static func multipart(
        _ fields: [(String, String)], file: (name: String, bytes: Data)?, boundary: String
    ) -> ByteBuffer {
        var body = Data()
        for (key, value) in fields {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(
                Data(
                    ("--\(boundary)\r\nContent-Disposition: form-data; name=\"bewijs\"; filename=\"\(file.name)\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n").utf8))
            body.append(file.bytes)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ByteBuffer(bytes: body)
    }

    @Test func consentEvidenceComesWithTheFormAndACutOffUploadStoresNothing() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let store = fixture.server.configuration.store
        let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
        try await fixture.server.application().test(.router) { client in
            let browser = try await Browser.signIn(client, login: "onderzoeker")
            var headers = browser.headers
            let boundary = "----casusgrens7MA4YWxk"
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            let fields = [
                ("_csrf", browser.formToken ?? ""), ("persoon", "P2"), ("gegeven", "interview"),
                ("moment", "2024-05-02 10:00"), ("wijze", "schriftelijk"), ("kopie", "ja"),
            ]
            let path = "/casus/\(Self.caseId)/vastleggen/toestemming"
            let before = try store.version(of: Self.caseId)
            // Cut off in the middle of the file: refused, nothing stored.
            let whole = Self.multipart(fields, file: ("getekend.pdf", pdf), boundary: boundary)
            let cut = whole.getSlice(at: 0, length: whole.readableBytes - 30)!
            let refused = try await client.execute(uri: path, method: .post, headers: headers, body: cut)
            #expect(refused.status == .unprocessableContent || refused.status == .badRequest)
            #expect(try store.version(of: Self.caseId) == before)
            // Not a PDF: refused beside its field, the other answers kept.
            let text = try await client.execute(
                uri: path, method: .post, headers: headers,
                body: Self.multipart(fields, file: ("getekend.pdf", Data("tekst".utf8)), boundary: boundary))
            #expect(text.status == .unprocessableContent)
            let page = String(buffer: text.body)
            #expect(page.contains("id=\"toestemming-bewijs-fout\"") && page.contains("geen PDF"))
            #expect(try store.version(of: Self.caseId) == before)
            // Without the token, even a whole body is refused.
            var foreign = fields
            foreign[0] = ("_csrf", "nietgoed")
            let forged = try await client.execute(
                uri: path, method: .post, headers: headers,
                body: Self.multipart(foreign, file: ("getekend.pdf", pdf), boundary: boundary))
            #expect(forged.status == .forbidden)
            // The whole form: saved with its evidence.
            let saved = try await client.execute(uri: path, method: .post, headers: headers, body: whole)
            #expect(saved.status == .seeOther)
            let entry = try #require(try store.dossier(Self.caseId).consent.last)
            #expect(entry.participantId == "P2" && entry.evidence?.sha256 == Hashing.sha256(pdf))
            // A file input left empty sends an empty part: no evidence, and the entry is still saved.
            let empty = try await client.execute(
                uri: path, method: .post, headers: headers,
                body: Self.multipart(fields, file: ("", Data()), boundary: boundary))
            #expect(empty.status == .seeOther)
            #expect(try store.dossier(Self.caseId).consent.last?.evidence == nil)
        }
    }

    @Test func multipartFieldsAndFileNamesAreReadAsSent() throws {
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(of: "application/x-www-form-urlencoded") == nil)
        let parameters = MultipartForm.parameters("form-data; name=\"bewijs\"; filename=\"a \\\"b\\\"; c=d.pdf\"")
        #expect(parameters["name"] == "bewijs" && parameters["filename"] == "a \"b\"; c=d.pdf")
        let body = Self.multipart(
            [("a", "één\nregel"), ("b", "x=y&z")], file: ("scan.pdf", Data([0, 1, 2])), boundary: "grens")
        let parsed = try MultipartForm.parse(body, boundary: "grens")
        #expect(parsed.fields == ["a": "één\nregel", "b": "x=y&z"])
        #expect(parsed.file?.name == "scan.pdf" && parsed.file?.data == Data([0, 1, 2]))
        #expect(throws: CasusError.self) {
            try MultipartForm.parse(ByteBuffer(string: "geen delen"), boundary: "grens")
        }
    }

    static let payload = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1\">\"'&"

    @Test func everyFormKeepsHTMLAsTextAndRefusesOverlongAnswersAtTheField() async throws {
        let fixture = try await WebFixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let payload = Self.payload
        let forms: [(kind: String, page: String, fields: [String: String], first: String)] = [
            ("instantie", "tijdlijn", ["naam": payload, "soort": payload, "notitie": payload], "naam"),
            ("gebeurtenis", "tijdlijn", ["wie": "cjib", "wat": payload, "beleving": payload], "wat"),
            ("overdracht", "tijdlijn", ["van": "cjib", "naar": "gemeente", "wat": payload, "notitie": payload], "wat"),
            (
                "bevinding", "contra-expertise",
                [
                    "instantie": "cjib", "bewering": payload, "uitkomst": "bevestigd", "reactie": payload,
                    "bron": payload,
                ],
                "bewering"
            ),
            ("leervraag", "leervragen", ["leervraag": payload, "feiten": "E1"], "leervraag"),
            ("dilemma", "leervragen", ["dilemma": payload, "toelichting": payload], "dilemma"),
            (
                "toestemming", "toestemming",
                ["persoon": "P1", "gegeven": "archief", "moment": "2024-01-01 10:00", "brief-versie": payload],
                "brief-versie"
            ),
        ]
        try await fixture.server.application().test(.router) { client in
            let browser = try await Browser.signIn(client, login: "onderzoeker")
            for form in forms {
                let path = "/casus/\(Self.caseId)/vastleggen/\(form.kind)"
                let saved = try await post(client, browser, path, form.fields)
                #expect(saved.status == .seeOther, "\(form.kind) with HTML in it is saved")
                if saved.status != .seeOther {
                    let body = String(buffer: saved.body)
                    let start = body.range(of: "id=\"fouten\"")?.upperBound ?? body.startIndex
                    Issue.record("\(form.kind): \(body[start...].prefix(400))")
                }
                let page = try await client.execute(
                    uri: "/casus/\(Self.caseId)/\(form.page)", method: .get, headers: browser.headers)
                let html = String(buffer: page.body)
                #expect(html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"), "\(form.kind) shows it as text")
                #expect(!html.contains("<script>window.__xss"), "\(form.kind) never as markup")
                var long = form.fields
                long[form.first] = String(repeating: "lang ", count: 1_200)
                let refused = try await post(client, browser, path, long)
                #expect(refused.status == .unprocessableContent, "\(form.kind) refuses an over-long answer")
                #expect(String(buffer: refused.body).contains("langer dan 5000 tekens"))
            }
            // The change forms of saved records, the same way.
            let store = fixture.server.configuration.store
            let changes: [(RecordForms.Kind, String, String)] = [
                (.gebeurtenis, "E2", "wat"), (.overdracht, "H2", "wat"), (.bevinding, "F3", "bewering"),
                (.persoon, "P2", "relatie"), (.leervraag, "L2", "leervraag"), (.dilemma, "D2", "dilemma"),
            ]
            for (kind, id, key) in changes {
                let path = "/casus/\(Self.caseId)/wijzigen/\(kind.rawValue)/\(id)"
                let dossier = try store.dossier(Self.caseId)
                var fields = try RecordForms.storedAnswers(kind, id, in: dossier).values
                fields["basis"] = try RecordForms.fingerprint(kind, id, in: dossier)
                var long = fields
                long[key] = String(repeating: "lang ", count: 1_200)
                let refused = try await post(client, browser, path, long)
                #expect(refused.status == .unprocessableContent, "\(kind) change refuses an over-long answer")
                #expect(String(buffer: refused.body).contains("langer dan 5000 tekens"))
                fields[key] = payload
                let saved = try await post(client, browser, path, fields)
                #expect(saved.status == .seeOther, "\(kind) change with HTML in it is saved")
                let html = String(
                    buffer: try await client.execute(uri: path, method: .get, headers: browser.headers).body)
                #expect(html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"), "\(kind) shows it as text")
                #expect(!html.contains("<script>window.__xss"), "\(kind) never as markup")
            }
            let made = try await post(client, browser, "/nieuwe-casus", ["titel": payload, "vraagstuk": payload])
            #expect(made.status == .seeOther)
            let location = made.headers[.location] ?? "/"
            let step = String(
                buffer: try await client.execute(uri: location, method: .get, headers: browser.headers).body)
            #expect(step.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;") && !step.contains("<script>window"))
        }
    }
}
