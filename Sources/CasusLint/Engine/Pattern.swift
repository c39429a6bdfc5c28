import CasusCore
import Foundation

/// A phrase to look for, written as words separated by spaces:
/// `a|b` alternatives, `word*` a prefix, `*` any word, `...` up to ten words, `{name}` a word set
/// of the rule, `^` the start of a sentence, `,` and other punctuation as themselves.
struct Pattern: Sendable {
    enum Element: Sendable {
        case words(Set<String>)
        case prefixes([String])
        case any
        case gap(Int)
        case sentenceStart
    }

    let source: String
    let elements: [Element]

    struct Invalid: Error, CustomStringConvertible { let description: String }

    init(_ source: String, sets: [String: Set<String>] = [:]) throws {
        self.source = source
        var elements: [Element] = []
        for raw in source.lowercased().split(whereSeparator: { $0 == " " }) {
            let part = String(raw)
            if part == "^" {
                guard elements.isEmpty else { throw Invalid(description: "'^' must come first in '\(source)'") }
                elements.append(.sentenceStart)
            } else if part == "..." || part == "…" {
                elements.append(.gap(10))
            } else if part == "*" {
                elements.append(.any)
            } else if part.hasPrefix("{"), part.hasSuffix("}") {
                let name = String(part.dropFirst().dropLast())
                guard let set = sets[name] else { throw Invalid(description: "unknown set {\(name)} in '\(source)'") }
                elements.append(.words(set))
            } else {
                let alternatives = part.split(separator: "|").map(String.init)
                let prefixes = alternatives.filter { $0.count > 1 && $0.hasSuffix("*") }.map { String($0.dropLast()) }
                let exact = Set(alternatives.filter { !($0.count > 1 && $0.hasSuffix("*")) })
                if prefixes.isEmpty {
                    elements.append(.words(exact))
                } else if exact.isEmpty {
                    elements.append(.prefixes(prefixes))
                } else {
                    throw Invalid(description: "mix of prefixes and words in '\(part)'")
                }
            }
        }
        guard let first = elements.first(where: { if case .sentenceStart = $0 { false } else { true } }) else {
            throw Invalid(description: "empty pattern '\(source)'")
        }
        switch first {
        case .gap, .any: throw Invalid(description: "'\(source)' must begin with a word")
        default: break
        }
        if case .gap = elements.last! { throw Invalid(description: "'\(source)' must not end with '...'") }
        self.elements = elements
    }

    /// The first element that is a word or prefix: what the index looks tokens up by.
    var anchor: Element {
        elements.first { if case .sentenceStart = $0 { false } else { true } }!
    }

    /// The element after the anchor, if any.
    var afterAnchor: Element? {
        let anchorIndex = elements.firstIndex { if case .sentenceStart = $0 { false } else { true } }!
        return anchorIndex + 1 < elements.count ? elements[anchorIndex + 1] : nil
    }

    /// Every word the pattern names, so the lexicon can give each an index.
    var words: [String] {
        elements.flatMap { element -> [String] in if case .words(let set) = element { Array(set) } else { [] } }
    }

    /// The pattern with its word sets turned into bit sets over lexicon indices, for matching
    /// without hashing a single string.
    func compiled(_ index: (String) -> Int32?, lexiconSize: Int) -> CompiledPattern {
        CompiledPattern(
            source: source,
            elements: elements.map { element in
                switch element {
                case .words(let set):
                    var bits = WordBits(size: lexiconSize)
                    for word in set { if let i = index(word) { bits.insert(i) } }
                    return .words(bits)
                case .prefixes(let list): return .prefixes(list.map { Array($0.utf8) })
                case .any: return .any
                case .gap(let maximum): return .gap(maximum)
                case .sentenceStart: return .sentenceStart
                }
            })
    }
}

/// A set of lexicon indices as bits.
struct WordBits: Sendable {
    private var bits: [UInt64]

    init(size: Int) { bits = Array(repeating: 0, count: size / 64 + 1) }

    mutating func insert(_ index: Int32) { bits[Int(index) >> 6] |= 1 << UInt64(index & 63) }

    @inline(__always) func contains(_ index: Int32) -> Bool {
        index >= 0 && Int(index) >> 6 < bits.count && bits[Int(index) >> 6] & (1 << UInt64(index & 63)) != 0
    }
}

/// A pattern ready to match against tokens and their lexicon indices.
struct CompiledPattern: Sendable {
    enum Element: Sendable {
        case words(WordBits)
        case prefixes([[UInt8]])
        case any
        case gap(Int)
        case sentenceStart
    }

    let source: String
    let elements: [Element]

    var isSentenceStart: Bool { if case .sentenceStart = elements.first { true } else { false } }

    /// Tries to match starting at token `start`, within the sentence ending before `limit`.
    /// Returns the index one past the last matched token.
    func match(_ text: TextAnalysis, _ lex: [Int32], at start: Int, sentenceStart: Int, limit: Int) -> Int? {
        let tokens = text.tokens
        if isSentenceStart {
            var first = sentenceStart
            while first < limit, !(tokens[first].kind == .word || tokens[first].kind == .number) { first += 1 }
            if start != first { return nil }
            return match(text, lex, element: 1, at: start, limit: limit)
        }
        return match(text, lex, element: 0, at: start, limit: limit)
    }

    private func match(_ text: TextAnalysis, _ lex: [Int32], element: Int, at position: Int, limit: Int) -> Int? {
        if element == elements.count { return position }
        let tokens = text.tokens
        switch elements[element] {
        case .words(let bits):
            guard position < limit, bits.contains(lex[position]) else { return nil }
            return match(text, lex, element: element + 1, at: position + 1, limit: limit)
        case .gap(let maximum):
            var skip = 0
            var p = position
            while skip <= maximum, p <= limit {
                if let end = match(text, lex, element: element + 1, at: p, limit: limit) { return end }
                // A gap does not cross sentence-internal punctuation that ends a clause.
                if p < limit, tokens[p].kind == .punctuation,
                    tokens[p].ascii == UInt8(ascii: ";") || tokens[p].ascii == UInt8(ascii: ":")
                {
                    return nil
                }
                p += 1
                skip += 1
            }
            return nil
        case .sentenceStart:
            return match(text, lex, element: element + 1, at: position, limit: limit)
        case .prefixes(let list):
            guard position < limit, tokens[position].kind == .word,
                list.contains(where: { text.lower(position, startsWith: $0) })
            else { return nil }
            return match(text, lex, element: element + 1, at: position + 1, limit: limit)
        case .any:
            guard position < limit, tokens[position].kind == .word || tokens[position].kind == .number else {
                return nil
            }
            return match(text, lex, element: element + 1, at: position + 1, limit: limit)
        }
    }
}

/// Dutch and English inflection for word lists, so a list can name `schrijnend` and still find
/// `schrijnende`, `schrijnender`, `schrijnendste`.
enum Inflector {
    static func forms(of word: String, _ inflection: Inflection, language: Language) -> [String] {
        guard inflection != .none, !word.utf8.contains(0x20) else { return [word] }
        switch (language, inflection) {
        case (.nl, .adjective): return dutchAdjective(word)
        case (.nl, .noun): return dutchNoun(word)
        case (.en, .adjective): return [word, word + "er", word + "est"].filter { _ in true }
        case (.en, .noun): return [word, word.hasSuffix("s") ? word + "es" : word + "s"]
        default: return [word]
        }
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// The stem a Dutch ending attaches to: `groot` → `grot`, `dik` → `dikk`, `lief` → `liev`,
    /// `boos` → `boz`, `grijs` → `grijz`. Rough for words of more syllables; lists may name forms outright.
    static func dutchStem(_ word: String) -> String {
        var chars = Array(word)
        guard chars.count >= 2, let last = chars.last, !vowels.contains(last), last != "y" else { return word }
        let beforeLast = chars[chars.count - 2]
        let twoBefore: Character? = chars.count >= 3 ? chars[chars.count - 3] : nil
        if vowels.contains(beforeLast) {
            if let twoBefore, twoBefore == beforeLast {
                chars.remove(at: chars.count - 2)
            } else if twoBefore.map({ !vowels.contains($0) }) ?? true, vowelGroups(word) == 1,
                !["w", "x", "j"].contains(last)
            {
                return word + String(last)
            }
        }
        // f and s turn into v and z after a long vowel or a diphthong.
        if last == "f" || last == "s" {
            let before = chars[chars.count - 2]
            if vowels.contains(before) || before == "j" {
                chars[chars.count - 1] = last == "f" ? "v" : "z"
            }
        }
        return String(chars)
    }

    private static func vowelGroups(_ word: String) -> Int {
        var groups = 0
        var inVowel = false
        for c in word {
            let v = vowels.contains(c) || c == "y"
            if v && !inVowel { groups += 1 }
            inVowel = v
        }
        return groups
    }

    static func dutchAdjective(_ word: String) -> [String] {
        if word.hasSuffix("e") || word.hasSuffix("en") && word.count > 4 { return [word] }
        let stem = word.hasSuffix("isch") ? word : dutchStem(word)
        let comparativeBase = word.hasSuffix("r") ? word + "d" : stem
        var forms = [word, stem + "e", comparativeBase + "er", comparativeBase + "ere"]
        let superlative = word.hasSuffix("s") || word.hasSuffix("isch") ? word + "t" : word + "st"
        forms += [superlative, superlative + "e"]
        return forms
    }

    static func dutchNoun(_ word: String) -> [String] {
        var forms = [word, word + "s"]
        if word.hasSuffix("e") { forms.append(word + "n") } else { forms.append(dutchStem(word) + "en") }
        if word.hasSuffix("heid") { forms.append(String(word.dropLast(4)) + "heden") }
        return forms
    }
}
