import ArgumentParser
import CasusApp
import CasusCore
import Foundation

struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: say(
            "Instanties in de casus en de stand van de contra-expertise.",
            "Agencies in the case and where the contra-expertise stands."),
        subcommands: [Add.self, List.self, Change.self])

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: say("Een instantie toevoegen.", "Add an agency."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option(
            help: help(
                "Naam, bijv. 'Centraal Justitieel Incassobureau'.", "Name, e.g. 'Centraal Justitieel Incassobureau'."))
        var name: String
        @Option(
            help: help("Kort id (slug); anders afgeleid van de naam.", "Short id (slug); else derived from the name."))
        var id: String?
        @Option(
            help: help(
                "Soort: gemeente, schuldhulpverlening, incasso, politie …",
                "Kind: municipality, debt counselling, collection, police …")) var kind: String?
        @Option var contact: ContactStatus = .nietBenaderd
        @Option var note: String?

        func execute(_ context: Context) throws {
            let agencyId = try context.casework().addAgency(
                caseId, name: name, id: id, kind: kind, contact: contact, note: note)
            context.print("Instantie '\(agencyId)' toegevoegd.", "Agency '\(agencyId)' added.")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De instanties.", "The agencies."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.agencies) }
            Output.table(
                [
                    "ID", context.t("NAAM", "NAME"), context.t("CONTACT", "CONTACT"),
                    context.t("BEVINDINGEN", "FINDINGS"),
                ],
                dossier.agencies.map { a in
                    [
                        a.id, a.name, context.t(a.contact.label),
                        String(dossier.findings.filter { $0.agencyId == a.id }.count),
                    ]
                })
        }
    }

    struct Change: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: say("Een instantie wijzigen.", "Change an agency."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var agencyId: String
        @Option var name: String?
        @Option var kind: String?
        @Option var contact: ContactStatus?
        @Option var note: String?

        func execute(_ context: Context) throws {
            try context.casework().changeAgency(caseId, agencyId, name: name, kind: kind, contact: contact, note: note)
            context.print("Instantie bijgewerkt.", "Agency updated.")
        }
    }
}

struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding",
        abstract: say("Bevindingen van de contra-expertise per bewering.", "Contra-expertise findings per claim."),
        subcommands: [Add.self, List.self, Change.self, Remove.self])

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: say("Een bevinding vastleggen.", "Record a finding."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option var agency: String
        @Option(help: help("Niveau van wie antwoordde.", "Level of who answered.")) var level: AgencyLevel
        @Option(help: help("De bewering uit het verhaal.", "The claim from the story.")) var claim: String
        @Option(
            help: help(
                "bevestigd, weersproken, genuanceerd, onbevestigd of geweigerd.",
                "bevestigd, weersproken, genuanceerd, onbevestigd or geweigerd.")) var status: FindingStatus
        @Option(help: help("Bron: gesprek, dossierstuk, brief.", "Source: interview, file document, letter."))
        var source: String?
        @Option(help: help("Wie antwoordde (pseudoniem).", "Who answered (pseudonym).")) var respondent: String?
        @Option(help: help("Gebeurtenis waar het over gaat (herhaalbaar).", "Event it is about (repeatable)."))
        var event: [String] = []
        @Option var note: String?

        func execute(_ context: Context) throws {
            var new = NewFinding(agency: agency, level: level, claim: claim, status: status)
            new.source = source
            new.respondent = respondent
            new.eventIds = event
            new.note = note
            let id = try context.casework().addFinding(caseId, new)
            context.print("Bevinding \(id) vastgelegd.", "Finding \(id) recorded.")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De bevindingen.", "The findings."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.findings) }
            Output.table(
                [
                    "ID", context.t("INSTANTIE", "AGENCY"), context.t("NIVEAU", "LEVEL"), "STATUS",
                    context.t("BEWERING", "CLAIM"),
                ],
                dossier.findings.map { f in
                    [f.id, f.agencyId, context.t(f.level.label), context.t(f.status.label), Output.short(f.claim, 70)]
                })
        }
    }

    struct Change: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: say("Een bevinding bijwerken.", "Update a finding."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var findingId: String
        @Option var status: FindingStatus?
        @Option var level: AgencyLevel?
        @Option var claim: String?
        @Option var source: String?
        @Option(help: help("Wat de instantie zei.", "What the agency said.")) var note: String?
        @Option(
            name: .customLong("event"),
            help: help(
                "Gebeurtenis waar het over gaat (herhaalbaar; vervangt de lijst).",
                "Event it is about (repeatable; replaces the list).")) var events: [String] = []
        @Flag(name: .customLong("no-events"), help: help("Koppel los van alle gebeurtenissen.", "Unlink every event."))
        var noEvents = false

        func execute(_ context: Context) throws {
            var change = FindingChange()
            if noEvents { change.eventIds = [] } else if !events.isEmpty { change.eventIds = events }
            change.status = status
            change.level = level
            change.claim = claim
            change.source = source
            change.note = note
            try context.casework().changeFinding(caseId, findingId, change)
            context.print("Bevinding bijgewerkt.", "Finding updated.")
        }
    }

    struct Remove: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: say("Een bevinding weghalen.", "Remove a finding."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var findingId: String

        func execute(_ context: Context) throws {
            try context.casework().removeFinding(caseId, findingId)
            context.print("Bevinding weggehaald.", "Finding removed.")
        }
    }
}
