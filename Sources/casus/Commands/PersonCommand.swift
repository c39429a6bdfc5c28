import ArgumentParser
import CasusApp
import CasusCore
import CasusStore
import Foundation

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: say(
            "Personen onder pseudoniem; echte namen alleen in de sleutelkluis.",
            "People under pseudonyms; real names only in the key vault."),
        subcommands: [Add.self, List.self, Change.self, Remove.self, Identity.self])

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: say("Een persoon toevoegen onder pseudoniem.", "Add a person under a pseudonym."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option(
            help: help(
                "Pseudoniem, zoals het in narratief en rapport staat.",
                "Pseudonym, as it appears in narrative and report.")) var pseudonym: String
        @Option(
            help: help(
                "Rol: eindgebruiker, omgeving of medewerker.",
                "Role: eindgebruiker (end user), omgeving (close to the end user) or medewerker (agency staff)."))
        var role: ParticipantRole
        @Option(
            help: help(
                "Voor de eindgebruiker: burger, ondernemer of professional.",
                "For the end user: burger, ondernemer or professional.")) var kind: EndUserKind?
        @Option(help: help("Voor een medewerker: id van de instantie.", "For agency staff: the agency's id."))
        var agency: String?
        @Option(
            help: help(
                "Voor een medewerker: uitvoering, management, beleid, bestuur of expert.", "For agency staff: level."))
        var level: AgencyLevel?
        @Option(help: help("Relatie tot de eindgebruiker (buurvrouw, wijkagent, zus).", "Relation to the end user."))
        var relation: String?
        @Option(help: help("Beschrijving zonder herleidbare gegevens.", "Description without identifying details."))
        var description: String?
        @Option(
            help: help(
                "Hoe teksten naar de persoon verwijzen: zij, hij, hen of naam (standaard: met het pseudoniem).",
                "How texts refer to the person: zij, hij, hen or naam (default: by pseudonym).")) var pronoun: Pronoun?
        @Option(
            name: .customLong("real-name"),
            help: help("Echte naam: alleen in de sleutelkluis bewaard.", "Real name: kept only in the key vault."))
        var realName: String?
        @Option(help: help("Contactgegevens: alleen in de sleutelkluis.", "Contact details: only in the key vault."))
        var contact: String?

        func execute(_ context: Context) throws {
            var new = NewParticipant(pseudonym: pseudonym, role: role)
            new.endUserKind = kind
            new.agency = agency
            new.level = level
            new.relation = relation
            new.description = description
            new.pronoun = pronoun
            new.realName = realName
            new.contact = contact
            let added = try context.casework().addParticipant(caseId, new)
            context.print(
                "\(added.pseudonym) toegevoegd als \(added.id)."
                    + (realName == nil ? "" : " De echte naam staat in de sleutelkluis (\(context.vault.url.path))."),
                "\(added.pseudonym) added as \(added.id)."
                    + (realName == nil ? "" : " The real name is in the key vault (\(context.vault.url.path))."))
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: say("De personen van een casus, onder pseudoniem.", "A case's participants, under pseudonym."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.participants) }
            Output.table(
                ["ID", context.t("PSEUDONIEM", "PSEUDONYM"), context.t("ROL", "ROLE"), context.t("BIJ", "WITH")],
                dossier.participants.map { p in
                    [
                        p.id, p.pseudonym, context.t(p.role.label),
                        [
                            p.agencyId.map { dossier.agency($0)?.name ?? $0 }, p.level.map { context.t($0.label) },
                            p.relation, p.endUserKind.map { context.t($0.label) },
                        ]
                        .compactMap { $0 }.joined(separator: " · "),
                    ]
                })
        }
    }

    struct Change: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: say("Gegevens van een persoon wijzigen.", "Change a participant's details."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument(help: help("Pseudoniem of id.", "Pseudonym or id.")) var person: String
        @Option var pseudonym: String?
        @Option var kind: EndUserKind?
        @Option var agency: String?
        @Option var level: AgencyLevel?
        @Option var relation: String?
        @Option var description: String?
        @Option(help: help("zij, hij, hen of naam.", "zij, hij, hen or naam.")) var pronoun: Pronoun?

        func execute(_ context: Context) throws {
            var change = ParticipantChange()
            change.pronoun = pronoun
            change.pseudonym = pseudonym
            change.endUserKind = kind
            change.agency = agency
            change.level = level
            change.relation = relation
            change.description = description
            try context.casework().changeParticipant(caseId, person, change)
            context.print("Persoon bijgewerkt.", "Participant updated.")
        }
    }

    struct Remove: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: say(
                "Een persoon verwijderen die nergens in het dossier voorkomt.",
                "Remove a participant who appears nowhere in the dossier."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var person: String

        func execute(_ context: Context) throws {
            let removed = try context.casework().removeParticipant(caseId, person)
            context.print("Persoon \(removed) verwijderd.", "Participant \(removed) removed.")
        }
    }

    struct Identity: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "identity",
            abstract: say(
                "De echte naam achter een pseudoniem vastleggen of opzoeken (wordt gelogd).",
                "Record or look up the real name behind a pseudonym (logged)."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var person: String
        @Option(name: .customLong("set-real-name"), help: help("Leg deze echte naam vast.", "Record this real name."))
        var realName: String?
        @Option var contact: String?
        @Flag(help: help("Wis de echte naam uit de sleutelkluis.", "Erase the real name from the key vault."))
        var forget = false

        func execute(_ context: Context) throws {
            let work = try context.casework()
            if forget {
                let participant = try work.forgetIdentity(caseId, person)
                return context.print(
                    "Echte naam van \(participant.pseudonym) gewist.", "Real name of \(participant.pseudonym) erased.")
            }
            if let realName = nonEmpty(realName) {
                let participant = try work.setIdentity(caseId, person, realName: realName, contact: contact)
                return context.print(
                    "Echte naam van \(participant.pseudonym) staat in de sleutelkluis.",
                    "Real name of \(participant.pseudonym) is in the key vault.")
            }
            let (_, identity) = try work.revealIdentity(caseId, person)
            print(identity.realName + (identity.contact.map { "\n" + $0 } ?? ""))
        }
    }
}
