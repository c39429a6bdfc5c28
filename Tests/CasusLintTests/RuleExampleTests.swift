import CasusCore
import Foundation
import Testing

@testable import CasusLint

/// Every rule's examples are tests: triggering examples find exactly the marked spans, the others
/// find nothing; wrapped in a quotation a writer's-voice rule finds nothing; a suppression silences it.
@Suite("Rule examples")
struct RuleExampleTests {
    static let all: [RuleDefinition] = [Language.nl, .en].flatMap { (try? Lint.rules($0).definitions) ?? [] }

    @Test("the rule sets load, with at least twenty rules per language")
    func rulesLoad() throws {
        #expect(try Lint.rules(.nl).definitions.count >= 20)
        #expect(try Lint.rules(.en).definitions.count >= 20)
        #expect(Set(Self.all.map(\.category)) == Set(LintCategory.allCases).subtracting([.uitzondering]))
    }

    @Test("triggering examples find exactly the marked spans", arguments: all)
    func triggering(rule: RuleDefinition) throws {
        for example in rule.examples.triggering {
            let marked = MarkedExample(example)
            let report = try Lint.run(
                marked.text, language: rule.language, transcripts: rule.examples.transcript.map { [$0] } ?? [])
            let found = report.findings.filter { $0.rule == rule.id }.map { ($0.column, $0.endColumn) }
            #expect(
                found.map(\.0) == marked.spans.map(\.start) && found.map(\.1) == marked.spans.map(\.end),
                "\(rule.id): \(example) → \(found)")
        }
    }

    @Test("non-triggering examples find nothing", arguments: all)
    func nonTriggering(rule: RuleDefinition) throws {
        for example in rule.examples.nonTriggering {
            let report = try Lint.run(
                example, language: rule.language, transcripts: rule.examples.transcript.map { [$0] } ?? [])
            let found = report.findings.filter { $0.rule == rule.id }
            #expect(found.isEmpty, "\(rule.id) wrongly found \(found.map(\.message)) in: \(example)")
        }
    }

    @Test(
        "a triggering example wrapped in a quotation is the speaker's, not the writer's",
        arguments: all.filter { $0.narratorOnly })
    func quotedExamples(rule: RuleDefinition) throws {
        for example in rule.examples.triggering {
            let text = "“" + MarkedExample(example).text + "” zegt ze."
            let found = try Lint.run(text, language: rule.language).findings.filter { $0.rule == rule.id }
            #expect(found.isEmpty, "\(rule.id) flags the quoted example: \(text)")
        }
    }

    @Test("an inline suppression with a reason silences the rule", arguments: all)
    func suppressed(rule: RuleDefinition) throws {
        for example in rule.examples.triggering {
            let text =
                "<!-- casus-lint disable-next-line \(rule.id): voorbeeld uit de regel -->\n"
                + MarkedExample(example).text
            let report = try Lint.run(
                text, language: rule.language, transcripts: rule.examples.transcript.map { [$0] } ?? [])
            #expect(report.findings.filter { $0.rule == rule.id }.isEmpty, "\(rule.id) not silenced: \(text)")
            #expect(!report.findings.contains { $0.rule == "lint.OverbodigeUitzondering" })
        }
    }

    @Test("every rule explains itself in both languages")
    func documentation() {
        for rule in Self.all {
            #expect(!rule.rationale.nl.isEmpty && !rule.rationale.en.isEmpty, "\(rule.id)")
            #expect(!rule.message.nl.isEmpty && !rule.message.en.isEmpty, "\(rule.id)")
            #expect(rule.id.hasPrefix(rule.language == .nl ? "NL." : "EN."), "\(rule.id)")
        }
    }
}
