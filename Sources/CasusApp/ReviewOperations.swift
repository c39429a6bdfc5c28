import CasusCore
import CasusLint
import CasusStore
import Foundation

/// The route status of a dossier, with the lint result the step-2 gate needs.
public enum RouteStatus {
    public static func evaluate(_ dossier: Dossier, lint: Bool = true) throws -> (WorkflowStatus, NarrativeLintResult?)
    {
        let result = lint ? try DossierLint.gateInput(for: dossier) : nil
        return (Gates.evaluate(dossier, lint: result), result)
    }
}

extension Casework {
    /// A coach's word on a step: sign-off (only with no open check), return or comment (both need
    /// comments for the researcher). The step's fingerprint shows later whether the material changed.
    public func reviewStep(
        _ caseId: String, step: Step, decision: ReviewDecision, comments: String?,
        coach: String?
    ) throws -> Review {
        try require(.review, caseId: caseId)
        let dossier = try store.dossier(caseId)
        if decision == .goedgekeurd {
            let (status, _) = try RouteStatus.evaluate(dossier, lint: step == .narrative)
            let open = status.steps[step.rawValue].checks.filter(\.holdsBack)
            guard open.isEmpty else {
                throw CasusError(
                    .checkFailed,
                    nl:
                        "Stap \(step.rawValue) kan niet goedgekeurd worden: \(open.count) check(s) staan open. Stuur de stap terug, of overrule een check met een reden.",
                    en:
                        "Step \(step.rawValue) cannot be signed off: \(open.count) check(s) are open. Send the step back, or override a check with a reason.",
                    details: open.map { Localized(nl: "\($0.id): \($0.title.nl)", en: "\($0.id): \($0.title.en)") })
            }
        } else if comments.nonBlank == nil {
            throw CasusError(
                .invalidInput, nl: "Zeg de onderzoeker wat er moet gebeuren.",
                en: "Tell the researcher what needs to happen.")
        }
        let hash = StepFingerprint.of(step, in: dossier)
        var review: Review?
        try store.modify(caseId) { d in
            let new = Review(
                id: try EntityID.next(prefix: "R", existing: d.reviews.map(\.id)), step: step,
                coach: coach.nonBlank ?? actor.name, decision: decision, comments: comments.nonBlank,
                contentHash: hash)
            d.reviews.append(new)
            review = new
        }
        return review!
    }

    /// Lets a case through an open check, with the reason and the coach's name on record.
    public func overrideCheck(
        _ caseId: String, check checkId: String, reason: String, coach: String?
    ) throws -> GateOverride {
        try require(.override, caseId: caseId)
        guard let reason = Optional(reason).nonBlank else {
            throw CasusError(
                .invalidInput, nl: "Een overrule heeft een reden nodig.", en: "An override needs a reason.")
        }
        let dossier = try store.dossier(caseId)
        let (status, _) = try RouteStatus.evaluate(dossier, lint: checkId.hasPrefix("2."))
        let all = status.steps.flatMap(\.checks)
        guard let target = all.first(where: { $0.id == checkId }) else {
            throw CasusError(
                .notFound,
                nl:
                    "Geen check '\(checkId.excerpt)' in deze casus. Open: \(all.filter(\.holdsBack).map(\.id).joined(separator: ", ")).",
                en:
                    "No check '\(checkId.excerpt)' in this case. Open: \(all.filter(\.holdsBack).map(\.id).joined(separator: ", "))."
            )
        }
        guard target.holdsBack else {
            throw CasusError(
                .conflict,
                nl: "Check \(checkId) staat niet open (\(target.state.rawValue)); er valt niets te overrulen.",
                en: "Check \(checkId) is not open (\(target.state.rawValue)); there is nothing to override.")
        }
        var recorded: GateOverride?
        try store.modify(caseId) { d in
            let new = GateOverride(
                id: try EntityID.next(prefix: "O", existing: d.overrides.map(\.id)), step: target.step,
                check: checkId, reason: reason, by: coach.nonBlank ?? actor.name)
            d.overrides.append(new)
            recorded = new
        }
        return recorded!
    }

    /// Records a Doetank gatekeeper's check for one phase, with an answer to every question.
    public func recordDoetank(
        _ caseId: String, phase: DoetankPhase, answers: [DoetankAnswer], coach: String?,
        note: String?
    ) throws -> DoetankReview {
        try require(.review, caseId: caseId)
        var review: DoetankReview?
        try store.modify(caseId) {
            review = try $0.appendDoetankReview(
                phase: phase, answers: answers, coach: coach.nonBlank ?? actor.name, note: note)
        }
        return review!
    }
}

extension Dossier {
    /// A gatekeepers' review of a Doetank phase: every question of the phase's checklist answered once.
    mutating func appendDoetankReview(
        phase: DoetankPhase, answers: [DoetankAnswer], coach: String, note: String?
    ) throws -> DoetankReview {
        guard Set(answers.map(\.question)) == Set(1...phase.checklist.count), answers.count == phase.checklist.count
        else {
            throw CasusError(
                .invalidInput,
                nl: "Beantwoord elke vraag van fase \(phase.rawValue) (1 t/m \(phase.checklist.count)) één keer.",
                en: "Answer every question of phase \(phase.rawValue) (1 to \(phase.checklist.count)) once.")
        }
        let new = DoetankReview(
            id: try EntityID.next(prefix: "T", existing: doetank.map(\.id)), phase: phase, answers: answers,
            coach: coach, note: note.nonBlank)
        doetank.append(new)
        return new
    }
}
