import CasusCore
import Foundation

/// Reading-ease figures for the whole text: Flesch-Douma and Brouwer for Dutch, Flesch and
/// Flesch–Kincaid for English, sentence length, and the share of concrete nouns.
enum Readability {
    static func figures(_ analysis: TextAnalysis, rules: RuleSet) -> ReadabilityFigures {
        var words = 0, syllables = 0, sentences = 0, quotedWords = 0
        var nouns = 0, concreteNouns = 0
        let suffixes = rules.profile.abstractSuffixes
        let context = CheckContext(analysis: analysis, rules: rules, transcripts: [], speakers: [])
        var blocks = Set<Int>()
        for sentence in analysis.sentences where !sentence.isHeading {
            var sentenceWords = 0
            var afterDeterminer = false
            for t in sentence.firstToken..<sentence.endToken {
                let token = analysis.tokens[t]
                guard token.kind == .word || token.kind == .number else { continue }
                sentenceWords += 1
                if token.inQuote { quotedWords += 1 }
                syllables += token.kind == .number ? 1 : count(syllablesIn: token.lower, language: rules.language)
                // A noun, roughly: the first word after an article or possessive that does not end like an adjective.
                if afterDeterminer, token.kind == .word, !rules.functionWords.contains(token.lower), !(token.lower.hasSuffix("e") && token.lower.count > 3 && !rules.concreteNouns.contains(token.lower)) {
                    nouns += 1
                    if !Checks.isAbstract(token.lower, context, suffixes: suffixes) { concreteNouns += 1 }
                    afterDeterminer = false
                } else {
                    afterDeterminer = rules.determiners.contains(token.lower) || (afterDeterminer && token.lower.hasSuffix("e"))
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
        var figures = ReadabilityFigures(words: words, sentences: sentences, paragraphs: blocks.count, averageSentenceLength: round1(asl),
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
        var groups = 0
        var inVowel = false
        var previous: Character = " "
        for c in word {
            var vowel: Bool
            switch c {
            case "a", "e", "i", "o", "u", "y", "á", "é", "í", "ó", "ú", "à", "è", "â", "ê", "î", "ô", "û": vowel = true
            case "ä", "ë", "ï", "ö", "ü":
                vowel = true
                inVowel = false
            case "j": vowel = language == .nl && previous == "i"
            default: vowel = false
            }
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel
            previous = c
        }
        if language == .en, word.hasSuffix("e"), !word.hasSuffix("le"), groups > 1 { groups -= 1 }
        return max(1, groups)
    }
}
