import CasusCore
import CasusDocuments
import Foundation

/// Lints a dossier's current narrative against its own transcripts and speakers, and sums the
/// report up for the step-2 gate.
public enum DossierLint {
    /// The report on the current narrative, or nil when the dossier has none.
    public static func report(
        for dossier: Dossier, configuration: LintConfiguration = LintConfiguration(),
        interfaceLanguage: Language = .nl
    ) throws -> LintReport? {
        guard let narrative = dossier.currentNarrative else { return nil }
        let session = LintSession(
            configuration: configuration, interfaceLanguage: interfaceLanguage,
            transcripts: dossier.interviews.compactMap(\.transcript),
            speakers: dossier.participants.map(\.pseudonym))
        let forced = configuration.language ?? dossier.casus.language
        return try session.lint(
            SourceText(format: .markdown, text: narrative.text),
            path: "\(dossier.casus.id)/narratief-v\(narrative.number).md", language: forced)
    }

    /// What the gate needs from a report. Nil when quotes could not be checked (no transcripts).
    public static func gateInput(_ report: LintReport, transcriptsAvailable: Bool) -> NarrativeLintResult? {
        guard transcriptsAvailable else { return nil }
        var untraceable: [String] = []
        var voice = 0, abstract = 0, other = 0
        for finding in report.findings {
            if finding.rule.hasSuffix(".CitaatNietInTranscript") || finding.rule.hasSuffix(".QuoteNotInTranscript") {
                untraceable.append(markedText(finding) ?? finding.message)
                continue
            }
            switch finding.category {
            case .mening, .oordeel, .perspectief: voice += 1
            case .abstract: abstract += 1
            default: other += 1
            }
        }
        return NarrativeLintResult(
            untraceableQuotes: untraceable, voiceFindings: voice, abstractFindings: abstract, otherFindings: other)
    }

    /// Lints the dossier and returns the gate input, or nil when there is nothing to check.
    public static func gateInput(for dossier: Dossier) throws -> NarrativeLintResult? {
        guard let report = try report(for: dossier) else { return nil }
        return gateInput(report, transcriptsAvailable: dossier.interviews.contains { !($0.transcript ?? "").isEmpty })
    }

    private static func markedText(_ finding: LintFinding) -> String? {
        guard let sentence = finding.sentence, let column = finding.sentenceColumn, let length = finding.length,
            column >= 0, length > 0
        else { return nil }
        // Columns count Unicode scalars.
        let scalars = Array(sentence.unicodeScalars)
        guard column + length <= scalars.count else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[column..<(column + length)])
        return String(text)
    }
}
