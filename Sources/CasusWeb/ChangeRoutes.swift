import CasusApp
import CasusCore
import Foundation
import HTTPTypes
import Hummingbird

/// Changing a saved record (an event, hand-off, finding, person, leervraag or dilemma): its form filled
/// in with what is stored, carrying the record's fingerprint. A save over someone else's newer change
/// is refused, and the page shows the two side by side; `Casework.changeRecord` holds the rules.
struct ChangeRoutes {
    let server: WebServer

    func add(to router: Router<WebContext>) {
        router.get("/casus/:id/wijzigen/:soort/:record") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let (kind, id) = try Self.target(context)
            let work = try desk.casework(caseId)
            try work.require(.edit, caseId: caseId)
            let dossier = try work.dossier(caseId)
            return try render(
                work, dossier, caseId: caseId, kind: kind, id: id, context: context,
                answers: try RecordForms.storedAnswers(kind, id, in: dossier),
                basis: try RecordForms.fingerprint(kind, id, in: dossier))
        }

        router.post("/casus/:id/wijzigen/:soort/:record") { request, context -> Response in
            let posted = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let (kind, id) = try Self.target(context)
            let work = try desk.casework(caseId)
            let dossier = try work.dossier(caseId)
            let form = try RecordForms.changeForm(kind, id, for: dossier)
            let answers = StepFormView.answers(form, from: posted)
            let basis = posted["basis"] ?? ""
            do {
                try work.changeRecord(caseId, kind, id, answers, basedOn: basis)
                let page = RecordRoutes.Page.of(kind)
                return .redirect(
                    to:
                        "/casus/\(caseId)/\(page.rawValue)?gewijzigd=\(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")",
                    type: .normal)
            } catch let error as CasusError where error.kind != .notPermitted && error.kind != .notFound {
                // Changed by someone else since the form was shown: both versions, and the current
                // fingerprint, so a second save replaces what is there knowingly.
                let current = try RecordForms.fingerprint(kind, id, in: try work.dossier(caseId))
                let stale = current != basis
                return try render(
                    work, try work.dossier(caseId), caseId: caseId, kind: kind, id: id, context: context,
                    answers: answers, basis: current, error: error,
                    theirs: stale ? try RecordForms.storedAnswers(kind, id, in: try work.dossier(caseId)) : nil,
                    status: stale ? .conflict : .unprocessableContent)
            }
        }
    }

    static func target(_ context: WebContext) throws -> (RecordForms.Kind, String) {
        guard let kind = RecordForms.Kind(rawValue: try context.parameters.require("soort")),
            RecordForms.changeable.contains(kind)
        else { throw HTTPError(.notFound) }
        let id = try context.parameters.require("record")
        guard id.count <= 40 else { throw HTTPError(.notFound) }
        return (kind, id)
    }

    func render(
        _ work: Casework, _ dossier: Dossier, caseId: String, kind: RecordForms.Kind, id: String,
        context: WebContext, answers: StepAnswers, basis: String, error: CasusError? = nil,
        theirs: StepAnswers? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let form = try RecordForms.changeForm(kind, id, for: dossier)
        let formView = StepFormView(context: context)
        let fields = formView.fields(form, answers: answers, dossier: dossier, error: error, prefix: kind.rawValue)
        let noun = RemovableKind(rawValue: kind.rawValue).map { context.t($0.label) } ?? kind.rawValue
        let heading = "\(context.t("Wijzigen", "Change")): \(noun) \(id)"
        var view: [String: Any] = [
            "caseId": caseId, "title": dossier.casus.title, "heading": heading, "kind": kind.rawValue, "id": id,
            "basis": basis, "fields": fields, "mayAudit": work.may(.audit), "mayMembers": work.may(.members),
            "mayEdit": true, "back": "/casus/\(caseId)/\(RecordRoutes.Page.of(kind).rawValue)",
        ]
        if let error, theirs == nil {
            let (text, anchor) = formView.problem(error, fields: fields)
            view["problem"] = text
            view["problemAnchor"] = anchor ?? ""
        } else if let error {
            view["problem"] = context.t(error.message)
        }
        if let theirs {
            view["conflict"] = true
            view["rows"] = form.questions.map { question -> [String: Any] in
                func shown(_ value: String) -> String {
                    StepAnswers.list(value).count > 1 || question.labels[value] == nil
                        ? value : context.t(question.labels[value]!)
                }
                let mine = answers[question.key] ?? "", stored = theirs[question.key] ?? ""
                return [
                    "label": context.t(question.prompt), "mine": shown(mine), "theirs": shown(stored),
                    "differs": mine != stored,
                ]
            }
        }
        return server.pages.render("wijzigen", view, context: context, title: heading, status: status)
    }
}
