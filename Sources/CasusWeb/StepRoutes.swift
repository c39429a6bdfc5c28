import CasusApp
import CasusCore
import Foundation
import HTTPTypes
import Hummingbird

/// The route in the browser: a new case, and the form of the next step, driven by the same step
/// descriptions (`RouteForms`) and saved by the same operation (`Casework.saveStep`) as `casus next`.
struct StepRoutes {
    let server: WebServer

    func add(to router: Router<WebContext>) {
        router.get("/nieuwe-casus") { request, context -> Response in
            guard server.desk(context) != nil else { return server.signInFirst(request) }
            return newCasePage(RouteForms.newCase.startingAnswers, error: nil, context: context)
        }

        router.post("/nieuwe-casus") { request, context -> Response in
            let posted = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let answers = StepFormView.answers(RouteForms.newCase, from: posted)
            do {
                let dossier = try desk.startCase(answers)
                return .redirect(to: "/casus/\(dossier.casus.id)/stap", type: .normal)
            } catch let error as CasusError where Self.isAnswerProblem(error) {
                return newCasePage(answers, error: error, context: context, status: .unprocessableContent)
            }
        }

        router.get("/casus/:id/stap") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let notice = request.uri.queryParameters.get("opgeslagen") != nil ? context.t(PromptText.saved) : nil
            return try stepPage(try desk.casework(caseId), caseId: caseId, context: context, notice: notice)
        }

        router.post("/casus/:id/stap") { request, context -> Response in
            let (posted, file) = try await FormCheck.readWithFile(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            let next = try Casework.routeNext(of: try work.dossier(caseId))
            // The form answers the check it was shown for; when that check was resolved meanwhile (another
            // window, another researcher), nothing is saved and the page shows what is next now.
            guard case .form(let form) = next.task, (form.checkId ?? "") == (posted["check"] ?? "") else {
                let notice = context.t(
                    "Deze stap was intussen al gedaan, in een ander venster of door iemand anders. Er is niets "
                        + "opgeslagen; hieronder staat wat nu aan de beurt is.",
                    "This step had been done meanwhile, in another window or by someone else. Nothing was saved; "
                        + "below is what comes next now.")
                return try stepPage(work, caseId: caseId, context: context, notice: notice, status: .conflict)
            }
            let answers = StepFormView.answers(form, from: posted)
            do {
                switch try work.saveStep(caseId, form, answers, file: file) {
                case .changed:
                    return .redirect(to: "/casus/\(caseId)/stap?opgeslagen=1", type: .normal)
                case .manual(let text):
                    return try stepPage(
                        work, caseId: caseId, context: context, answers: answers, notice: context.t(text))
                }
            } catch let error as CasusError where Self.isAnswerProblem(error) {
                return try stepPage(
                    work, caseId: caseId, context: context, answers: answers, error: error, fileSent: file != nil,
                    status: .unprocessableContent)
            }
        }
    }

    /// A wrong or refused answer: the form comes back with the values entered and the message.
    static func isAnswerProblem(_ error: CasusError) -> Bool {
        [.invalidInput, .conflict, .consentMissing].contains(error.kind)
    }

    func newCasePage(
        _ answers: StepAnswers, error: CasusError?, context: WebContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        var page: [String: Any] = [
            "heading": context.t("Nieuwe casus", "New case"), "action": "/nieuwe-casus",
            "fields": StepFormView(context: context).fields(
                RouteForms.newCase, answers: answers, dossier: nil, error: error),
            "intro": [
                context.t(
                    "Je wordt onderzoeker van de nieuwe casus en kunt daarna collega's, een coach en lezers toevoegen.",
                    "You become the new case's researcher and can then add colleagues, a coach and readers.")
            ],
        ]
        page["hasFields"] = true
        Self.addProblem(error, to: &page, context: context)
        return server.pages.render(
            "stap", page, context: context, title: context.t("Nieuwe casus", "New case"), status: status)
    }

    /// The next step of the route: its check, and its form (or what to do outside casus).
    func stepPage(
        _ work: Casework, caseId: String, context: WebContext, answers: StepAnswers? = nil,
        error: CasusError? = nil, notice: String? = nil, fileSent: Bool = false, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let dossier = try work.dossier(caseId)
        let next = try Casework.routeNext(of: dossier)
        var page: [String: Any] = [
            "caseId": caseId, "heading": dossier.casus.title, "action": "/casus/\(caseId)/stap",
            "mayAudit": work.may(.audit), "mayMembers": work.may(.members), "mayEdit": work.may(.edit),
            "notice": notice ?? "",
        ]
        if let check = next.check {
            page["check"] = [
                "step": check.step.rawValue, "stepLabel": context.t(check.step.label), "title": context.t(check.title),
                "detail": check.detail.map { context.t($0) } ?? "", "why": context.t(check.why),
            ]
        }
        switch next.task {
        case nil:
            page["done"] = true
        case .manual(let text):
            page["manual"] = context.t(text)
        case .form(let form):
            page["intro"] = form.intro.map { context.t($0) }
            if !form.capabilities.isSubset(of: work.actor.role.capabilities) {
                page["readOnly"] = context.t(
                    "Deze stap doet een onderzoeker van de casus; je rol ziet hem alleen.",
                    "A researcher of the case does this step; your role only sees it.")
            } else if form.questions.contains(where: { $0.key == "narratief" }) {
                page["narrativeLink"] = "/casus/\(caseId)/narratief"
            } else {
                page["checkId"] = form.checkId ?? ""
                page["fields"] = StepFormView(context: context).fields(
                    form, answers: answers ?? form.startingAnswers, dossier: dossier, error: error, fileSent: fileSent)
                page["hasFields"] = true
                page["multipart"] = form.file != nil
            }
        }
        Self.addProblem(error, to: &page, context: context)
        return server.pages.render(
            "stap", page, context: context, title: context.t("Volgende stap", "Next step"), status: status)
    }

    /// The error summary at the top of a form, linked to the field it is about.
    static func addProblem(_ error: CasusError?, to page: inout [String: Any], context: WebContext) {
        guard let error else { return }
        let (text, anchor) = StepFormView(context: context).problem(
            error, fields: page["fields"] as? [[String: Any]] ?? [])
        page["problem"] = text
        page["problemAnchor"] = anchor ?? ""
    }
}
