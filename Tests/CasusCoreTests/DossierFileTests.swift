import CasusCore
import Foundation
import Testing

@Suite("Dossier file and validation")
struct DossierFileTests {
    @Test("every sample reads, validates, and encodes back to the same bytes", arguments: Repository.sampleNames)
    func sampleRoundTrip(name: String) throws {
        let bytes = try Data(contentsOf: Repository.samples.appendingPathComponent(name + ".json"))
        let file = try DossierFile.decode(bytes)
        #expect(file.dossier.problems().isEmpty)
        #expect(try file.encoded() == bytes)
    }

    @Test("the samples are rich enough to test every later feature", arguments: Repository.sampleNames)
    func sampleRichness(name: String) throws {
        let dossier = try Repository.sample(name).dossier
        #expect(dossier.events.count >= 15)
        #expect(Set(dossier.events.compactMap(\.actor.agencyId)).count >= 3)
        #expect(dossier.narrative.count >= 2)
        #expect(dossier.quotes.count >= 8)
        #expect(dossier.handoffs.contains { !$0.happened })
        #expect(!dossier.findings.isEmpty && !dossier.leervragen.isEmpty && !dossier.dilemmas.isEmpty)
        let words = dossier.interviews.compactMap(\.transcript).joined(separator: " ").split(
            whereSeparator: \.isWhitespace
        ).count
        #expect(words > 900)
        // One person in each sample took back consent for verbatim quotes.
        #expect(dossier.consent.contains { $0.withdrawn.contains(.verbatimQuotes) })
    }

    @Test(
        "broken files get a message that says what is wrong",
        arguments: [
            ("", "leeg"), ("{\"format\": \"casus-dossier\", \"formatVersion\": 1, \"case\": {", "geen geldige JSON"),
            ("[1, 2]", "geen JSON-object"), ("{\"format\": \"iets\"}", "geen casus-dossierbestand"),
            ("{\"format\": \"casus-dossier\", \"formatVersion\": 9}", "versie"),
            ("{\"format\": \"casus-dossier\", \"formatVersion\": 1}", "'case' missing"),
            ("\u{FF}\u{FE}garbage", "geen geldige JSON"),
        ])
    func brokenFiles(text: String, expected: String) {
        do {
            _ = try DossierFile.decode(Data(text.utf8))
            Issue.record("no error for \(text)")
        } catch let error as CasusError {
            #expect(error.kind == .invalidInput)
            #expect(error.message.nl.contains(expected), "\(error.message.nl)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a truncated sample is refused")
    func truncatedSample() throws {
        let bytes = try Data(contentsOf: Repository.samples.appendingPathComponent("bezwaar-wmo.json"))
        for length in [10, bytes.count / 3, bytes.count - 5] {
            #expect(throws: CasusError.self) { try DossierFile.decode(bytes.prefix(length)) }
        }
    }

    @Test("an invalid value names its path")
    func invalidValuePath() throws {
        var json = try String(
            contentsOf: Repository.samples.appendingPathComponent("bezwaar-wmo.json"), encoding: .utf8)
        json = json.replacingOccurrences(of: "\"2022-09-12\"", with: "\"2022-09-31\"")
        do {
            _ = try DossierFile.decode(Data(json.utf8))
            Issue.record("accepted 31 September")
        } catch let error as CasusError {
            #expect(error.message.en.contains("events[1].date"), "\(error.message.en)")
        }
    }

    @Test("validation finds broken references, bad spans and impossible values")
    func validation() throws {
        var dossier = try Repository.sample("bezwaar-wmo").dossier
        dossier.quotes[0].end = 1_000_000
        dossier.quotes[1].text = "iets anders"
        dossier.events[0].impact = 3
        dossier.events[1].actor = .participant("P99")
        dossier.findings[0].agencyId = "nergens"
        dossier.participants[1].pseudonym = "gerrit"
        dossier.consent.append(
            ConsentEntry(
                id: "C1", participantId: "P1", granted: [.interview], at: .now(), method: .mondeling, obtainedBy: "x"))
        let problems = dossier.problems().map(\.en)
        #expect(problems.contains { $0.contains("quote Q1") && $0.contains("outside the transcript") })
        #expect(problems.contains { $0.contains("quote Q2") && $0.contains("does not match") })
        #expect(problems.contains { $0.contains("event E1") && $0.contains("impact 3") })
        #expect(problems.contains { $0.contains("event E2") && $0.contains("P99") })
        #expect(problems.contains { $0.contains("finding F1") && $0.contains("nergens") })
        #expect(problems.contains { $0.contains("pseudonyms") && $0.contains("gerrit") })
        #expect(problems.contains { $0.contains("consent entries") && $0.contains("C1") })
        #expect(throws: CasusError.self) { try dossier.validate() }
    }
}
