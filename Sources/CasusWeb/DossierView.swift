import CasusApp
import CasusCore
import CasusLint
import Foundation

/// Turns what the application layer returns into the plain values the page templates show. All
/// text stays text: the template engine escapes it.
struct DossierView {
    let context: WebContext

    func t(_ text: Localized) -> String { context.t(text) }

    /// The route: every step with its checks, marks and "why" texts, and the next action.
    func route(_ status: WorkflowStatus) -> [String: Any] {
        let steps: [[String: Any]] = status.steps.map { step in
            let open = step.checks.filter(\.holdsBack).count
            return [
                "number": step.step.rawValue,
                "label": t(step.step.label),
                "mark": !step.passed ? "✗" : step.review.awaitingRevision ? "↩" : "✓",
                "state": step.passed
                    ? context.t("rond", "done") : context.t("\(open) open", "\(open) open"),
                "passed": step.passed,
                "review": t(step.review.description),
                "coachComments": step.review.review?.decision == .goedgekeurd ? "" : step.review.review?.comments ?? "",
                "checks": step.checks.map { check -> [String: Any] in
                    [
                        "id": check.id, "title": t(check.title), "mark": Self.mark(check.state),
                        "stateLabel": Self.stateLabel(check.state, context),
                        "detail": check.state == .done ? "" : check.detail.map(t) ?? "", "why": t(check.why),
                    ]
                },
            ]
        }
        var view: [String: Any] = ["steps": steps]
        // A step the coach sent back comes first, as in `RouteOperations.routeNext`.
        if let returned = status.steps.first(where: { $0.review.awaitingRevision }) {
            view["next"] = context.t(
                "Stap \(returned.step.rawValue) (\(t(returned.step.label))) is teruggestuurd door de coach: verwerk de opmerkingen.",
                "Step \(returned.step.rawValue) (\(t(returned.step.label))) was sent back by the coach: work in the comments."
            )
        } else if let next = status.nextCheck {
            view["next"] = t(PromptText.next(next))
        }
        return view
    }

    static func mark(_ state: GateCheck.State) -> String {
        switch state {
        case .done: "✓"
        case .missing: "✗"
        case .blocked: "⛔"
        case .overridden: "↷"
        case .note: "·"
        }
    }

    static func stateLabel(_ state: GateCheck.State, _ context: WebContext) -> String {
        switch state {
        case .done: context.t("rond", "done")
        case .missing: context.t("ontbreekt", "missing")
        case .blocked: context.t("geblokkeerd", "blocked")
        case .overridden: context.t("overruled door de coach", "overridden by the coach")
        case .note: context.t("ter informatie", "for information")
        }
    }

    /// The people under their pseudonyms, with the consent ledger as a table per purpose.
    func people(_ dossier: Dossier) -> [[String: Any]] {
        let ledger = dossier.consentLedger
        return dossier.participants.map { person in
            let consent = ledger.overview(of: person.id).map { status -> [String: Any] in
                [
                    "purpose": t(status.purpose.label),
                    "decision": status.decision.map { t($0.label) } ?? context.t("niet gevraagd", "not asked"),
                    "granted": status.isGranted,
                    "at": status.decidedBy?.at.day ?? "",
                    "letter": status.decidedBy?.letterVersion ?? "",
                ]
            }
            return [
                "id": person.id, "pseudonym": person.pseudonym, "role": t(person.role.label),
                "agency": person.agencyId.flatMap { dossier.agency($0)?.name } ?? "", "consent": consent,
            ]
        }
    }

    func interviews(_ dossier: Dossier) -> [[String: Any]] {
        dossier.interviews.map { interview in
            [
                "id": interview.id,
                "with": dossier.participant(interview.participantId)?.pseudonym ?? interview.participantId,
                "at": interview.at.day, "minutes": interview.actualMinutes ?? interview.plannedMinutes,
                "mode": t(interview.mode.label), "transcript": interview.transcript ?? "",
                "hasTranscript": !(interview.transcript ?? "").isEmpty,
            ]
        }
    }

    /// The narrative in paragraphs, with the linter's findings marked where they are in the text.
    func narrative(_ dossier: Dossier, lint: LintReport?) -> [String: Any]? {
        guard let version = dossier.currentNarrative else { return nil }
        let lines = version.text.components(separatedBy: "\n")
        var marks: [Int: [(start: Int, end: Int, note: String)]] = [:]
        for finding in lint?.findings ?? [] where finding.line == finding.endLine && finding.endColumn > finding.column
        {
            marks[finding.line, default: []].append(
                (finding.column - 1, finding.endColumn - 1, "\(t(finding.category.label)): \(finding.message)"))
        }
        var paragraphs: [[String: Any]] = []
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            paragraphs.append(["segments": Self.segments(line, marks: marks[index + 1] ?? [])])
        }
        let findings = (lint?.findings ?? []).map { finding -> [String: Any] in
            [
                "category": t(finding.category.label), "message": finding.message, "line": finding.line,
                "sentence": finding.sentence ?? "", "rule": finding.rule,
            ]
        }
        return [
            "number": version.number, "author": version.author, "at": version.at.day, "words": version.wordCount,
            "paragraphs": paragraphs, "findings": findings, "findingCount": findings.count,
        ]
    }

    /// A line cut into plain and marked pieces; overlapping marks keep the first.
    static func segments(_ line: String, marks: [(start: Int, end: Int, note: String)]) -> [[String: Any]] {
        let scalars = Array(line.unicodeScalars)
        var pieces: [[String: Any]] = []
        var position = 0
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        for mark in marks.sorted(by: { $0.start < $1.start }) {
            let start = max(mark.start, position)
            let end = min(mark.end, scalars.count)
            guard start < end else { continue }
            if position < start { pieces.append(["text": text(position..<start), "mark": false]) }
            pieces.append(["text": text(start..<end), "mark": true, "note": mark.note])
            position = end
        }
        if position < scalars.count { pieces.append(["text": text(position..<scalars.count), "mark": false]) }
        return pieces
    }

    func timeline(_ dossier: Dossier) -> [[String: Any]] {
        dossier.events.map { event in
            [
                "id": event.id, "date": event.date?.description ?? "?",
                "actor": dossier.name(of: event.actor), "channel": event.channel.map { t($0.label) } ?? "",
                "what": event.what, "experience": event.experience ?? "", "key": event.keyMoment,
            ]
        }
    }

    /// The contra-expertise matrix: each claim per agency, with status and source.
    func findings(_ dossier: Dossier) -> [[String: Any]] {
        dossier.findings.map { finding in
            [
                "id": finding.id, "agency": dossier.agency(finding.agencyId)?.name ?? finding.agencyId,
                "claim": finding.claim, "status": t(finding.status.label), "source": finding.source ?? "",
                "note": finding.note ?? "",
            ]
        }
    }

    func agencies(_ dossier: Dossier) -> [[String: Any]] {
        dossier.agencies.map { ["id": $0.id, "name": $0.name, "contact": t($0.contact.label)] }
    }

    func learning(_ dossier: Dossier) -> [[String: Any]] {
        dossier.leervragen.map { ["id": $0.id, "text": $0.text, "kind": context.t("Leervraag", "Leervraag")] }
            + dossier.dilemmas.map { ["id": $0.id, "text": $0.text, "kind": context.t("Dilemma", "Dilemma")] }
    }

    func reviews(_ dossier: Dossier) -> [[String: Any]] {
        dossier.reviews.reversed().map { review in
            [
                "step": review.step.rawValue, "decision": t(review.decision.label), "coach": review.coach,
                "at": review.at.day, "comments": review.comments ?? "",
            ]
        }
    }

    func wederhoor(_ dossier: Dossier) -> [[String: Any]] {
        dossier.wederhoor.map { round in
            [
                "id": round.id, "agency": dossier.agency(round.agencyId)?.name ?? round.agencyId,
                "kind": t(round.kind.label), "sent": round.sentAt.day, "answered": round.respondedAt?.day ?? "",
                "response": round.response ?? "", "declined": round.declined,
            ]
        }
    }
}
