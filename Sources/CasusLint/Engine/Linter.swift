import CasusCore
import CasusDocuments
import Foundation

/// A place a rule matched, before it becomes a finding.
struct Hit {
    var rule: Int
    /// The pattern that matched, for a substitution's replacement; -1 for a single word or a check.
    var pattern: Int = -1
    var start: Int
    var end: Int
    var sentence: Int?
    var values: [String: String] = [:]
}

/// Runs a rule set over a text: one tokenisation, one pass of the word and phrase index, then the
/// checks written in code, then the suppressions in the text.
public struct Linter: Sendable {
    public let rules: RuleSet
    /// The transcripts that quotations must come from, indexed once; empty when none were given.
    let transcripts: TranscriptIndex
    /// Pseudonyms that count as a speaker near a quotation.
    let speakers: Set<String>

    public init(rules: RuleSet, transcripts: [String] = [], speakers: [String] = []) {
        self.rules = rules
        self.transcripts = TranscriptIndex(transcripts)
        self.speakers = Set(speakers.map { $0.lowercased() })
    }

    /// A piece of the work on one analysed text; the pieces read the analysis, write nothing shared
    /// and run side by side.
    private enum Job {
        /// The word and phrase pass over some sentences (a long text is cut into several).
        case words(Range<Int>)
        case readability
        /// A check written in code, by rule index.
        case check(Int)
        /// A check written in code over some sentences (a costly one on a long text is cut).
        case checkPart(Int, Range<Int>)
    }

    public func lint(_ source: SourceText, path: String, interfaceLanguage: Language) -> LintReport {
        lint(PreparedText(source), path: path, interfaceLanguage: interfaceLanguage)
    }

    func lint(_ prepared: PreparedText, path: String, interfaceLanguage: Language) -> LintReport {
        let analysis = TextAnalysis(prepared, abbreviations: rules.abbreviations)
        let lex = rules.lookUp(analysis)
        let context = CheckContext(
            analysis: analysis, rules: rules, lex: lex, transcripts: transcripts, speakers: speakers)
        // The hits of all jobs are joined in a fixed order. A match never crosses a sentence, so the
        // word pass can be cut at sentence boundaries.
        let checks = rules.rules.indices.filter {
            ![.words, .phrases, .substitution].contains(rules.rules[$0].definition.kind)
        }
        let sentencesPerJob = 4_000
        let wordJobs = stride(from: 0, to: analysis.sentences.count, by: sentencesPerJob).map {
            Job.words($0..<min($0 + sentencesPerJob, analysis.sentences.count))
        }
        // The longest pieces first, so no core is left with a long one at the end.
        let checkJobs = checks.flatMap { rule -> [Job] in
            guard rules.rules[rule].definition.kind == .abstractDensity else { return [.check(rule)] }
            return stride(from: 0, to: max(1, analysis.sentences.count), by: sentencesPerJob).map {
                .checkPart(rule, $0..<min($0 + sentencesPerJob, analysis.sentences.count))
            }
        }
        let jobs = [.readability] + checkJobs + wordJobs
        let outcome =
            (try? jobs.concurrentMap(minimumPerChunk: 1) { job -> (hits: [Hit], figures: ReadabilityFigures?) in
                var hits: [Hit] = []
                switch job {
                case .words(let sentences):
                    let attributed = attributedSentences(analysis, lex, sentences)
                    matchWordsAndPhrases(analysis, lex, sentences, attributed: attributed, into: &hits)
                    return (hits, nil)
                case .readability: return ([], Readability.figures(context))
                case .check(let rule):
                    runCheck(rule, context, into: &hits)
                    return (hits, nil)
                case .checkPart(let rule, let sentences):
                    Checks.abstractDensity(rule, rules.rules[rule].definition, context, sentences: sentences, &hits)
                    return (hits, nil)
                }
            }) ?? []
        let hits = outcome.flatMap(\.hits)
        let figures = outcome.lazy.compactMap(\.figures).first ?? Readability.figures(context)
        // Findings in slices side by side, each slice counting lines from its first place on.
        let sorted = hits.sorted { $0.start < $1.start }
        let slices = stride(from: 0, to: sorted.count, by: 1_000).map { $0..<min($0 + 1_000, sorted.count) }
        var findings =
            ((try? slices.concurrentMap(minimumPerChunk: 1) { slice -> [LintFinding] in
                var positions = PositionCursor(prepared, at: sorted[slice.lowerBound].start)
                return sorted[slice].map {
                    finding(for: $0, analysis: analysis, positions: &positions, path: path, language: interfaceLanguage)
                }
            }) ?? []).flatMap { $0 }
        findings = Suppressions(directives: prepared.directives, rules: rules.definitions)
            .apply(to: findings, text: prepared, path: path, language: interfaceLanguage)
        findings.sort { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
        return LintReport(
            path: path, language: rules.language, findings: findings,
            figures: figures, quotesVerified: !transcripts.isEmpty)
    }

    // MARK: Attribution

    /// Sentences in which the writer attributes a view to someone else (and does not speak as "ik").
    /// Indexed like `analysis.sentences`, relative to the start of `sentences`.
    private func attributedSentences(_ analysis: TextAnalysis, _ lex: [Int32], _ sentences: Range<Int>) -> [Bool] {
        analysis.sentences[sentences].map { sentence in
            var cue = false
            let lexicon = rules.entries
            for t in sentence.firstToken..<sentence.endToken where lex[t] >= 0 && !analysis.tokens[t].inQuote {
                let e = Int(lex[t])
                if lexicon.flags[e].contains(.firstPerson) { return false }
                if !cue {
                    for c in Int(lexicon.cueStart[e])..<Int(lexicon.cueStart[e + 1])
                    where rules.attributionCues[Int(lexicon.cues[c])].match(
                        analysis, lex, at: t, sentenceStart: sentence.firstToken, limit: sentence.endToken)
                        != nil
                    {
                        cue = true
                        break
                    }
                }
            }
            return cue
        }
    }

    // MARK: Words and phrases

    private func matchWordsAndPhrases(
        _ analysis: TextAnalysis, _ lex: [Int32], _ sentences: Range<Int>, attributed: [Bool], into hits: inout [Hit]
    ) {
        let tokens = analysis.tokens
        let hasPrefixes = !rules.prefixIndex.isEmpty
        let candidateStart = rules.entries.candidateStart, candidates = rules.entries.candidates
        let prefixStart = rules.prefixStart, prefixesByFirstByte = rules.prefixesByFirstByte
        var found: [Hit] = []
        func add(_ rule: Int, _ pattern: Int, _ t: Int, _ end: Int, _ s: Int) {
            found.append(
                Hit(
                    rule: rule, pattern: pattern, start: Int(tokens[t].start), end: Int(tokens[end - 1].end),
                    sentence: s))
        }
        for s in sentences where !analysis.sentences[s].isHeading {
            let sentence = analysis.sentences[s]
            let isAttributed = attributed[s - sentences.lowerBound]
            for t in sentence.firstToken..<sentence.endToken {
                let inQuote = tokens[t].inQuote
                if lex[t] >= 0 {
                    let e = Int(lex[t])
                    let next = t + 1 < sentence.endToken ? lex[t + 1] : -1
                    for c in Int(candidateStart[e])..<Int(candidateStart[e + 1]) {
                        // What the candidate itself tells, before the rule and its pattern are read.
                        let candidate = candidates[c]
                        if candidate.narratorOnly && inQuote || candidate.respectsAttribution && isAttributed
                            || !candidate.allowsNext(next)
                        {
                            continue
                        }
                        let r = Int(candidate.rule), p = Int(candidate.pattern)
                        if let end = tryMatch(
                            r, p, at: t, sentence: sentence, index: s, attributed: attributed,
                            from: sentences.lowerBound, analysis, lex)
                        {
                            add(r, p, t, end, s)
                        }
                    }
                }
                if hasPrefixes && tokens[t].kind == .word && tokens[t].lowerCount > 0 {
                    let first = Int(analysis.lowered[Int(tokens[t].lowerStart)])
                    for i in Int(prefixStart[first])..<Int(prefixStart[first + 1]) {
                        let entry = rules.prefixIndex[Int(prefixesByFirstByte[i])]
                        guard analysis.lower(t, startsWith: entry.prefix) else { continue }
                        if let end = tryMatch(
                            entry.rule, entry.pattern, at: t, sentence: sentence, index: s, attributed: attributed,
                            from: sentences.lowerBound, analysis, lex)
                        {
                            add(entry.rule, entry.pattern, t, end, s)
                        }
                    }
                }
            }
        }
        // One finding per rule and place: a longer phrase wins over a word inside it.
        hits += deduplicate(found)
    }

    private func tryMatch(
        _ r: Int, _ p: Int, at t: Int, sentence: Sentence, index s: Int, attributed: [Bool], from firstSentence: Int,
        _ analysis: TextAnalysis, _ lex: [Int32]
    ) -> Int? {
        let rule = rules.rules[r]
        if rule.narratorOnly && analysis.tokens[t].inQuote { return nil }
        if rule.respectsAttribution && attributed[s - firstSentence] { return nil }
        let end: Int
        if p < 0 {
            end = t + 1
        } else {
            guard
                let matched = rule.patterns[p].match(
                    analysis, lex, at: t, sentenceStart: sentence.firstToken, limit: sentence.endToken)
            else { return nil }
            if rule.narratorOnly, (t..<matched).contains(where: { analysis.tokens[$0].inQuote }) { return nil }
            end = matched
        }
        // An exception phrase around the match makes it fine ("terecht komen" is not a verdict).
        for exception in rule.exceptions {
            var e = max(sentence.firstToken, t - 6)
            while e <= t {
                if let exceptionEnd = exception.match(
                    analysis, lex, at: e, sentenceStart: sentence.firstToken, limit: sentence.endToken),
                    exceptionEnd > t
                {
                    return nil
                }
                e += 1
            }
        }
        return end
    }

    private func deduplicate(_ hits: [Hit]) -> [Hit] {
        let sorted = hits.sorted { ($0.rule, $0.start, -$0.end) < ($1.rule, $1.start, -$1.end) }
        var kept: [Hit] = []
        for hit in sorted {
            if let last = kept.last, last.rule == hit.rule, hit.start >= last.start, hit.end <= last.end { continue }
            kept.append(hit)
        }
        return kept
    }

    // MARK: Checks in code

    private func runCheck(_ r: Int, _ context: CheckContext, into hits: inout [Hit]) {
        let rule = rules.rules[r]
        switch rule.definition.kind {
        case .words, .phrases, .substitution: return
        case .sentenceLength: Checks.sentenceLength(r, rule.definition, context, &hits)
        case .paragraphLength: Checks.paragraphLength(r, rule.definition, context, &hits)
        case .passive: Checks.passive(r, rule.definition, context, &hits)
        case .abstractDensity:
            Checks.abstractDensity(r, rule.definition, context, sentences: context.analysis.sentences.indices, &hits)
        case .rhetoricalQuestion: Checks.rhetoricalQuestion(r, rule.definition, context, &hits)
        case .quoteVerification: Checks.quoteVerification(r, rule.definition, context, &hits)
        case .quoteSpeaker: Checks.quoteSpeaker(r, rule.definition, context, &hits)
        case .quoteDensity: Checks.quoteDensity(r, rule.definition, context, &hits)
        case .unbalancedQuote: Checks.unbalancedQuote(r, rule.definition, context, &hits)
        case .exclamation: Checks.exclamation(r, rule.definition, context, &hits)
        }
    }

    // MARK: Findings

    private func finding(
        for hit: Hit, analysis: TextAnalysis, positions: inout PositionCursor, path: String, language: Language
    ) -> LintFinding {
        let rule = rules.rules[hit.rule]
        let definition = rule.definition
        let (line, column) = positions.position(of: hit.start)
        let (endLine, endColumn) = analysis.text.position(of: hit.end, from: (line, column, hit.start))
        var values = hit.values
        if values["match"] == nil { values["match"] = analysis.text.flatText(hit.start, hit.end) }
        if hit.pattern >= 0, hit.pattern < rule.replacements.count {
            values["replacement"] = rule.replacements[hit.pattern]
        }
        if let max = definition.max { values["max"] = values["max"] ?? String(max) }
        let message = Linter.fill(definition.message.text(language), values)
        let suggestion = definition.suggestion.map { Linter.fill($0.text(language), values) }
        var result = LintFinding(
            path: path, line: line, column: column, endLine: endLine, endColumn: endColumn, rule: definition.id,
            category: definition.category, severity: definition.severity, message: message, suggestion: suggestion)
        if let s = hit.sentence, s < analysis.sentences.count {
            let sentence = analysis.sentences[s]
            let sentenceStart = Int(analysis.tokens[sentence.firstToken].start)
            // A finding that runs past its sentence (a quotation of several sentences) shows them all.
            var last = s
            while last + 1 < analysis.sentences.count,
                Int(analysis.tokens[analysis.sentences[last].endToken - 1].end) < hit.end,
                analysis.sentences[last + 1].block == sentence.block
            { last += 1 }
            let sentenceEnd = max(Int(analysis.tokens[analysis.sentences[last].endToken - 1].end), hit.end)
            if sentenceEnd - sentenceStart <= 2_000 {
                result.sentence = analysis.text.flatText(sentenceStart, sentenceEnd)
                result.sentenceColumn = analysis.text.scalarCount(sentenceStart, max(sentenceStart, hit.start))
                result.length = analysis.text.scalarCount(hit.start, hit.end)
            }
        }
        return result
    }
}

extension Linter {
    /// Puts values into `{name}` placeholders in one pass over the bytes.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        let bytes = Array(template.utf8)
        guard bytes.contains(UInt8(ascii: "{")) else { return template }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")),
                let value = values[String(decoding: bytes[(i + 1)..<close], as: UTF8.self)]
            {
                out += value.utf8
                i = close + 1
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Turns byte offsets into line and column while walking forward through the text once.
struct PositionCursor {
    let text: PreparedText
    var offset = 0
    var line = 1
    var column = 1

    init(_ text: PreparedText) { self.text = text }

    /// A cursor that starts at `offset` (found by the line index, not by counting from the start).
    init(_ text: PreparedText, at offset: Int) {
        self.text = text
        (line, column) = text.position(of: offset)
        self.offset = offset
    }

    mutating func position(of target: Int) -> (line: Int, column: Int) {
        if target < offset { return text.position(of: target) }
        (line, column) = text.position(of: target, from: (line, column, offset))
        offset = target
        return (line, column)
    }
}

/// What the checks written in code can read.
struct CheckContext {
    let analysis: TextAnalysis
    let rules: RuleSet
    /// The lexicon entry of each token.
    let lex: [Int32]
    let transcripts: TranscriptIndex
    let speakers: Set<String>

    func flags(_ token: Int) -> LexiconEntry.Flags { rules.flags(lex[token]) }

    /// A closure reading token flags with the arrays it needs captured once, for hot loops.
    func flagReader() -> (Int) -> LexiconEntry.Flags {
        let lex = self.lex
        let table = rules.entries.flags
        return { token in lex[token] < 0 ? [] : table[Int(lex[token])] }
    }
}
