import CasusCore
import CasusDocuments
import CasusLint
import CasusStore
import Foundation

extension Casework {
    /// Saves a new narrative version and makes it current. Refuses an empty text and a text equal to
    /// the current version. With `basedOn` (the version the writer started from, 0 for none), a save
    /// over a newer version someone else saved meanwhile is refused: nothing is overwritten.
    /// Returns the new version's number.
    public func saveNarrative(
        _ caseId: String, text: String, author: String?, note: String?, basedOn: Int? = nil
    ) throws -> Int {
        try require(.edit, caseId: caseId)
        guard Optional(text).nonBlank != nil else {
            throw CasusError(.invalidInput, nl: "De tekst is leeg.", en: "The text is empty.")
        }
        var number = 0
        try store.modify(caseId) { dossier in
            if let basedOn, let current = dossier.currentNarrative, current.number != basedOn {
                throw Self.newerNarrative(current, basedOn: basedOn)
            }
            if dossier.currentNarrative?.text == text {
                throw CasusError(
                    .conflict, nl: "Deze tekst is gelijk aan de huidige versie; er is niets opgeslagen.",
                    en: "This text equals the current version; nothing was saved.")
            }
            number = (dossier.narrative.map(\.number).max() ?? 0) + 1
            dossier.narrative.append(
                NarrativeVersion(
                    number: number, author: author.nonBlank ?? actor.name, text: text,
                    note: note.nonBlank))
            dossier.casus.currentNarrative = number
        }
        try store.deleteDrafts(caseId: caseId, login: actor.name)
        return number
    }

    /// Keeps what the actor is typing, between versions (at most one draft per case and account).
    public func saveNarrativeDraft(_ caseId: String, text: String, basedOn: Int) throws {
        try require(.edit, caseId: caseId)
        guard text.utf8.count <= InputLimits.textBytes else {
            throw CasusError(.invalidInput, nl: "Het concept is te groot.", en: "The draft is too large.")
        }
        try store.saveDraft(NarrativeDraft(caseId: caseId, login: actor.name, basedOn: basedOn, text: text))
    }

    /// The actor's draft of the narrative, if one is kept.
    public func narrativeDraft(_ caseId: String) throws -> NarrativeDraft? {
        try require(.edit, caseId: caseId)
        return try store.draft(caseId: caseId, login: actor.name)
    }

    /// Drops the actor's draft (the writer chose the saved version instead).
    public func discardNarrativeDraft(_ caseId: String) throws {
        try require(.edit, caseId: caseId)
        try store.deleteDrafts(caseId: caseId, login: actor.name)
    }

    /// The refusal of a save that started from an older version than the current one.
    static func newerNarrative(_ current: NarrativeVersion, basedOn: Int) -> CasusError {
        CasusError(
            .conflict,
            nl:
                "\(current.author) sloeg op \(current.at.minute) versie \(current.number) op; jouw tekst ging uit van "
                + "versie \(basedOn). Er is niets overschreven: neem over wat je wilt houden en sla opnieuw op.",
            en:
                "\(current.author) saved version \(current.number) at \(current.at.minute); your text started from "
                + "version \(basedOn). Nothing was overwritten: take over what you want to keep and save again.")
    }

    /// Saves an earlier version's text as a new version, so the history keeps every step.
    public func restoreNarrativeVersion(_ caseId: String, _ version: Int) throws -> Int {
        let dossier = try self.dossier(caseId)
        guard let old = dossier.narrative.first(where: { $0.number == version }) else {
            throw CasusError(.notFound, nl: "Versie \(version) bestaat niet.", en: "Version \(version) does not exist.")
        }
        return try saveNarrative(
            caseId, text: old.text, author: nil, note: "hersteld uit versie \(version)",
            basedOn: dossier.currentNarrative?.number ?? 0)
    }

    /// Lints a draft of the narrative against the dossier's transcripts and speakers, as the route
    /// will lint it once saved. Offsets count UTF-16 code units, as a browser's text field does.
    public func lintDraft(_ caseId: String, text: String, language: Language) throws -> DraftLint {
        try require(.read, caseId: caseId)
        // The linter with the dossier's transcripts indexed, kept per version of the case: the editor
        // asks on every pause in typing, and the index only changes with a transcript or a person.
        let linter = try store.memoized(caseId, "draft-linter") { dossier in
            (
                linter: Linter(
                    rules: try RuleSet.bundled(dossier.casus.language),
                    transcripts: dossier.interviews.compactMap(\.transcript),
                    speakers: dossier.participants.map(\.pseudonym)),
                language: dossier.casus.language
            )
        }
        let report = linter.linter.lint(
            SourceText(format: .markdown, text: text), path: "\(caseId)/concept.md", interfaceLanguage: language)
        let offsets = UTF16Offsets(text)
        let findings = report.findings.map { finding in
            DraftLint.Finding(
                start: offsets.offset(line: finding.line, column: finding.column),
                end: offsets.offset(line: finding.endLine, column: finding.endColumn), line: finding.line,
                rule: finding.rule, category: finding.category, severity: finding.severity,
                message: finding.message, suggestion: finding.suggestion)
        }
        return DraftLint(
            findings: findings, words: report.figures.words,
            untraceableQuotes: findings.filter { DraftLint.isUntraceableQuote($0.rule) }.count)
    }

    /// A rule's name, rationale and examples, for "explain" beside a finding; nil for the linter's
    /// own remarks, which have no rule file.
    public func lintRule(_ id: String, caseId: String) throws -> RuleDefinition? {
        try require(.read, caseId: caseId)
        for textLanguage in [Language.nl, .en] {
            let set = try RuleSet.bundled(textLanguage, configuration: LintConfiguration())
            if let rule = set.definitions.first(where: { $0.id.lowercased() == id.lowercased() }) { return rule }
        }
        return nil
    }

    /// Makes an earlier version current again.
    public func useNarrativeVersion(_ caseId: String, _ version: Int) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            guard dossier.narrative.contains(where: { $0.number == version }) else {
                throw CasusError(
                    .notFound, nl: "Versie \(version) bestaat niet.", en: "Version \(version) does not exist.")
            }
            dossier.casus.currentNarrative = version
        }
    }
}

/// A narrative draft as the linter sees it, with positions a browser can use directly.
public struct DraftLint: Sendable {
    public struct Finding: Sendable {
        /// Where the marked text starts and ends, in UTF-16 code units from the start of the text.
        public let start: Int
        public let end: Int
        public let line: Int
        public let rule: String
        public let category: LintCategory
        public let severity: LintSeverity
        public let message: String
        public let suggestion: String?
    }

    public let findings: [Finding]
    public let words: Int
    /// Quotes that stand in no transcript of the dossier.
    public let untraceableQuotes: Int

    static func isUntraceableQuote(_ rule: String) -> Bool {
        rule.hasSuffix(".CitaatNietInTranscript") || rule.hasSuffix(".QuoteNotInTranscript")
    }
}

/// Turns the linter's line and column (1-based, counting Unicode scalars) into UTF-16 offsets.
struct UTF16Offsets {
    /// Per line: the UTF-16 offset of each scalar's start, and of the line's end.
    private let lines: [[Int]]

    init(_ text: String) {
        var lines: [[Int]] = [[]]
        var offset = 0
        for scalar in text.unicodeScalars {
            lines[lines.count - 1].append(offset)
            offset += scalar.utf16.count
            if scalar == "\n" { lines.append([]) }
        }
        lines[lines.count - 1].append(offset)
        self.lines = lines
    }

    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lines.count else { return lines.last?.last ?? 0 }
        let starts = lines[line - 1]
        let index = min(max(column - 1, 0), starts.count - 1)
        return starts[index]
    }
}
