import CasusApp
import CasusCore
import Foundation
import HTTPTypes
import Hummingbird

/// The pages where researchers add to a dossier at any moment: the timeline with its agencies and
/// hand-offs (and the journey map as it grows), the contra-expertise, and the leervragen and dilemma's.
/// Each form is one of `RecordForms`, saved with `Casework.saveStep`: the rules live there, once.
struct RecordRoutes {
    let server: WebServer

    /// A page of records: what it lists and which forms it offers.
    enum Page: String, CaseIterable {
        case tijdlijn
        case contraExpertise = "contra-expertise"
        case leervragen
        case toestemming
        case citaten
        case doetank

        var kinds: [RecordForms.Kind] {
            switch self {
            case .tijdlijn: [.gebeurtenis, .instantie, .persoon, .overdracht]
            case .contraExpertise: [.bevinding, .instantie, .wederhoor, .reactie]
            case .leervragen: [.leervraag, .dilemma]
            case .toestemming: [.toestemming, .intrekking]
            case .citaten: [.citaat]
            case .doetank: [.doetank]
            }
        }

        var heading: Localized {
            switch self {
            case .tijdlijn:
                Localized(nl: "Tijdlijn, instanties en overdrachten", en: "Timeline, agencies and hand-offs")
            case .contraExpertise: Localized(nl: "Contra-expertise", en: "Contra-expertise")
            case .leervragen: Localized(nl: "Leervragen en dilemma's", en: "Leervragen and dilemma's")
            case .toestemming: Localized(nl: "Toestemming", en: "Consent")
            case .citaten: Localized(nl: "Citaten uit de transcripten", en: "Quotes from the transcripts")
            case .doetank: Localized(nl: "Doetank-checklist", en: "Doetank checklist")
            }
        }

        /// The page that lists records of a removable kind.
        static func holding(_ kind: RemovableKind) -> Page {
            switch kind {
            case .gebeurtenis, .overdracht, .persoon: .tijdlijn
            case .bevinding: .contraExpertise
            case .citaat: .citaten
            case .leervraag, .dilemma: .leervragen
            }
        }

        static func of(_ kind: RecordForms.Kind) -> Page {
            allCases.first { $0.kinds.contains(kind) } ?? .tijdlijn
        }
    }

    func add(to router: Router<WebContext>) {
        for page in Page.allCases {
            router.get("/casus/:id/\(page.rawValue)") { request, context -> Response in
                guard let desk = server.desk(context) else { return server.signInFirst(request) }
                let caseId = try context.parameters.require("id")
                let work = try desk.casework(caseId)
                let needed: Capability = page == .toestemming ? .consent : page == .doetank ? .review : .edit
                try work.require(needed, caseId: caseId)
                let saved = request.uri.queryParameters.get("opgeslagen").flatMap(RecordForms.Kind.init(rawValue:))
                let phase = request.uri.queryParameters.get("fase").flatMap { Int($0) }
                    .flatMap(DoetankPhase.init(rawValue:))
                let erased = request.uri.queryParameters.get("gewist") != nil
                if let changed = request.uri.queryParameters.get("gewijzigd") {
                    return try render(
                        page, work, caseId: caseId, context: context,
                        notice: "\(context.t("Gewijzigd", "Changed")): \(String(changed.prefix(40)))")
                }
                if let removal = request.uri.queryParameters.get("verwijderd").flatMap({ Int64($0) }) {
                    return try render(
                        page, work, caseId: caseId, context: context,
                        notice: context.t("Verwijderd.", "Removed."), undo: removal)
                }
                return try render(
                    page, work, caseId: caseId, context: context,
                    notice: erased ? context.t("Gewist.", "Erased.") : nil, saved: saved, phase: phase)
            }
        }

        router.get("/casus/:id/bewijs/:entry") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let (ref, data) = try desk.casework(caseId).consentEvidence(
                caseId, entry: try context.parameters.require("entry"))
            let type: String
            switch EvidenceFormat.sniff(data) {
            case .pdf: type = "application/pdf"
            case .jpeg: type = "image/jpeg"
            case .png: type = "image/png"
            case .tiff: type = "image/tiff"
            case nil: type = "application/octet-stream"
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: type,
                    .contentDisposition: ReportRoutes.attachment(ref.fileName),
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }

        router.post("/casus/:id/verwijderen") { request, context -> Response in
            let posted = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            guard let kind = RemovableKind(rawValue: posted["soort"] ?? ""), let id = posted["id"], !id.isEmpty else {
                throw WebError.badForm
            }
            let page = Page.holding(kind)
            try work.require(.edit, caseId: caseId)
            guard posted["bevestigd"] == "ja" else {
                return server.pages.render(
                    "verwijderen",
                    [
                        "caseId": caseId, "title": try work.caseTitle(caseId), "mayEdit": true,
                        "mayAudit": work.may(.audit), "mayMembers": work.may(.members), "kind": kind.rawValue,
                        "kindLabel": context.t(kind.label), "id": id, "back": "/casus/\(caseId)/\(page.rawValue)",
                        "person": kind == .persoon,
                    ], context: context, title: context.t("Verwijderen", "Remove"))
            }
            let removal = try work.removeRecord(caseId, kind, id)
            return .redirect(to: "/casus/\(caseId)/\(page.rawValue)?verwijderd=\(removal)", type: .normal)
        }

        router.post("/casus/:id/herstellen") { request, context -> Response in
            let posted = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            guard let removal = Int64(posted["verwijdering"] ?? "") else { throw WebError.badForm }
            try desk.casework(caseId).undoRemoval(caseId, removal)
            return .redirect(to: "/casus/\(caseId)/geschiedenis?hersteld=1", type: .normal)
        }

        router.get("/casus/:id/geschiedenis") { request, context -> Response in
            guard let desk = server.desk(context) else { return server.signInFirst(request) }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            let removals = try work.removals(caseId).map { removal -> [String: Any] in
                [
                    "id": removal.id ?? 0,
                    "what":
                        "\(RemovableKind(rawValue: removal.kind).map { context.t($0.label) } ?? removal.kind) \(removal.recordId)",
                    "by": removal.removedBy, "at": removal.removedAt.minute,
                    "undone": removal.undoneAt?.minute ?? "",
                ]
            }
            return server.pages.render(
                "geschiedenis",
                [
                    "caseId": caseId, "title": try work.caseTitle(caseId), "mayEdit": true,
                    "mayAudit": work.may(.audit),
                    "mayMembers": work.may(.members), "removals": removals, "hasRemovals": !removals.isEmpty,
                    "notice": request.uri.queryParameters.get("hersteld") != nil
                        ? context.t("Teruggezet.", "Restored.") : "",
                ], context: context, title: context.t("Geschiedenis", "History"))
        }

        router.post("/casus/:id/wissen") { request, context -> Response in
            let posted = try await FormCheck.read(request, context: context)
            guard let desk = server.desk(context) else { throw WebError.foreignForm }
            let caseId = try context.parameters.require("id")
            let work = try desk.casework(caseId)
            let plan = try work.preview(caseId, participant: posted["persoon"] ?? "")
            guard !plan.isEmpty else {
                return try render(
                    .toestemming, work, caseId: caseId, context: context,
                    notice: context.t(
                        "Er is niets te wissen: geen materiaal valt onder een intrekking.",
                        "There is nothing to erase: no material falls under a withdrawal."))
            }
            if posted["bevestigd"] == "ja" {
                try work.erase(plan, ground: .withdrawal)
                return .redirect(to: "/casus/\(caseId)/toestemming?gewist=1", type: .normal)
            }
            let dossier = plan.dossier
            let person = dossier.participant(plan.participantId)?.pseudonym ?? plan.participantId
            return server.pages.render(
                "wissen",
                [
                    "caseId": caseId, "title": dossier.casus.title, "mayEdit": true, "mayAudit": work.may(.audit),
                    "mayMembers": work.may(.members), "pseudonym": person, "personId": plan.participantId,
                    "items": plan.items.map { context.t($0) },
                ], context: context, title: context.t("Wissen", "Erase"))
        }

        // The journey map redrawn as an event, agency or hand-off is being typed: nothing is stored.
        router.post("/casus/:id/kaart/voorbeeld/:soort") { request, context -> Response in
            let posted = try await FormCheck.read(request, context: context)
            let (work, caseId, kind, form) = try recordForm(context)
            let (svg, problem) = try work.previewJourneyMap(
                caseId, kind: kind, answers: StepFormView.answers(form, from: posted), language: context.language)
            return try NarrativeRoutes.json(
                MapPreview(
                    svg: svg.range(of: "<svg").map { String(svg[$0.lowerBound...]) } ?? "",
                    revision: Int(posted["revisie"] ?? "") ?? 0,
                    note: problem.map {
                        context.t("Nog niet op de kaart: ", "Not on the map yet: ")
                            + context.t($0.field?.problem ?? $0.message)
                    }
                        ?? context.t("Voorbeeld: nog niet opgeslagen.", "Preview: not saved yet.")))
        }

        router.post("/casus/:id/vastleggen/:soort") { request, context -> Response in
            let (posted, file) = try await FormCheck.readWithFile(request, context: context)
            let (work, caseId, kind, form) = try recordForm(context)
            let answers = StepFormView.answers(form, from: posted)
            let page = Page.of(kind)
            do {
                // A withdrawal first lists what it touches; only the confirmed form records it.
                if kind == .intrekking, posted["bevestigd"] != "ja" {
                    return try confirmWithdrawal(work, caseId: caseId, answers: answers, context: context)
                }
                _ = try work.saveStep(caseId, form, answers, file: file)
                return .redirect(
                    to: "/casus/\(caseId)/\(page.rawValue)?opgeslagen=\(kind.rawValue)#form-\(kind.rawValue)",
                    type: .normal)
            } catch let error as CasusError where StepRoutes.isAnswerProblem(error) || error.kind == .notFound {
                return try render(
                    page, work, caseId: caseId, context: context, failed: (kind, answers, error, file != nil),
                    status: .unprocessableContent)
            }
        }
    }

    /// The case, the kind of record and its form that a posted record form (`/casus/:id/…/:soort`) is about.
    func recordForm(
        _ context: WebContext
    ) throws -> (work: Casework, caseId: String, kind: RecordForms.Kind, form: StepForm) {
        guard let desk = server.desk(context) else { throw WebError.foreignForm }
        let caseId = try context.parameters.require("id")
        guard let kind = RecordForms.Kind(rawValue: try context.parameters.require("soort")) else {
            throw HTTPError(.notFound)
        }
        let work = try desk.casework(caseId)
        return (work, caseId, kind, RecordForms.form(kind, for: try work.dossier(caseId)))
    }

    func render(
        _ page: Page, _ work: Casework, caseId: String, context: WebContext, notice: String? = nil,
        undo: Int64? = nil, saved: RecordForms.Kind? = nil, phase: DoetankPhase? = nil,
        failed: (kind: RecordForms.Kind, answers: StepAnswers, error: CasusError, fileSent: Bool)? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let dossier = try work.dossier(caseId)
        let formView = StepFormView(context: context)
        var view: [String: Any] = [
            "caseId": caseId, "title": dossier.casus.title, "heading": context.t(page.heading),
            "mayAudit": work.may(.audit), "mayMembers": work.may(.members), "mayEdit": work.may(.edit),
            "tables": tables(page, dossier, context: context), "phases": page == .doetank,
            "phaseOptions": DoetankPhase.allCases.map { p -> [String: Any] in
                [
                    "value": p.rawValue, "label": "\(p.rawValue). \(context.t(p.label))",
                    "on": p == (phase ?? .initieren),
                ]
            },
        ]
        if let saved { view["notice"] = "\(context.t(PromptText.saved)) (\(context.t(saved.label)))" }
        if let notice { view["notice"] = notice }
        if let undo { view["undo"] = undo }
        if page == .citaten {
            view["transcripts"] = dossier.interviews.compactMap { interview -> [String: Any]? in
                guard let text = interview.transcript, !text.isEmpty else { return nil }
                let who = dossier.participant(interview.participantId)?.pseudonym ?? interview.participantId
                return ["id": interview.id, "who": who, "day": interview.at.day, "text": text]
            }
            view["hasTranscripts"] = !((view["transcripts"] as? [[String: Any]]) ?? []).isEmpty
        }
        if page == .toestemming {
            // Signed forms carry real names: listed for those who may open them, each opening audited.
            if work.may(.identities) {
                let evidence = dossier.consent.compactMap { entry -> [String: Any]? in
                    guard let ref = entry.evidence else { return nil }
                    return [
                        "id": entry.id, "pseudonym": dossier.participant(entry.participantId)?.pseudonym ?? "",
                        "name": ref.fileName, "hash": String(ref.sha256.prefix(12)),
                        "size": ByteCountFormatter.string(fromByteCount: Int64(ref.byteSize), countStyle: .file),
                    ]
                }
                view["evidence"] = evidence
                view["hasEvidence"] = !evidence.isEmpty
            }
            // Whoever has withdrawn something can have the material under it erased.
            view["erasable"] = dossier.participants.filter { person in
                dossier.consent.contains { $0.participantId == person.id && !$0.withdrawn.isEmpty }
            }.map { ["id": $0.id, "pseudonym": $0.pseudonym] }
        }
        // A response can only be recorded to a round that is open.
        let kinds = page.kinds.filter { $0 != .reactie || dossier.wederhoor.contains { $0.respondedAt == nil } }
        view["forms"] = kinds.map { kind -> [String: Any] in
            let form = RecordForms.form(kind, for: dossier)
            let mine = failed?.kind == kind ? failed : nil
            var starting = form.startingAnswers
            if let phase { starting["fase"] = String(phase.rawValue) }
            let fields = formView.fields(
                form, answers: mine?.answers ?? starting, dossier: dossier, error: mine?.error, prefix: kind.rawValue,
                fileSent: mine?.fileSent ?? false)
            var entry: [String: Any] = [
                "kind": kind.rawValue, "label": context.t(kind.label), "fields": fields, "multipart": form.file != nil,
                "open": saved == kind || kinds.count == 1,
            ]
            if let error = mine?.error {
                let (text, anchor) = formView.problem(error, fields: fields)
                view["problem"] = text
                view["problemAnchor"] = anchor ?? "form-\(kind.rawValue)"
                entry["open"] = true
            }
            return entry
        }
        if page == .tijdlijn {
            view["mapPage"] = true
            if !dossier.events.isEmpty, let (_, drawn) = try? work.journeyMap(caseId, language: context.language) {
                view["svg"] = drawn.range(of: "<svg").map { String(drawn[$0.lowerBound...]) } ?? ""
            }
        }
        return server.pages.render(
            "vastleggen", view, context: context, title: context.t(page.heading), status: status)
    }

    /// Before a withdrawal is recorded: the material it touches, and the same answers to confirm with.
    func confirmWithdrawal(
        _ work: Casework, caseId: String, answers: StepAnswers, context: WebContext
    ) throws -> Response {
        try work.require(.consent, caseId: caseId)
        let dossier = try work.dossier(caseId)
        let (person, affected) = try RecordForms.withdrawalPreview(answers, in: dossier)
        return server.pages.render(
            "intrekken",
            [
                "caseId": caseId, "title": dossier.casus.title, "mayEdit": true, "mayAudit": work.may(.audit),
                "mayMembers": work.may(.members), "pseudonym": person.pseudonym,
                "affected": affected.map { context.t($0) }, "hasAffected": !affected.isEmpty,
                "answers": answers.values.sorted { $0.key < $1.key }.map { ["key": $0.key, "value": $0.value] },
            ], context: context, title: context.t("Toestemming intrekken", "Withdraw consent"))
    }

    /// What the page lists, as tables of text.
    func tables(_ page: Page, _ dossier: Dossier, context: WebContext) -> [[String: Any]] {
        // Tables whose rows a researcher can remove (and undo from the history); each row's first cell is its id.
        let removable: [String: RemovableKind] = [
            "gebeurtenissen": .gebeurtenis, "overdrachten": .overdracht, "bevindingen": .bevinding,
            "citaten-lijst": .citaat, "leervragen-lijst": .leervraag, "dilemmas": .dilemma, "personen": .persoon,
        ]
        func table(_ id: String, _ caption: Localized, _ header: [Localized], _ rows: [[String]]) -> [String: Any] {
            let kind = removable[id]
            return [
                "id": id, "caption": context.t(caption), "header": header.map { context.t($0) },
                "rows": rows.map { cells -> [String: Any] in
                    var row: [String: Any] = ["cells": cells]
                    if let kind, let first = cells.first?.split(separator: " ").first {
                        row["remove"] = ["kind": kind.rawValue, "id": String(first)]
                        if let changeable = RecordForms.Kind(rawValue: kind.rawValue),
                            RecordForms.changeable.contains(changeable)
                        {
                            row["change"] = ["kind": kind.rawValue, "id": String(first)]
                        }
                    }
                    return row
                },
                "empty": rows.isEmpty, "removable": kind != nil,
            ]
        }
        let yes = context.t("ja", "yes"), no = context.t("nee", "no")
        let agencies = table(
            "instanties", Localized(nl: "Instanties", en: "Agencies"),
            [.init(nl: "Id", en: "Id"), .init(nl: "Naam", en: "Name"), .init(nl: "Contact", en: "Contact")],
            dossier.agencies.map { [$0.id, $0.name, context.t($0.contact.label)] })
        switch page {
        case .tijdlijn:
            return [
                table(
                    "gebeurtenissen", Localized(nl: "Gebeurtenissen", en: "Events"),
                    [
                        .init(nl: "Id", en: "Id"), .init(nl: "Datum", en: "Date"), .init(nl: "Wie", en: "Who"),
                        .init(nl: "Wat", en: "What"), .init(nl: "Impact", en: "Impact"),
                        .init(nl: "Zichtbaar", en: "Visible"), .init(nl: "Zekerheid", en: "Certainty"),
                    ],
                    dossier.events.map { event in
                        [
                            event.id + (event.keyMoment ? " ★" : ""), event.date?.description ?? "?",
                            dossier.name(of: event.actor), event.what, event.impact.map { String($0) } ?? "",
                            event.visibleToEndUser ? yes : no, context.t(event.evidence.label),
                        ]
                    }),
                agencies,
                table(
                    "personen", Localized(nl: "Betrokkenen", en: "People"),
                    [
                        .init(nl: "Id", en: "Id"), .init(nl: "Pseudoniem", en: "Pseudonym"),
                        .init(nl: "Rol", en: "Role"),
                        .init(nl: "Instantie", en: "Agency"),
                    ],
                    dossier.participants.map { person in
                        [
                            person.id, person.pseudonym, context.t(person.role.label),
                            person.agencyId.flatMap { dossier.agency($0)?.name } ?? "",
                        ]
                    }),
                table(
                    "overdrachten", Localized(nl: "Overdrachten", en: "Hand-offs"),
                    [
                        .init(nl: "Id", en: "Id"), .init(nl: "Van → naar", en: "From → to"),
                        .init(nl: "Wat", en: "What"), .init(nl: "Gebeurd", en: "Happened"),
                        .init(nl: "Datum", en: "Date"),
                    ],
                    dossier.handoffs.map { handoff in
                        [
                            handoff.id,
                            "\(dossier.agency(handoff.fromAgencyId)?.name ?? handoff.fromAgencyId) → "
                                + (dossier.agency(handoff.toAgencyId)?.name ?? handoff.toAgencyId),
                            handoff.what, handoff.happened ? yes : context.t("nee, ontbrak", "no, missing"),
                            handoff.date?.description ?? "",
                        ]
                    }),
            ]
        case .contraExpertise:
            return [
                agencies,
                table(
                    "bevindingen", Localized(nl: "Bevindingen", en: "Findings"),
                    [
                        .init(nl: "Id", en: "Id"), .init(nl: "Instantie", en: "Agency"),
                        .init(nl: "Bewering", en: "Claim"), .init(nl: "Uitkomst", en: "Outcome"),
                        .init(nl: "Bron", en: "Source"), .init(nl: "Gebeurtenissen", en: "Events"),
                    ],
                    dossier.findings.map { finding in
                        [
                            finding.id, dossier.agency(finding.agencyId)?.name ?? finding.agencyId, finding.claim,
                            context.t(finding.status.label), finding.source ?? "",
                            finding.eventIds.joined(separator: ", "),
                        ]
                    }),
                table(
                    "wederhoor-rondes", Localized(nl: "Wederhoor", en: "Wederhoor"),
                    [
                        .init(nl: "Id", en: "Id"), .init(nl: "Instantie", en: "Agency"), .init(nl: "Soort", en: "Kind"),
                        .init(nl: "Verstuurd", en: "Sent"), .init(nl: "Reactie", en: "Response"),
                    ],
                    dossier.wederhoor.map { round in
                        [
                            round.id, dossier.agency(round.agencyId)?.name ?? round.agencyId,
                            context.t(round.kind.label),
                            round.sentAt.day,
                            round.declined
                                ? context.t("afgezien", "declined")
                                : round.respondedAt.map { "\($0.day): \(round.response ?? "")" }
                                    ?? context.t("open", "open"),
                        ]
                    }),
            ]
        case .toestemming:
            return dossier.participants.map { person in
                table(
                    "toestemming-\(person.id)", Localized(nl: person.pseudonym, en: person.pseudonym),
                    [
                        .init(nl: "Doel", en: "Purpose"), .init(nl: "Stand", en: "State"),
                        .init(nl: "Datum", en: "Date"), .init(nl: "Informatiebrief", en: "Information letter"),
                    ],
                    dossier.consentLedger.overview(of: person.id).map { status in
                        [
                            context.t(status.purpose.label),
                            status.decision.map { context.t($0.label) } ?? context.t("niet gevraagd", "not asked"),
                            status.decidedBy?.at.day ?? "", status.decidedBy?.letterVersion ?? "",
                        ]
                    })
            }
        case .citaten:
            let ledger = dossier.consentLedger
            return [
                table(
                    "citaten-lijst", Localized(nl: "Citaten", en: "Quotes"),
                    [
                        .init(nl: "Id", en: "Id"), .init(nl: "Interview", en: "Interview"),
                        .init(nl: "Spreker", en: "Speaker"), .init(nl: "Citaat", en: "Quote"),
                        .init(nl: "Toestemming", en: "Consent"),
                    ],
                    dossier.quotes.map { quote in
                        [
                            quote.id, quote.interviewId,
                            dossier.participant(quote.speakerId)?.pseudonym ?? quote.speakerId,
                            quote.text,
                            ledger.isGranted(.verbatimQuotes, to: quote.speakerId)
                                ? context.t("ja", "yes")
                                : context.t("nee: exports laten het weg", "no: exports leave it out"),
                        ]
                    })
            ]
        case .doetank:
            return [
                table(
                    "doetank-reviews", Localized(nl: "Eerdere reviews", en: "Earlier reviews"),
                    [
                        .init(nl: "Id", en: "Id"), .init(nl: "Fase", en: "Phase"), .init(nl: "Coach", en: "Coach"),
                        .init(nl: "Datum", en: "Date"), .init(nl: "Ja", en: "Yes"),
                    ],
                    dossier.doetank.map { review in
                        [
                            review.id, context.t(review.phase.label), review.coach, review.at.day,
                            "\(review.answers.filter(\.yes).count) / \(review.answers.count)",
                        ]
                    })
            ]
        case .leervragen:
            let links = { (events: [String], findings: [String]) in (events + findings).joined(separator: ", ") }
            return [
                table(
                    "leervragen-lijst", Localized(nl: "Leervragen", en: "Leervragen"),
                    [
                        .init(nl: "Id", en: "Id"), .init(nl: "Leervraag", en: "Leervraag"),
                        .init(nl: "Feiten", en: "Facts"),
                    ],
                    dossier.leervragen.map { [$0.id, $0.text, links($0.eventIds, $0.findingIds)] }),
                table(
                    "dilemmas", Localized(nl: "Dilemma's", en: "Dilemma's"),
                    [.init(nl: "Id", en: "Id"), .init(nl: "Dilemma", en: "Dilemma"), .init(nl: "Feiten", en: "Facts")],
                    dossier.dilemmas.map { [$0.id, $0.text, links($0.eventIds, $0.findingIds)] }),
            ]
        }
    }
}

/// The journey map drawn with a form's answers, as the timeline page's script reads it.
struct MapPreview: Encodable {
    let svg: String
    let revision: Int
    /// Why the answers are not on the map yet, or that the map is a preview.
    let note: String
}
