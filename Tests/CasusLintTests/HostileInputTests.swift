import CasusCore
import CasusDocuments
import Foundation
import Testing

@testable import CasusLint

/// Regressions from the hostile-input run: each of these once crashed, hung or took minutes.
@Suite("Hostile input to the linter")
struct HostileInputTests {
    @Test(
        "a text of only a direction mark or joiner lints to nothing instead of allocating without end",
        arguments: [
            "\u{200E}", "\u{200C}", "\u{200D}", "\u{200F}", "\u{2060}", "\u{00AD}", "\u{202E}",
            "\u{FEFF}\u{200D}\u{200D}",
        ])
    func invisibleOnly(_ text: String) throws {
        let report = try Lint.run(text)
        #expect(report.findings.isEmpty)
        #expect(report.figures.words == 0)
    }

    @Test(
        "a text with no words (empty, only code, only markup) lints to nothing",
        arguments: ["", "```\ncode\n```\n", "    ingesprongen code\n", "---\n\n***\n", "<!-- alleen commentaar -->\n"])
    func noWords(_ text: String) throws {
        let report = try Lint.run(text)
        #expect(report.figures.words == 0)
    }

    @Test("emoji families, Persian joiners and soft hyphens stay inside their words")
    func joinersInWords() throws {
        let analysis = TextAnalysis(
            PreparedText(
                SourceText(
                    format: .markdown,
                    text: "Zij kwam met 👩‍👧 naar het loket. می‌خواهم. Verant\u{00AD}woordelijk\u{200B}heid.")),
            abbreviations: try Lint.rules(.nl).abbreviations)
        let words = analysis.tokens.indices.filter { analysis.tokens[$0].kind == .word }.map(analysis.lower)
        #expect(words.contains("👩\u{200D}👧"))
        #expect(words.contains("می\u{200C}خواهم"))
        #expect(words.contains("verant\u{00AD}woordelijk"))
        #expect(analysis.sentences.count >= 2)
    }

    @Test("thousands of combining marks on one letter are linted in time that grows with the text, not its square")
    func combiningMarks() throws {
        let text = "e" + String(repeating: "\u{0301}\u{0323}", count: 40_000) + " Zij kwam."
        let report = try Lint.run(text)
        #expect(report.figures.words >= 2)
        // A word's lower-case key is cut, so every set and dictionary lookup stays cheap.
        let analysis = TextAnalysis(PreparedText(SourceText(format: .markdown, text: text)), abbreviations: [])
        #expect(analysis.tokens.allSatisfy { Int($0.lowerCount) <= Tokenizer.longestWord })
    }

    @Test("quotations are found through the transcript index, in order, with ellipses, whatever the typography")
    func transcriptIndex() throws {
        let transcript =
            "Interviewer: En toen?\nSanne: Ik dacht dat het   geregeld was. Daarna kwam de brief. Ik was bang voor het bedrag."
        let index = TranscriptIndex([transcript, "Een ander interview over iets anders."])
        #expect(QuoteText.occurs("Ik dacht dat het geregeld was.", in: index))
        #expect(QuoteText.occurs("ik dacht dat het … geregeld was", in: index))
        #expect(QuoteText.occurs("Ik dacht […] bang voor het bedrag", in: index))
        #expect(QuoteText.occurs("dacht", in: index))
        #expect(QuoteText.occurs("ander interview over", in: index))
        #expect(!QuoteText.occurs("Ik was bang […] Ik dacht dat het", in: index))
        #expect(!QuoteText.occurs("Ik dacht dat het niet geregeld was", in: index))
        #expect(!QuoteText.occurs("het bedrag. Een ander", in: index))
        // Composed and decomposed é are the same letter.
        let cafe = TranscriptIndex(["Ze zat in het caf\u{00E9} op de hoek."])
        #expect(QuoteText.occurs("in het cafe\u{0301} op de hoek", in: cafe))
    }

    @Test("two thousand quotations that are not in a large transcript are all reported")
    func manyQuotesLargeTranscript() throws {
        var transcript = ""
        for n in 0..<20_000 {
            transcript += "Regel \(n): de medewerker belde over dossier \(n * 7) en de brief van week \(n % 52). "
        }
        var narrative = ""
        for n in 0..<2_000 { narrative += "Zij zegt: “dit citaat \(n) staat nergens in het transcript.”\n\n" }
        let report = try Lint.run(narrative, transcripts: [transcript], speakers: ["Zij"])
        #expect(report.findings.filter { $0.rule == "NL.CitaatNietInTranscript" }.count == 2_000)
        let found = try Lint.run(
            "Zij zegt: “de medewerker belde over dossier 70”.", transcripts: [transcript], speakers: ["Zij"])
        #expect(!found.findings.contains { $0.rule == "NL.CitaatNietInTranscript" })
    }
}
