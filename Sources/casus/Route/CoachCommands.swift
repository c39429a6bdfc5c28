import ArgumentParser
import CasusApp
import CasusCore
import Foundation

extension Step: ExpressibleByArgument {
    public init?(argument: String) {
        if let n = Int(argument), let step = Step(rawValue: n) {
            self = step
        } else if let step = Step.allCases.first(where: {
            $0.label.nl == argument.lowercased() || $0.label.en == argument.lowercased()
        }) {
            self = step
        } else {
            return nil
        }
    }
    public static var allValueStrings: [String] { allCases.map { String($0.rawValue) } }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: say(
            "De coach keurt een stap goed, stuurt hem terug of geeft opmerkingen.",
            "The coach signs a step off, sends it back or comments on it."),
        subcommands: [Add.self, List.self], defaultSubcommand: Add.self)

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: say(
                "Een stap beoordelen: `casus review <casus> --step 2` (vraagt besluit en opmerkingen als ze ontbreken).",
                "Review a step: `casus review <case> --step 2` (asks decision and comments when missing)."),
            discussion: say(
                "Goedkeuren kan alleen als de checks van de stap rond zijn (of overruled). Wijzigt het materiaal daarna, dan toont `casus status` 'gewijzigd na beoordeling'.",
                "Signing off needs the step's checks done (or overridden). If the material changes afterwards, `casus status` shows 'changed since review'."
            ))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option(help: help("Stap 0 t/m 4.", "Step 0 to 4.")) var step: Step
        @Option(
            help: help(
                "goedgekeurd, teruggestuurd of opmerking.",
                "goedgekeurd (signed off), teruggestuurd (sent back) or opmerking (comment).")) var decision:
            ReviewDecision?
        @Option(help: help("Opmerkingen voor de onderzoeker.", "Comments for the researcher.")) var comment: String?
        @Option(help: help("Naam van de coach (standaard jij).", "Coach's name (default you).")) var coach: String?

        func execute(_ context: Context) throws {
            let prompter = try Prompter(language: context.language, answers: [])
            if self.decision == nil {
                // What the coach decides on: the step's checks, the linter's count for the narrative,
                // earlier comments, and whether the material changed since the last review.
                let dossier = try context.casework().store.dossier(caseId)
                let (status, _) = try RouteStatus.evaluate(dossier, lint: step == .narrative)
                if let current = status.steps.first(where: { $0.step == step }) {
                    StatusPrinter(context: context, verbose: false).printStep(current, dossier: dossier)
                    if let last = current.review.review {
                        Swift.print(
                            context.t(
                                current.review.changedSinceReview
                                    ? "  Gewijzigd sinds de beoordeling van \(last.at.day)."
                                    : "  Niet gewijzigd sinds de beoordeling van \(last.at.day).",
                                current.review.changedSinceReview
                                    ? "  Changed since the review of \(last.at.day)."
                                    : "  Not changed since the review of \(last.at.day)."))
                    }
                    Swift.print("")
                }
            }
            let decision = try self.decision ?? prompter.choice("besluit", PromptText.decision)
            // A return or a comment needs words for the researcher; a sign-off may have them.
            var comments = nonEmpty(comment)
            if comments == nil && decision != .goedgekeurd {
                guard self.decision == nil || prompter.interactive else {
                    throw CasusError(
                        .invalidInput, nl: "Zeg de onderzoeker wat er moet gebeuren: --comment \"…\".",
                        en: "Tell the researcher what needs to happen: --comment \"…\".")
                }
                comments = try prompter.text("opmerkingen", PromptText.comments)
            } else if comments == nil && self.decision == nil {
                comments = try prompter.optionalText("opmerkingen", PromptText.comments)
            }
            let id = try context.casework().reviewStep(
                caseId, step: step, decision: decision, comments: comments, coach: coach
            ).id
            context.print(
                "Beoordeling \(id) vastgelegd: stap \(step.rawValue) \(context.t(decision.label)).",
                "Review \(id) recorded: step \(step.rawValue) \(context.t(decision.label)).")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De beoordelingen.", "The reviews."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.reviews) }
            for r in dossier.reviews {
                print(
                    "\(r.id)  \(context.t("stap", "step")) \(r.step.rawValue) \(context.t(r.step.label))  \(context.t(r.decision.label))  \(r.coach)  \(r.at.day)"
                )
                if let c = r.comments { print("      " + c) }
            }
        }
    }
}

struct OverrideCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "override",
        abstract: say(
            "Een coach laat de casus doorgaan ondanks een open check, met een vastgelegde reden.",
            "A coach lets the case go on despite an open check, with a recorded reason."),
        discussion: say(
            "De check-id staat tussen haken in `casus status`. De overrule komt met reden en naam in het auditlog; zonder --check toont dit de overrules.",
            "The check id is in brackets in `casus status`. The override goes into the audit log with reason and name; without --check this lists the overrides."
        ))
    @OptionGroup var global: GlobalOptions
    @Argument var caseId: String
    @Option(help: help("De check, bijv. 0.voorwaarde-3.", "The check, e.g. 0.voorwaarde-3.")) var check: String?
    @Option(help: help("Waarom de casus toch door mag.", "Why the case may go on anyway.")) var reason: String?
    @Option(help: help("Naam van de coach (standaard jij).", "Coach's name (default you).")) var coach: String?

    func execute(_ context: Context) throws {
        let store = try context.store()
        let dossier = try store.dossier(caseId)
        guard let checkId = check else {
            if dossier.overrides.isEmpty { return context.print("Geen overrules.", "No overrides.") }
            for o in dossier.overrides { print("\(o.id)  \(o.check)  \(o.by)  \(o.at.day)  \(o.reason)") }
            return
        }
        guard nonEmpty(reason) != nil else {
            throw CasusError(
                .invalidInput, nl: "Een overrule heeft een reden nodig: --reason \"…\".",
                en: "An override needs a reason: --reason \"…\".")
        }
        let id = try context.casework().overrideCheck(caseId, check: checkId, reason: reason ?? "", coach: coach).id
        context.print("Overrule \(id) vastgelegd voor \(checkId).", "Override \(id) recorded for \(checkId).")
    }
}

struct DoetankCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "doetank",
        abstract: say(
            "De poortwachterscheck van de Doetank die deze casus voedt: fase en checklist.",
            "The gatekeepers check of the Doetank this case feeds: phase and checklist."),
        discussion: say(
            "Fasen: " + DoetankPhase.allCases.map { "\($0.rawValue) \($0.label.nl)" }.joined(separator: ", ")
                + ". Zonder --phase toont dit de laatste check.",
            "Phases: " + DoetankPhase.allCases.map { "\($0.rawValue) \($0.label.en)" }.joined(separator: ", ")
                + ". Without --phase this shows the latest check."))
    @OptionGroup var global: GlobalOptions
    @Argument var caseId: String
    @Option(help: help("Fase 1 t/m 6.", "Phase 1 to 6.")) var phase: Int?
    @Option(
        name: .customLong("answer"),
        help: help(
            "Antwoord per vraag: vraag-1=ja (herhaalbaar); ontbrekende worden gevraagd.",
            "Answer per question: vraag-1=ja (repeatable); missing ones are asked.")) var answers: [String] = []
    @Option(help: help("Toelichting bij de check.", "Note on the check.")) var note: String?
    @Option(help: help("Naam van de coach (standaard jij).", "Coach's name (default you).")) var coach: String?

    func execute(_ context: Context) throws {
        let store = try context.store()
        let dossier = try store.dossier(caseId)
        guard let phaseNumber = phase else {
            guard let latest = dossier.doetank.max(by: { EntityID.precedes($0.id, $1.id) }) else {
                return context.print(
                    "Nog geen Doetank-check. Leg er een vast met --phase.",
                    "No Doetank check yet. Record one with --phase.")
            }
            return StatusPrinter(context: context).printDoetank(latest)
        }
        guard let phase = DoetankPhase(rawValue: phaseNumber) else {
            throw CasusError(.invalidInput, nl: "Fase moet 1 t/m 6 zijn.", en: "Phase must be 1 to 6.")
        }
        let prompter = try Prompter(language: context.language, answers: answers)
        let keys = (1...phase.checklist.count).map { "vraag-\($0)" }
        let unknown = prompter.givenKeys.filter { !keys.contains($0) }
        guard unknown.isEmpty else {
            throw CasusError(
                .invalidInput,
                nl:
                    "Fase \(phase.rawValue) heeft alleen \(keys.joined(separator: ", ")); niet: \(unknown.joined(separator: ", ")).",
                en:
                    "Phase \(phase.rawValue) only has \(keys.joined(separator: ", ")); not: \(unknown.joined(separator: ", "))."
            )
        }
        var given: [DoetankAnswer] = []
        for (i, key) in keys.enumerated() {
            given.append(
                DoetankAnswer(question: i + 1, yes: try prompter.yesNo(key, PromptText.doetankQuestion(phase, i + 1))))
        }
        let review = try context.casework().recordDoetank(
            caseId, phase: phase, answers: given, coach: coach, note: note)
        StatusPrinter(context: context).printDoetank(review)
    }
}
