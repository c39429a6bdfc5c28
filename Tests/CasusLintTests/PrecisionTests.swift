import CasusCore
import Foundation
import Testing

@testable import CasusLint

/// A coach stops reading a linter that cries wolf: clean narratives must come through without a
/// single remark about the writer's voice, and opinionated texts must light up.
@Suite("Precision on whole texts")
struct PrecisionTests {
    static let voice: Set<LintCategory> = [.mening, .oordeel, .perspectief]

    @Test(
        "a clean narrative of several pages has no opinion, judgement or point-of-view findings, and its quotes check out"
    )
    func cleanNarrative() throws {
        let report = try Lint.run(
            try Lint.fixture("jamal-narratief.md"), transcripts: [try Lint.fixture("jamal-transcript.txt")],
            speakers: ["Jamal"])
        let voice = report.findings.filter {
            Self.voice.contains($0.category) || $0.category == .abstract || $0.category == .citaat
        }
        #expect(voice.isEmpty, "\(voice.map { "\($0.line):\($0.rule) \($0.message)" })")
        #expect(report.figures.words > 1_200)
        #expect(report.figures.quotes >= 15)
        #expect(report.quotesVerified)
    }

    @Test("the sample dossiers' current narratives are clean too", arguments: ["boete-schuldhulp", "bezwaar-wmo"])
    func sampleNarratives(name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Samples/\(name).json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let narrative = try #require((object["narrative"] as? [[String: Any]])?.last?["text"] as? String)
        let transcripts = (object["interviews"] as? [[String: Any]] ?? []).compactMap { $0["transcript"] as? String }
        let speakers = (object["participants"] as? [[String: Any]] ?? []).compactMap { $0["pseudonym"] as? String }
        let report = try Lint.run(narrative, transcripts: transcripts, speakers: speakers)
        #expect(
            report.findings.filter { Self.voice.contains($0.category) || $0.category == .citaat }.isEmpty,
            "\(report.findings.map { "\($0.line):\($0.rule)" })")
    }

    @Test("an opinion column lights up in every category of the writer's voice")
    func column() throws {
        let report = try Lint.run(try Lint.fixture("column-opinie.md"))
        #expect(report.count(.mening) >= 12)
        #expect(report.count(.oordeel) >= 5)
        #expect(report.count(.perspectief) >= 6)
        #expect(report.count(.abstract) >= 5)
    }

    @Test("a policy memo is flagged as abstract, officialese and passive")
    func policyMemo() throws {
        let report = try Lint.run(try Lint.fixture("beleidsnota.md"))
        #expect(report.count(.abstract) >= 15)
        #expect(report.count(.leesbaarheid) >= 5)
        #expect(report.count(.oordeel) >= 2)
        #expect(report.figures.fleschDouma ?? 100 < 45)
    }

    @Test("the first version of a sample narrative, which the coach sent back, is flagged")
    func returnedDraft() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Samples/boete-schuldhulp.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let draft = try #require((object["narrative"] as? [[String: Any]])?.first?["text"] as? String)
        let report = try Lint.run(draft)
        #expect(report.count(.mening) >= 3 && report.count(.oordeel) >= 2 && report.count(.abstract) >= 2)
    }

    @Test("English: a clean paragraph passes, an opinionated one does not")
    func english() throws {
        let clean = """
            On 3 February Jamal turns eighteen. Two weeks later a letter from youth care lands on the mat. His place in the foster home ends on 1 May, it says. “I read that letter three times,” Jamal says. “I thought it was a mistake.”
            """
        #expect(try Lint.run(clean, language: .en).findings.filter { Self.voice.contains($0.category) }.isEmpty)
        let opinion =
            "Unfortunately the system failed him. Of course the council should have known. This shows that agencies never work together. We must do better."
        let report = try Lint.run(opinion, language: .en)
        #expect(report.count(.mening) >= 2 && report.count(.oordeel) >= 3 && report.count(.perspectief) >= 1)
    }

    @Test("the language of a text is recognised")
    func detection() throws {
        #expect(LanguageDetector.detect(try Lint.fixture("jamal-narratief.md")) == .nl)
        #expect(
            LanguageDetector.detect(
                "On 3 February Jamal turns eighteen. Two weeks later a letter from youth care lands on the mat.") == .en
        )
    }
}
