import ArgumentParser
import CasusApp
import CasusCore
import CasusLint
import Foundation

/// The full status as other tools read it (`casus status --json`).
struct StatusDocument: Encodable {
    let caseId: String
    let title: String
    let currentStep: Int?
    let readyForContraExpertise: Bool
    let complete: Bool
    let next: GateCheck?
    let steps: [StepStatus]
    let overrides: [GateOverride]
    let doetank: DoetankReview?

    init(_ status: WorkflowStatus, dossier: Dossier) {
        caseId = status.caseId
        title = dossier.casus.title
        currentStep = status.currentStep?.rawValue
        readyForContraExpertise = status.readyForContraExpertise
        complete = status.currentStep == nil
        next = status.nextCheck
        steps = status.steps
        overrides = dossier.overrides
        doetank = status.doetank
    }
}

struct StatusCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: say(
            "Waar het dossier staat: per stap wat rond is, wat ontbreekt en waarom.",
            "Where the dossier stands: per step what is done, what is missing and why."),
        discussion: say(
            "Tekens: ✓ rond, ↩ teruggestuurd door de coach, ✗ ontbreekt, ⛔ geblokkeerd (alleen een coach kan verder), ↷ overruled door een coach, · ter informatie.",
            "Marks: ✓ done, ↩ sent back by the coach, ✗ missing, ⛔ blocked (only a coach can go on), ↷ overridden by a coach, · for information."
        ))
    @OptionGroup var global: GlobalOptions
    @Argument(help: help("Id van de casus.", "Id of the case.")) var caseId: String
    @Flag(help: help("De volledige status als JSON, in beide talen.", "The full status as JSON, in both languages."))
    var json = false
    @Flag(help: help("Toon ook uitleg bij checks die rond zijn.", "Also explain checks that are done.")) var verbose =
        false
    @Flag(
        name: .customLong("no-lint"),
        help: help("Controleer het narratief niet met de linter (sneller).", "Do not lint the narrative (faster)."))
    var noLint = false

    func execute(_ context: Context) throws {
        let dossier = try context.store().dossier(caseId)
        let (status, _) = try RouteStatus.evaluate(dossier, lint: !noLint)
        if json { return try Output.json(StatusDocument(status, dossier: dossier)) }
        StatusPrinter(context: context, verbose: verbose).print(status, dossier: dossier)
    }
}

/// Prints a route status for people.
struct StatusPrinter {
    let context: Context
    var verbose = false

    private func t(_ text: Localized) -> String { context.t(text) }
    private func t(_ nl: String, _ en: String) -> String { context.t(nl, en) }

    func print(_ status: WorkflowStatus, dossier: Dossier) {
        Swift.print("\(dossier.casus.title) (\(dossier.casus.id))")
        Swift.print("")
        for step in status.steps {
            printStep(step, dossier: dossier)
            Swift.print("")
        }
        if let doetank = status.doetank { printDoetank(doetank) }
        if let next = status.nextCheck {
            Swift.print(t(PromptText.next(next)))
            Swift.print(
                "  "
                    + (next.state == .blocked
                        ? t(TerminalText.coachNeeded(next))
                        : t(
                            "`casus next \(dossier.casus.id)` helpt je erbij.",
                            "`casus next \(dossier.casus.id)` helps you with it.")))
        } else {
            Swift.print(t(PromptText.allDone))
        }
        if status.readyForContraExpertise && status.currentStep != nil {
            Swift.print(t(PromptText.readyForContraExpertise))
        }
        printRetention(dossier)
    }

    /// Warns ahead of a retention date (60 days), and when one has passed.
    func printRetention(_ dossier: Dossier) {
        for item in Retention.items(dossier) where item.hasMaterial {
            guard let days = item.daysLeft, let date = item.retainUntil, days <= 60 else { continue }
            Swift.print(
                days < 0
                    ? t(
                        "⚠ De bewaartermijn van \(item.pseudonym) is verstreken (\(date)); wis het materiaal met `casus retention --erase`.",
                        "⚠ The retention date of \(item.pseudonym) has passed (\(date)); erase the material with `casus retention --erase`."
                    )
                    : t(
                        "⚠ De bewaartermijn van \(item.pseudonym) verloopt over \(days) dagen (\(date)).",
                        "⚠ The retention date of \(item.pseudonym) is \(days) days away (\(date))."))
        }
    }

    /// A step: its line, the coach's comments (a later comment too), and its checks.
    func printStep(_ step: StepStatus, dossier: Dossier) {
        printStepLine(step)
        if let comments = step.review.review?.comments, step.review.review?.decision != .goedgekeurd {
            Swift.print("    \(t("Coach", "Coach")): \(comments)")
        }
        // Comments given after the last decision still reach the researcher.
        let lastDecision = dossier.reviews.filter { $0.step == step.step && $0.decision != .opmerking }.map(\.id)
            .max(by: EntityID.precedes)
        for remark in dossier.reviews
        where remark.step == step.step && remark.decision == .opmerking && remark.id != step.review.review?.id {
            if let lastDecision, !EntityID.precedes(lastDecision, remark.id) { continue }
            guard let comments = remark.comments else { continue }
            Swift.print(
                "    \(t("Coach, opmerking", "Coach, comment")) (\(remark.coach), \(remark.at.day)): \(comments)")
        }
        for check in step.checks { printCheck(check) }
    }

    /// One line per step: passed or how many checks are open, and the coach's word on it.
    func printStepLine(_ step: StepStatus) {
        let open = step.checks.filter(\.holdsBack).count
        let state = step.passed ? t("rond", "done") : t("\(open) open", "\(open) open")
        let mark = !step.passed ? "✗" : step.review.awaitingRevision ? "↩" : "✓"
        Swift.print(
            "\(mark) \(t("Stap", "Step")) \(step.step.rawValue) \(t(step.step.label)) — \(state); \(t(step.review.description))"
        )
    }

    func printCheck(_ check: GateCheck) {
        let mark: String
        switch check.state {
        case .done: mark = "✓"
        case .missing: mark = "✗"
        case .blocked: mark = "⛔"
        case .overridden: mark = "↷"
        case .note: mark = "·"
        }
        Swift.print("    \(mark) \(t(check.title))  [\(check.id)]")
        if let detail = check.detail, check.state != .done { Swift.print("        \(t(detail))") }
        if check.holdsBack || verbose { Swift.print("        \(t(PromptText.why)): \(t(check.why))") }
    }

    func printDoetank(_ review: DoetankReview) {
        let yes = review.answers.filter(\.yes).count
        Swift.print(
            "Doetank: \(t("fase", "phase")) \(review.phase.rawValue) \(t(review.phase.label)) — \(review.id), \(review.coach), \(review.at.day): "
                + t("\(yes) van \(review.phase.checklist.count) ja", "\(yes) of \(review.phase.checklist.count) yes")
                + (review.passes ? t(" (door de poort)", " (through the gate)") : ""))
        for (i, question) in review.phase.checklist.enumerated() {
            let answer = review.answers.first { $0.question == i + 1 }
            let mark = answer.map { $0.yes ? "✓" : "✗" } ?? "?"
            Swift.print("    \(mark) \(t(question))" + (answer?.note.map { " — \($0)" } ?? ""))
        }
        if let note = review.note { Swift.print("    \(note)") }
        Swift.print("")
    }
}
