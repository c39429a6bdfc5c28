import CasusCore
import CasusLint
import Foundation
import Testing

@Suite("the linter feeds the step-2 gate")
struct DossierLintTests {
    func dossier(narrative: String, transcript: String?) -> Dossier {
        let at = Timestamp("2024-03-05T14:00:00+01:00")!
        var d = Dossier(casus: Casus(id: "klein", title: "Klein", vraagstuk: "Werkt het?", createdAt: at))
        d.participants = [Participant(id: "P1", pseudonym: "Sanne", role: .eindgebruiker)]
        d.interviews = [Interview(id: "I1", participantId: "P1", at: at, transcript: transcript)]
        d.narrative = [NarrativeVersion(number: 1, author: "t", at: at, text: narrative)]
        return d
    }

    @Test("an invented quote is named in the gate, with its own words; voice and abstract findings are counted")
    func untraceable() throws {
        let text = """
            Sanne kreeg een brief. „Ik schrok me kapot," zegt Sanne. „Dat was het ergste van alles," zegt Sanne.
            Dit laat zien dat het systeem faalt.
            """
        let d = dossier(narrative: text, transcript: "Sanne: Ik schrok me kapot toen ik die brief zag.")
        let result = try #require(try DossierLint.gateInput(for: d))
        #expect(
            result.untraceableQuotes == ["Dat was het ergste van alles,"]
                || result.untraceableQuotes == ["Dat was het ergste van alles"],
            "\(result.untraceableQuotes)")
        #expect(result.voiceFindings >= 1)
        let status = Gates.evaluate(d, lint: result)
        #expect(
            status.steps[2].checks.first { $0.id == "2.citaten-herleidbaar" }?.detail?.nl.contains(
                "Dat was het ergste van alles") == true)
    }

    @Test("without transcripts the quotes are not checked, and the gate says so instead of passing them")
    func noTranscripts() throws {
        let d = dossier(narrative: "„Ik schrok me kapot,\" zegt Sanne.", transcript: nil)
        let input = try DossierLint.gateInput(for: d)
        #expect(input == nil)
        #expect(Gates.evaluate(d, lint: nil).steps[2].checks.first { $0.id == "2.citaten-herleidbaar" }?.state == .note)
        var none = d
        none.narrative = []
        let report = try DossierLint.report(for: none)
        #expect(report == nil)
    }
}
