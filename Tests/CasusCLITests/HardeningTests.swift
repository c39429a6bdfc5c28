import CasusCore
import CasusTestSupport
import Foundation
import Testing

/// Regressions from the hostile-input run, on the command line as a user meets them, and the
/// data-protection commands end to end.
@Suite("Hardening on the command line")
struct HardeningTests {
    func withSamples() throws -> CLI {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        return cli
    }

    @Test("a stored narrative with an emoji family and joiners: status and lint --case finish")
    func emojiNarrative() throws {
        let cli = try withSamples()
        let text = "# Thuis\n\nSanne kwam met haar gezin 👩‍👧‍👦 naar het loket.\u{200E} Zij zegt: “Ik wist het niet.”\n"
        try cli.ok(["narrative", "set", "boete-schuldhulp", "--file", try cli.write(text, to: "n.md")])
        let status = try cli.run(["status", "boete-schuldhulp"])
        #expect(status.status == 0, "\(status.err)")
        let lint = try cli.run(["lint", "--case", "boete-schuldhulp"])
        #expect([0, 1].contains(lint.status), "\(lint.err)")
        let file = try cli.run(["lint", try cli.write("\u{200E}", to: "lrm.txt")])
        #expect(file.status == 0)
    }

    @Test(
        "an id at the top of the range and a NUL in a title are refused on import with the place named; nothing is stored"
    )
    func importGuards() throws {
        let cli = try withSamples()
        let exported = try cli.ok(["export", "bezwaar-wmo"])
        var object = try JSONSerialization.jsonObject(with: Data(exported.utf8)) as! [String: Any]
        var casus = object["case"] as! [String: Any]
        casus["id"] = "nieuw"
        object["case"] = casus
        var events = object["events"] as! [[String: Any]]
        events[0]["id"] = "E9223372036854775807"
        object["events"] = events
        let overflow = try cli.run([
            "import",
            try cli.write(
                String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self), to: "o.json"),
        ])
        #expect(overflow.status == 65 && overflow.err.contains("999999999"))
        events[0]["id"] = "E1"
        object["events"] = events
        casus["title"] = "Titel\u{0}met NUL"
        object["case"] = casus
        let nul = try cli.run([
            "import",
            try cli.write(
                String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self), to: "n.json"),
        ])
        #expect(nul.status == 65 && nul.err.contains("NUL"), "\(nul.err)")
        #expect(try cli.run(["case", "show", "nieuw"]).status == 3)
        let broken = try cli.run([
            "import", try cli.write("{\n \"format\": \"casus-dossier\",\n \"format\": 2\n}", to: "d.json"),
        ])
        #expect(broken.status == 65 && broken.err.contains("regel 3, kolom 2"), "\(broken.err)")
    }

    @Test("case delete with a damaged vault erases nothing and says so; with the vault mended it erases both")
    func halfDoneErase() throws {
        let cli = try withSamples()
        try cli.ok(["person", "identity", "bezwaar-wmo", "P1", "--set-real-name", "Gerrit Mulder"])
        let vault = try Data(contentsOf: cli.vault)
        try Data("{\"format\": \"casus-keyvault\", \"formatVersion\": 1, \"identities\": [".utf8).write(to: cli.vault)
        let refused = try cli.run(["case", "delete", "bezwaar-wmo", "--yes"])
        #expect(refused.status == 74 && refused.err.contains("beschadigd"), "\(refused.err)")
        #expect(try cli.run(["case", "show", "bezwaar-wmo"]).status == 0)
        try vault.write(to: cli.vault)
        try cli.ok(["case", "delete", "bezwaar-wmo", "--yes"])
        #expect(try cli.run(["case", "show", "bezwaar-wmo"]).status == 3)
        #expect(try !String(decoding: Data(contentsOf: cli.vault), as: UTF8.self).contains("Mulder"))
    }

    @Test("a store path that is a file, and a store on read-only disk: clear words, and reading still works")
    func storeErrors() throws {
        let cli = try withSamples()
        let file = try cli.write("x", to: "geen-map")
        let wrong = try cli.run(["case", "list", "--store", file])
        #expect(wrong.status == 74 && wrong.err.contains("is een bestand, geen map"))
        #expect(!wrong.err.contains("NSCocoaErrorDomain"))
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else {
            print("skipping the read-only store check: it runs the CLI as 'nobody' through runuser, which needs root")
            return
        }
        // A copy only 'nobody' cannot write, read by 'nobody'.
        let readOnly = FileManager.default.temporaryDirectory.appendingPathComponent("casus-ro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: readOnly) }
        try FileManager.default.copyItem(at: cli.store, to: readOnly)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o444], ofItemAtPath: readOnly.appendingPathComponent("casus.sqlite").path)
        let (status, text) = try runProgram(
            "/usr/sbin/runuser",
            [
                "-u", "nobody", "--", "env", "HOME=/tmp", CLI.executable.path,
                "case", "list", "--store", readOnly.path, "--lang", "en",
            ])
        if text.contains("Permission denied") && text.contains("casus") && status == 126 {
            print("skipping the read-only store check: 'nobody' cannot run the test build of casus here")
            return
        }
        #expect(status == 0, "\(text)")
        #expect(text.contains("bezwaar-wmo"))
    }

    @Test("erase after withdrawal, retention and backup/restore, as a researcher types them")
    func dataProtectionCommands() throws {
        let cli = try withSamples()
        let transcript = try cli.ok(["interview", "show", "boete-schuldhulp", "I2", "--transcript"])
        let line = try #require(transcript.split(separator: "\n").first { $0.hasPrefix("Ilse:") && $0.count > 60 })
        let sentence = String(line.dropFirst(6).prefix(40))
        let early = try cli.run(["erase", "boete-schuldhulp", "Ilse", "--yes"])
        #expect(early.status == 5, "\(early.err)")
        try cli.ok(["consent", "withdraw", "boete-schuldhulp", "Ilse", "--all", "--method", "mondeling"])
        let preview = try cli.run(["erase", "boete-schuldhulp", "Ilse"])
        #expect(preview.status == 65 && preview.out.contains("I2") && preview.out.contains("Q12"))
        try cli.ok(["erase", "boete-schuldhulp", "Ilse", "--yes"])
        #expect(try cli.allStoreBytes().range(of: Data(sentence.utf8)) == nil)
        let audit = try cli.ok(["audit", "verify"])
        #expect(!audit.isEmpty)

        let retention = try cli.ok(["retention", "--days", "100000"])
        #expect(retention.contains("2027-12-31"))

        let backup = cli.home.appendingPathComponent("kopie.casusbak").path
        try cli.ok(["store", "backup", "--to", backup])
        let restored = cli.home.appendingPathComponent("terug").path
        let report = try cli.ok(["store", "restore", backup, "--to", restored])
        #expect(report.contains("auditlog heel"))
        #expect(try cli.ok(["case", "list", "--store", restored]).contains("boete-schuldhulp"))
        let again = try cli.run(["store", "restore", backup, "--to", restored])
        #expect(again.status == 4)
    }
}

@Suite("casus --help (golden files)")
struct HelpGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test("the top-level help stays as reviewed, in Dutch and in English")
    func help() throws {
        let cli = CLI()
        for (language, name) in [("C.UTF-8", "help-nl.txt"), ("en_GB.UTF-8", "help-en.txt")] {
            cli.environment["LANG"] = language
            let text = try cli.ok(["--help"])
            #expect(text.contains("next") && text.contains("template"))
            #expect(try TestRepository.matchesGolden(text, name, in: Self.golden), "\(name) changed")
        }
    }

    @Test("every command names itself, so ArgumentParser need not derive names from type names at each start")
    func commandsNameThemselves() throws {
        let folder = TestRepository.root.appendingPathComponent("Sources/casus")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        var unnamed: [String] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for part in text.components(separatedBy: "CommandConfiguration(").dropFirst()
            where !part.prefix(120).contains("commandName:") {
                unnamed.append("\(file): \(part.prefix(60))")
            }
        }
        #expect(files.count > 20)
        #expect(unnamed.isEmpty, "\(unnamed)")
    }

    @Test("a usage error and a subcommand's help speak the chosen language, --lang included")
    func usageErrors() throws {
        let cli = CLI()
        cli.environment["LANG"] = "C.UTF-8"
        let dutch = try cli.run(["lint", "--format", "xml", "x.md"])
        #expect(dutch.status == 64)
        #expect(dutch.err.contains("Fout: De waarde 'xml' is ongeldig voor '--format <format>'"))
        #expect(dutch.err.contains("'checkstyle' of 'github'") && dutch.err.contains("Gebruik: casus lint"))
        #expect(!dutch.err.contains("Error:") && !dutch.err.contains("Usage:"))
        let missing = try cli.run(["case", "show"])
        #expect(missing.err.contains("Verplicht argument ontbreekt: '<case-id>'"))
        let english = try cli.run(["case", "show", "--lang", "en"])
        #expect(english.err.contains("Error: Missing expected argument '<case-id>'"))
        let help = try cli.ok(["case", "--help"])
        #expect(help.contains("GEBRUIK: casus case <subopdracht>") && help.contains("SUBOPDRACHTEN:"))
        #expect(!help.contains("USAGE:") && !help.contains("Show help information."))
        // `--lang` before the subcommand, and help in the chosen language wherever `--lang` stands.
        let before = try cli.run(["--lang", "en", "case", "show"])
        #expect(before.status == 64 && before.err.contains("Error: Missing expected argument '<case-id>'"))
        let englishHelp = try cli.ok(["case", "list", "--help", "--lang", "en"])
        #expect(englishHelp.contains("USAGE: casus case list") && !englishHelp.contains("GEBRUIK"))
        let rootHelp = try cli.ok(["--lang=en", "--help"])
        #expect(rootHelp.contains("SUBCOMMANDS:") && rootHelp.contains("Case research with the Kafkabrigade method"))
        let unknown = try cli.run(["--lang", "fr", "status"])
        #expect(unknown.status == 64 && unknown.err.contains("De waarde 'fr' is ongeldig voor '--lang'"))
        // Every command's Dutch help, wrapped lines included: no "values:" or "default:" left in English.
        for command in [["export"], ["lint"], ["journey"], ["consent", "add"], ["event", "add"], ["code", "add"]] {
            let text = try cli.ok(command + ["--help"])
            for english in ["values:", "default:", "OPTIONS:", "USAGE:"] {
                #expect(!text.contains(english), "\(command): \(english)")
            }
        }
    }
}
