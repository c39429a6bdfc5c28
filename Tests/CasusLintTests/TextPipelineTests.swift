import CasusCore
import CasusDocuments
import Foundation
import Testing

@testable import CasusLint

@Suite("Text pipeline")
struct TextPipelineTests {
    func analyse(_ text: String, format: SourceText.Format = .markdown) throws -> TextAnalysis {
        TextAnalysis(
            PreparedText(SourceText(format: format, text: text)), abbreviations: try Lint.rules(.nl).abbreviations)
    }

    func words(_ analysis: TextAnalysis) -> [String] {
        analysis.tokens.indices.filter { analysis.tokens[$0].kind == .word || analysis.tokens[$0].kind == .number }
            .map(analysis.lower)
    }

    @Test("Dutch apostrophes, hyphens, numbers and abbreviations stay one token")
    func tokens() throws {
        let a = try analyse(
            "Zo'n auto's rijdt 's nachts naar de Wmo-consulent, o.a. voor € 1.200,50 op 2021-03-15 om 10:15 bijv. met mevr. De Vries."
        )
        #expect(
            words(a) == [
                "zo'n", "auto's", "rijdt", "'s", "nachts", "naar", "de", "wmo-consulent", "o.a.", "voor", "1.200,50",
                "op",
                "2021-03-15", "om", "10:15", "bijv.", "met", "mevr.", "de", "vries",
            ])
        #expect(a.sentences.count == 1)
    }

    @Test("curly apostrophes inside words and ij are kept")
    func curly() throws {
        let a = try analyse("Het kind’s fiets stond bij de IJssel; ’t was koud.")
        #expect(words(a) == ["het", "kind's", "fiets", "stond", "bij", "de", "ijssel", "'t", "was", "koud"])
    }

    @Test("sentences split on end marks, not on abbreviations, numbers or initials")
    func sentences() throws {
        let a = try analyse(
            "Ze kreeg o.a. een brief van J. de Vries. Die kostte 1.200 euro! Wat nu? “Ik schrok,” zegt ze. Daarna belde ze."
        )
        #expect(a.sentences.count == 5)
        #expect(a.text(of: a.sentences[0]) == "Ze kreeg o.a. een brief van J. de Vries.")
        #expect(a.text(of: a.sentences[3]) == "“Ik schrok,” zegt ze.")
    }

    @Test("a quotation spanning sentences is one quotation; the words inside are marked")
    func quoteAcrossSentences() throws {
        let a = try analyse("Ze zegt: “Ik schrok. Ik had geen geld.” Daarna belde ze.")
        #expect(a.quotes.count == 1)
        #expect(a.quotes[0].wordCount == 6)
        #expect(a.sentences.count == 3)
        let quoted = a.tokens.indices.filter { a.tokens[$0].inQuote && a.tokens[$0].kind == .word }.map(a.lower)
        #expect(quoted == ["ik", "schrok", "ik", "had", "geen", "geld"])
    }

    @Test(
        "every kind of quotation mark pairs up",
        arguments: [
            "“Ik schrok,” zegt ze.", "„Ik schrok,” zegt ze.", "\"Ik schrok,\" zegt ze.", "‘Ik schrok,’ zegt ze.",
            "'Ik schrok,' zegt ze.",
            "«Ik schrok,» zegt ze.", "”Ik schrok,” zegt ze.",
        ])
    func quoteMarks(text: String) throws {
        let a = try analyse(text)
        #expect(a.quotes.count == 1, "\(text)")
        #expect(a.unbalancedMarks.isEmpty)
        #expect(
            a.tokens.indices.filter { a.tokens[$0].inQuote && a.tokens[$0].kind == .word }.map(a.lower) == [
                "ik", "schrok",
            ])
    }

    @Test("a Markdown block quote is quoted text; apostrophes are not quotation marks")
    func blockQuote() throws {
        let a = try analyse(
            "Ze zegt het zo:\n\n> Ik had geen geld. Helaas.\n\nDe auto's stonden 's avonds voor de deur.")
        #expect(a.quotes.count == 1)
        #expect(a.quotes[0].openToken == nil)
        #expect(a.unbalancedMarks.isEmpty)
        #expect(!a.tokens.indices.contains { a.lower($0) == "auto's" && a.tokens[$0].inQuote })
    }

    @Test("Markdown markup is blanked but positions stay those of the source")
    func markdown() throws {
        let text =
            "---\ntitel: x\n---\n# Kop\n\nIn **juni** kreeg ze [helaas](https://x.nl) een `code` boete.\n\n```\nhelaas\n```\n"
        let report = try Lint.run(text)
        let helaas = report.findings.filter { $0.rule == "NL.Stellingname" }
        #expect(helaas.count == 1)
        #expect(helaas.first?.line == 6)
        #expect(helaas.first?.column == 23)
    }

    @Test("positions count Unicode scalars, so é and curly quotes do not shift columns")
    func columns() throws {
        let report = try Lint.run("Één café, “zei ze”. Daarna kwam er helaas niets.")
        let finding = try #require(report.findings.first { $0.rule == "NL.Stellingname" })
        #expect(finding.column == 36)
        #expect(finding.endColumn == 42)
    }

    @Test("attribution to someone else is not the writer's opinion; the writer's own 'ik' is")
    func attribution() throws {
        #expect(try Lint.run("Hij vond de brief dreigend.").findings.isEmpty)
        #expect(try Lint.run("Volgens haar buurvrouw was het schandalig.").findings.isEmpty)
        #expect(try !Lint.run("De brief was dreigend.").findings.isEmpty)
        let own = try Lint.run("Ik vond de brief dreigend.").findings.map(\.rule)
        #expect(own.contains("NL.EvaluatiefBijvoeglijk") && own.contains("NL.EerstePersoon"))
    }

    @Test("Dutch adjectives are found in their inflected forms")
    func inflection() {
        #expect(Inflector.dutchAdjective("schrijnend").contains("schrijnende"))
        #expect(
            Inflector.dutchAdjective("groot") == ["groot", "groots", "grootste", "grote", "groter", "grotere"].sorted()
                || Inflector.dutchAdjective("groot").contains("grote"))
        #expect(Inflector.dutchAdjective("dik").contains("dikke"))
        #expect(Inflector.dutchAdjective("lief").contains("lieve"))
        #expect(Inflector.dutchAdjective("boos").contains("boze"))
        #expect(Inflector.dutchAdjective("grijs").contains("grijze"))
        #expect(Inflector.dutchAdjective("duur").contains("duurder"))
        #expect(Inflector.dutchNoun("keten").contains("ketens"))
        #expect(Inflector.dutchNoun("zelfredzaamheid").contains("zelfredzaamheden"))
    }

    @Test("syllables: Dutch vowel groups, ij and diaeresis")
    func syllables() {
        #expect(Readability.count(syllablesIn: "schuldhulpverlening", language: .nl) == 5)
        #expect(Readability.count(syllablesIn: "beëindigen", language: .nl) == 4)
        #expect(Readability.count(syllablesIn: "vijf", language: .nl) == 1)
        #expect(Readability.count(syllablesIn: "eenentwintigste", language: .nl) == 5)
    }
}
