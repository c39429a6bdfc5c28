import CasusCore
import CasusStore
import Foundation

extension Casework {
    /// Saves a new narrative version and makes it current. Refuses an empty text and a text equal to
    /// the current version. Returns the new version's number.
    public func saveNarrative(_ caseId: String, text: String, author: String?, note: String?) throws -> Int {
        try require(.edit, caseId: caseId)
        guard Optional(text).nonBlank != nil else {
            throw CasusError(.invalidInput, nl: "De tekst is leeg.", en: "The text is empty.")
        }
        var number = 0
        try store.modify(caseId) { dossier in
            if dossier.currentNarrative?.text == text {
                throw CasusError(
                    .conflict, nl: "Deze tekst is gelijk aan de huidige versie; er is niets opgeslagen.",
                    en: "This text equals the current version; nothing was saved.")
            }
            number = (dossier.narrative.map(\.number).max() ?? 0) + 1
            dossier.narrative.append(
                NarrativeVersion(
                    number: number, author: author.nonBlank ?? actor.name, text: text,
                    note: note.nonBlank))
            dossier.casus.currentNarrative = number
        }
        return number
    }

    /// Makes an earlier version current again.
    public func useNarrativeVersion(_ caseId: String, _ version: Int) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            guard dossier.narrative.contains(where: { $0.number == version }) else {
                throw CasusError(
                    .notFound, nl: "Versie \(version) bestaat niet.", en: "Version \(version) does not exist.")
            }
            dossier.casus.currentNarrative = version
        }
    }
}
