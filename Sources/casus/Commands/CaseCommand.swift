import ArgumentParser
import CasusApp
import CasusCore
import CasusStore
import Foundation

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: say("Casussen aanmaken, bekijken, wijzigen en wissen.", "Create, view, change and erase cases."),
        subcommands: [New.self, List.self, Show.self, Change.self, Delete.self])

    struct New: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "new", abstract: say("Een nieuwe casus aanmaken.", "Create a new case."))
        @OptionGroup var global: GlobalOptions
        @Option(help: help("Titel van de casus.", "Title of the case.")) var title: String
        @Option(
            help: help(
                "Het vraagstuk dat je vanuit de praktijk wilt verkennen.", "The question to explore from practice."))
        var vraagstuk: String
        @Option(help: help("Opdrachtgever, bijvoorbeeld een rekenkamer.", "Commissioner, e.g. an audit office."))
        var opdrachtgever: String?
        @Option(
            name: .customLong("case-lang"),
            help: help("Taal van narratief en rapport: nl of en.", "Language of narrative and report: nl or en."))
        var caseLanguage: Language = .nl
        @Option(name: .customLong("researcher"), help: help("Onderzoeker (herhaalbaar).", "Researcher (repeatable)."))
        var researchers: [String] = []
        @Option(help: help("Coach die de stappen beoordeelt.", "Coach who reviews the steps.")) var coach: String?
        @Option(help: help("De casus in enkele regels.", "The case in a few lines.")) var summary: String?
        @Option(
            help: help("Eigen id (slug); anders afgeleid van de titel.", "Own id (slug); else derived from the title."))
        var id: String?
        @Option(
            help: help(
                "Hoe het rapport verschijnt: anoniem, pseudoniem of naam.",
                "How the report appears: anoniem, pseudoniem or naam.")) var publication: PublicationForm?
        @Flag(help: help("Toon de casus als JSON.", "Print the case as JSON.")) var json = false

        func execute(_ context: Context) throws {
            var new = NewCase(title: title, vraagstuk: vraagstuk)
            new.id = id
            new.opdrachtgever = opdrachtgever
            new.language = caseLanguage
            new.researchers = researchers
            new.coach = coach
            new.summary = summary
            new.publicationForm = publication
            let casus = try context.casework().createCase(new)
            let caseId = casus.id
            if json {
                try Output.json(casus)
            } else {
                context.print(
                    "Casus '\(caseId)' aangemaakt. Volgende stap: `casus next \(caseId)` loopt de casusselectie met je door.",
                    "Case '\(caseId)' created. Next: `casus next \(caseId)` walks you through the case selection.")
            }
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("Alle casussen in de opslag.", "All cases in the store."))
        @OptionGroup var global: GlobalOptions
        @Option(help: help("Toon hoogstens zoveel casussen.", "Show at most this many cases.")) var limit = 100
        @Flag(help: help("Toon alle casussen.", "Show all cases.")) var all = false
        @Flag(help: help("Als JSON.", "As JSON.")) var json = false

        func execute(_ context: Context) throws {
            let store = try context.store()
            let cases = try store.caseSummaries(limit: all ? nil : max(1, limit))
            if json { return try Output.json(cases) }
            if cases.isEmpty {
                return context.print(
                    "Nog geen casussen. Maak er een met `casus case new` of lees een voorbeeld in met `casus import Samples/…`.",
                    "No cases yet. Create one with `casus case new` or import a sample with `casus import Samples/…`.")
            }
            Output.table(
                [
                    context.t("ID", "ID"), context.t("PERS.", "PEOPLE"), context.t("GEBEURT.", "EVENTS"),
                    context.t("NARR.", "NARR."), context.t("TITEL", "TITLE"),
                ],
                cases.map {
                    [
                        $0.id, String($0.participants), String($0.events),
                        $0.narrativeVersions == 0 ? "-" : "v\($0.narrativeVersions)", $0.title,
                    ]
                })
            let total = all ? cases.count : try store.caseCount()
            if total > cases.count {
                context.print(
                    "… en nog \(total - cases.count) casussen; toon ze met --all of --limit.",
                    "… and \(total - cases.count) more cases; show them with --all or --limit.")
            }
        }
    }

    struct Show: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: say("Een overzicht van één casus.", "An overview of one case."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: help("Id van de casus.", "Id of the case.")) var caseId: String
        @Flag(
            help: help(
                "Het hele dossier als JSON (zonder bijlagen).", "The whole dossier as JSON (without attachments)."))
        var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier) }
            CaseOverview(dossier: dossier, context: context).print()
        }
    }

    struct Change: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: say("Gegevens van een casus wijzigen.", "Change a case's details."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option var title: String?
        @Option var vraagstuk: String?
        @Option var opdrachtgever: String?
        @Option(name: .customLong("case-lang")) var caseLanguage: Language?
        @Option(
            name: .customLong("researcher"),
            help: help("Vervangt de onderzoekers (herhaalbaar).", "Replaces the researchers (repeatable)."))
        var researchers: [String] = []
        @Option var coach: String?
        @Option var summary: String?
        @Option(
            help: help(
                "Hoe het rapport verschijnt: anoniem, pseudoniem of naam.",
                "How the report appears: anoniem, pseudoniem or naam.")) var publication: PublicationForm?

        func execute(_ context: Context) throws {
            var change = CaseChange()
            change.publicationForm = publication
            change.title = title
            change.vraagstuk = vraagstuk
            change.opdrachtgever = opdrachtgever
            change.language = caseLanguage
            change.researchers = researchers
            change.coach = coach
            change.summary = summary
            try context.casework().changeCase(caseId, change)
            context.print("Casus '\(caseId)' bijgewerkt.", "Case '\(caseId)' updated.")
        }
    }

    struct Delete: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: say(
                "Een casus wissen, met toestemmingsregister, bijlagen en echte namen.",
                "Erase a case, with its consent ledger, attachments and real names."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag(
            help: help(
                "Bevestig dat alles van deze casus gewist wordt.", "Confirm that everything of this case is erased."))
        var yes = false

        func execute(_ context: Context) throws {
            let store = try context.store()
            guard try store.caseExists(caseId) else { _ = try store.dossier(caseId); return }
            guard yes else {
                throw CasusError(
                    .invalidInput,
                    nl:
                        "Wissen kan niet ongedaan worden. Herhaal met --yes om casus '\(caseId)' en alles wat erbij hoort te wissen.",
                    en: "Erasing cannot be undone. Repeat with --yes to erase case '\(caseId)' and everything in it.")
            }
            try context.casework().eraseCase(caseId)
            context.print(
                "Casus '\(caseId)' is gewist. Het auditlog bewaart alleen dat hij bestond en gewist is.",
                "Case '\(caseId)' is erased. The audit log keeps only that it existed and was erased.")
        }
    }
}

/// The human overview of a case for `casus case show`.
struct CaseOverview {
    let dossier: Dossier
    let context: Context

    func print() {
        let c = dossier.casus
        func t(_ nl: String, _ en: String) -> String { context.t(nl, en) }
        var lines: [String] = []
        lines.append("\(c.title)  [\(c.id)]")
        lines.append(t("Vraagstuk: ", "Question: ") + c.vraagstuk)
        if let o = c.opdrachtgever { lines.append(t("Opdrachtgever: ", "Commissioner: ") + o) }
        lines.append(
            t("Onderzoekers: ", "Researchers: ") + c.researchers.joined(separator: ", ")
                + (c.coach.map { t(" · coach: ", " · coach: ") + $0 } ?? ""))
        lines.append(
            t("Taal: ", "Language: ") + c.language.rawValue + t(" · aangemaakt ", " · created ") + c.createdAt.day
                + t(" · gewijzigd ", " · changed ") + c.updatedAt.text)
        if let s = c.summary { lines.append(""); lines.append(s) }
        let met = dossier.selection.filter(\.met).count
        lines.append("")
        lines.append(
            t(
                "Casusselectie: \(dossier.selection.count)/7 beantwoord, \(met) voldaan",
                "Case selection: \(dossier.selection.count)/7 answered, \(met) met"))
        lines.append(t("Personen:", "Participants:"))
        let ledger = dossier.consentLedger
        for p in dossier.participants {
            var role = context.t(p.role.label)
            if let agency = p.agencyId {
                role +=
                    " · " + (dossier.agency(agency)?.name ?? agency)
                    + (p.level.map { " (\(context.t($0.label)))" } ?? "")
            }
            if let relation = p.relation { role += " · " + relation }
            let granted = ledger.overview(of: p.id).filter(\.isGranted).map(\.purpose.rawValue)
            lines.append(
                "  \(p.id)  \(p.pseudonym) — \(role)"
                    + (granted.isEmpty ? "" : t("; toestemming: ", "; consent: ") + granted.joined(separator: ", ")))
        }
        lines.append(
            t("Interviews: ", "Interviews: ") + "\(dossier.interviews.count)" + t(", citaten: ", ", quotes: ")
                + "\(dossier.quotes.count)")
        if let n = dossier.currentNarrative {
            lines.append(
                t(
                    "Narratief: versie \(n.number) van \(dossier.narrative.count), \(n.wordCount) woorden, door \(n.author)",
                    "Narrative: version \(n.number) of \(dossier.narrative.count), \(n.wordCount) words, by \(n.author)"
                ))
        } else {
            lines.append(t("Narratief: nog geen versie", "Narrative: no version yet"))
        }
        lines.append(
            t(
                "Tijdlijn: \(dossier.events.count) gebeurtenissen, \(dossier.handoffs.count) overdrachten (\(dossier.handoffs.filter { !$0.happened }.count) ontbrekend)",
                "Timeline: \(dossier.events.count) events, \(dossier.handoffs.count) hand-offs (\(dossier.handoffs.filter { !$0.happened }.count) missing)"
            ))
        lines.append(
            t("Instanties: ", "Agencies: ")
                + dossier.agencies.map { "\($0.name) (\(context.t($0.contact.label)))" }.joined(separator: ", "))
        let counts = Dictionary(grouping: dossier.findings, by: \.status).map {
            "\(context.t($0.key.label)) \($0.value.count)"
        }.sorted()
        lines.append(
            t("Bevindingen: ", "Findings: ") + "\(dossier.findings.count)"
                + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")"))
        lines.append(
            t(
                "Leervragen: \(dossier.leervragen.count) · dilemma's: \(dossier.dilemmas.count) · beoordelingen: \(dossier.reviews.count)",
                "Learning questions: \(dossier.leervragen.count) · dilemmas: \(dossier.dilemmas.count) · reviews: \(dossier.reviews.count)"
            ))
        Swift.print(lines.joined(separator: "\n"))
    }
}
