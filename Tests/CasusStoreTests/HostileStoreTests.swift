import CasusCore
import CasusStore
import Foundation
import GRDB
import Testing

/// Regressions from the hostile-input run on stores, vaults and the export guard.
@Suite("Hostile stores and the export guard")
struct HostileStoreTests {
    func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("casus-hostile-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func expectStoreRefused(_ folder: URL, saying text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try DossierStore(workspace: Workspace(folder: folder), actor: "t")
            Issue.record("the store was opened", sourceLocation: sourceLocation)
        } catch let error as CasusError {
            #expect(
                error.kind == .storeFailure && error.text(.en).contains(text), "\(error.text(.en))",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("an empty file, another program's database and a store from a newer casus are refused and left as they were")
    func foreignStores() throws {
        let empty = folder()
        FileManager.default.createFile(atPath: empty.appendingPathComponent("casus.sqlite").path, contents: Data())
        expectStoreRefused(empty, saying: "0 bytes")
        #expect(try Data(contentsOf: empty.appendingPathComponent("casus.sqlite")).isEmpty)

        let foreign = folder()
        let queue = try DatabaseQueue(path: foreign.appendingPathComponent("casus.sqlite").path)
        try queue.write { try $0.execute(sql: "CREATE TABLE boekhouding(bedrag INTEGER)") }
        try queue.close()
        let before = try Data(contentsOf: foreign.appendingPathComponent("casus.sqlite"))
        expectStoreRefused(foreign, saying: "another program")
        #expect(try Data(contentsOf: foreign.appendingPathComponent("casus.sqlite")) == before)

        let notSQLite = folder()
        try Data("hello, world, not a database at all".utf8).write(to: notSQLite.appendingPathComponent("casus.sqlite"))
        expectStoreRefused(notSQLite, saying: "not an SQLite database")

        let newer = folder()
        _ = try DossierStore(workspace: Workspace(folder: newer), actor: "t", create: true)
        let db = try DatabaseQueue(path: newer.appendingPathComponent("casus.sqlite").path)
        try db.write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('2099-01-v9-future')") }
        try db.close()
        expectStoreRefused(newer, saying: "newer casus")

        let file = folder().appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        expectStoreRefused(file, saying: "is a file, not a folder")
    }

    @Test("reading does not wait while another process holds the write lock")
    func readersDoNotWait() throws {
        let fixture = try StoreFixture()
        try fixture.importSample("bezwaar-wmo")
        let other = try DatabaseQueue(path: fixture.folder.appendingPathComponent("casus.sqlite").path)
        try other.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE casus SET title = title")
            let started = Date()
            let reader = try DossierStore(workspace: Workspace(folder: fixture.folder), actor: "lezer")
            #expect(try reader.caseSummaries().map(\.id) == ["bezwaar-wmo"])
            _ = try reader.dossier("bezwaar-wmo")
            // Generous: the old behaviour waited the full 15-second busy timeout.
            #expect(Date().timeIntervalSince(started) < 5)
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test(
        "the export guard sees a real name through spacing, invisible characters, width and decomposed accents",
        arguments: [
            "Mariëke\u{00A0}Jansen", "Mari\u{200B}ëke Jansen", "Mari\u{00AD}ëke Jansen", "Ｍａｒｉëｋｅ Ｊａｎｓｅｎ",
            "Marie\u{0308}ke Jansen", "MARIËKE JANSEN", "Mariëke\n   Jansen",
        ])
    func guardSpellings(spelling: String) throws {
        let identity = Identity(caseId: "c", participantId: "P1", realName: "Mariëke Jansen", recordedBy: "t")
        let text = "In het verhaal: zij, \(spelling), kwam langs."
        #expect(ExportGuard.leakedIdentities(in: text, identities: [identity]).count == 1)
        #expect(ExportGuard.leakedIdentities(in: "Mariëkes Jansenweg", identities: [identity]).isEmpty)
    }

    @Test("a log line that would name someone is redacted to the participant id")
    func redactedLog() throws {
        var dossier = try DossierFile.decode(try StoreFixture.sampleBytes("boete-schuldhulp")).dossier
        dossier.participants[1].pseudonym = "Mari\u{00AD}ëke Jansen"
        let identity = Identity(
            caseId: dossier.casus.id, participantId: dossier.participants[1].id, realName: "Mariëke Jansen",
            recordedBy: "t")
        let log = "Weggelaten: citaat Q9 van \(dossier.participants[1].pseudonym): geen toestemming"
        let redacted = ExportGuard.redacted(log, identities: [identity], dossier: dossier)
        #expect(redacted == "Weggelaten: citaat Q9 van P2: geen toestemming")
        do {
            try ExportGuard.check(log, identities: [identity], dossier: dossier)
            Issue.record("the guard let the name through")
        } catch let error as CasusError {
            #expect(!NameFolding.fold(error.text(.nl)).contains("marieke"))
            #expect(error.text(.nl).contains("P2"))
        }
    }
}
