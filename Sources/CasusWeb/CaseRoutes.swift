import CasusApp
import CasusCore
import Foundation
import Hummingbird

/// The list of my dossiers, the dossier page (by role), the coach's review, real-name look-ups,
/// search, the audit trail and the agency's wederhoor page.
struct CaseRoutes {
    let server: WebServer

    func add(to router: Router<WebContext>) {
        router.get("/") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let cases = try desk.myCases().map { member -> [String: Any] in
                let work = try desk.casework(member.summary.id)
                var view: [String: Any] = [
                    "id": member.summary.id, "title": member.summary.title, "role": context.t(member.role.label),
                    "updated": member.summary.updatedAt.day,
                ]
                if work.may(.overview), let status = try? work.routeStatus(member.summary.id, lint: false).status {
                    view["where"] =
                        status.currentStep.map { "\(context.t("Stap", "Step")) \($0.rawValue): \(context.t($0.label))" }
                        ?? context.t("Alle stappen rond", "All steps done")
                } else {
                    view["where"] = context.t("wederhoor", "wederhoor")
                }
                return view
            }
            return server.pages.render(
                "dossiers", ["cases": cases, "hasCases": !cases.isEmpty], context: context,
                title: context.t("Mijn dossiers", "My dossiers"))
        }

        router.get("/casus/:id") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            if case .agency = work.actor.role { return .redirect(to: "/casus/\(caseId)/wederhoor", type: .found) }
            // Kept per version of the case, language and account (the form token is filled in per request).
            let key = [
                caseId, String(try work.version(caseId)), context.language.rawValue, work.actor.name,
                String(context.signedIn?.account.isAdmin ?? false), context.path,
            ].joined(separator: "|")
            let html = try server.pageCache.page(key) { try dossierPage(work, caseId: caseId, context: context) }
            return server.pages.respond(html, context: context)
        }

        router.post("/casus/:id/review") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            guard let stepNumber = Int(form["stap"] ?? ""), let step = Step(rawValue: stepNumber),
                let decision = ReviewDecision(rawValue: form["besluit"] ?? "")
            else { throw WebError.badForm }
            _ = try work.reviewStep(
                caseId, step: step, decision: decision, comments: form["opmerkingen"], coach: work.actor.name)
            return .redirect(to: "/casus/\(caseId)#route", type: .normal)
        }

        router.post("/casus/:id/overrule") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            _ = try work.overrideCheck(
                caseId, check: form["check"] ?? "", reason: form["reden"] ?? "", coach: work.actor.name)
            return .redirect(to: "/casus/\(caseId)#route", type: .normal)
        }

        router.post("/casus/:id/naam") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let (person, identity) = try desk.casework(caseId).revealIdentity(caseId, form["persoon"] ?? "")
            return server.pages.render(
                "naam", ["caseId": caseId, "pseudonym": person.pseudonym, "realName": identity.realName],
                context: context, title: person.pseudonym)
        }

        router.get("/casus/:id/audit") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            let entries = try work.auditTrail(caseId).map { entry -> [String: Any] in
                [
                    "seq": entry.seq, "at": entry.at.text, "actor": entry.actor, "entity": entry.entity,
                    "entityId": entry.entityId, "operation": entry.operation, "detail": entry.detail ?? "",
                ]
            }
            return server.pages.render(
                "audit", ["caseId": caseId, "title": try work.caseTitle(caseId), "entries": entries], context: context,
                title: context.t("Auditlog", "Audit trail"))
        }

        router.get("/zoeken") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let query = String((request.uri.queryParameters.get("q") ?? "").prefix(200))
            var hits: [[String: Any]] = []
            if !query.trimmingCharacters(in: .whitespaces).isEmpty {
                for member in try desk.myCases() {
                    let work = try desk.casework(member.summary.id)
                    guard work.may(.read) else { continue }
                    for hit in try work.search(member.summary.id, query: query, limit: 20) {
                        hits.append([
                            "caseId": hit.caseId, "title": member.summary.title, "kind": hit.kind, "ref": hit.ref,
                            "segments": Self.excerptSegments(hit.excerpt),
                        ])
                    }
                }
            }
            return server.pages.render(
                "zoeken",
                ["query": query, "hits": hits, "searched": !query.isEmpty, "none": !query.isEmpty && hits.isEmpty],
                context: context, title: context.t("Zoeken", "Search"))
        }

        router.get("/casus/:id/wederhoor") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            let agencyDesk = try work.agencyDesk(caseId)
            var page: [String: Any] = [
                "caseId": caseId, "title": try work.caseTitle(caseId), "agency": agencyDesk.agency.name,
                "status": agencyDesk.status.rawValue,
                "statusLabel": ReportRoutes.statusLabel(agencyDesk.status, context),
                "formats": ReportRoutes.formats,
            ]
            if let round = agencyDesk.round {
                page["round"] = [
                    "id": round.id, "sent": round.sentAt.day, "open": round.respondedAt == nil,
                    "response": round.response ?? "", "answered": round.respondedAt?.day ?? "",
                ]
            }
            return server.pages.render("wederhoor", page, context: context, title: context.t("Wederhoor", "Wederhoor"))
        }

        router.post("/casus/:id/wederhoor") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            _ = try desk.casework(caseId).respondToWederhoor(caseId, response: form["reactie"] ?? "")
            return .redirect(to: "/casus/\(caseId)/wederhoor", type: .normal)
        }
    }

    /// The dossier page (researchers and coaches) or the overview (readers), rendered.
    func dossierPage(_ work: Casework, caseId: String, context: WebContext) throws -> String {
        let view = DossierView(context: context)
        var page: [String: Any] = [
            "caseId": caseId, "role": context.t(work.actor.role.label),
            "mayReview": work.may(.review), "mayAudit": work.may(.audit), "mayNames": work.may(.identities),
            "mayOverride": work.may(.override), "mayMembers": work.may(.members), "mayEdit": work.may(.edit),
            "steps": Step.allCases.map { ["number": $0.rawValue, "label": context.t($0.label)] },
        ]
        guard work.may(.read) else {
            // A reader: where the case stands, the released reports and the map.
            let (status, title, _) = try work.routeStatus(caseId)
            page["title"] = title
            page["route"] = view.route(status)
            page["released"] = try work.releasedStatuses(caseId).map { ReportRoutes.statusLabel($0, context) }
            return server.pages.html("overzicht", page, context: context, title: title)
        }
        let (dossier, status, lint) = try work.dossierWithStatus(caseId, language: context.language)
        let title = dossier.casus.title
        page["title"] = title
        page["route"] = view.route(status)
        let openChecks = status.steps.flatMap(\.checks).filter(\.holdsBack).map {
            ["id": $0.id, "title": context.t($0.title)]
        }
        page["openChecks"] = openChecks
        page["hasOpenChecks"] = !openChecks.isEmpty
        page["people"] = view.people(dossier)
        page["interviews"] = view.interviews(dossier)
        if let narrative = view.narrative(dossier, lint: lint) { page["narrative"] = narrative }
        page["events"] = view.timeline(dossier)
        page["agencies"] = view.agencies(dossier)
        page["findings"] = view.findings(dossier)
        page["learning"] = view.learning(dossier)
        page["reviews"] = view.reviews(dossier)
        page["wederhoor"] = view.wederhoor(dossier)
        if work.may(.audit) {
            // Who changed what lately, from the audit log (kinds and ids, never content).
            page["recent"] = try work.auditTrail(caseId, limit: 8).map { entry -> [String: Any] in
                [
                    "at": entry.at.minute,
                    "actor": entry.actor, "what": "\(entry.operation) \(entry.entity) \(entry.entityId)",
                ]
            }
        }
        return server.pages.html("dossier", page, context: context, title: title)
    }

    /// A search excerpt with its matched words (between `[` and `]`) as marked pieces.
    static func excerptSegments(_ excerpt: String) -> [[String: Any]] {
        var pieces: [[String: Any]] = []
        var rest = Substring(excerpt)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            if open > rest.startIndex { pieces.append(["text": String(rest[..<open]), "mark": false]) }
            pieces.append(["text": String(rest[rest.index(after: open)..<close]), "mark": true])
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(["text": String(rest), "mark": false]) }
        return pieces
    }
}
