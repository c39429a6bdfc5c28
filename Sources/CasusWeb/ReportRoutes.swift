import CasusApp
import CasusCore
import CasusJourney
import CasusReports
import Foundation
import Hummingbird

/// Reports (choose, check the export log, download as an attachment), releasing them to readers,
/// and the journey map inline with its table.
struct ReportRoutes {
    let server: WebServer

    static var formats: [[String: Any]] {
        [ReportFormat.odt, .docx, .pdf, .html, .md].map { ["value": $0.rawValue, "label": $0.rawValue.uppercased()] }
    }

    static func statusLabel(_ status: ReportStatus, _ context: WebContext) -> String {
        switch status {
        case .conceptAmbtelijk: context.t("concept voor ambtelijk wederhoor", "draft for official review")
        case .conceptBestuurlijk: context.t("concept voor bestuurlijk wederhoor", "draft for executive review")
        case .definitief: context.t("definitief", "final")
        }
    }

    static func kindLabel(_ kind: ReportKind, _ context: WebContext) -> String {
        switch kind {
        case .casusbeschrijving: context.t("Casusbeschrijving", "Case description")
        case .outsideIn: context.t("Outside-in-rapport", "Outside-in report")
        }
    }

    static let types: [ReportFormat: String] = [
        .md: "text/markdown; charset=utf-8", .html: "text/html; charset=utf-8",
        .odt: "application/vnd.oasis.opendocument.text",
        .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", .pdf: "application/pdf",
    ]

    func add(to router: Router<WebContext>) {
        router.get("/casus/:id/rapport") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            return try page(work, caseId: caseId, context: context, log: nil)
        }

        router.post("/casus/:id/rapport") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            guard let kind = ReportKind(rawValue: form["soort"] ?? "outside-in"),
                let status = ReportStatus(rawValue: form["status"] ?? ""),
                let format = ReportFormat(rawValue: form["formaat"] ?? "md")
            else { throw WebError.badForm }
            var agencyId = form["instantie"].flatMap { $0.isEmpty ? nil : $0 }
            if case .agency(let own) = work.actor.role { agencyId = own }
            let language = Language(rawValue: form["taal"] ?? "")
            let options = ReportOptions(
                kind: kind, status: status, language: language, date: Timestamp.now().day, agencyId: agencyId)
            if form["actie"] == "log" {
                let result = try work.report(caseId, options: options, format: .md)
                return try page(work, caseId: caseId, context: context, log: result.logText(context.language))
            }
            let result = try work.report(caseId, options: options, format: format)
            let name =
                "\(caseId)-\(kind.rawValue)-\(status.rawValue)\(agencyId.map { "-\($0)" } ?? "").\(format.rawValue)"
            return Response(
                status: .ok,
                headers: [
                    .contentType: Self.types[format] ?? "application/octet-stream",
                    .contentDisposition: Self.attachment(name),
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: result.bytes)))
        }

        router.post("/casus/:id/vrijgeven") { request, context -> Response in
            let form = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            guard let status = ReportStatus(rawValue: form["status"] ?? "") else { throw WebError.badForm }
            try desk.releaseReports(caseId, status: status.rawValue, released: form["vrijgeven"] == "ja")
            return .redirect(to: "/casus/\(caseId)/rapport", type: .normal)
        }

        router.get("/casus/:id/kaart") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            let (map, drawn) = try work.journeyMap(caseId, language: context.language)
            let svg = drawn.range(of: "<svg").map { String(drawn[$0.lowerBound...]) } ?? ""
            let rows = JourneyText.tableRows(map).map { ["cells": $0] }
            return server.pages.render(
                "kaart",
                [
                    "caseId": caseId, "title": map.title, "svg": svg, "header": JourneyText.header(map), "rows": rows,
                    "omitted": map.omitted.map { context.t($0) },
                ], context: context, title: context.t("Klantreis", "Journey map"))
        }
    }

    /// The report page: which reports this role may have, in which formats, and the release switches.
    func page(_ work: Casework, caseId: String, context: WebContext, log: String?) throws -> Response {
        let statuses: [ReportStatus]
        if work.may(.export) || work.may(.read) {
            statuses = ReportStatus.allCases
        } else if case .agency = work.actor.role {
            statuses = [try work.agencyDesk(caseId).status]
        } else {
            statuses = try work.releasedStatuses(caseId)
        }
        let released = Set(try work.may(.members) ? work.releasedStatuses(caseId) : [])
        var view: [String: Any] = [
            "caseId": caseId, "title": try work.caseTitle(caseId),
            "kinds": ReportKind.allCases.map { ["value": $0.rawValue, "label": Self.kindLabel($0, context)] },
            "statuses": statuses.map { ["value": $0.rawValue, "label": Self.statusLabel($0, context)] },
            "formats": Self.formats, "hasStatuses": !statuses.isEmpty,
            "mayRelease": work.may(.members),
            "releases": ReportStatus.allCases.map { status -> [String: Any] in
                [
                    "value": status.rawValue, "label": Self.statusLabel(status, context),
                    "released": released.contains(status),
                ]
            },
        ]
        if let log { view["log"] = log }
        return server.pages.render("rapport", view, context: context, title: context.t("Rapporten", "Reports"))
    }

    /// A download's disposition, its file name kept to letters, digits and `-_.` so no header can be bent.
    static func attachment(_ name: String) -> String {
        let safe = String(
            name.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_.".unicodeScalars.contains($0))
            })
        return "attachment; filename=\"\(safe.isEmpty ? "bestand" : safe)\""
    }
}
