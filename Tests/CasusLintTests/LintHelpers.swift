import CasusCore
import CasusDocuments
import Foundation
import Testing

@testable import CasusLint

/// Shared helpers: the bundled rule sets, loaded once, and a one-call lint of a Markdown string.
enum Lint {
    nonisolated(unsafe) private static var cache: [Language: RuleSet] = [:]
    private static let lock = NSLock()

    static func rules(_ language: Language) throws -> RuleSet {
        lock.lock()
        defer { lock.unlock() }
        if let set = cache[language] { return set }
        let set = try RuleSet.bundled(language)
        cache[language] = set
        return set
    }

    static func run(
        _ text: String, language: Language = .nl, transcripts: [String] = [], speakers: [String] = []
    ) throws -> LintReport {
        Linter(rules: try rules(language), transcripts: transcripts, speakers: speakers)
            .lint(SourceText(format: .markdown, text: text), path: "test.md", interfaceLanguage: .nl)
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }
}

/// An example sentence with ⟦marked⟧ spans: the plain text and the spans as 1-based columns.
struct MarkedExample {
    let text: String
    let spans: [(start: Int, end: Int)]

    init(_ marked: String) {
        var text = ""
        var spans: [(Int, Int)] = []
        var open: Int?
        var column = 1
        for scalar in marked.unicodeScalars {
            if scalar == "⟦" { open = column; continue }
            if scalar == "⟧", let start = open { spans.append((start, column)); open = nil; continue }
            text.unicodeScalars.append(scalar)
            column += 1
        }
        self.text = text
        self.spans = spans
    }
}

extension RuleDefinition: CustomTestStringConvertible {
    public var testDescription: String { id }
}
