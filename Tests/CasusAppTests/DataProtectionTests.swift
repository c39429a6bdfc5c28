import CasusApp
import CasusCore
import CasusStore
import Foundation
import Testing

/// A store and a key vault in one temporary folder, with both samples imported.
final class ProtectedStore {
    let folder: URL
    let store: DossierStore
    let vault: KeyVault
    var operations: Casework { Casework(store: store, vault: vault, actor: .owner("onderzoeker")) }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-app-\(UUID().uuidString)")
        store = try DossierStore(
            workspace: Workspace(folder: folder.appendingPathComponent("store")), actor: "onderzoeker", create: true)
        vault = KeyVault(url: folder.appendingPathComponent("keys/vault.json"))
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Samples")
        for name in ["boete-schuldhulp", "bezwaar-wmo"] {
            try store.importFile(
                try DossierFile.decode(try Data(contentsOf: samples.appendingPathComponent(name + ".json"))))
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Every file under the folder (store, WAL, attachments, vault), as bytes.
    func everyByte() throws -> [(String, Data)] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        return try walker.compactMap { item in
            guard let url = item as? URL, (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true
            else { return nil }
            return (url.path, try Data(contentsOf: url))
        }
    }

    func contains(_ text: String) throws -> [String] {
        let needle = Data(text.utf8)
        return try everyByte().filter { $0.1.range(of: needle) != nil }.map(\.0)
    }

    /// Records consent given at `at`, as `casus consent record` does.
    func grant(_ caseId: String, _ participantId: String, _ purposes: [ConsentPurpose], at: Timestamp) throws {
        try store.modify(caseId) { dossier in
            let id = try EntityID.next(prefix: "C", existing: dossier.consent.map(\.id))
            dossier.consent.append(
                ConsentEntry(
                    id: id, participantId: participantId, granted: purposes, at: at,
                    method: .mondeling, obtainedBy: "onderzoeker"))
        }
    }

    /// Records a withdrawal in the consent ledger, as `casus consent withdraw` does.
    func withdraw(_ caseId: String, _ participantId: String, _ purposes: [ConsentPurpose]) throws {
        try store.modify(caseId) { dossier in
            let id = try EntityID.next(prefix: "C", existing: dossier.consent.map(\.id))
            dossier.consent.append(
                ConsentEntry(
                    id: id, participantId: participantId, withdrawn: purposes, at: .now(),
                    method: .mondeling, obtainedBy: "onderzoeker"))
        }
    }
}

@Suite("Erasure after withdrawal, retention, erasing a case")
struct DataProtectionTests {
    /// A sentence only in Ilse's transcript (interview I2 of boete-schuldhulp).
    func ilseSentence(_ fixture: ProtectedStore) throws -> String {
        let transcript = try fixture.store.dossier("boete-schuldhulp").interviews.first { $0.id == "I2" }!.transcript!
        let line = transcript.split(separator: "\n").first { $0.hasPrefix("Ilse:") && $0.count > 60 }!
        return String(line.dropFirst("Ilse: ".count).prefix(50))
    }

    @Test(
        "after a full withdrawal, erase leaves no byte of the transcript, audio, quotes or name in the store folder or vault"
    )
    func fullErasure() throws {
        let fixture = try ProtectedStore()
        let sentence = try ilseSentence(fixture)
        let quote = try fixture.store.dossier("boete-schuldhulp").quotes.first { $0.id == "Q12" }!.text
        // An audio recording and a real name, so every kind of material is there to erase.
        let audio = Data("RIFF-fake-audio-Ilse-unique-bytes-0123456789".utf8)
        let ref = AttachmentRef(sha256: Hashing.sha256(audio), fileName: "i2.wav", byteSize: audio.count)
        try fixture.store.attachments.add(data: audio, as: ref)
        let interviewAt = try fixture.store.dossier("boete-schuldhulp").interviews.first { $0.id == "I2" }!.at
        try fixture.grant("boete-schuldhulp", "P4", [.audioRecording], at: interviewAt)
        try fixture.store.modify("boete-schuldhulp") { dossier in
            let index = dossier.interviews.firstIndex { $0.id == "I2" }!
            dossier.interviews[index].audio = AudioRecording(file: ref, durationSeconds: 61)
        }
        try fixture.vault.set(
            Identity(
                caseId: "boete-schuldhulp", participantId: "P4", realName: "Ilse Brouwer-Vermeulen", recordedBy: "t"))
        #expect(try !fixture.contains(sentence).isEmpty)

        // Nothing can be erased while the consent stands.
        #expect(throws: CasusError.self) { try fixture.operations.preview("boete-schuldhulp", participant: "Ilse") }
        try fixture.withdraw("boete-schuldhulp", "P4", [.all])
        // A draft of the narrative that quotes her goes with the erasure too.
        try fixture.operations.saveNarrativeDraft("boete-schuldhulp", text: "Concept: " + sentence, basedOn: 1)
        let plan = try fixture.operations.preview("boete-schuldhulp", participant: "Ilse")
        #expect(plan.transcripts == ["I2"])
        #expect(plan.recordings == ["I2"])
        #expect(Set(plan.quotes) == ["Q12", "Q13"])
        #expect(plan.identity)
        let done = try fixture.operations.erase(plan, ground: .withdrawal)
        #expect(done.summary.contains("transcripts: I2"))

        #expect(try fixture.contains(sentence).isEmpty)
        #expect(try fixture.contains(quote).isEmpty)
        #expect(try fixture.contains("RIFF-fake-audio-Ilse").isEmpty)
        #expect(try fixture.contains("Brouwer-Vermeulen").isEmpty)
        let dossier = try fixture.store.dossier("boete-schuldhulp")
        #expect(dossier.interviews.first { $0.id == "I2" }?.transcript == nil)
        #expect(!dossier.quotes.contains { $0.speakerId == "P4" })
        // The ledger keeps the record of consent and withdrawal; the audit log says what kind went, not what.
        #expect(dossier.consent.contains { $0.participantId == "P4" && $0.withdrawn.contains(.all) })
        let last = try #require(
            try fixture.store.auditEntries(caseId: "boete-schuldhulp").last { $0.operation == "erase-material" })
        #expect(last.detail?.contains("ground: withdrawal") == true)
        #expect(last.detail?.contains(sentence) == false)
        #expect(try fixture.store.verifyAudit().isIntact)
        #expect(try fixture.store.search("Brouwer").isEmpty)
    }

    @Test("withdrawing quotes only takes the person's quotes out and leaves a marked gap in every narrative version")
    func quotesOnly() throws {
        let fixture = try ProtectedStore()
        // Marloes (P2) withdrew 'citaten' in the sample; her quote Q9 still stands in narrative version 2.
        let before = try fixture.store.dossier("boete-schuldhulp")
        let q9 = before.quotes.first { $0.id == "Q9" }!.text
        #expect(before.narrative.contains { $0.text.contains(q9) })
        #expect(throws: CasusError.self) {
            try fixture.operations.preview("boete-schuldhulp", participant: "Marloes", purposes: [.transcription])
        }
        let plan = try fixture.operations.preview(
            "boete-schuldhulp", participant: "Marloes", purposes: [.verbatimQuotes])
        #expect(plan.quotes == ["Q9"])
        #expect(plan.transcripts.isEmpty && !plan.identity)
        try fixture.operations.erase(plan, ground: .withdrawal)
        let after = try fixture.store.dossier("boete-schuldhulp")
        #expect(!after.quotes.contains { $0.id == "Q9" })
        #expect(!after.narrative.contains { $0.text.contains(q9) })
        #expect(after.narrative.contains { $0.text.contains(ErasurePlan.gap) })
        // Sanne's own transcript, where Marloes speaks, stays: it is Sanne's interview.
        #expect(after.interviews.first { $0.id == "I1" }?.transcript?.isEmpty == false)
    }

    @Test("retention: a passed date is listed and its material erased; a date ahead is only warned about")
    func retention() throws {
        let fixture = try ProtectedStore()
        // The ledger only grows: a new entry per person sets a retention date that has passed.
        try fixture.store.modify("bezwaar-wmo") { dossier in
            for participantId in Set(dossier.consent.map(\.participantId)) {
                let id = try EntityID.next(prefix: "C", existing: dossier.consent.map(\.id))
                dossier.consent.append(
                    ConsentEntry(
                        id: id, participantId: participantId, granted: [.report], at: .now(),
                        method: .mondeling, obtainedBy: "onderzoeker", retainUntil: FuzzyDate("2020-01-31")))
            }
        }
        let items = try fixture.operations.retention(caseId: "bezwaar-wmo")
        #expect(!items.isEmpty && items.allSatisfy { $0.daysLeft! < 0 })
        let plans = try fixture.operations.retentionPlans()
        #expect(!plans.isEmpty && plans.allSatisfy { $0.dossier.casus.id == "bezwaar-wmo" })
        for plan in plans { try fixture.operations.erase(plan, ground: .retention) }
        #expect(try fixture.operations.retentionPlans().isEmpty)
        let dossier = try fixture.store.dossier("bezwaar-wmo")
        #expect(dossier.interviews.allSatisfy { $0.transcript == nil })
        // The sample's own dates lie ahead (2027): listed with days left, nothing due.
        let ahead = try fixture.operations.retention(caseId: "boete-schuldhulp").filter { $0.retainUntil != nil }
        #expect(!ahead.isEmpty && ahead.allSatisfy { !$0.isDue && $0.daysLeft! > 0 })
    }

    @Test("erasing a case with a damaged vault changes nothing; with a sound vault both go together")
    func caseErasureIsWhole() throws {
        let fixture = try ProtectedStore()
        try fixture.vault.set(
            Identity(caseId: "bezwaar-wmo", participantId: "P1", realName: "Gerrit Mulder", recordedBy: "t"))
        let vaultBytes = try Data(contentsOf: fixture.vault.url)
        try Data("{ damaged".utf8).write(to: fixture.vault.url)
        #expect(throws: CasusError.self) { try fixture.operations.eraseCase("bezwaar-wmo") }
        #expect(try fixture.store.caseExists("bezwaar-wmo"))
        try vaultBytes.write(to: fixture.vault.url)
        try fixture.operations.eraseCase("bezwaar-wmo")
        #expect(try !fixture.store.caseExists("bezwaar-wmo"))
        #expect(try fixture.vault.identities().isEmpty)
        #expect(try fixture.contains("Gerrit Mulder").isEmpty)
    }
}
