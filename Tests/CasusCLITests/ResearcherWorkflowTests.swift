import Foundation
import Testing

@Suite("casus on the command line")
struct ResearcherWorkflowTests {
    static let realName = "Fatima el Amrani"

    /// A case built by hand from nothing, the way a researcher would.
    func buildCase(_ cli: CLI) throws {
        try cli.ok(["init"])
        try cli.ok([
            "case", "new", "--title", "Boete aan de deur", "--vraagstuk", "Hoe werken inning en schuldhulp samen?",
            "--id", "deur",
        ])
        try cli.ok(["agency", "add", "deur", "--name", "Centraal Justitieel Incassobureau", "--id", "cjib"])
        try cli.ok(["agency", "add", "deur", "--name", "Gemeente Rijnstede"])
        try cli.ok([
            "person", "add", "deur", "--pseudonym", "Sanne", "--role", "eindgebruiker", "--real-name", Self.realName,
            "--contact", "06-11223344",
        ])
        try cli.ok([
            "person", "add", "deur", "--pseudonym", "Ilse", "--role", "staff", "--agency", "gemeente-rijnstede",
            "--level", "uitvoering",
        ])
        try cli.ok([
            "consent", "record", "deur", "Sanne", "--grant", "interview,transcriptie,citaten,narratief", "--grant",
            "delen:cjib",
            "--refuse", "publicatie-naam", "--at", "2024-03-01 10:00", "--letter-version", "2.1",
            "--letter", CLI.repository.appendingPathComponent("Templates/informatiebrief-nl.md").path, "--copy-given",
            "--retain-until", "2029-12-31",
        ])
    }

    @Test("a researcher builds a dossier; no real name reaches the database, the attachments or the export")
    func workflowWithoutRealNames() throws {
        let cli = CLI()
        try buildCase(cli)
        let transcript = try cli.write(
            "Interviewer: Wat gebeurde er?\nSanne: Ik kreeg een brief van het CJIB. Ik schrok me kapot.\n", to: "t.txt")
        let wav = cli.home.appendingPathComponent("gesprek.wav")
        try makeWAV(seconds: 3).write(to: wav)

        // Audio without consent for recording is refused, and nothing is stored.
        let refused = try cli.run([
            "interview", "add", "deur", "--with", "Sanne", "--at", "2024-03-05 14:00", "--audio", wav.path,
            "--transcript", transcript,
        ])
        #expect(refused.status == 5, "\(refused.err)")
        #expect(refused.err.contains("geluidsopname"))
        #expect(
            try cli.ok(["interview", "list", "deur", "--json"]).trimmingCharacters(in: .whitespacesAndNewlines)
                == "[\n\n]" || (try cli.ok(["interview", "list", "deur", "--json"])).contains("[]"))

        try cli.ok([
            "consent", "record", "deur", "Sanne", "--grant", "geluidsopname", "--at", "2024-03-05 13:55", "--method",
            "opname",
        ])
        try cli.ok([
            "interview", "add", "deur", "--with", "Sanne", "--at", "2024-03-05 14:00", "--actual", "2u10", "--audio",
            wav.path,
            "--transcript", transcript, "--safety-checked", "--story-explained", "--place", "Bij haar thuis",
        ])
        let interview =
            try JSONSerialization.jsonObject(
                with: Data(try cli.ok(["interview", "show", "deur", "I1", "--json"]).utf8)) as? [String: Any]
        let audio = interview?["audio"] as? [String: Any]
        #expect(audio?["durationSeconds"] as? Double == 3)
        #expect(interview?["actualMinutes"] as? Int == 130)

        try cli.ok(["quote", "add", "deur", "--interview", "I1", "--text", "Ik schrok me kapot."])
        let outside = try cli.run(["quote", "add", "deur", "--interview", "I1", "--start", "10", "--end", "5000"])
        #expect(outside.status == 65)
        #expect(outside.err.contains("buiten het transcript"))
        let notVerbatim = try cli.run([
            "quote", "add", "deur", "--interview", "I1", "--text", "Ik schrok me een hoedje.",
        ])
        #expect(notVerbatim.status == 65)

        try cli.ok(
            ["narrative", "set", "deur", "--file", "-", "--note", "eerste versie"],
            input: "# Een brief\n\nIn maart 2021 krijgt Sanne een brief van het CJIB. “Ik schrok me kapot.”\n")
        try cli.ok(
            ["narrative", "set", "deur", "--file", "-"],
            input: "# Een brief\n\nIn maart 2021 ligt er een brief op de mat.\n")
        #expect(try cli.ok(["narrative", "history", "deur"]).contains("*2"))
        try cli.ok(["narrative", "use", "deur", "1"])
        #expect(try cli.ok(["narrative", "show", "deur"]).contains("Ik schrok me kapot."))

        try cli.ok([
            "event", "add", "deur", "--date", "2021-03", "--actor", "cjib", "--channel", "letter", "--what",
            "Het CJIB stuurt een aanmaning.",
            "--impact", "-2", "--quote", "Q1", "--experience", "Ze schrikt.",
        ])
        try cli.ok([
            "event", "add", "deur", "--date", "~2021-04", "--actor", "Sanne", "--what", "Sanne belt de gemeente.",
            "--visible", "ja",
        ])
        try cli.ok([
            "handoff", "add", "deur", "--from", "gemeente-rijnstede", "--to", "cjib", "--what", "Melding schuldhulp",
            "--missing", "--event", "E2",
        ])
        try cli.ok([
            "finding", "add", "deur", "--agency", "cjib", "--level", "beleid", "--claim",
            "Het CJIB wist niet van de schuldhulp.",
            "--status", "bevestigd", "--event", "E1",
        ])
        try cli.ok([
            "leervraag", "add", "deur", "--text", "Hoe hoort het CJIB van een schuldhulptraject?", "--finding", "F1",
            "--event", "E1",
        ])
        try cli.ok(["dilemma", "add", "deur", "--text", "Gelijke behandeling of rust in het traject?", "--event", "E1"])
        try cli.ok([
            "review", "add", "deur", "--step", "1", "--decision", "opmerking", "--comment", "Goed gesprek.", "--coach",
            "Karin",
        ])
        let badLink = try cli.run(["leervraag", "add", "deur", "--text", "x", "--finding", "F9"])
        #expect(badLink.status == 3)

        let events = try cli.ok(["event", "list", "deur"])
        #expect(events.contains("E1") && events.contains("~2021-04"))
        let exportPath = cli.home.appendingPathComponent("deur.json").path
        try cli.ok(["export", "deur", "--output", exportPath])

        // The real name is only in the vault.
        let vault = try Data(contentsOf: cli.vault)
        #expect(vault.range(of: Data("Amrani".utf8)) != nil)
        for needle in ["Amrani", "Fatima", "06-11223344"] {
            #expect(try cli.allStoreBytes().range(of: Data(needle.utf8)) == nil, "\(needle) found in the store")
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: exportPath)).range(of: Data(needle.utf8)) == nil,
                "\(needle) found in the export")
        }
        for listing in [
            ["case", "show", "deur"], ["person", "list", "deur"], ["case", "show", "deur", "--json"],
            ["audit", "deur"],
        ] {
            #expect(try !cli.ok(listing).contains("Amrani"))
        }

        // Looking the name up works and is logged.
        #expect(try cli.ok(["person", "identity", "deur", "Sanne"]).contains(Self.realName))
        #expect(try cli.ok(["audit", "deur", "--limit", "1"]).contains("reveal-identity"))
        #expect(try cli.ok(["audit", "verify"]).contains("In orde"))
        #expect(try cli.ok(["store", "check"]).contains("heel"))

        // The exported file imports into a fresh store as the same dossier.
        let other = CLI()
        try other.ok(["init"])
        try other.ok(["import", exportPath])
        #expect(try other.ok(["case", "show", "deur", "--json"]) == (try cli.ok(["case", "show", "deur", "--json"])))
    }

    @Test("an export that would carry a real name stops and writes nothing")
    func exportGuard() throws {
        let cli = CLI()
        try buildCase(cli)
        try cli.ok(["narrative", "set", "deur", "--file", "-"], input: "Fatima El Amrani krijgt een brief.\n")
        let output = cli.home.appendingPathComponent("lek.json")
        let result = try cli.run(["export", "deur", "--output", output.path])
        #expect(result.status == 65)
        #expect(result.err.contains("Sanne"))
        #expect(!result.err.contains("Amrani"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("withdrawing consent keeps the history and names the material it affects")
    func withdrawal() throws {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        let result = try cli.ok([
            "consent", "withdraw", "boete-schuldhulp", "Sanne", "--purpose", "citaten", "--at", "2023-03-01 09:00",
            "--method", "mondeling",
        ])
        #expect(result.contains("Q1"))
        let state = try cli.ok(["consent", "show", "boete-schuldhulp", "Sanne"])
        #expect(state.contains("ingetrokken"))
        let history = try cli.ok(["consent", "show", "boete-schuldhulp", "Sanne", "--history"])
        #expect(history.contains("C1") && history.contains("C7"))
        let json = try cli.ok(["consent", "show", "boete-schuldhulp", "Sanne", "--json", "--lang", "en"])
        let states = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(states.first { $0["purpose"] as? String == "citaten" }?["decision"] as? String == "ingetrokken")
        #expect(states.first { $0["purpose"] as? String == "narratief" }?["decision"] as? String == "gegeven")
    }

    @Test("bad input gets a clear error and a documented exit code, and changes nothing")
    func badInput() throws {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        try cli.ok(["consent", "record", "bezwaar-wmo", "Anja", "--grant", "geluidsopname", "--at", "2023-05-01"])
        let before = try cli.ok(["case", "list", "--json"]) + (try cli.ok(["audit", "--json"]))
        let sample = try String(
            contentsOf: CLI.repository.appendingPathComponent("Samples/bezwaar-wmo.json"), encoding: .utf8)
        let cases: [(String, Int32, String)] = [
            (try cli.write(String(sample.prefix(sample.count / 2)), to: "half.json"), 65, "geen geldige JSON"),
            (try cli.write("", to: "leeg.json"), 65, "leeg"),
            (
                try cli.write(
                    sample.replacingOccurrences(of: "\"participantId\" : \"P1\"", with: "\"participantId\" : \"P42\""),
                    to: "p42.json"), 65, "P42"
            ),
            (cli.home.appendingPathComponent("bestaat-niet.json").path, 66, "bestaat niet"),
        ]
        for (path, status, message) in cases {
            let result = try cli.run(["import", path, "--replace"])
            #expect(result.status == status, "\(path): \(result.err)")
            #expect(result.err.contains(message), "\(result.err)")
        }
        #expect(try cli.run(["person", "list", "nergens"]).status == 3)
        let unknown = try cli.run(["consent", "record", "bezwaar-wmo", "Gerda", "--grant", "interview"])
        #expect(unknown.status == 3)
        #expect(unknown.err.contains("Gerrit"))
        let missingAudio = try cli.run([
            "interview", "add", "bezwaar-wmo", "--with", "Gerrit", "--at", "2023-06-01 10:00", "--audio",
            "/nergens/gesprek.wav",
        ])
        #expect(missingAudio.status == 66 || missingAudio.status == 5)
        let missing = try cli.run([
            "interview", "add", "bezwaar-wmo", "--with", "Anja", "--at", "2023-06-01 10:00", "--audio",
            "/nergens/gesprek.wav",
        ])
        #expect(missing.status == 66, "\(missing.err)")
        #expect(
            try cli.run(["interview", "add", "bezwaar-wmo", "--with", "Anja", "--at", "2023-02-30 10:00"]).status == 65)
        #expect(
            try cli.run([
                "interview", "add", "bezwaar-wmo", "--with", "Anja", "--at", "2023-06-01", "--planned", "twee uur",
            ]).status == 65)
        #expect(
            try cli.run(["event", "add", "bezwaar-wmo", "--actor", "wmo", "--what", "x", "--impact", "5"]).status == 65)
        #expect(
            try cli.run(["narrative", "set", "bezwaar-wmo", "--file", try cli.write("", to: "leeg.md")]).status == 65)
        let binary = cli.home.appendingPathComponent("binary.md")
        try Data([0xFF, 0xFE, 0x00, 0xC3, 0x28]).write(to: binary)
        #expect(try cli.run(["narrative", "set", "bezwaar-wmo", "--file", binary.path]).status == 65)
        #expect(try cli.ok(["case", "list", "--json"]) + (try cli.ok(["audit", "--json"])) == before)
    }

    @Test("messages follow --lang and LANG; exit codes are documented in the help")
    func languages() throws {
        let cli = CLI()
        let noStore = try cli.run(["case", "list"])
        #expect(noStore.status == 74)
        #expect(noStore.err.contains("Er is nog geen casus-opslag"))
        #expect(try cli.run(["case", "list", "--lang", "en"]).err.contains("There is no casus store"))
        cli.environment["LANG"] = "en_GB.UTF-8"
        #expect(try cli.run(["case", "list"]).err.contains("There is no casus store"))
        let help = try cli.ok(["--help"])
        #expect(help.contains("Exit codes"))
        for command in [
            "case", "person", "consent", "interview", "quote", "narrative", "event", "handoff", "agency", "finding",
            "leervraag", "dilemma", "search", "export", "import", "audit",
        ] {
            #expect(help.contains(command), "help lacks \(command)")
        }
        cli.environment["LANG"] = "nl_NL.UTF-8"
        #expect(try cli.ok(["--help"]).contains("Exitcodes"))
        #expect(try cli.run(["case", "show"]).status == 64)
    }

    @Test("the demo sets up the default store with the samples, and is safe to run twice")
    func demo() throws {
        let cli = CLI()
        cli.environment.removeValue(forKey: "CASUS_STORE")
        cli.environment.removeValue(forKey: "CASUS_KEYS")
        let first = try cli.ok(["demo"])
        #expect(first.contains("boete-schuldhulp") && first.contains("bezwaar-wmo"))
        #expect(first.contains("[gijzeling]"))
        #expect(
            FileManager.default.fileExists(
                atPath: cli.home.appendingPathComponent(".local/share/casus/store/casus.sqlite").path))
        let second = try cli.ok(["demo"])
        #expect(!second.contains("ingelezen"))
        #expect(try cli.ok(["search", "wachtmuziek", "--json"]).contains("bezwaar-wmo"))
    }
}
