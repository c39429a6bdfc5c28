import CasusCore
import Foundation

/// Reading-ease figures for the whole text: Flesch-Douma and Brouwer for Dutch, Flesch and
/// Flesch–Kincaid for English, sentence length, and the share of concrete nouns.
enum Readability {
    static func figures(_ context: CheckContext) -> ReadabilityFigures {
        let analysis = context.analysis
        let rules = context.rules
        var words = 0, syllables = 0, sentences = 0, quotedWords = 0
        var nouns = 0, concreteNouns = 0
        let suffixes = rules.abstractSuffixes
        var blocks = Set<Int>()
        let tokens = analysis.tokens
        let flagsOf = context.flagReader()
        for sentence in analysis.sentences where !sentence.isHeading {
            var sentenceWords = 0
            var afterDeterminer = false
            for t in sentence.firstToken..<sentence.endToken {
                let kind = tokens[t].kind
                guard kind == .word || kind == .number else { continue }
                let token = tokens[t]
                sentenceWords += 1
                if token.inQuote { quotedWords += 1 }
                let flags = flagsOf(t)
                analysis.withLower(t) { lower in
                    syllables += token.kind == .number ? 1 : count(syllablesIn: lower, language: rules.language)
                    // A noun, roughly: the first word after an article or possessive that does not end like an adjective.
                    let endsInE = lower.last == UInt8(ascii: "e")
                    if afterDeterminer, token.kind == .word, !flags.contains(.function),
                        !(endsInE && lower.count > 3 && !flags.contains(.concrete))
                    {
                        nouns += 1
                        if !Checks.isAbstract(lower, flags, suffixes: suffixes) { concreteNouns += 1 }
                        afterDeterminer = false
                    } else {
                        afterDeterminer = flags.contains(.determiner) || (afterDeterminer && endsInE)
                    }
                }
            }
            if sentenceWords > 0 {
                sentences += 1
                words += sentenceWords
                blocks.insert(sentence.block)
            }
        }
        let asl = sentences > 0 ? Double(words) / Double(sentences) : 0
        let asw = words > 0 ? Double(syllables) / Double(words) : 0
        var figures = ReadabilityFigures(
            words: words, sentences: sentences, paragraphs: blocks.count, averageSentenceLength: round1(asl),
            averageSyllablesPerWord: (asw * 100).rounded() / 100,
            concreteNounShare: nouns > 0 ? (Double(concreteNouns) / Double(nouns) * 100).rounded() / 100 : nil,
            quotes: analysis.quotes.filter { $0.wordCount >= 3 }.count,
            quotedWordShare: words > 0 ? (Double(quotedWords) / Double(words) * 100).rounded() / 100 : 0)
        guard words > 0 else { return figures }
        switch rules.language {
        case .nl:
            figures.fleschDouma = round1(206.835 - 0.93 * asl - 77 * asw)
            figures.brouwer = round1(195 - 2 * asl - 67 * asw)
        case .en:
            figures.fleschReadingEase = round1(206.835 - 1.015 * asl - 84.6 * asw)
            figures.fleschKincaidGrade = round1(0.39 * asl + 11.8 * asw - 15.59)
        }
        return figures
    }

    private static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// Syllables as groups of vowels; in Dutch `ij` is a vowel and a diaeresis starts a new syllable.
    static func count(syllablesIn word: String, language: Language) -> Int {
        var word = word
        return word.withUTF8 { count(syllablesIn: $0, language: language) }
    }

    static func count(syllablesIn word: UnsafeBufferPointer<UInt8>, language: Language) -> Int {
        var groups = 0
        var inVowel = false
        var previous: UInt8 = 0
        var lead: UInt8 = 0
        for byte in word {
            var vowel = false
            if byte < 0x80 {
                switch byte {
                case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: vowel = true
                case 0x6A: vowel = language == .nl && previous == 0x69
                default: vowel = false
                }
            } else if byte >= 0xC0 {
                lead = byte
                previous = byte
                continue
            } else if lead == 0xC3 {
                // à–ÿ: the Latin-1 vowels with accents; ä ë ï ö ü start a new syllable.
                switch byte {
                case 0xA4, 0xAB, 0xAF, 0xB6, 0xBC: vowel = true; inVowel = false
                case 0xA0...0xA6, 0xA8...0xAE, 0xB2...0xB6, 0xB9...0xBD: vowel = true
                default: vowel = false
                }
            }
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel
            previous = byte
        }
        if language == .en, word.last == UInt8(ascii: "e"), !word.hasSuffix("le"), groups > 1 { groups -= 1 }
        return max(1, groups)
    }
}
