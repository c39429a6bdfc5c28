import CasusApp
import CasusCore
import CasusStore
import Foundation
import Testing

@Suite("Backup and restore")
struct BackupTests {
    @Test("a backup taken during concurrent writes restores to a store that verifies and holds what was committed")
    func backupDuringWrites() async throws {
        let fixture = try ProtectedStore()
        let audio = Data("an interview recording".utf8)
        let ref = AttachmentRef(sha256: Hashing.sha256(audio), fileName: "i1.ogg", byteSize: audio.count)
        try fixture.store.attachments.add(data: audio, as: ref)
        let interview = try fixture.store.dossier("bezwaar-wmo").interviews[0]
        try fixture.grant("bezwaar-wmo", interview.participantId, [.audioRecording], at: interview.at)
        try fixture.store.modify("bezwaar-wmo") { dossier in
            dossier.interviews[0].audio = AudioRecording(file: ref, durationSeconds: 7)
        }
        let backup = fixture.folder.appendingPathComponent("backup.casusbak")
        // A second store handle writes events while the backup is made.
        let writer = try DossierStore(workspace: fixture.store.workspace, actor: "andere-onderzoeker")
        let writing = Task.detached {
            var written = 0
            for n in 0..<60 {
                try writer.modify("boete-schuldhulp") { dossier in
                    dossier.events.append(
                        TimelineEvent(
                            id: "E\(1000 + n)", date: FuzzyDate("2022-01"), actor: .agency("cjib"),
                            channel: .brief, what: "Aanmaning \(n)."))
                }
                written += 1
            }
            return written
        }
        try await Task.sleep(for: .milliseconds(20))
        let manifest = try Backup.create(fixture.store, to: backup)
        #expect(try await writing.value == 60)
        #expect(manifest.files.contains { $0.path.hasPrefix("attachments/") && $0.sha256 == ref.sha256 })

        let target = fixture.folder.appendingPathComponent("restored")
        let report = try Backup.restore(backup, to: target, actor: "beheerder")
        #expect(report.filesVerified == manifest.files.count)
        let restored = try DossierStore(workspace: Workspace(folder: target), actor: "beheerder")
        #expect(try restored.verifyAudit().isIntact)
        #expect(try restored.integrityProblems().isEmpty)
        // The untouched case is identical; the written one holds a prefix of the events written.
        #expect(try restored.dossier("bezwaar-wmo") == fixture.store.dossier("bezwaar-wmo"))
        let now = try fixture.store.dossier("boete-schuldhulp").events.map(\.id)
        let then = try restored.dossier("boete-schuldhulp").events.map(\.id)
        #expect(Array(now.prefix(then.count)) == then)
        #expect(restored.attachments.contains(ref))
        // Restoring again over a store that is there is refused.
        #expect(throws: CasusError.self) { try Backup.restore(backup, to: target, actor: "beheerder") }
    }

    @Test("an encrypted backup needs its passphrase, holds no readable text, and a damaged backup restores nothing")
    func encryptedAndDamaged() throws {
        let fixture = try ProtectedStore()
        let sealed = fixture.folder.appendingPathComponent("sealed.casusbak")
        try Backup.create(fixture.store, to: sealed, passphrase: "lange zin als wachtwoord")
        let bytes = try Data(contentsOf: sealed)
        #expect(bytes.range(of: Data("boete-schuldhulp".utf8)) == nil)
        #expect(throws: CasusError.self) {
            try Backup.restore(sealed, to: fixture.folder.appendingPathComponent("a"), actor: "b")
        }
        #expect(throws: CasusError.self) {
            try Backup.restore(sealed, to: fixture.folder.appendingPathComponent("a"), passphrase: "fout", actor: "b")
        }
        let ok = try Backup.restore(
            sealed, to: fixture.folder.appendingPathComponent("a"), passphrase: "lange zin als wachtwoord", actor: "b")
        #expect(ok.manifest.cases == 2)

        // One flipped byte in the plain backup: refused, and nothing appears at the target.
        let plain = fixture.folder.appendingPathComponent("plain.casusbak")
        try Backup.create(fixture.store, to: plain)
        var damaged = try Data(contentsOf: plain)
        damaged[damaged.count / 2] ^= 0xFF
        let broken = fixture.folder.appendingPathComponent("broken.casusbak")
        try damaged.write(to: broken)
        let target = fixture.folder.appendingPathComponent("b")
        #expect(throws: CasusError.self) { try Backup.restore(broken, to: target, actor: "b") }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(
            try !FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).contains {
                $0.hasPrefix(".casus-backup")
            })
    }
}
