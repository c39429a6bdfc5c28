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
    static let editorHint = Localized(
        nl: "pad naar een bestand, of Enter om de editor ($EDITOR) te openen",
        en: "path to a file, or Enter to open the editor ($EDITOR)")
}
