import ArgumentParser
import CasusApp
import CasusCore
import Foundation

/// Options linking a leervraag or dilemma to the facts it comes from.
struct FactLinks: ParsableArguments {
    @Option(help: help("Gebeurtenis waar het uit voortkomt (herhaalbaar).", "Event it comes from (repeatable)."))
    var event: [String] = []
    @Option(help: help("Bevinding waar het uit voortkomt (herhaalbaar).", "Finding it comes from (repeatable)."))
    var finding: [String] = []
}

struct LeervraagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leervraag",
        abstract: say("Leervragen, gekoppeld aan de feiten.", "Learning questions, linked to the facts."),
        subcommands: [Add.self, List.self])

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: say("Een leervraag toevoegen.", "Add a learning question."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option var text: String
        @OptionGroup var links: FactLinks

        func execute(_ context: Context) throws {
            let id = try context.casework().addLeervraag(
                caseId, text: text, eventIds: links.event, findingIds: links.finding)
            context.print("Leervraag \(id) toegevoegd.", "Learning question \(id) added.")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De leervragen.", "The learning questions."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.leervragen) }
            for l in dossier.leervragen {
                print("\(l.id)  \(l.text)  [\((l.eventIds + l.findingIds).joined(separator: ", "))]")
            }
        }
    }
}

struct DilemmaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dilemma",
        abstract: say(
            "Dilemma's voor de raad, gekoppeld aan de feiten.", "Dilemmas for the council, linked to the facts."),
        subcommands: [Add.self, List.self])

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: say("Een dilemma toevoegen.", "Add a dilemma."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option var text: String
        @Option var explanation: String?
        @OptionGroup var links: FactLinks

        func execute(_ context: Context) throws {
            let id = try context.casework().addDilemma(
                caseId, text: text, explanation: explanation, eventIds: links.event, findingIds: links.finding)
            context.print("Dilemma \(id) toegevoegd.", "Dilemma \(id) added.")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De dilemma's.", "The dilemmas."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.dilemmas) }
            for d in dossier.dilemmas {
                print("\(d.id)  \(d.text)  [\((d.eventIds + d.findingIds).joined(separator: ", "))]")
            }
        }
    }
}

struct WederhoorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wederhoor",
        abstract: say(
            "Wederhoorrondes: verstuurd, reactie, wijzigingen.", "Wederhoor rounds: sent, response, changes."),
        subcommands: [Send.self, Respond.self, List.self])

    struct Send: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: say(
                "Vastleggen dat een concept naar een instantie ging.", "Record that a draft went to an agency."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option var agency: String
        @Option(help: help("ambtelijk of bestuurlijk.", "ambtelijk (officials) or bestuurlijk (executive).")) var kind:
            WederhoorKind
        @Option(help: help("Verstuurd op (standaard nu).", "Sent on (default now).")) var sent: String?
        @Option(help: help("Reactie verwacht voor.", "Response due by.")) var due: String?

        func execute(_ context: Context) throws {
            let id = try context.casework().sendWederhoor(
                caseId, agency: agency, kind: kind, sentAt: try sent.map { try InputParsing.timestamp($0) },
                due: try due.map(InputParsing.fuzzyDate))
            context.print("Wederhoor \(id) vastgelegd.", "Wederhoor \(id) recorded.")
        }
    }

    struct Respond: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "respond",
            abstract: say("De reactie van een instantie vastleggen.", "Record an agency's response."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var roundId: String
        @Option(help: help("Bestand met de reactie, letterlijk.", "File with the response, verbatim.")) var file:
            String?
        @Flag(help: help("De instantie zag af van een reactie.", "The agency declined to respond.")) var declined =
            false
        @Option(help: help("Wat er in het rapport veranderde.", "What changed in the report.")) var changes: String?
        @Option var at: String?

        func execute(_ context: Context) throws {
            let response = try file.map(readText)
            let moment = try at.map { try InputParsing.timestamp($0) }
            guard response != nil || declined else {
                throw CasusError(
                    .invalidInput, nl: "Geef --file met de reactie, of --declined.",
                    en: "Give --file with the response, or --declined.")
            }
            try context.casework().recordWederhoorResponse(
                caseId, round: roundId, response: response, declined: declined, changes: changes, at: moment)
            context.print("Reactie vastgelegd.", "Response recorded.")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De wederhoorrondes.", "The wederhoor rounds."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.wederhoor) }
            Output.table(
                [
                    "ID", context.t("SOORT", "KIND"), context.t("INSTANTIE", "AGENCY"), context.t("VERSTUURD", "SENT"),
                    context.t("REACTIE", "RESPONSE"),
                ],
                dossier.wederhoor.map { w in
                    [
                        w.id, w.kind.rawValue, w.agencyId, w.sentAt.day,
                        w.declined
                            ? context.t("afgezien", "declined")
                            : (w.respondedAt.map { $0.day } ?? context.t("wacht", "waiting")),
                    ]
                })
        }
    }
}
