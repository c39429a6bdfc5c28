import CasusApp
import CasusCore
import CasusStore
import Foundation
import Testing

@Suite("Interview operations")
struct InterviewOperationTests {
    func wav(_ folder: URL) throws -> URL {
        // A one-second silent WAV: 8 kHz, 8 bit, mono.
        var data = Data("RIFF".utf8)
        let samples = 8_000
        func le32(_ v: Int) -> Data { withUnsafeBytes(of: UInt32(v).littleEndian) { Data($0) } }
        func le16(_ v: Int) -> Data { withUnsafeBytes(of: UInt16(v).littleEndian) { Data($0) } }
        data +=
            le32(36 + samples) + Data("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1) + le32(8_000) + le32(8_000)
            + le16(1) + le16(8)
        data += Data("data".utf8) + le32(samples) + Data(repeating: 128, count: samples)
        let url = folder.appendingPathComponent("gesprek.wav")
        try data.write(to: url)
        return url
    }

    @Test("audio without consent for a recording is refused by the operation and by import; with consent it is stored")
    func audioNeedsConsent() throws {
        let fixture = try ProtectedStore()
        let work = Casework(store: fixture.store, vault: fixture.vault, actor: .owner("onderzoeker"))
        let moment = try InputParsing.timestamp("2021-09-01 10:00")
        var new = NewInterview(participant: "Ilse", at: moment)
        new.audio = AudioFile(url: try wav(fixture.folder))
        let before = try fixture.store.dossier("boete-schuldhulp")
        do {
            _ = try work.addInterview("boete-schuldhulp", new)
            Issue.record("audio without consent was stored")
        } catch let error as CasusError {
            #expect(error.kind == .consentMissing)
        }
        #expect(try fixture.store.dossier("boete-schuldhulp") == before)

        // The same dossier arriving as a file is refused on import.
        var file = try fixture.store.exportFile("boete-schuldhulp")
        let ref = try fixture.store.attachments.add(fileAt: try wav(fixture.folder))
        file.dossier.casus.id = "kopie"
        let index = file.dossier.interviews.firstIndex { $0.participantId == "P4" }!
        file.dossier.interviews[index].audio = AudioRecording(file: ref, durationSeconds: 1)
        #expect(throws: CasusError.self) { try fixture.store.importFile(file) }
        #expect(try !fixture.store.caseExists("kopie"))

        // With consent recorded before the interview, the recording is stored with its length.
        try fixture.grant(
            "boete-schuldhulp", "P4", [.interview, .audioRecording], at: try InputParsing.timestamp("2021-09-01 09:55"))
        let (interview, warnings) = try work.addInterview("boete-schuldhulp", new)
        #expect(interview.audio?.durationSeconds == 1)
        #expect(interview.mode == .geluidsopname)
        #expect(warnings.isEmpty)
    }

    @Test("a reader may not record an interview; the owner may")
    func capabilities() throws {
        let fixture = try ProtectedStore()
        let reader = Casework(store: fixture.store, vault: fixture.vault, actor: Operator(name: "lezer", role: .reader))
        do {
            _ = try reader.addInterview("bezwaar-wmo", NewInterview(participant: "P1", at: .now()))
            Issue.record("a reader recorded an interview")
        } catch let error as CasusError {
            #expect(error.kind == .notPermitted)
        }
        #expect(Role.coach.capabilities.contains(.review) && !Role.coach.capabilities.contains(.edit))
        // The owner of a personal store may do everything but answer as an agency.
        #expect(Role.owner.capabilities == Set(Capability.allCases).subtracting([.respond]))
        #expect(!Role.reader.capabilities.contains(.read) && Role.reader.capabilities.contains(.overview))
        #expect(Role.agency("cjib").capabilities == [.respond])
    }
}

@Suite("A recording received from a front end")
struct ReceivedRecordingTests {
    static func wav(seconds: Int) -> Data {
        var data = Data("RIFF".utf8)
        let samples = 8000 * seconds
        func le32(_ v: Int) -> Data { withUnsafeBytes(of: UInt32(v).littleEndian) { Data($0) } }
        func le16(_ v: Int) -> Data { withUnsafeBytes(of: UInt16(v).littleEndian) { Data($0) } }
        data += le32(36 + samples * 2) + Data("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1) + le32(8000)
        data += le32(16000) + le16(2) + le16(16) + Data("data".utf8) + le32(samples * 2)
        data += Data(count: samples * 2)
        return data
    }

    @Test("without consent for a recording nothing is kept; with it the recording is stored by its hash")
    func consentFirst() async throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let caseId = "bezwaar-wmo"
        let dossier = try work.dossier(caseId)
        let refused = try #require(
            dossier.interviews.first {
                !dossier.consentLedger.isGranted(.audioRecording, to: $0.participantId, asOf: $0.at.date)
            })
        let pieces = AsyncStream<Data> { continuation in
            continuation.yield(Self.wav(seconds: 2))
            continuation.finish()
        }
        await #expect(throws: CasusError.self) {
            try await work.receiveRecording(caseId, refused.id, name: "../../opname.wav", pieces: pieces)
        }
        let attachments = fixture.store.attachments.folder
        let files =
            FileManager.default.enumerator(at: attachments, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.path.contains(".ontvangst") } ?? []
        #expect(files.isEmpty, "nothing of a refused recording stays")
        try fixture.grant(
            caseId, refused.participantId, [.audioRecording],
            at: Timestamp(date: refused.at.date.addingTimeInterval(-60)))
        let again = AsyncStream<Data> { continuation in
            continuation.yield(Self.wav(seconds: 2))
            continuation.finish()
        }
        try await work.receiveRecording(caseId, refused.id, name: "../../opname.wav", pieces: again)
        let audio = try #require(try work.dossier(caseId).interviews.first { $0.id == refused.id }?.audio)
        #expect(audio.file.fileName == "opname.wav" && fixture.store.attachments.contains(audio.file))
        #expect(Int(audio.durationSeconds.rounded()) == 2)
    }
}
