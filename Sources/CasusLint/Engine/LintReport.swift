import CasusCore
import Foundation

/// One thing the linter noticed, with its place in the source.
public struct LintFinding: Codable, Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// `NL.Stellingname`, `EN.Stance`, …
    public var rule: String
    public var category: LintCategory
    public var severity: LintSeverity
    public var message: String
    public var suggestion: String?
    /// The sentence the finding is in, for showing it with a marker.
    public var sentence: String?
    /// Where the marked text starts within `sentence` (in characters) and how long it is.
    public var sentenceColumn: Int?
    public var length: Int?
}

/// Figures a coach reads beside the findings.
public struct ReadabilityFigures: Codable, Sendable, Equatable {
    public var words: Int
    public var sentences: Int
    public var paragraphs: Int
    public var averageSentenceLength: Double
    public var averageSyllablesPerWord: Double
    /// Dutch: Flesch-Douma reading ease (higher is easier; 60–70 is plain language).
    public var fleschDouma: Double?
    /// Dutch: Brouwer leesindex.
    public var brouwer: Double?
    /// English: Flesch reading ease.
    public var fleschReadingEase: Double?
    /// English: Flesch–Kincaid grade level.
    public var fleschKincaidGrade: Double?
    /// Concrete nouns among all nouns found after an article or possessive, 0…1.
    public var concreteNounShare: Double?
    public var quotes: Int
    /// Words inside quotations, 0…1.
    public var quotedWordShare: Double
}

/// Everything `casus lint` reports for one file.
public struct LintReport: Codable, Sendable {
    public var path: String
    public var language: Language
    public var findings: [LintFinding]
    public var figures: ReadabilityFigures
    /// Whether quotations were checked against transcripts.
    public var quotesVerified: Bool

    public func count(_ category: LintCategory) -> Int { findings.filter { $0.category == category }.count }

    /// The highest severity among the findings, if any.
    public var worstSeverity: LintSeverity? { findings.map(\.severity).max() }
}
