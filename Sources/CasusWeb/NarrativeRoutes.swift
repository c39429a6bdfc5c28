import CasusApp
import CasusCore
import CasusLint
import Foundation
import HTTPTypes
import Hummingbird

/// The narrative editor: a Markdown text area the linter reads along with as the researcher types,
/// a draft kept every few seconds, versions saved with a note, compared word by word and restored.
/// A save that started from an older version than the current one is refused with both texts shown.
struct NarrativeRoutes {
    let server: WebServer

    func add(to router: Router<WebContext>) {
        router.get("/casus/:id/narratief") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            guard work.may(.edit) else { return .redirect(to: "/casus/\(caseId)#narratief", type: .found) }
            return try editorPage(work, caseId: caseId, context: context)
        }

        router.post("/casus/:id/narratief") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            let text = Self.lineBreaks(form["tekst"] ?? "")
            let basedOn = Int(form["basis"] ?? "") ?? 0
            do {
                _ = try work.saveNarrative(
                    caseId, text: text, author: nil, note: form["notitie"], basedOn: basedOn)
                return .redirect(to: "/casus/\(caseId)/stap?opgeslagen=1", type: .normal)
            } catch let error as CasusError where error.kind == .conflict || error.kind == .invalidInput {
                // Whatever happens, the text typed is kept as the writer's draft.
                try? work.saveNarrativeDraft(caseId, text: text, basedOn: basedOn)
                return try editorPage(
                    work, caseId: caseId, context: context, typed: (text, basedOn), error: error,
                    status: error.kind == .conflict ? .conflict : .unprocessableContent)
            }
        }

        router.post("/casus/:id/lint") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let result = try desk.casework(caseId).lintDraft(
                caseId, text: Self.lineBreaks(form["tekst"] ?? ""), language: context.language)
            return try Self.json(
                LintAnswer(result, revision: Int(form["revisie"] ?? "") ?? 0, context: context))
        }

        // A transcript or narrative file read into a text field: nothing is stored until the form is saved.
        router.post("/casus/:id/document") { request, context -> Response in
            let body = try await FormCheck.readUpload(request, context: context, limit: InputLimits.textBytes)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            let name =
                String((request.headers[HTTPField.Name("X-Casus-Filename")!] ?? "").prefix(120))
                .removingPercentEncoding ?? "bestand"
            do {
                let text = try work.readUploadedText(caseId, data: Data(buffer: body), name: name)
                return try Self.json(["text": text])
            } catch let error as CasusError {
                var response = try Self.json(["error": context.t(error.message)])
                response.status = .unprocessableContent
                return response
            }
        }

        // A recording for an interview: refused before any of it is kept when there is no consent for it.
        router.post("/casus/:id/opname/:interview") { request, context -> Response in
            try FormCheck.checkSite(request)
            guard let desk = server.desk(context), let token = request.headers[HTTPField.Name("X-Casus-Token")!],
                FormCheck.constantTimeEqual(token, context.signedIn?.session.formToken ?? "")
            else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let interview = try context.parameters.require("interview")
            let name =
                String((request.headers[HTTPField.Name("X-Casus-Filename")!] ?? "").prefix(120))
                .removingPercentEncoding ?? ""
            do {
                try await desk.casework(caseId).receiveRecording(
                    caseId, interview, name: name, pieces: request.body.map { Data(buffer: $0) })
                return try Self.json(["message": context.t("De opname is toegevoegd.", "The recording was added.")])
            } catch let error as CasusError where error.kind != .notPermitted && error.kind != .notFound {
                var response = try Self.json(["error": context.t(error.message)])
                response.status = .unprocessableContent
                return response
            }
        }

        router.post("/casus/:id/concept") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            try desk.casework(caseId).saveNarrativeDraft(
                caseId, text: Self.lineBreaks(form["tekst"] ?? ""), basedOn: Int(form["basis"] ?? "") ?? 0)
            return Response(status: .noContent)
        }

        router.post("/casus/:id/concept/weg") { request, context -> Response in
            _ = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            try desk.casework(caseId).discardNarrativeDraft(caseId)
            return .redirect(to: "/casus/\(caseId)/narratief", type: .normal)
        }

        router.get("/casus/:id/regel") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let id = String((request.uri.queryParameters.get("id") ?? "").prefix(120))
            guard let rule = try desk.casework(caseId).lintRule(id, caseId: caseId) else {
                return try Self.json(
                    RuleAnswer(
                        name: id,
                        rationale: context.t(
                            "Een opmerking van de linter zelf; de melding zegt wat er moet gebeuren.",
                            "A remark of the linter itself; the message says what to do."), triggering: [],
                        nonTriggering: []))
            }
            let language = context.language
            return try Self.json(
                RuleAnswer(
                    name: rule.name.text(language), rationale: rule.rationale.text(language),
                    triggering: rule.examples.triggering, nonTriggering: rule.examples.nonTriggering))
        }

        router.get("/casus/:id/narratief/verschil") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let dossier = try desk.casework(caseId).dossier(caseId)
            let query = request.uri.queryParameters
            guard let from = Int(query.get("van") ?? ""), let to = Int(query.get("naar") ?? ""),
                let old = dossier.narrative.first(where: { $0.number == from }),
                let new = dossier.narrative.first(where: { $0.number == to })
            else { throw CasusError(.notFound, nl: "Die versies zijn er niet.", en: "Those versions do not exist.") }
            let pieces = WordDiff.diff(old.text, new.text).map { piece -> [String: Any] in
                ["text": piece.text, "removed": piece.change == .removed, "added": piece.change == .added]
            }
            return server.pages.render(
                "verschil",
                [
                    "caseId": caseId, "title": dossier.casus.title, "from": from, "to": to, "pieces": pieces,
                    "changes": pieces.filter { $0["removed"] as? Bool == true || $0["added"] as? Bool == true }.count,
                ], context: context, title: context.t("Versie \(from) en \(to)", "Versions \(from) and \(to)"))
        }

        router.post("/casus/:id/narratief/herstel") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            guard let version = Int(form["versie"] ?? "") else { throw WebError.badForm }
            _ = try desk.casework(caseId).restoreNarrativeVersion(caseId, version)
            return .redirect(to: "/casus/\(caseId)/narratief", type: .normal)
        }
    }

    /// The editor with the text to edit: what was typed (after a refused save), else the writer's
    /// draft, else the current version.
    func editorPage(
        _ work: Casework, caseId: String, context: WebContext, typed: (text: String, basedOn: Int)? = nil,
        error: CasusError? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let dossier = try work.dossier(caseId)
        let current = dossier.currentNarrative
        let draft = typed == nil ? try work.narrativeDraft(caseId) : nil
        let text = typed?.text ?? draft?.text ?? current?.text ?? ""
        var basedOn = typed?.basedOn ?? draft?.basedOn ?? current?.number ?? 0
        var page: [String: Any] = [
            "caseId": caseId, "title": dossier.casus.title, "mayAudit": work.may(.audit),
            "mayMembers": work.may(.members), "mayEdit": true, "text": text,
        ]
        if let error { page["problem"] = context.t(error.message) }
        if let current, current.number != basedOn {
            // Someone saved a newer version: both texts side by side; saving again takes the newer as base.
            page["theirs"] = [
                "number": current.number, "author": current.author, "at": current.at.minute, "text": current.text,
            ]
            if error == nil {
                page["problem"] = context.t(
                    "Er is een nieuwere versie (\(current.number), van \(current.author)) dan waar je concept van uitging "
                        + "(\(basedOn)). Neem over wat je wilt houden en sla dan op.",
                    "There is a newer version (\(current.number), by \(current.author)) than the one your draft started "
                        + "from (\(basedOn)). Take over what you want to keep, then save.")
            }
            basedOn = current.number
        } else if draft != nil && draft?.text != current?.text {
            page["notice"] = context.t(
                "Je niet-opgeslagen concept is teruggezet.", "Your unsaved draft has been put back.")
            page["hasDraft"] = true
        }
        page["basedOn"] = basedOn
        let lint = try work.lintDraft(caseId, text: text, language: context.language)
        page["findings"] = LintAnswer(lint, revision: 0, context: context).findings.map { finding -> [String: Any] in
            ["category": finding.categoryLabel, "message": finding.message, "rule": finding.rule]
        }
        page["counts"] = context.t(
            "\(lint.findings.count) bevindingen · \(lint.words) woorden",
            "\(lint.findings.count) findings · \(lint.words) words")
        let numbers = dossier.narrative.map(\.number).sorted()
        page["versions"] = dossier.narrative.reversed().map { version -> [String: Any] in
            let previous = numbers.last { $0 < version.number }
            return [
                "number": version.number, "author": version.author, "at": version.at.minute,
                "note": version.note ?? "",
                "current": version.number == current?.number, "previous": previous.map { String($0) } ?? "",
            ]
        }
        page["hasVersions"] = !dossier.narrative.isEmpty
        page["quotes"] = dossier.quotes.map { quote -> [String: Any] in
            let who = dossier.participant(quote.speakerId)?.pseudonym ?? quote.speakerId
            return ["text": quote.text, "label": "\(quote.id) · \(who): \(quote.text.excerpt)"]
        }
        page["hasQuotes"] = !dossier.quotes.isEmpty
        return server.pages.render(
            "narratief", page, context: context, title: context.t("Narratief", "Narrative"), status: status)
    }

    /// A browser sends line breaks as CR LF; the narrative keeps LF, as the terminal writes it.
    static func lineBreaks(_ text: String) -> String {
        text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    static func json<T: Encodable>(_ value: T) throws -> Response {
        let data = try JSONEncoder().encode(value)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The linter's answer to one revision of the text, as the editor's script reads it.
struct LintAnswer: Encodable {
    struct Finding: Encodable {
        let start: Int
        let end: Int
        let line: Int
        let rule: String
        let category: String
        let categoryLabel: String
        let severity: String
        let message: String
        let suggestion: String?
    }

    let revision: Int
    let words: Int
    let untraceableQuotes: Int
    let findings: [Finding]

    init(_ lint: DraftLint, revision: Int, context: WebContext) {
        self.revision = revision
        words = lint.words
        untraceableQuotes = lint.untraceableQuotes
        findings = lint.findings.map { finding in
            Finding(
                start: finding.start, end: finding.end, line: finding.line, rule: finding.rule,
                category: finding.category.rawValue, categoryLabel: context.t(finding.category.label),
                severity: finding.severity.rawValue, message: finding.message, suggestion: finding.suggestion)
        }
    }
}

/// A rule explained: why it exists, and sentences it does and does not report.
struct RuleAnswer: Encodable {
    let name: String
    let rationale: String
    let triggering: [String]
    let nonTriggering: [String]
}
