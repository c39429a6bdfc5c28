import CasusCore
import CasusDocuments
import Foundation

/// A place a rule matched, before it becomes a finding.
struct Hit {
    var rule: Int
    var start: Int
    var end: Int
    var sentence: Int?
    var values: [String: String] = [:]
}

/// Runs a rule set over a text: one tokenisation, one pass of the word and phrase index, then the
/// checks written in code, then the suppressions in the text.
public struct Linter: Sendable {
    public let rules: RuleSet
    /// Normalised transcripts that quotations must come from; empty when none were given.
    let transcripts: [String]
    /// Pseudonyms that count as a speaker near a quotation.
    let speakers: Set<String>

    public init(rules: RuleSet, transcripts: [String] = [], speakers: [String] = []) {
        self.rules = rules
        self.transcripts = transcripts.map(QuoteText.normalize)
        self.speakers = Set(speakers.map { $0.lowercased() })
    }

    public func lint(_ source: SourceText, path: String, interfaceLanguage: Language) -> LintReport {
        let prepared = PreparedText(source)
        let analysis = TextAnalysis(prepared, abbreviations: rules.abbreviations)
        var hits: [Hit] = []
        let attributed = attributedSentences(analysis)
        matchWordsAndPhrases(analysis, attributed: attributed, into: &hits)
        runChecks(analysis, attributed: attributed, into: &hits)
        var findings = hits.map { finding(for: $0, analysis: analysis, path: path, language: interfaceLanguage) }
        findings = Suppressions(directives: prepared.directives, rules: rules.definitions)
            .apply(to: findings, text: prepared, path: path, language: interfaceLanguage)
        findings.sort { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
        return LintReport(path: path, language: rules.language, findings: findings,
                          figures: Readability.figures(analysis, rules: rules), quotesVerified: !transcripts.isEmpty)
    }

    // MARK: Attribution

    /// Sentences in which the writer attributes a view to someone else (and does not speak as "ik").
    private func attributedSentences(_ analysis: TextAnalysis) -> [Bool] {
        analysis.sentences.map { sentence in
            var cue = false
            for t in sentence.firstToken..<sentence.endToken where !analysis.tokens[t].inQuote {
                let lower = analysis.tokens[t].lower
                if rules.firstPerson.contains(lower) { return false }
                if !cue, let candidates = rules.attributionIndex[lower] {
                    cue = candidates.contains { rules.attributionCues[$0].match(analysis.tokens, at: t, sentenceStart: sentence.firstToken, limit: sentence.endToken) != nil }
                }
            }
            return cue
        }
    }

    // MARK: Words and phrases

    private func matchWordsAndPhrases(_ analysis: TextAnalysis, attributed: [Bool], into hits: inout [Hit]) {
        let tokens = analysis.tokens
        let hasPrefixes = !rules.prefixIndex.isEmpty
        for (s, sentence) in analysis.sentences.enumerated() where !sentence.isHeading {
            var t = sentence.firstToken
            while t < sentence.endToken {
                let token = tokens[t]
                if token.kind != .quote && !token.lower.isEmpty {
                    if let candidates = rules.index[token.lower] {
                        for (r, p) in candidates {
                            if let end = tryMatch(r, p, at: t, sentence: sentence, index: s, attributed: attributed, analysis) {
                                hits.append(hit(r, p, t, end, s, analysis))
                            }
                        }
                    }
                    if hasPrefixes && token.kind == .word {
                        for entry in rules.prefixIndex where token.lower.hasPrefix(entry.prefix) {
                            if let end = tryMatch(entry.rule, entry.pattern, at: t, sentence: sentence, index: s, attributed: attributed, analysis) {
                                hits.append(hit(entry.rule, entry.pattern, t, end, s, analysis))
                            }
                        }
                    }
                }
                t += 1
            }
        }
        // One finding per rule and place: a longer phrase wins over a word inside it.
        hits = deduplicate(hits)
    }

    private func tryMatch(_ r: Int, _ p: Int, at t: Int, sentence: Sentence, index s: Int, attributed: [Bool], _ analysis: TextAnalysis) -> Int? {
        let rule = rules.rules[r]
        let definition = rule.definition
        if definition.narratorOnly && analysis.tokens[t].inQuote { return nil }
        if definition.respectsAttribution && attributed[s] { return nil }
        guard let end = rule.patterns[p].match(analysis.tokens, at: t, sentenceStart: sentence.firstToken, limit: sentence.endToken) else { return nil }
        if definition.narratorOnly, (t..<end).contains(where: { analysis.tokens[$0].inQuote }) { return nil }
        // An exception phrase around the match makes it fine ("terecht komen" is not a verdict).
        for exception in rule.exceptions {
            var e = max(sentence.firstToken, t - 6)
            while e <= t {
                if let exceptionEnd = exception.match(analysis.tokens, at: e, sentenceStart: sentence.firstToken, limit: sentence.endToken), exceptionEnd > t {
                    return nil
                }
                e += 1
            }
        }
        return end
    }

    private func hit(_ r: Int, _ p: Int, _ start: Int, _ end: Int, _ s: Int, _ analysis: TextAnalysis) -> Hit {
        let rule = rules.rules[r]
        var values = ["match": analysis.text.text(Int(analysis.tokens[start].start), Int(analysis.tokens[end - 1].end))]
        if p < rule.replacements.count { values["replacement"] = rule.replacements[p] }
        return Hit(rule: r, start: Int(analysis.tokens[start].start), end: Int(analysis.tokens[end - 1].end), sentence: s, values: values)
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

    private func runChecks(_ analysis: TextAnalysis, attributed: [Bool], into hits: inout [Hit]) {
        let context = CheckContext(analysis: analysis, rules: rules, transcripts: transcripts, speakers: speakers)
        for (r, rule) in rules.rules.enumerated() {
            switch rule.definition.kind {
            case .words, .phrases, .substitution: continue
            case .sentenceLength: Checks.sentenceLength(r, rule.definition, context, &hits)
            case .paragraphLength: Checks.paragraphLength(r, rule.definition, context, &hits)
            case .passive: Checks.passive(r, rule.definition, context, &hits)
            case .abstractDensity: Checks.abstractDensity(r, rule.definition, context, &hits)
            case .rhetoricalQuestion: Checks.rhetoricalQuestion(r, rule.definition, context, &hits)
            case .quoteVerification: Checks.quoteVerification(r, rule.definition, context, &hits)
            case .quoteSpeaker: Checks.quoteSpeaker(r, rule.definition, context, &hits)
            case .quoteDensity: Checks.quoteDensity(r, rule.definition, context, &hits)
            case .unbalancedQuote: Checks.unbalancedQuote(r, rule.definition, context, &hits)
            }
        }
    }

    // MARK: Findings

    private func finding(for hit: Hit, analysis: TextAnalysis, path: String, language: Language) -> LintFinding {
        let definition = rules.rules[hit.rule].definition
        let (line, column) = analysis.text.position(of: hit.start)
        let (endLine, endColumn) = analysis.text.position(of: hit.end)
        var values = hit.values
        if let max = definition.max { values["max"] = values["max"] ?? String(max) }
        var message = definition.message.text(language)
        var suggestion = definition.suggestion?.text(language)
        for (key, value) in values {
            message = message.replacingOccurrences(of: "{\(key)}", with: value)
            suggestion = suggestion?.replacingOccurrences(of: "{\(key)}", with: value)
        }
        var result = LintFinding(path: path, line: line, column: column, endLine: endLine, endColumn: endColumn, rule: definition.id,
                                 category: definition.category, severity: definition.severity, message: message, suggestion: suggestion)
        if let s = hit.sentence, s < analysis.sentences.count {
            let sentence = analysis.sentences[s]
            let sentenceStart = Int(analysis.tokens[sentence.firstToken].start)
            // A finding that runs past its sentence (a quotation of several sentences) shows them all.
            var last = s
            while last + 1 < analysis.sentences.count, Int(analysis.tokens[analysis.sentences[last].endToken - 1].end) < hit.end,
                  analysis.sentences[last + 1].block == sentence.block { last += 1 }
            let sentenceEnd = max(Int(analysis.tokens[analysis.sentences[last].endToken - 1].end), hit.end)
            if sentenceEnd - sentenceStart <= 2_000 {
                result.sentence = analysis.text.text(sentenceStart, sentenceEnd).replacingOccurrences(of: "\n", with: " ")
                result.sentenceColumn = analysis.text.text(sentenceStart, max(sentenceStart, hit.start)).unicodeScalars.count
                result.length = analysis.text.text(hit.start, hit.end).replacingOccurrences(of: "\n", with: " ").unicodeScalars.count
            }
        }
        return result
    }
}

/// What the checks written in code can read.
struct CheckContext {
    let analysis: TextAnalysis
    let rules: RuleSet
    let transcripts: [String]
    let speakers: Set<String>
}
