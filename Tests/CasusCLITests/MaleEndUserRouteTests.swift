import Foundation
import Testing

/// A new case of a male end user walked through the whole route with piped answers only, with some
/// mistakes on purpose: nothing answered is lost, a refused form is never offered, the timeline and
/// the findings are entered inside `casus next`, and no prompt or report calls him "haar" or "zij".
@Suite("the route for a male end user, piped from start to report")
struct MaleEndUserRouteTests {
    static let transcript = """
        Interviewer: Vertel eens hoe het begon.
        Karim: In maart kwam er een brief van de Belastingdienst. Ik moest opeens vierduizend euro terugbetalen.
        Karim: Ik belde de gemeente drie keer en niemand wist ervan.
        Interviewer: Wat deed je toen?
        Karim: Ik ben naar het loket gegaan. Daar zeiden ze dat ik een formulier moest invullen.

        """
    static let narrative = """
        # Een terugvordering in maart

        In maart 2024 kreeg Karim een brief van de Belastingdienst. Hij moest vierduizend euro terugbetalen. Hij belde de gemeente drie keer.

        Karim ging naar het loket. "Daar zeiden ze dat ik een formulier moest invullen," vertelt Karim.

        """

    static func stepsZeroToTwo(transcript: String, narrative: String) -> [String] {
        ["Terugvordering in maart", "Hoe hoort de gemeente van een terugvordering?", "Rekenkamer Rijnstede", "Karin"]
            + (1...7).flatMap { ["ja", "Onderbouwing \($0)"] } + [
                "Karim", "ondernemer", "hij", "Karim Echtenaam",
                "interview,transcriptie,narratief,letterlijke-citaten,rapport",  // a purpose casus does not know
                "interview,transcriptie,narratief,citaten,rapport",
                "publicatie-naam",  // refused: never offered later
                "2024-03-05 13:50", "", "2.1", "",
                "2024-03-05 14:00", "2u10", "Buurthuis", "", "ja", "ja", transcript, narrative,
                "",  // register the narrative's quotation as a quote
                "",  // go on
            ]
    }

    static let stepsThreeAndFour = [
        // The timeline, inside next.
        "", "Belastingdienst", "", "", "", "ja", "Gemeente Utrecht", "", "", "", "nee",
        "", "2024-03-01", "belastingdienst", "brief", "De Belastingdienst stuurt een terugvordering van 4.000 euro.",
        "Hij schrok.", "-2", "ja", "ja", "", "", "",
        "ja", "~2024-03", "participant:P1", "telefoon", "Karim belt drie keer met de gemeente.", "Niemand wist ervan.",
        "-1", "ja", "nee", "", "", "q1",
        "nee",
        "", "belastingdienst", "gemeente-utrecht", "Melding van de terugvordering", "nee", "2024-03", "", "", "", "",
        "nee",
        // The contra-expertise.
        "gesproken", "gesproken", "ja",
        "De brief ging naar een oud adres.", "genuanceerd", "Het adres kwam uit de basisregistratie.", "E1", "",
        "brief van 12 april", "ja",
        "Buurman Ruud", "buurman", "ja",
        "ja", "2024-03-20 10:00", "", "ja",
        // The report.
        "Hoe hoort de gemeente van een terugvordering door de Belastingdienst?", "E1,F1", "ja",
        "Karim moest 4.000 euro terugbetalen; de gemeente wist van niets.", "ja",
        "naam",  // refused earlier: not among the choices
        "pseudoniem", "ja",
        "ja", "2024-03-20 10:00", "", "ja",
    ]

    @Test("from nothing to the report: timeline and findings inside next, no refused form offered, no 'haar'")
    func wholeRoute() throws {
        let cli = CLI()
        try cli.ok(["init"])
        let transcript = try cli.write(Self.transcript, to: "transcript.txt")
        let narrative = try cli.write(Self.narrative, to: "narratief.md")
        let first = try cli.run(
            ["next", "--until", "contra-expertise"],
            input: Self.stepsZeroToTwo(transcript: transcript, narrative: narrative).joined(separator: "\n") + "\n")
        #expect(first.status == 0, "\(first.err)\n\(first.out)")
        #expect(first.out.contains("kies uit: interview"), "a purpose casus does not know is asked again")
        let second = try cli.run(
            ["next", "terugvordering-in-maart"], input: Self.stepsThreeAndFour.joined(separator: "\n") + "\n")
        #expect(second.status == 0, "\(second.err)\n\(second.out)")
        let dialogue = first.out + second.out
        // The refused publication form is neither named nor accepted.
        #expect(dialogue.contains("Hoe verschijnt het rapport: anoniem of pseudoniem?"), "\(second.out)")
        #expect(!dialogue.contains("of naam?"))
        #expect(dialogue.contains("kies uit: anoniem, pseudoniem"))
        // The timeline and the finding were entered inside next.
        #expect(dialogue.contains("Tijdlijn: 2 gebeurtenissen, 2 instanties, 1 overdrachten (1 die er niet kwamen)."))
        let finding = try cli.ok(["finding", "list", "terugvordering-in-maart"])
        #expect(finding.contains("F1") && finding.contains("genuanceerd"), "\(finding)")
        // Nothing calls him "haar", and "zij" only stands among the choices of how to refer to someone.
        for line in dialogue.split(separator: "\n") {
            let words = Set(line.lowercased().split { !$0.isLetter }.map(String.init))
            #expect(!words.contains("haar"), "\(line)")
            if words.contains("zij") { #expect(line.contains("zij, hij") || line.contains("zij|hij"), "\(line)") }
        }
        #expect(dialogue.contains("Wanneer gaf hij toestemming?"))
        // The report: his pronouns, the agency's own words on the finding, and the map with the missing hand-off.
        let markdown = cli.home.appendingPathComponent("r.md")
        try cli.ok([
            "export", "terugvordering-in-maart", "--report", "outside-in", "--format", "md", "-o", markdown.path,
        ])
        let report = try String(contentsOf: markdown, encoding: .utf8)
        #expect(report.contains("Het adres kwam uit de basisregistratie."))
        #expect(report.contains("1 overdracht tussen instanties, waarvan 1 die niet gebeurde"), "\(report)")
        #expect(report.contains("NIET GEBEURD: "), "the missing hand-off in the map's caption")
        let narratorLines = report.split(separator: "\n").filter { !$0.contains("“") && !$0.contains("\"") }
        for line in narratorLines {
            let words = Set(line.lowercased().split { !$0.isLetter }.map(String.init))
            #expect(!words.contains("haar") && !words.contains("zij"), "\(line)")
        }
        let odt = cli.home.appendingPathComponent("r.odt")
        try cli.ok(["export", "terugvordering-in-maart", "--report", "outside-in", "--format", "odt", "-o", odt.path])
        #expect((try Data(contentsOf: odt)).count > 1_000)
    }
}
