import ArgumentParser
import CasusApp
import CasusCore
import Foundation

/// The codebook of a case and the codings of transcripts, quotes and events (as in QDA software).
struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: say(
            "Het codeboek: codes maken en toekennen aan stukken transcript, citaten en gebeurtenissen.",
            "The codebook: make codes and apply them to passages of transcripts, quotes and events."),
        subcommands: [Add.self, Set.self, Remove.self, List.self, Apply.self, Unapply.self, Codings.self])

    struct Fields: ParsableArguments {
        @Option(name: .customLong("colour"), help: help("Kleur als #1F3A5F.", "Colour as #1F3A5F.")) var colour: String?
        @Option(help: help("Wat de code betekent.", "What the code means.")) var description: String?
        @Option(help: help("Bovenliggende code (naam of id).", "Parent code (name or id).")) var parent: String?
        @Option(
            name: .customLong("leervraag"),
            help: help(
                "Leervragen die de code helpt beantwoorden (L1,L2).", "Learning questions it helps answer (L1,L2)."))
        var leervragen: String?

        func apply(to fields: inout CodeFields) {
            fields.colour = colour
            fields.description = description
            fields.parent = parent
            fields.leervraagIds = leervragen.map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
    }

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: say("Een code toevoegen.", "Add a code."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument(help: help("Naam van de code.", "Name of the code.")) var name: String
        @OptionGroup var options: Fields

        func execute(_ context: Context) throws {
            var fields = CodeFields(name: name)
            options.apply(to: &fields)
            let id = try context.casework().addCode(caseId, fields)
            context.print("Code \(id) toegevoegd.", "Code \(id) added.")
        }
    }

    struct Set: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: say("Een code wijzigen.", "Change a code."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument(help: help("Code (naam of id).", "Code (name or id).")) var code: String
        @Option(help: help("Nieuwe naam.", "New name.")) var name: String?
        @OptionGroup var options: Fields

        func execute(_ context: Context) throws {
            var fields = CodeFields(name: name)
            options.apply(to: &fields)
            try context.casework().changeCode(caseId, code, fields)
            context.print("Code gewijzigd.", "Code changed.")
        }
    }

    struct Remove: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: say(
                "Een code weghalen, met haar markeringen; codes eronder schuiven een niveau op.",
                "Remove a code with its codings; codes under it move up a level."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var code: String

        func execute(_ context: Context) throws {
            let count = try context.casework().removeCode(caseId, code)
            context.print("Code weggehaald, met \(count) markering(en).", "Code removed, with \(count) coding(s).")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: say("Het codeboek, met het aantal markeringen per code.", "The codebook, with codings per code."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.codes) }
            var rows: [[String]] = []
            func add(_ parent: String?, depth: Int) {
                for code in dossier.codes where code.parentId == parent {
                    let count = dossier.codings.filter { $0.codeId == code.id }.count
                    rows.append([
                        code.id, String(repeating: "  ", count: depth) + code.name, code.colour ?? "", String(count),
                        code.leervraagIds.joined(separator: ","),
                    ])
                    add(code.id, depth: depth + 1)
                }
            }
            add(nil, depth: 0)
            Output.table(
                [
                    "ID", context.t("CODE", "CODE"), context.t("KLEUR", "COLOUR"), "#",
                    context.t("LEERVRAGEN", "LEARNING"),
                ],
                rows)
        }
    }

    struct Apply: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: say(
                "Een code toekennen: aan woorden in een transcript (--interview met --text of --start/--end), een citaat (--quote) of een gebeurtenis (--event).",
                "Apply a code: to words of a transcript (--interview with --text or --start/--end), a quote (--quote) or an event (--event)."
            ))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument(help: help("Code (naam of id).", "Code (name or id).")) var code: String
        @Option var interview: String?
        @Option(help: help("De letterlijke woorden.", "The verbatim words.")) var text: String?
        @Option(help: help("Begin (Unicode-tekens vanaf 0).", "Start (Unicode scalars from 0).")) var start: Int?
        @Option(help: help("Einde (exclusief).", "End (exclusive).")) var end: Int?
        @Option(help: help("Welke vindplaats (1, 2, …).", "Which occurrence (1, 2, …).")) var occurrence: Int?
        @Option var quote: String?
        @Option var event: String?
        @Option var note: String?

        func execute(_ context: Context) throws {
            let place: CodingPlace
            if let quote {
                place = .quote(quote)
            } else if let event {
                place = .event(event)
            } else if let interview, let text = nonEmpty(text) {
                place = .passage(interviewId: interview, .words(text, occurrence: occurrence))
            } else if let interview, let start, let end {
                place = .passage(interviewId: interview, .span(start: start, end: end))
            } else {
                throw CasusError(
                    .invalidInput, nl: "Geef --interview met --text of --start/--end, of --quote, of --event.",
                    en: "Give --interview with --text or --start/--end, or --quote, or --event.")
            }
            let id = try context.casework().applyCode(caseId, code, to: place, note: note)
            context.print("Markering \(id) vastgelegd.", "Coding \(id) recorded.")
        }
    }

    struct Unapply: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "unapply",
            abstract: say("Een markering weghalen.", "Remove a coding."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument(help: help("Id van de markering (M1).", "Id of the coding (M1).")) var coding: String

        func execute(_ context: Context) throws {
            try context.casework().removeCoding(caseId, coding)
            context.print("Markering weggehaald.", "Coding removed.")
        }
    }

    struct Codings: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "codings",
            abstract: say("De markeringen, per code of voor alles.", "The codings, for one code or all."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option(help: help("Alleen deze code.", "Only this code.")) var code: String?
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            var only: String?
            if let code {
                guard let found = dossier.code(named: code) else {
                    throw CasusError(.notFound, nl: "Geen code '\(code)'.", en: "No code '\(code)'.")
                }
                only = found.id
            }
            let codings = dossier.codings.filter { only == nil || $0.codeId == only }
            if json { return try Output.json(codings) }
            Output.table(
                ["ID", "CODE", context.t("WAAR", "WHERE"), context.t("TEKST", "TEXT")],
                codings.map { c in
                    let name = dossier.codes.first { $0.id == c.codeId }?.name ?? c.codeId
                    let place: String
                    switch c.target {
                    case .span(let interviewId, let start, let end)?: place = "\(interviewId) \(start)–\(end)"
                    case .quote(let id)?: place = id
                    case .event(let id)?: place = id
                    case nil: place = "?"
                    }
                    return [c.id, name, place, c.text.map { "“" + Output.short($0, 60) + "”" } ?? ""]
                })
        }
    }
}
