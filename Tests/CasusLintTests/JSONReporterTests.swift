import CasusCore
import Foundation
import Testing

@testable import CasusLint

/// The JSON reporter writes findings by hand for speed; it must say byte for byte what `JSONEncoder`
/// says, for any text a finding can hold.
@Suite struct JSONReporterTests {
    struct Shape: Encodable {
        var files: [LintReport]
        var summary: [String: Int]
    }

    static func reference(_ reports: [LintReport]) throws -> String {
        var summary: [String: Int] = [:]
        for report in reports { for f in report.findings { summary[f.category.rawValue, default: 0] += 1 } }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Shape(files: reports, summary: summary)), as: UTF8.self) + "\n"
    }

    static let awkward = [
        "plain", "", "quote \" and \\ backslash", "a/b", "line\nbreak\r\ttab", "\u{1}\u{1F}\u{7F}\u{8}\u{C}",
        "é ë ‘curly’ „laag”", "😀 👩‍👩‍👧", "\u{2028}\u{2029}", "<script>&amp;</script>",
    ]

    static func finding(_ n: Int, _ text: String) -> LintFinding {
        LintFinding(
            path: "map/\(text).md", line: n, column: n + 1, endLine: n + 2, endColumn: n + 3, rule: "NL.\(n)",
            category: LintCategory.allCases[n % LintCategory.allCases.count],
            severity: LintSeverity.allCases[n % 3], message: text, suggestion: n % 2 == 0 ? text : nil,
            sentence: n % 3 == 0 ? nil : text, sentenceColumn: n % 3 == 0 ? nil : n, length: n % 4 == 0 ? nil : n)
    }

    @Test("findings with every awkward text, empty reports and no reports: the same bytes as JSONEncoder")
    func sameAsEncoder() throws {
        let figures = ReadabilityFigures(
            words: 120, sentences: 9, paragraphs: 3, averageSentenceLength: 13.333333, averageSyllablesPerWord: 1.6,
            fleschDouma: 71.2, brouwer: nil, fleschReadingEase: nil, fleschKincaidGrade: 1e-7,
            concreteNounShare: 0.62, quotes: 2, quotedWordShare: 0.18)
        let full = LintReport(
            path: "a\"b.md", language: .nl,
            findings: Self.awkward.enumerated().map { Self.finding($0.offset, $0.element) }, figures: figures,
            quotesVerified: true)
        let empty = LintReport(path: "leeg.md", language: .en, findings: [], figures: figures, quotesVerified: false)
        for reports in [[full], [empty], [], [full, empty, full]] {
            #expect(Reporters.json(reports) == (try Self.reference(reports)))
        }
    }
}
