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
            let agencyId = id ?? Casus.slug(from: name)
            guard Casus.isValidID(agencyId) else {
                throw CasusError(
                    .invalidInput, nl: "'\(agencyId)' is geen bruikbaar id: alleen letters, cijfers, '-', '_' en '.'.",
                    en: "'\(agencyId)' is not a usable id: letters, digits, '-', '_' and '.' only.")
            }
            try context.store().modify(caseId) { dossier in
                if dossier.agency(agencyId) != nil {
                    throw CasusError(
                        .conflict, nl: "Instantie '\(agencyId)' bestaat al.", en: "Agency '\(agencyId)' exists already."
                    )
                }
                dossier.agencies.append(
                    Agency(id: agencyId, name: name, kind: nonEmpty(kind), contact: contact, note: nonEmpty(note)))
            }
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
            try context.store().modify(caseId) { dossier in
                let id = try dossier.requireAgency(agencyId).id
                guard let i = dossier.agencies.firstIndex(where: { $0.id == id }) else { return }
                if let name = nonEmpty(name) { dossier.agencies[i].name = name }
                if let kind { dossier.agencies[i].kind = nonEmpty(kind) }
                if let contact { dossier.agencies[i].contact = contact }
                if let note { dossier.agencies[i].note = nonEmpty(note) }
            }
            context.print("Instantie bijgewerkt.", "Agency updated.")
        }
    }
}

struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding",
        abstract: say("Bevindingen van de contra-expertise per bewering.", "Contra-expertise findings per claim."),
        subcommands: [Add.self, List.self, Change.self])

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
            var id = ""
            try context.store().modify(caseId) { dossier in
                id = try EntityID.next(prefix: "F", existing: dossier.findings.map(\.id))
                dossier.findings.append(
                    Finding(
                        id: id, agencyId: try dossier.requireAgency(agency).id, level: level, claim: claim,
                        status: status,
                        source: nonEmpty(source),
                        respondentId: try respondent.map { try dossier.requireParticipant($0).id },
                        eventIds: try dossier.requireIDs(
                            event, in: dossier.events.map(\.id), what: Localized(nl: "Gebeurtenis", en: "Event")),
                        note: nonEmpty(note)))
            }
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
        @Option var note: String?

        func execute(_ context: Context) throws {
            try context.store().modify(caseId) { dossier in
                guard let i = dossier.findings.firstIndex(where: { $0.id == findingId }) else {
                    throw CasusError(.notFound, nl: "Geen bevinding '\(findingId)'.", en: "No finding '\(findingId)'.")
                }
                if let status { dossier.findings[i].status = status }
                if let level { dossier.findings[i].level = level }
                if let claim = nonEmpty(claim) { dossier.findings[i].claim = claim }
                if let source { dossier.findings[i].source = nonEmpty(source) }
                if let note { dossier.findings[i].note = nonEmpty(note) }
            }
            context.print("Bevinding bijgewerkt.", "Finding updated.")
        }
    }
}
