import CasusCore
import Foundation
import Testing

@testable import CasusLint

/// The linter against its labelled sentences (`Fixtures/eval`): the figures may not fall back.
/// `casus bench lint-eval --details` prints them with the sentences missed and flagged.
@Suite struct LintEvaluationTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/eval")

    func figures(_ folder: URL) throws -> [Language: LintEvaluation.Figures] {
        let session = LintSession(configuration: LintConfiguration(), interfaceLanguage: .en)
        return try LintEvaluation.run(try LintEvaluation.load(folder: folder), session: session)
    }

    @Test("the set: at least 400 sentences; 95 % of the bad ones caught, at most 3 % of the clean ones flagged")
    func theSet() throws {
        let samples = try LintEvaluation.load(folder: Self.folder)
        #expect(samples.count >= 400)
        for language in [Language.nl, .en] {
            let f = try #require(try figures(Self.folder)[language])
            #expect(f.bad >= 80 && f.clean >= 70, "\(language): \(f.bad) bad, \(f.clean) clean")
            #expect(f.recall >= 0.95, "\(language) missed: \(f.missed.map(\.sentence))")
            #expect(f.falseAlarmRate <= 0.03, "\(language) flagged: \(f.flagged.map(\.sample.sentence))")
            for category in LintEvaluation.coachCategories {
                let counts = try #require(f.labelled[category])
                #expect(Double(counts.caught) >= 0.8 * Double(counts.total), "\(language) \(category)")
            }
        }
    }

    @Test("sentences written after the rules were tuned: the figures as first measured may not fall back")
    func heldOut() throws {
        let f = try figures(Self.folder.appendingPathComponent("holdout"))
        let nl = try #require(f[.nl]), en = try #require(f[.en])
        #expect(nl.recall >= 0.85 && nl.falseAlarmRate <= 0.04, "nl: \(nl.recall), \(nl.falseAlarmRate)")
        #expect(en.recall >= 0.92 && en.falseAlarmRate <= 0.0, "en: \(en.recall), \(en.falseAlarmRate)")
    }

    @Test("a broken line in the set names its file and line")
    func brokenSet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("nl\tmening\tuitroep\tGoed zo!\nnl\twoede\tx\tZin.\n".utf8)
            .write(to: folder.appendingPathComponent("a.tsv"))
        #expect {
            try LintEvaluation.load(folder: folder)
        } throws: { error in
            "\(error)".contains("a.tsv") && "\(error)".contains("2") && "\(error)".contains("woede")
        }
    }
}

/// The Dutch noun lexicon from LiNT-II, as the abstract-language check reads it.
@Suite struct NounLexiconTests {
    static let lexicon = NounLexicon(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CasusLint/Rules/nl")
            .appendingPathComponent(NounLexicon.fileName))

    @Test("words listed themselves, compounds by their head, institutions apart, unknown words nil")
    func kinds() throws {
        let nouns = try #require(Self.lexicon)
        #expect(nouns.count > 50_000)
        #expect(nouns.kind(of: "effectiviteit") == .abstract)
        #expect(nouns.kind(of: "brief") == .concrete)
        #expect(nouns.kind(of: "gemeente") == .institution)
        #expect(nouns.kind(of: "burger") == .concrete)
        // Compounds not listed take the kind of their head.
        #expect(nouns.kind(of: "handhavingseffectiviteit") == .abstract)
        #expect(nouns.kind(of: "klachtenbrief") == .concrete)
        #expect(nouns.kind(of: "zzzz") == nil)
        #expect(nouns.kind(of: "") == nil)
        #expect(nouns.kind(of: "é😀ë") == nil)
    }

    @Test("the committed file is in byte order per section, as the search needs; a file out of order is told")
    func sorted() throws {
        #expect(try #require(Self.lexicon).isSorted)
        let nouns = NounLexicon(bytes: Array("# x\nangst\ta\nauto\tc\nbad line\nbrief\tc\nzorg\ta\n".utf8))
        #expect(nouns.isSorted)
        #expect(nouns.kind(of: "brief") == .concrete)
        #expect(nouns.kind(of: "doodsangst") == .abstract)
        #expect(nouns.kind(of: "zorgen") == nil)
        #expect(nouns.count == 4)
        #expect(!NounLexicon(bytes: Array("zaal\tc\nauto\tc\n".utf8)).isSorted)
    }
}
