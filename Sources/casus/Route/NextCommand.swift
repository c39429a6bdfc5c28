import ArgumentParser
import CasusApp
import CasusCore
import CasusLint
import CasusStore
import Foundation

/// How far `casus next` goes on without asking.
enum RouteGoal: String, ExpressibleByArgument, CaseIterable {
    case contraExpertise = "contra-expertise"
    case rapport
}

struct NextCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: say(
            "Het ene volgende dat te doen is, en het samen doen: vragen aan de terminal.",
            "The one next thing to do, and doing it together: questions at the terminal."),
        discussion: say(
            """
            Zonder casus-id begint casus een nieuwe casus. Elke vraag heeft een sleutel; geef antwoorden vooraf met
            --answer sleutel=waarde (bijv. --answer titel="…" --answer voorwaarde-1=ja). Lange teksten (transcript,
            narratief): geef een pad naar een bestand, of laat leeg om $EDITOR te openen. Een stap wordt pas
            opgeslagen als alle vragen ervan beantwoord zijn.
            """,
            """
            Without a case id casus starts a new case. Every question has a key; give answers beforehand with
            --answer key=value (e.g. --answer titel="…" --answer voorwaarde-1=ja). Long texts (transcript,
            narrative): give a path to a file, or leave empty to open $EDITOR. A step is only saved once all its
            questions are answered.
            """))
    @OptionGroup var global: GlobalOptions
    @Argument(
        help: help("Id van de casus; leeg om een nieuwe te beginnen.", "Id of the case; empty to start a new one."))
    var caseId: String?
    @Option(
        name: .customLong("answer"),
        help: help(
            "Antwoord op een vraag: sleutel=waarde (herhaalbaar).", "Answer to a question: key=value (repeatable)."))
    var answers: [String] = []
    @Option(
        help: help(
            "Ga door zonder te vragen tot deze mijlpaal: contra-expertise of rapport.",
            "Go on without asking until this milestone: contra-expertise or rapport.")) var until: RouteGoal?
    @Flag(
        name: .customLong("dry-run"),
        help: help(
            "Zeg alleen wat het volgende is; vraag en bewaar niets.", "Only say what is next; ask and save nothing."))
    var dryRun = false

    func execute(_ context: Context) throws {
        let casework = try context.casework()
        let prompter = try Prompter(language: context.language, answers: answers)
        var dossier: Dossier
        if let caseId {
            dossier = try casework.store.dossier(caseId)
        } else {
            guard !dryRun else {
                throw CasusError(.invalidInput, nl: "Noem een casus bij --dry-run.", en: "Name a case with --dry-run.")
            }
            prompter.say(Localized(nl: "Een nieuwe casus.", en: "A new case."))
            dossier = try casework.startCase(try prompter.answers(for: RouteForms.newCase))
            prompter.say(
                Localized(nl: "Casus '\(dossier.casus.id)' aangemaakt.", en: "Case '\(dossier.casus.id)' created."))
        }
        var lastAttempt: String?
        var wasReady = false
        var timelineAsked = false
        while true {
            let next = try Casework.routeNext(of: dossier)
            let status = next.status
            if status.readyForContraExpertise && !wasReady && status.currentStep != nil && lastAttempt != nil {
                prompter.say(PromptText.readyForContraExpertise)
            }
            wasReady = status.readyForContraExpertise
            if until == .contraExpertise && status.readyForContraExpertise {
                if lastAttempt == nil { prompter.say(PromptText.readyForContraExpertise) }
                break
            }
            guard let check = next.check, let task = next.task else {
                // A step the coach sent back: revising it is the next thing, outside these questions.
                if case .manual(let text)? = next.task {
                    prompter.say(text)
                } else {
                    prompter.say(PromptText.allDone)
                }
                break
            }
            // Before the contra-expertise: the timeline, agencies and hand-offs, asked here one record at a
            // time with the forms the browser uses, so nobody leaves `next` for `casus event add`.
            if check.id.hasPrefix("3."), !timelineAsked, !dryRun {
                timelineAsked = true
                dossier = try TimelineRound(casework: casework, prompter: prompter).run(dossier)
                continue
            }
            prompter.say(PromptText.next(check))
            if let detail = check.detail { prompter.say(Localized(nl: "  " + detail.nl, en: "  " + detail.en)) }
            prompter.say(
                Localized(nl: "  \(PromptText.why.nl): \(check.why.nl)", en: "  \(PromptText.why.en): \(check.why.en)"))
            if dryRun { break }
            // The same check failing again right after its task: the rest happens outside casus.
            let attempt = check.id + "|" + (check.detail?.nl ?? "")
            if attempt == lastAttempt {
                prompter.say(TerminalText.manual)
                if let commands = TerminalText.commands(for: check, caseId: dossier.casus.id, in: dossier) {
                    prompter.say(commands)
                }
                break
            }
            lastAttempt = attempt
            let outcome: StepOutcome
            switch task {
            case .manual(let text):
                var said = check.state == .blocked ? TerminalText.coachNeeded(check) : text
                if let commands = TerminalText.commands(for: check, caseId: dossier.casus.id, in: dossier) {
                    said = Localized(nl: said.nl + "\n" + commands.nl, en: said.en + "\n" + commands.en)
                }
                outcome = .manual(said)
            case .form(let form):
                outcome = try casework.saveStep(dossier.casus.id, form, try prompter.answers(for: form))
            }
            guard case .changed(let saved, _) = outcome else {
                if case .manual(let text) = outcome {
                    prompter.say(text)
                    if case .form = task,
                        let commands = TerminalText.commands(for: check, caseId: dossier.casus.id, in: dossier)
                    {
                        prompter.say(commands)
                    }
                }
                warnUnused(prompter, context)
                return
            }
            let narrativeBefore = dossier.casus.currentNarrative
            let before = dossier
            dossier = saved
            prompter.say(PromptText.saved)
            if let change = TerminalText.howToChange(check.id, caseId: dossier.casus.id, before: before, after: saved) {
                prompter.say(change)
            }
            if dossier.casus.currentNarrative != narrativeBefore,
                let report = try DossierLint.report(for: dossier, interfaceLanguage: context.language)
            {
                let result = DossierLint.gateInput(report, transcriptsAvailable: true)
                prompter.say(
                    WorkflowText.lintFindings(
                        voice: result?.voiceFindings ?? 0, abstract: result?.abstractFindings ?? 0,
                        other: result?.otherFindings ?? 0))
                // The findings themselves, with their sentences: opinion and judgement first.
                let order: [LintCategory] = [.mening, .oordeel, .perspectief, .abstract]
                let shown = report.findings.filter { order.contains($0.category) }
                    .sorted {
                        (order.firstIndex(of: $0.category) ?? 9, $0.line) < (
                            order.firstIndex(of: $1.category) ?? 9, $1.line
                        )
                    }
                for finding in shown.prefix(12) {
                    let sentence = finding.sentence.map { " — “" + Output.short($0, 90) + "”" } ?? ""
                    prompter.say(
                        Localized(
                            nl: "  regel \(finding.line), \(finding.category.label.nl): \(finding.message)\(sentence)",
                            en: "  line \(finding.line), \(finding.category.label.en): \(finding.message)\(sentence)"))
                }
                if shown.count > 12 {
                    prompter.say(
                        Localized(
                            nl: "  … en nog \(shown.count - 12): `casus lint --case \(dossier.casus.id)`",
                            en: "  … and \(shown.count - 12) more: `casus lint --case \(dossier.casus.id)`"))
                }
            }
            // A new narrative's quotations that stand in a transcript are offered as quotes.
            if dossier.casus.currentNarrative != narrativeBefore, let form = RouteForms.quotationsForm(dossier) {
                let registered = try casework.saveStep(dossier.casus.id, form, try prompter.answers(for: form))
                switch registered {
                case .changed(let withQuotes, _):
                    prompter.say(TerminalText.quotesRegistered(withQuotes.quotes.count - dossier.quotes.count))
                    dossier = withQuotes
                case .manual(let text):
                    prompter.say(text)
                    prompter.say(TerminalText.quoteCommand(dossier.casus.id))
                }
            }
            // Without --until, ask before going on; the end of the input means stop here.
            if until == nil {
                guard (try? prompter.yesNo("doorgaan", PromptText.continueQuestion, default: true)) == true else {
                    break
                }
            }
        }
        warnUnused(prompter, context)
    }

    private func warnUnused(_ prompter: Prompter, _ context: Context) {
        let unused = prompter.unusedKeys
        guard !unused.isEmpty else { return }
        Output.error(
            context.t(
                "casus: niet gebruikte antwoorden: \(unused.joined(separator: ", ")).",
                "casus: answers not used: \(unused.joined(separator: ", "))."))
    }
}

/// The timeline round of `casus next`: agencies, events and hand-offs, one at a time, each saved on its
/// own with the same record forms (and rules) as the browser's timeline page.
struct TimelineRound {
    let casework: Casework
    let prompter: Prompter

    /// At most this many records of one kind in one round: a script that answers "ja" forever stops.
    static let limit = 200

    func run(_ start: Dossier) throws -> Dossier {
        var dossier = start
        prompter.say(TerminalText.timelineSummary(dossier))
        // A timeline that has events is only added to when the researcher says so.
        if !dossier.events.isEmpty,
            (try? prompter.yesNo("tijdlijn", TerminalText.addToTimeline, default: false)) != true
        {
            return dossier
        }
        let kinds: [(RecordForms.Kind, String, Localized, Bool)] = [
            (.instantie, "tijdlijn-instantie", TerminalText.addAgency, dossier.agencies.isEmpty),
            (.gebeurtenis, "tijdlijn-gebeurtenis", TerminalText.addEvent, dossier.events.isEmpty),
            (.overdracht, "tijdlijn-overdracht", TerminalText.addHandoff, dossier.handoffs.isEmpty),
        ]
        for (kind, key, question, first) in kinds {
            var added = 0
            // The first question says yes when there is none yet; "nog een" says no.
            var ask = question
            var suggestion = first
            // The end of the input, or "nee", ends this kind.
            while added < Self.limit, (try? prompter.yesNo(key, ask, default: suggestion)) == true {
                do {
                    let form = RecordForms.form(kind, for: dossier)
                    guard
                        case .changed(let saved, _) = try casework.saveStep(
                            dossier.casus.id, form, try prompter.answers(for: form))
                    else { break }
                    dossier = saved
                    added += 1
                    prompter.say(TerminalText.recordSaved(kind, in: dossier))
                } catch let error as CasusError where error.kind == .invalidInput || error.kind == .conflict {
                    // A refused record (a duplicate hand-off, say) is said, and the round goes on.
                    prompter.say(error.message)
                }
                // Answers given with --answer would be the same record again: once is enough.
                if prompter.givenKeys.contains(key) { break }
                ask = TerminalText.another(kind)
                suggestion = false
            }
        }
        prompter.say(TerminalText.timelineSummary(dossier))
        return dossier
    }
}
