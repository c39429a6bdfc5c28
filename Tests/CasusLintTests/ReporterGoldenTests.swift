import CasusCore
import CasusTestSupport
import Foundation
import Testing

@testable import CasusLint

/// One canned set of findings through every reporter, compared with reviewed output: a change in a
/// reporter shows up as a diff of its golden file.
@Suite("Reporters on canned findings (golden files)")
struct ReporterGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let cannedJSON = #"""
        {
          "path": "narratief.md", "language": "nl", "quotesVerified": false,
          "figures": {
            "words": 120, "sentences": 9, "paragraphs": 3, "averageSentenceLength": 13.3,
            "averageSyllablesPerWord": 1.6, "fleschDouma": 71.2, "brouwer": 64.5, "concreteNounShare": 0.62,
            "quotes": 2, "quotedWordShare": 0.18
          },
          "findings": [
            {
              "path": "narratief.md", "line": 3, "column": 14, "endLine": 3, "endColumn": 27,
              "rule": "NL.Beleidstaal", "category": "abstract", "severity": "warning",
              "message": "Beleidstaal: \"maatwerk <leveren>\" & co", "suggestion": "Zeg wat er gebeurde.",
              "sentence": "De gemeente wilde maatwerk leveren aan Ilse.", "sentenceColumn": 18, "length": 15
            },
            {
              "path": "narratief.md", "line": 7, "column": 1, "endLine": 7, "endColumn": 9,
              "rule": "NL.Ambtelijk", "category": "oordeel", "severity": "error",
              "message": "Oordeel van de schrijver: 'helaas'",
              "sentence": "Helaas kwam de brief te laat.", "sentenceColumn": 0, "length": 6
            }
          ]
        }
        """#

    @Test("line, json, sarif, checkstyle and github output stay as reviewed", arguments: LintFormat.allCases)
    func reporter(format: LintFormat) throws {
        let report = try JSONDecoder().decode(LintReport.self, from: Data(Self.cannedJSON.utf8))
        let used = Set(report.findings.map(\.rule))
        let rules = try RuleSet.bundled(.nl).definitions.filter { used.contains($0.id) }
        #expect(rules.count == 2)
        let text = Reporters.render([report], format: format, rules: rules, language: .nl)
        let name = "canned." + (format == .line ? "txt" : format == .json ? "json" : format.rawValue)
        #expect(try TestRepository.matchesGolden(text, name, in: Self.golden), "\(name) changed")
    }
}
