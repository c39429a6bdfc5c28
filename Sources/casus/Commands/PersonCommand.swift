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
                "Role: eindgebruiker (end user), omgeving (around her) or medewerker (agency staff).")) var role:
            ParticipantRole
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
            name: .customLong("real-name"),
            help: help("Echte naam: alleen in de sleutelkluis bewaard.", "Real name: kept only in the key vault."))
        var realName: String?
        @Option(help: help("Contactgegevens: alleen in de sleutelkluis.", "Contact details: only in the key vault."))
        var contact: String?

        func execute(_ context: Context) throws {
            guard let pseudonym = nonEmpty(pseudonym) else {
                throw CasusError(
                    .invalidInput, nl: "Het pseudoniem mag niet leeg zijn.", en: "The pseudonym must not be empty.")
            }
            if let realName = nonEmpty(realName), NameFolding.sameName(realName, pseudonym) {
                throw CasusError(
                    .invalidInput, nl: "Het pseudoniem is gelijk aan de echte naam. Kies een ander pseudoniem.",
                    en: "The pseudonym equals the real name. Choose another pseudonym.")
            }
            let store = try context.store()
            var added: Participant?
            try store.modify(caseId) { dossier in
                if dossier.participant(named: pseudonym) != nil {
                    throw CasusError(
                        .conflict, nl: "Er is al een persoon met pseudoniem '\(pseudonym)' in deze casus.",
                        en: "There is already a participant with pseudonym '\(pseudonym)' in this case.")
                }
                let agencyId = try agency.map { try dossier.requireAgency($0).id }
                if role == .medewerker && agencyId == nil {
                    throw CasusError(
                        .invalidInput, nl: "Een medewerker hoort bij een instantie: geef --agency.",
                        en: "Agency staff belong to an agency: give --agency.")
                }
                let participant = Participant(
                    id: try EntityID.next(prefix: "P", existing: dossier.participants.map(\.id)), pseudonym: pseudonym,
                    role: role,
                    endUserKind: role == .eindgebruiker ? (kind ?? .burger) : kind, agencyId: agencyId, level: level,
                    relation: nonEmpty(relation), description: nonEmpty(description))
                dossier.participants.append(participant)
                added = participant
            }
            guard let added else { return }
            if let realName = nonEmpty(realName) {
                try context.vault.set(
                    CasusStore.Identity(
                        caseId: caseId, participantId: added.id, realName: realName, contact: nonEmpty(contact),
                        recordedBy: context.actor))
            }
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

        func execute(_ context: Context) throws {
            try context.store().modify(caseId) { dossier in
                let id = try dossier.requireParticipant(person).id
                guard let index = dossier.participants.firstIndex(where: { $0.id == id }) else { return }
                if let pseudonym = nonEmpty(pseudonym) {
                    if let other = dossier.participant(named: pseudonym), other.id != id {
                        throw CasusError(
                            .conflict, nl: "Pseudoniem '\(pseudonym)' is al van \(other.id).",
                            en: "Pseudonym '\(pseudonym)' already belongs to \(other.id).")
                    }
                    dossier.participants[index].pseudonym = pseudonym
                }
                if let kind { dossier.participants[index].endUserKind = kind }
                if let agency { dossier.participants[index].agencyId = try dossier.requireAgency(agency).id }
                if let level { dossier.participants[index].level = level }
                if let relation { dossier.participants[index].relation = nonEmpty(relation) }
                if let description { dossier.participants[index].description = nonEmpty(description) }
            }
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
            var removed = ""
            try context.store().modify(caseId) { dossier in
                let participant = try dossier.requireParticipant(person)
                if dossier.consent.contains(where: { $0.participantId == participant.id }) {
                    throw CasusError(
                        .invalidInput,
                        nl:
                            "\(participant.pseudonym) heeft een toestemmingsgeschiedenis; die blijft bewaard zolang de casus bestaat. Alleen de hele casus kan gewist worden.",
                        en:
                            "\(participant.pseudonym) has a consent history, which is kept as long as the case exists. Only the whole case can be erased."
                    )
                }
                dossier.participants.removeAll { $0.id == participant.id }
                removed = participant.id
            }
            try context.vault.remove(caseId: caseId, participantId: removed)
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
            let store = try context.store()
            let participant = try store.dossier(caseId).requireParticipant(person)
            if forget {
                try context.vault.remove(caseId: caseId, participantId: participant.id)
                try store.logEvent(
                    caseId: caseId, entity: "identity", entityId: participant.id, operation: "forget-identity")
                return context.print(
                    "Echte naam van \(participant.pseudonym) gewist.", "Real name of \(participant.pseudonym) erased.")
            }
            if let realName = nonEmpty(realName) {
                if NameFolding.sameName(realName, participant.pseudonym) {
                    throw CasusError(
                        .invalidInput,
                        nl: "Het pseudoniem is gelijk aan de echte naam. Kies eerst een ander pseudoniem.",
                        en: "The pseudonym equals the real name. Choose another pseudonym first.")
                }
                try context.vault.set(
                    CasusStore.Identity(
                        caseId: caseId, participantId: participant.id, realName: realName, contact: nonEmpty(contact),
                        recordedBy: context.actor))
                try store.logEvent(
                    caseId: caseId, entity: "identity", entityId: participant.id, operation: "set-identity")
                return context.print(
                    "Echte naam van \(participant.pseudonym) staat in de sleutelkluis.",
                    "Real name of \(participant.pseudonym) is in the key vault.")
            }
            guard let identity = try context.vault.identity(caseId: caseId, participantId: participant.id) else {
                throw CasusError(
                    .notFound,
                    nl:
                        "Voor \(participant.pseudonym) staat geen echte naam in de sleutelkluis \(context.vault.url.path).",
                    en: "No real name for \(participant.pseudonym) in the key vault \(context.vault.url.path).")
            }
            try store.logEvent(
                caseId: caseId, entity: "identity", entityId: participant.id, operation: "reveal-identity")
            print(identity.realName + (identity.contact.map { "\n" + $0 } ?? ""))
        }
    }
}
