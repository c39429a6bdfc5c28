import CasusCore
import CasusDocuments
import Foundation
import Testing

@testable import CasusLint

@Suite("Suppressions and configuration")
struct SuppressionAndConfigurationTests {
    @Test("disable-next-line needs a reason; without one it silences nothing and is reported")
    func reasonRequired() throws {
        let report = try Lint.run("<!-- casus-lint disable-next-line NL.Stellingname -->\nHelaas kwam er niets.")
        #expect(report.findings.contains { $0.rule == "NL.Stellingname" })
        #expect(report.findings.contains { $0.rule == "lint.RedenOntbreekt" && $0.line == 1 })
    }

    @Test("a suppression that silences nothing is reported")
    func unused() throws {
        let report = try Lint.run(
            "<!-- casus-lint disable-next-line NL.Stellingname: citaat uit de brief -->\nEr kwam niets.")
        #expect(report.findings.map(\.rule) == ["lint.OverbodigeUitzondering"])
    }

    @Test("a disabled block silences a category until enable")
    func block() throws {
        let text = """
            <!-- casus-lint disable mening: letterlijk overgenomen uit het verslag van de gemeente -->
            Helaas kwam er niets. Het was schandalig.

            <!-- casus-lint enable mening -->
            Helaas kwam er weer niets.
            """
        let report = try Lint.run(text)
        #expect(report.findings.filter { $0.category == .mening }.map(\.line) == [5])
    }

    @Test("a configuration switches rules off, changes severities, adds words and thresholds")
    func configuration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casus-lint-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".casus-lint.yml")
        try """
        language: nl
        failOn: warning
        disable: [NL.Versterker]
        severity: { NL.Stellingname: error }
        rules: { NL.LangeZin: { max: 5 } }
        words: { NL.Beleidstaal: [ketenaanpakje] }
        """.write(to: file, atomically: true, encoding: .utf8)
        let nested = folder.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        #expect(LintConfiguration.find(from: nested)?.standardizedFileURL == file.standardizedFileURL)
        let configuration = try LintConfiguration.load(file)
        #expect(configuration.failOn == .some(.warning))
        let rules = try RuleSet.bundled(.nl, configuration: configuration)
        let report = Linter(rules: rules).lint(
            SourceText(format: .markdown, text: "Helaas was het echt een ketenaanpakje met zes woorden hier."),
            path: "x.md", interfaceLanguage: .nl)
        #expect(report.findings.first { $0.rule == "NL.Stellingname" }?.severity == .error)
        #expect(!report.findings.contains { $0.rule == "NL.Versterker" })
        #expect(report.findings.contains { $0.rule == "NL.Beleidstaal" })
        #expect(report.findings.contains { $0.rule == "NL.LangeZin" })
    }

    @Test(
        "a configuration with a typo or a bad value names the file",
        arguments: [
            "disable: [NL.Bestaatniet]", "severity: { NL.Stellingname: hevig }", "language: fr", "failOn: soms",
            "disable: [",
        ])
    func badConfiguration(text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("casus-lint-\(UUID().uuidString).yml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            let configuration = try LintConfiguration.load(file)
            _ = try RuleSet.bundled(.nl, configuration: configuration)
            Issue.record("accepted: \(text)")
        } catch let error as CasusError {
            #expect(
                error.message.nl.contains(file.path) || error.message.nl.contains(file.lastPathComponent),
                "\(error.message.nl)")
        }
    }

    @Test("a team's own rule folder adds rules")
    func extraRules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-extra-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("nl"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        id: NL.Huisstijl
        name: Huisstijl van de rekenkamer
        category: leesbaarheid
        severity: suggestion
        kind: substitution
        language: nl
        message: 'Schrijf "{replacement}" in plaats van "{match}".'
        rationale: Onze huisstijl.
        substitutions: { cliënt: inwoner }
        examples: { triggering: ["De ⟦cliënt⟧ belde."], non-triggering: ["De inwoner belde."] }
        """.write(to: folder.appendingPathComponent("nl/Huisstijl.yml"), atomically: true, encoding: .utf8)
        var configuration = LintConfiguration()
        configuration.extraRuleFolders = [folder]
        let rules = try RuleSet.bundled(.nl, configuration: configuration)
        let report = Linter(rules: rules).lint(
            SourceText(format: .markdown, text: "De cliënt belde."), path: "x", interfaceLanguage: .nl)
        #expect(report.findings.map(\.message) == ["Schrijf \"inwoner\" in plaats van \"cliënt\"."])
    }
}
