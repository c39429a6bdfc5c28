import ArgumentParser
import CasusApp
import CasusCore
import Foundation

struct SelectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selection",
        abstract: say(
            "De zeven voorwaarden van de casusselectie (stap 0).", "The seven preconditions of case selection (step 0)."
        ),
        subcommands: [Answer.self, Show.self])

    struct Answer: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: say(
                "Eén voorwaarde beantwoorden, met onderbouwing.", "Answer one precondition, with a justification."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument(help: help("Nummer van de voorwaarde, 1 t/m 7.", "Number of the precondition, 1 to 7.")) var number:
            Int
        @Option(help: help("Voldaan: ja of nee.", "Met: yes or no.")) var met: String
        @Option(help: help("Korte onderbouwing.", "Short justification.")) var justification: String

        func validate() throws {
            guard (1...7).contains(number) else {
                throw ValidationError(say("Het nummer moet 1 t/m 7 zijn.", "The number must be 1 to 7."))
            }
        }

        func execute(_ context: Context) throws {
            try context.casework().answerPrecondition(
                caseId, number: number, met: try InputParsing.yesNo(met), justification: justification)
            context.print("Voorwaarde \(number) vastgelegd.", "Precondition \(number) recorded.")
        }
    }

    struct Show: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: say("De casusselectie tonen.", "Show the case selection."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.selection) }
            for precondition in Precondition.allCases {
                let answer = dossier.selection.first { $0.number == precondition.rawValue }
                let mark = answer.map { $0.met ? context.t("[ja] ", "[yes]") : context.t("[nee]", "[no] ") } ?? "[ ? ]"
                print("\(precondition.rawValue). \(mark) \(context.t(precondition.label))")
                if let answer { print("         \(answer.justification) — \(answer.answeredBy), \(answer.at.day)") }
            }
        }
    }
}
