import CasusApp
import CasusCore
import Foundation

/// What the terminal says around the route's questions: the parts that name keys, flags, commands
/// and the editor, which a web form has no use for.
enum TerminalText {
    static let tryAgain = Localized(nl: "Probeer het opnieuw.", en: "Please try again.")
    static let aborted = Localized(
        nl: "Gestopt; er is niets opgeslagen van deze stap.", en: "Stopped; nothing of this step was saved.")
    static let tooManyTries = Localized(
        nl: "Te veel ongeldige antwoorden; er is niets opgeslagen van deze stap.",
        en: "Too many invalid answers; nothing of this step was saved.")
    static func missingAnswer(_ key: String) -> Localized {
        Localized(
            nl: "Geen antwoord op '\(key)'. Geef het met --answer \(key)=… of beantwoord de vraag.",
            en: "No answer for '\(key)'. Give it with --answer \(key)=… or answer the question.")
    }
    static func coachNeeded(_ check: GateCheck) -> Localized {
        Localized(
            nl: "Dit kan alleen een coach oplossen: `casus override <casus> --check \(check.id) --reason …`.",
            en: "Only a coach can resolve this: `casus override <case> --check \(check.id) --reason …`.")
    }
    static let manual = Localized(
        nl: "Dit gebeurt buiten casus; leg het daarna vast met de genoemde opdrachten.",
        en: "This happens outside casus; record it afterwards with the commands named.")
    static let backHint = Localized(
        nl: "(Typ < om terug te gaan naar de vorige vraag; er wordt pas aan het eind van de stap opgeslagen.)",
        en: "(Type < to go back to the previous question; nothing is saved before the end of the step.)")
    static let nothingBefore = Localized(
        nl: "Dit is de eerste vraag van deze stap.", en: "This is the first question of this step.")
    static func backTo(_ previous: String) -> Localized {
        Localized(nl: "Terug. Uw vorige antwoord was: \(previous)", en: "Back. Your previous answer was: \(previous)")
    }
    static func quotesRegistered(_ count: Int) -> Localized {
        Localized(nl: "\(count) citaat/citaten vastgelegd.", en: "\(count) quote(s) registered.")
    }
    static func quoteCommand(_ caseId: String) -> Localized {
        Localized(
            nl: "Later: casus quote add \(caseId) --interview <I-id> --text \"…\"",
            en: "Later: casus quote add \(caseId) --interview <I-id> --text \"…\"")
    }
    static let editorHint = Localized(
        nl: "pad naar een bestand, of Enter om de editor ($EDITOR) te openen",
        en: "path to a file, or Enter to open the editor ($EDITOR)")
    static let listHint = Localized(nl: "met komma's ertussen", en: "comma-separated")
}

extension TerminalText {
    /// The commands that record what happens outside casus for a check, at the terminal.
    static func commands(for check: GateCheck, caseId: String, in dossier: Dossier) -> Localized? {
        switch CheckID(rawValue: check.id) {
        case .agenciesContacted?:
            let lines = Gates.agenciesNotContacted(dossier).map {
                "  casus agency set \(caseId) \($0.id) --contact gesproken   (of: geweigerd)"
            }
            guard !lines.isEmpty else { return nil }
            let text = lines.joined(separator: "\n")
            return Localized(
                nl: "Daarna:\n" + text, en: "Then:\n" + text.replacingOccurrences(of: "(of:", with: "(or:"))
        case .findings?:
            return Localized(
                nl:
                    "Daarna: casus finding add \(caseId) --agency <id> --level uitvoering --claim \"…\" --status bevestigd|weersproken|genuanceerd",
                en:
                    "Then: casus finding add \(caseId) --agency <id> --level uitvoering --claim \"…\" --status bevestigd|weersproken|genuanceerd"
            )
        case .lint?:
            return Localized(
                nl: "De zinnen: casus lint --case \(caseId); een nieuwe versie: casus narrative set \(caseId) --file …",
                en: "The sentences: casus lint --case \(caseId); a new version: casus narrative set \(caseId) --file …")
        case .wederhoorDone?:
            return Localized(
                nl:
                    "Vastleggen: casus wederhoor send \(caseId) --agency <id> …, daarna casus wederhoor respond \(caseId) <W-id> …",
                en:
                    "To record: casus wederhoor send \(caseId) --agency <id> …, then casus wederhoor respond \(caseId) <W-id> …"
            )
        default:
            return nil
        }
    }
}

extension Remedy {
    /// The command that does it at the terminal, shown under the error.
    func command(_ language: Language) -> String {
        let nl = language != .en
        switch self {
        case .listCases: return nl ? "`casus case list` toont de casussen." : "`casus case list` shows the cases."
        case .createStore:
            return nl
                ? "Maak er een met `casus init`, of kies een andere met --store of CASUS_STORE."
                : "Create one with `casus init`, or pick another with --store or CASUS_STORE."
        case .chooseStore:
            return nl
                ? "Geef met --store of CASUS_STORE de map van de opslag."
                : "Give the folder with --store or CASUS_STORE."
        case .restoreBackup: return nl ? "Terugzetten: `casus store restore`." : "To restore: `casus store restore`."
        case .recordWithdrawal(let caseId):
            let target = caseId ?? (nl ? "<casus>" : "<case>")
            return (nl ? "Intrekken: " : "To withdraw: ") + "`casus consent withdraw \(target) …`."
        case .recordNarrative(let caseId): return "`casus narrative set \(caseId) <file>`."
        case .choosePublicationForm(let caseId):
            return "`casus case set \(caseId) --publication anoniem|pseudoniem|naam`."
        case .exportWithAttachments: return "`casus export … --attachments include`."
        case .replaceExisting: return nl ? "Vervangen: --replace." : "To replace it: --replace."
        case .searchText: return nl ? "Zoek de naam met `casus search`." : "Find the name with `casus search`."
        case .listLintRules:
            return nl ? "`casus lint --list-rules` toont de regels." : "`casus lint --list-rules` lists the rules."
        case .narrowJourney(let views):
            return (nl ? "Bijvoorbeeld " : "For example ")
                + views.prefix(2).map { "--view \($0)" }.joined(separator: ", ")
                + (nl ? ", of --format csv." : ", or --format csv.")
        }
    }
}

extension TerminalText {
    /// After a step is saved: the command that changes what was just answered, naming the record the
    /// step made or changed (`before` → `after`).
    static func howToChange(_ checkId: String, caseId: String, before: Dossier, after: Dossier) -> Localized? {
        func newest<T>(_ path: KeyPath<Dossier, [T]>, _ id: KeyPath<T, String>) -> String {
            let old = Set(before[keyPath: path].map { $0[keyPath: id] })
            return after[keyPath: path].last { !old.contains($0[keyPath: id]) }?[keyPath: id]
                ?? after[keyPath: path].last?[keyPath: id] ?? "<id>"
        }
        func change(_ nl: String, _ en: String) -> Localized {
            Localized(nl: "Wijzigen: " + nl, en: "To change: " + en)
        }
        if let number = CheckID.preconditionNumber(checkId) {
            let command = "casus selection set \(caseId) \(number) --met ja|nee --justification \"…\""
            return change(command + " (per voorwaarde)", command + " (per precondition)")
        }
        let interview = newest(\.interviews, \.id)
        let consent = Localized(
            nl: "Het toestemmingsregister wordt alleen aangevuld: een nieuwe beslissing met `casus consent record "
                + "\(caseId) <persoon> …`, intrekken met `casus consent withdraw \(caseId) <persoon> …`.",
            en: "The consent ledger only grows: a new decision with `casus consent record \(caseId) <person> …`, "
                + "a withdrawal with `casus consent withdraw \(caseId) <person> …`.")
        switch CheckID(rawValue: checkId) {
        case .endUser?, .surroundings?:
            let person = newest(\.participants, \.id)
            let command = "casus person set \(caseId) \(person) --pseudonym … --pronoun zij|hij|hen|naam"
            return change(
                command + "; de echte naam: casus person identity \(caseId) \(person) --set-real-name …",
                command + "; the real name: casus person identity \(caseId) \(person) --set-real-name …")
        case .interview?, .duration?, .safety?, .explained?:
            let command =
                "casus interview set \(caseId) \(interview) --at … --planned … --actual … --place … "
                + "--safety-checked ja|nee --story-explained ja|nee"
            return change(command, command)
        case .transcript?:
            let command = "casus interview transcript \(caseId) \(interview) --file …"
            return change(command + " (citaten schuiven mee)", command + " (quotes move along)")
        case .interviewConsent?, .recordingConsent?, .transcriptionConsent?, .narrativeConsent?, .quoteConsent?,
            .sharingConsent?, .reportConsent?:
            return consent
        case .narrative?, .quotesTraceable?, .lint?:
            return change(
                "een nieuwe versie met casus narrative set \(caseId) --file …; terug naar een eerdere: "
                    + "casus narrative use \(caseId) <versie>",
                "a new version with casus narrative set \(caseId) --file …; back to an earlier one: "
                    + "casus narrative use \(caseId) <version>")
        case .agenciesContacted?:
            let command = "casus agency set \(caseId) <instantie> --contact niet-benaderd|benaderd|gesproken|geweigerd"
            return change(command, command.replacingOccurrences(of: "<instantie>", with: "<agency>"))
        case .findings?:
            let finding = newest(\.findings, \.id)
            let command = "casus finding set \(caseId) \(finding) --status … --note … --event …"
            return change(
                command + "; weghalen: casus finding remove \(caseId) \(finding)",
                command + "; to remove: casus finding remove \(caseId) \(finding)")
        case .leervraag?, .leervragenLinked?:
            return Localized(
                nl: "Wijzigen: in de browser (Leervragen en dilemma's → Wijzigen); de terminal kent alleen "
                    + "`casus leervraag add`.",
                en: "To change: in the browser (Leervragen and dilemma's → Change); the terminal only has "
                    + "`casus leervraag add`.")
        case .summary?:
            let command = "casus case set \(caseId) --summary \"…\""
            return change(command, command)
        case .publicationForm?:
            let command = "casus case set \(caseId) --publication anoniem|pseudoniem|naam"
            return change(command, command)
        case .wederhoorDone?, nil:
            return nil
        }
    }
}

extension TerminalText {
    static func timelineSummary(_ dossier: Dossier) -> Localized {
        let missing = dossier.handoffs.filter { !$0.happened }.count
        return Localized(
            nl: "Tijdlijn: \(dossier.events.count) gebeurtenissen, \(dossier.agencies.count) instanties, "
                + "\(dossier.handoffs.count) overdrachten (\(missing) die er niet kwamen).",
            en: "Timeline: \(dossier.events.count) events, \(dossier.agencies.count) agencies, "
                + "\(dossier.handoffs.count) hand-offs (\(missing) that did not happen).")
    }
    static let addToTimeline = Localized(
        nl: "De tijdlijn nu aanvullen (instanties, gebeurtenissen, overdrachten)?",
        en: "Add to the timeline now (agencies, events, hand-offs)?")
    static let addAgency = Localized(
        nl: "Een instantie toevoegen waar de eindgebruiker mee te maken had?",
        en: "Add an agency the end user dealt with?")
    static let addEvent = Localized(
        nl: "Een gebeurtenis op de tijdlijn zetten?", en: "Put an event on the timeline?")
    static let addHandoff = Localized(
        nl: "Een overdracht tussen instanties vastleggen (ook een die er had moeten zijn)?",
        en: "Record a hand-off between agencies (also one that should have happened)?")

    static func another(_ kind: RecordForms.Kind) -> Localized {
        switch kind {
        case .instantie: Localized(nl: "Nog een instantie?", en: "Another agency?")
        case .overdracht: Localized(nl: "Nog een overdracht?", en: "Another hand-off?")
        default: Localized(nl: "Nog een gebeurtenis?", en: "Another event?")
        }
    }

    /// What was saved, with the command that changes it later.
    static func recordSaved(_ kind: RecordForms.Kind, in dossier: Dossier) -> Localized {
        let caseId = dossier.casus.id
        switch kind {
        case .instantie:
            let id = dossier.agencies.last?.id ?? "?"
            return Localized(
                nl: "Instantie \(id) toegevoegd. Wijzigen: casus agency set \(caseId) \(id) …",
                en: "Agency \(id) added. To change: casus agency set \(caseId) \(id) …")
        case .overdracht:
            let id = dossier.handoffs.last?.id ?? "?"
            return Localized(
                nl: "Overdracht \(id) vastgelegd. Weghalen: casus handoff remove \(caseId) \(id)",
                en: "Hand-off \(id) recorded. To remove: casus handoff remove \(caseId) \(id)")
        default:
            let id = dossier.events.last?.id ?? "?"
            return Localized(
                nl: "Gebeurtenis \(id) toegevoegd. Wijzigen: casus event set \(caseId) \(id) …",
                en: "Event \(id) added. To change: casus event set \(caseId) \(id) …")
        }
    }
}
