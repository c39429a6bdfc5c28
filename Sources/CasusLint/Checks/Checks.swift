import CasusCore
import Foundation

/// The rules that need more than a word list. Each reads its thresholds and lists from its rule file.
enum Checks {
    /// Sentences of the narrator longer than `max` words.
    static func sentenceLength(_ r: Int, _ rule: RuleDefinition, _ c: CheckContext, _ hits: inout [Hit]) {
        let tokens = c.analysis.tokens
        let maximum = rule.max ?? 25
        for (s, sentence) in c.analysis.sentences.enumerated() where !sentence.isHeading && !isQuotation(sentence, c) {
            let words = c.analysis.words(in: sentence)
            guard words > maximum else { continue }
            hits.append(
                Hit(
                    rule: r, start: Int(tokens[sentence.firstToken].start), end: Int(tokens[sentence.endToken - 1].end),
                    sentence: s, values: ["count": String(words), "max": String(maximum)]))
        }
    }

    /// Paragraphs longer than `max` words.
    static func paragraphLength(_ r: Int, _ rule: RuleDefinition, _ c: CheckContext, _ hits: inout [Hit]) {
        let tokens = c.analysis.tokens
        let maximum = rule.max ?? 150
        // Sentences come in block order: a paragraph's count is the sum over a run of them.
        var paragraphs: [(block: Int, firstToken: Int, words: Int)] = []
        for sentence in c.analysis.sentences where !sentence.isHeading {
            if paragraphs.last?.block != sentence.block {
                paragraphs.append((sentence.block, sentence.firstToken, 0))
            }
            paragraphs[paragraphs.count - 1].words += c.analysis.words(in: sentence)
        }
        for (block, first, words) in paragraphs where words > maximum && c.analysis.text.blocks[block].kind != .quote {
            let start = Int(tokens[first].start)
            let (_, lineEnd) = c.analysis.text.lineRange(c.analysis.text.position(of: start).line - 1)
            hits.append(
                Hit(
                    rule: r, start: start, end: max(start + 1, lineEnd), sentence: nil,
                    values: ["count": String(words), "max": String(maximum)]))
        }
    }

    /// Whether a sentence is (almost) all quotation: then its length is the speaker's, not the writer's.
    static func isQuotation(_ sentence: Sentence, _ c: CheckContext) -> Bool {
        let tokens = c.analysis.tokens
        var quoted = 0, total = 0
        for t in sentence.firstToken..<sentence.endToken where tokens[t].kind == .word {
            total += 1
            if tokens[t].inQuote { quoted += 1 }
        }
        return total > 0 && quoted * 10 >= total * 7
    }

    /// Passive voice: a form of the auxiliary, then a participle in the same clause. With
    /// `impersonal` set, only impersonal passives ("er werd besloten"); otherwise all others.
    static func passive(_ r: Int, _ rule: RuleDefinition, _ c: CheckContext, _ hits: inout [Hit]) {
        let auxiliaries = c.rules.entrySet(rule.auxiliaries)
        let impersonalWords = Set(rule.impersonal ?? [])
        let agents = Set(rule.agentMarkers ?? [])
        let exceptions = Set(rule.participleExceptions ?? [])
        let prefixes = c.rules.language == .nl ? (rule.prefixes ?? []) : (rule.participles ?? [])
        let clauseBreaks: Set<String> =
            c.rules.language == .nl
            ? ["en", "maar", "omdat", "want", "dat", "die", "als", "toen", "terwijl", "zodat", "of", "waarna", "nadat"]
            : ["and", "but", "because", "that", "which", "when", "while", "so", "or", "after"]
        let tokens = c.analysis.tokens
        for (s, sentence) in c.analysis.sentences.enumerated() where !sentence.isHeading {
            var t = sentence.firstToken
            while t < sentence.endToken {
                defer { t += 1 }
                guard c.lex[t] >= 0, auxiliaries.contains(c.lex[t]), tokens[t].kind == .word, !tokens[t].inQuote else {
                    continue
                }
                var u = t + 1
                var participle: Int?
                while u < sentence.endToken, u - t <= 10 {
                    let next = tokens[u]
                    if next.inQuote { break }
                    if next.kind == .punctuation, ",;:()".utf8.contains(next.ascii) { break }
                    guard next.kind == .word else {
                        u += 1
                        continue
                    }
                    let word = c.analysis.lower(u)
                    if clauseBreaks.contains(word) && u > t + 1 { break }
                    if !exceptions.contains(word), isParticiple(word, language: c.rules.language, prefixes: prefixes) {
                        participle = u
                        break
                    }
                    u += 1
                }
                guard let end = participle else { continue }
                let before = t > sentence.firstToken ? c.analysis.lower(t - 1) : ""
                let afterAux = t + 1 < sentence.endToken ? c.analysis.lower(t + 1) : ""
                let isImpersonal = impersonalWords.contains(before) || impersonalWords.contains(afterAux)
                guard isImpersonal == (rule.variant == "impersonal") else { continue }
                var hasAgent = false
                var a = t + 1
                while a < sentence.endToken, a <= end + 6 {
                    if agents.contains(c.analysis.lower(a)) { hasAgent = true; break }
                    a += 1
                }
                let start = isImpersonal && impersonalWords.contains(before) ? t - 1 : t
                hits.append(
                    Hit(
                        rule: r, start: Int(tokens[start].start), end: Int(tokens[end].end), sentence: s,
                        values: [
                            "match": c.analysis.text.text(Int(tokens[start].start), Int(tokens[end].end)),
                            "agent": hasAgent
                                ? ""
                                : (c.rules.language == .nl
                                    ? " Er staat niet bij wie het deed." : " It does not say who did it."),
                        ]))
            }
        }
    }

    static func isParticiple(_ word: String, language: Language, prefixes: [String]) -> Bool {
        if language == .en && prefixes.contains(word) { return true }
        let bytes = word.utf8
        guard bytes.count >= 5 else { return false }
        switch language {
        case .nl:
            let endsInDT = bytes.last == UInt8(ascii: "d") || bytes.last == UInt8(ascii: "t")
            guard endsInDT || bytes.hasSuffix("en") else { return false }
            if bytes.starts(with: "ge".utf8) { return true }
            for particle in prefixes where bytes.starts(with: particle.utf8) {
                let rest = bytes.dropFirst(particle.utf8.count)
                if rest.starts(with: "ge".utf8) && rest.count >= 4 { return true }
                if inseparable.contains(particle) && (endsInDT || bytes.count >= 8) { return true }
            }
            return false
        case .en:
            return bytes.hasSuffix("ed")
        }
    }

    private static let inseparable: Set<String> = ["be", "ver", "ont", "her", "er", "mis"]

    /// Sentences thick with abstract nouns and policy words: many of them, or two in a sentence that
    /// names no person, concrete thing or number, or one with an abstract predicate ("ontbreekt").
    /// Sentences heavy with abstract nouns; `sentences` is the part of the text one job checks.
    static func abstractDensity(
        _ r: Int, _ rule: RuleDefinition, _ c: CheckContext, sentences: Range<Int>, _ hits: inout [Hit]
    ) {
        let tokens = c.analysis.tokens
        let flags = c.flagReader()
        let minimum = rule.min ?? 3
        let alone = rule.minWithoutConcrete ?? Int.max
        let ratio = rule.threshold ?? 0.2
        let suffixes = c.rules.abstractSuffixes
        let persons = c.rules.entrySet(rule.sets?["personen"])
        let predicates = (rule.predicates ?? []).map { $0.split(separator: " ").map { Set($0.split(separator: "|")) } }
        // Looked-up kinds by the word's bytes (a 64-bit hash and the length): no String per word.
        var nounKinds: [WordKey: NounLexicon.Kind?] = [:]
        func nounKind(_ t: Int) -> NounLexicon.Kind? {
            guard let nouns = c.rules.nouns else { return nil }
            return c.analysis.withLower(t) { word in
                let key = WordKey(word)
                if let known = nounKinds[key] { return known }
                let kind = nouns.kind(of: word)
                nounKinds[key] = kind
                return kind
            }
        }
        // The abstract words' tokens; their text is made only for a sentence that is reported.
        var abstract: [Int] = []
        for s in sentences where !c.analysis.sentences[s].isHeading {
            let sentence = c.analysis.sentences[s]
            abstract.removeAll(keepingCapacity: true)
            var content = 0
            var concrete = 0
            for t in sentence.firstToken..<sentence.endToken where !tokens[t].inQuote {
                let token = tokens[t]
                if token.kind == .number { concrete += 1 }
                guard token.kind == .word else { continue }
                let wordFlags = flags(t)
                if c.lex[t] >= 0, persons.contains(c.lex[t]) { concrete += 1 }
                guard !wordFlags.contains(.function) else { continue }
                content += 1
                if wordFlags.contains(.concrete) {
                    concrete += 1
                } else if wordFlags.contains(.abstractWord) {
                    abstract.append(t)
                } else if token.flags.contains(.capitalized), t != sentence.firstToken {
                    concrete += 1  // a name
                } else if let kind = nounKind(t) {
                    if kind == .abstract, !isVerbForm(t, c.analysis, flags),
                        !isModifier(t, sentence, tokens, nounKind)
                    {
                        abstract.append(t)
                    } else if kind == .concrete {
                        concrete += 1
                    }
                } else if c.analysis.withLower(t, { isAbstract($0, wordFlags, suffixes: suffixes) }) {
                    abstract.append(t)
                }
            }
            let dense = abstract.count >= minimum && Double(abstract.count) >= ratio * Double(max(content, 1))
            let bare =
                concrete == 0
                && (abstract.count >= alone
                    || (!abstract.isEmpty && contains(narratorWords(sentence, c.analysis), predicates)))
            guard dense || bare else { continue }
            hits.append(
                Hit(
                    rule: r, start: Int(tokens[sentence.firstToken].start), end: Int(tokens[sentence.endToken - 1].end),
                    sentence: s,
                    values: [
                        "words": abstract.map { c.analysis.lower($0) }.joined(separator: ", "),
                        "count": String(abstract.count),
                    ]))
        }
    }

    /// Whether a word the lexicon calls an abstract noun is, here, rather a verb: the lexicon lists
    /// nominalised infinitives ("het weten"), so a word on -en counts as a noun only after an article,
    /// a possessive or an inflected adjective ("het vertrouwen", "ingewikkelde regelingen").
    private static func isVerbForm(_ t: Int, _ text: TextAnalysis, _ flags: (Int) -> LexiconEntry.Flags) -> Bool {
        let onEn = text.withLower(t) { $0.hasSuffix("en") }
        guard onEn, t > 0, text.tokens[t - 1].kind == .word else { return onEn }
        return !(flags(t - 1).contains(.determiner) || text.withLower(t - 1) { $0.last == UInt8(ascii: "e") })
    }

    /// Whether a word stands right before a noun, as an adjective does: "de verlengde jeugdhulp" (the
    /// lexicon also lists "het verlengde").
    private static func isModifier(
        _ t: Int, _ sentence: Sentence, _ tokens: [Token], _ nounKind: (Int) -> NounLexicon.Kind?
    ) -> Bool {
        t + 1 < sentence.endToken && tokens[t + 1].kind == .word && !tokens[t + 1].inQuote && nounKind(t + 1) != nil
    }

    private static func narratorWords(_ sentence: Sentence, _ text: TextAnalysis) -> [Substring] {
        (sentence.firstToken..<sentence.endToken).filter { text.tokens[$0].kind == .word && !text.tokens[$0].inQuote }
            .map { Substring(text.lower($0)) }
    }

    /// Whether one of `phrases` (words as sets of alternatives) occurs as consecutive words.
    private static func contains(_ words: [Substring], _ phrases: [[Set<Substring>]]) -> Bool {
        phrases.contains { phrase in
            guard !phrase.isEmpty, words.count >= phrase.count else { return false }
            return (0...(words.count - phrase.count)).contains { start in
                phrase.indices.allSatisfy { phrase[$0].contains(words[start + $0]) }
            }
        }
    }

    static func isAbstract(
        _ word: UnsafeBufferPointer<UInt8>, _ flags: LexiconEntry.Flags, suffixes: SuffixTable
    ) -> Bool {
        if flags.contains(.abstractWord) { return true }
        guard word.count >= 7, !flags.contains(.concrete) else { return false }
        return suffixes.matches(word)
    }

    /// Whether a token is the ASCII punctuation mark `mark`.
    @inline(__always) static func isPunctuation(_ token: Token, _ mark: Unicode.Scalar) -> Bool {
        token.kind == .punctuation && token.ascii == UInt8(ascii: mark)
    }

    /// The writer's own exclamation: a "!" outside every quotation.
    static func exclamation(_ r: Int, _ rule: RuleDefinition, _ c: CheckContext, _ hits: inout [Hit]) {
        let tokens = c.analysis.tokens
        for (s, sentence) in c.analysis.sentences.enumerated() where !sentence.isHeading {
            for t in sentence.firstToken..<sentence.endToken
            where tokens[t].kind == .punctuation && tokens[t].ascii == UInt8(ascii: "!") && !tokens[t].inQuote {
                hits.append(
                    Hit(
                        rule: r, start: Int(tokens[sentence.firstToken].start), end: Int(tokens[t].end), sentence: s,
                        values: [:]))
                break
            }
        }
    }

    /// A question asked by the narrator, outside any quotation.
    static func rhetoricalQuestion(_ r: Int, _ rule: RuleDefinition, _ c: CheckContext, _ hits: inout [Hit]) {
        let tokens = c.analysis.tokens
        for (s, sentence) in c.analysis.sentences.enumerated() where !sentence.isHeading {
            var t = sentence.endToken - 1
            while t >= sentence.firstToken, tokens[t].kind == .quote || isPunctuation(tokens[t], ")") { t -= 1 }
            guard t >= sentence.firstToken else { continue }
            let last = tokens[t]
            guard isPunctuation(last, "?"), !last.inQuote, !isQuotation(sentence, c) else { continue }
            hits.append(Hit(rule: r, start: Int(tokens[sentence.firstToken].start), end: Int(last.end), sentence: s))
        }
    }

    /// Quotations of at least `minWords` words that do not occur in any transcript.
    static func quoteVerification(_ r: Int, _ rule: RuleDefinition, _ c: CheckContext, _ hits: inout [Hit]) {
        guard !c.transcripts.isEmpty else { return }
        let minimum = rule.minWords ?? 3
        for quote in c.analysis.quotes where quote.wordCount >= minimum {
            let text = c.analysis.text.text(quote.contentStart, quote.contentEnd)
            guard !QuoteText.occurs(text, in: c.transcripts) else { continue }
            hits.append(
                Hit(
                    rule: r, start: quote.contentStart, end: quote.contentEnd, sentence: quote.sentence,
                    values: ["match": QuoteText.short(text)]))
        }
    }

    /// Quotations of at least `minWords` words with no speaker in their sentence or the ones around it.
    static func quoteSpeaker(_ r: Int, _ rule: RuleDefinition, _ c: CheckContext, _ hits: inout [Hit]) {
        let flags = c.flagReader()
        let minimum = rule.minWords ?? 4
        let tokens = c.analysis.tokens
        for quote in c.analysis.quotes where quote.wordCount >= minimum {
            // A colon just before the quotation names the speaker: "De agent zei: “…”".
            if let open = quote.openToken, open > 0, isPunctuation(tokens[open - 1], ":") { continue }
            let here = quote.sentence
            // The sentences the quotation spans, and one on either side in the same paragraph.
            var last = here
            while last + 1 < c.analysis.sentences.count, c.analysis.sentences[last].endToken < quote.endToken {
                last += 1
            }
            var candidates = Array(here...last)
            if here > 0, c.analysis.sentences[here - 1].block == quote.block || quote.openToken == nil {
                candidates.append(here - 1)
            }
            if last + 1 < c.analysis.sentences.count, c.analysis.sentences[last + 1].block == quote.block {
                candidates.append(last + 1)
            }
            let found = candidates.contains { s in
                let sentence = c.analysis.sentences[s]
                return (sentence.firstToken..<sentence.endToken).contains { t in
                    let token = tokens[t]
                    guard !token.inQuote else { return false }
                    return flags(t).contains(.speechCue)
                        || (token.kind == .word && c.speakers.contains(c.analysis.lower(t)))
                        || (isPunctuation(token, ":") && t + 1 < tokens.count
                            && tokens[t + 1].flags.contains(.opensQuote))
                }
            }
            guard !found else { continue }
            hits.append(
                Hit(
                    rule: r, start: quote.contentStart, end: quote.contentEnd, sentence: here,
                    values: ["match": QuoteText.short(c.analysis.text.text(quote.contentStart, quote.contentEnd))]))
        }
    }

    /// Too few quotations for the length of the narrative: one per `per` words.
    static func quoteDensity(_ r: Int, _ rule: RuleDefinition, _ c: CheckContext, _ hits: inout [Hit]) {
        let per = rule.per ?? 300
        let words = c.analysis.wordCount
        guard words >= per else { return }
        let quotes = c.analysis.quotes.filter { $0.wordCount >= 3 }.count
        let expected = words / per
        guard quotes < expected, let first = c.analysis.tokens.first else { return }
        hits.append(
            Hit(
                rule: r, start: Int(first.start), end: Int(first.end), sentence: nil,
                values: [
                    "count": String(quotes), "words": String(words), "expected": String(expected), "per": String(per),
                ]))
    }

    /// An opening quotation mark that is never closed in its paragraph.
    static func unbalancedQuote(_ r: Int, _ rule: RuleDefinition, _ c: CheckContext, _ hits: inout [Hit]) {
        let tokens = c.analysis.tokens
        for index in c.analysis.unbalancedMarks {
            let token = tokens[index]
            hits.append(
                Hit(
                    rule: r, start: Int(token.start), end: Int(token.end),
                    sentence: Int(c.analysis.sentenceOfToken[index])))
        }
    }
}

/// Comparing quotations with transcripts, forgiving only typography, case and spacing.
enum QuoteText {
    static func normalize(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        // Composed first, so é typed as e + accent matches é typed as one character.
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            var piece: String
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "`": piece = "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": piece = "\""
            case "\u{2010}"..."\u{2015}": piece = "-"
            case "\u{2026}": piece = "..."
            default:
                if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                    piece = " "
                } else {
                    piece = String(scalar)
                }
            }
            if piece == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            result += piece
        }
        return result.lowercased().trimmingCharacters(in: .whitespaces)
    }

    /// The parts of a quotation to find in order: an ellipsis (… or […]) may stand for left-out words.
    static func parts(_ quote: String) -> [String] {
        normalize(quote).replacingOccurrences(of: "[...]", with: "\u{1}").replacingOccurrences(
            of: "(...)", with: "\u{1}"
        )
        .replacingOccurrences(of: "...", with: "\u{1}")
        .split(separator: "\u{1}").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!?")) }.filter {
            !$0.isEmpty
        }
    }

    /// Whether the quotation occurs in one transcript.
    static func occurs(_ quote: String, in index: TranscriptIndex) -> Bool {
        let parts = parts(quote)
        return parts.isEmpty || index.occurs(parts)
    }

    static func short(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= 60 ? flat : String(flat.prefix(57)) + "…"
    }
}

extension Collection<UInt8> {
    /// Byte-wise suffix test: exact, and far cheaper than `String.hasSuffix`, which compares by canonical equivalence.
    func hasSuffix(_ suffix: String) -> Bool {
        let tail = suffix.utf8
        guard count >= tail.count else { return false }
        return self.suffix(tail.count).elementsEqual(tail)
    }
}

/// Suffixes grouped by their last byte, so most words are ruled out by one array lookup.
struct SuffixTable: Sendable {
    private var byLastByte: [[[UInt8]]] = Array(repeating: [], count: 256)

    init(_ suffixes: [String]) {
        for suffix in suffixes {
            let bytes = Array(suffix.utf8)
            if let last = bytes.last { byLastByte[Int(last)].append(bytes) }
        }
    }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return false }
        let candidates = byLastByte[Int(last)]
        if candidates.isEmpty { return false }
        return candidates.contains { suffix in
            bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix)
        }
    }
}

/// A word by its bytes, for a cache of look-ups: FNV-1a over the bytes, and the length.
struct WordKey: Hashable {
    let hash: UInt64
    let length: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        self.hash = hash
        length = bytes.count
    }
}
