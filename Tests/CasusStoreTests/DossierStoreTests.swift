import CasusCore
import CasusStore
import Foundation
import GRDB
import Testing

@Suite("Dossier store")
struct DossierStoreTests {
    @Test("import then export gives back the sample byte for byte", arguments: ["boete-schuldhulp", "bezwaar-wmo"])
    func roundTrip(name: String) throws {
        let fixture = try StoreFixture()
        try fixture.importSample(name)
        let exported = try fixture.store.exportFile(name, embedAttachments: true).encoded()
        #expect(exported == (try StoreFixture.sampleBytes(name)))
        // The export is accountable: it is in the audit log.
        #expect(try fixture.store.auditEntries(caseId: name).last?.operation == "export")
    }

    @Test("a change is validated, stored, audited and visible to the next reader")
    func modify() throws {
        let fixture = try StoreFixture()
        try fixture.importSample("bezwaar-wmo")
        try fixture.store.modify("bezwaar-wmo") { dossier in
            dossier.events.append(
                TimelineEvent(
                    id: "E20", date: FuzzyDate("2023-05"), actor: .agency("wmo"), channel: .brief,
                    what: "Evaluatiebrief."))
        }
        let reopened = try DossierStore(workspace: Workspace(folder: fixture.folder), actor: "ander")
        #expect(try reopened.dossier("bezwaar-wmo").events.last?.id == "E20")
        let last = try reopened.auditEntries(caseId: "bezwaar-wmo").suffix(2).map {
            "\($0.operation) \($0.entity) \($0.entityId)"
        }
        #expect(last == ["update casus bezwaar-wmo", "create event E20"])
        #expect(try reopened.verifyAudit().isIntact)
    }

    @Test("an invalid change is refused and nothing is written")
    func refusedChange() throws {
        let fixture = try StoreFixture()
        try fixture.importSample("bezwaar-wmo")
        let before = try fixture.fingerprint()
        #expect(throws: CasusError.self) {
            try fixture.store.modify("bezwaar-wmo") { $0.quotes[0].end = 99_999 }
        }
        #expect(throws: CasusError.self) {
            try fixture.store.modify("bezwaar-wmo") { $0.events[0].actor = .participant("P404") }
        }
        #expect(throws: CasusError.self) {
            try fixture.store.modify("bezwaar-wmo") { dossier in
                dossier.events.removeAll()
                throw CasusError(.invalidInput, nl: "stop", en: "stop")
            }
        }
        #expect(try fixture.fingerprint() == before)
    }

    @Test("the consent ledger only grows: removing or editing an entry is refused, also behind casus's back")
    func consentAppendOnly() throws {
        let fixture = try StoreFixture()
        try fixture.importSample("boete-schuldhulp")
        #expect(throws: CasusError.self) { try fixture.store.modify("boete-schuldhulp") { $0.consent.removeLast() } }
        #expect(throws: CasusError.self) { try fixture.store.modify("boete-schuldhulp") { $0.consent[0].granted = [] } }
        #expect(throws: CasusError.self) {
            try fixture.store.modify("boete-schuldhulp") { $0.participants.removeAll { $0.id == "P2" } }
        }
        let queue = try DatabaseQueue(path: fixture.store.workspace.databaseURL.path)
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE consentEntry SET granted = '[]'") }
        }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM consentEntry") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM auditLog") } }
        #expect(try fixture.store.dossier("boete-schuldhulp").consent.count == 6)
    }

    @Test("withdrawal is a new entry; the current state per purpose is queryable and the history stays")
    func withdrawal() throws {
        let fixture = try StoreFixture()
        try fixture.importSample("boete-schuldhulp")
        try fixture.store.modify("boete-schuldhulp") { dossier in
            dossier.consent.append(
                ConsentEntry(
                    id: "C7", participantId: "P1", withdrawn: [.sharing(with: "cjib")],
                    at: Timestamp("2022-12-01T10:00:00+01:00")!, method: .mondeling, obtainedBy: "Femke de Wit"))
        }
        let ledger = try fixture.store.dossier("boete-schuldhulp").consentLedger
        #expect(ledger.status(of: "P1", for: .sharing(with: "cjib")).decision == .withdrawn)
        #expect(ledger.isGranted(.sharing(with: "gemeente"), to: "P1"))
        #expect(ledger.history(of: "P1").map(\.id) == ["C1", "C5", "C7"])
    }

    @Test("the audit chain shows a row changed behind casus's back, and an edited log line")
    func tamperDetection() throws {
        let fixture = try StoreFixture()
        try fixture.importSample("boete-schuldhulp")
        #expect(try fixture.store.verifyAudit().isIntact)
        let queue = try DatabaseQueue(path: fixture.store.workspace.databaseURL.path)
        try queue.write { db in
            try db.execute(
                sql:
                    "UPDATE narrativeVersion SET text = text || ' Helaas.' WHERE caseId = 'boete-schuldhulp' AND number = 2"
            )
            try db.execute(sql: "DELETE FROM handoff WHERE id = 'H3'")
        }
        var report = try fixture.store.verifyAudit()
        #expect(report.changedOutside == ["boete-schuldhulp/narrativeVersion/2"])
        #expect(report.removedOutside == ["boete-schuldhulp/handoff/H3"])
        #expect(report.brokenLinks.isEmpty)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER auditLog_no_update")
            try db.execute(sql: "UPDATE auditLog SET actor = 'iemand anders' WHERE seq = 5")
        }
        report = try fixture.store.verifyAudit()
        #expect(report.brokenLinks == [5])
        #expect(!report.isIntact)
    }

    @Test("full-text search folds diacritics, matches prefixes, and takes operators as text")
    func search() throws {
        let fixture = try StoreFixture()
        try fixture.importSample("boete-schuldhulp")
        try fixture.importSample("bezwaar-wmo")
        #expect(
            try fixture.store.search("gijzeling").contains {
                $0.caseId == "boete-schuldhulp" && $0.kind == "transcript"
            })
        #expect(
            try fixture.store.search("schuld").contains {
                $0.excerpt.contains("[schuldhulp]") || $0.excerpt.contains("[schuld")
            })
        #expect(try fixture.store.search("CAFE Creme").isEmpty)
        try fixture.store.modify("bezwaar-wmo") { $0.events[0].what += " Ze drinken koffie in het café." }
        #expect(try fixture.store.search("cafe").map(\.ref) == ["E1"])
        #expect(try fixture.store.search("hoorzitting", caseId: "boete-schuldhulp").isEmpty)
        #expect(try !fixture.store.search("hoorzitting", caseId: "bezwaar-wmo").isEmpty)
        for hostile in ["\"", "AND OR NOT", "*", "NEAR(", "a\"b", "''", ""] {
            _ = try fixture.store.search(hostile)
        }
        // Words in every text are left out when there are others; alone they still search.
        #expect(try fixture.store.search("de gijzeling") == (try fixture.store.search("gijzeling")))
        #expect(try !fixture.store.search("de").isEmpty)
        // Only the current narrative version is searched.
        #expect(try fixture.store.search("schrijnend").isEmpty)
    }

    @Test("bad imports change nothing")
    func badImports() throws {
        let fixture = try StoreFixture()
        try fixture.importSample("bezwaar-wmo")
        let before = try fixture.fingerprint()
        // Same id again without replace.
        #expect(throws: CasusError.self) { try fixture.importSample("bezwaar-wmo") }
        // A quote outside its transcript.
        var file = try DossierFile.decode(try StoreFixture.sampleBytes("boete-schuldhulp"))
        file.dossier.quotes[3].start = 50_000
        file.dossier.quotes[3].end = 50_010
        #expect(throws: CasusError.self) { try fixture.store.importFile(file) }
        // An attachment that is neither in the file nor in the store.
        file = try DossierFile.decode(try StoreFixture.sampleBytes("boete-schuldhulp"))
        file.attachments = []
        #expect(throws: CasusError.self) { try fixture.store.importFile(file) }
        // An attachment whose bytes do not match its hash.
        file = try DossierFile.decode(try StoreFixture.sampleBytes("boete-schuldhulp"))
        file.attachments[0].data = Data("vervalst".utf8)
        #expect(throws: CasusError.self) { try fixture.store.importFile(file) }
        // Replace that would drop consent history.
        file = try DossierFile.decode(try StoreFixture.sampleBytes("bezwaar-wmo"))
        file.dossier.consent.removeLast()
        #expect(throws: CasusError.self) { try fixture.store.importFile(file, replace: true) }
        #expect(try fixture.fingerprint() == before)
    }

    @Test("erasing a case removes its parts, ledger, search entries and attachments; the log keeps that it happened")
    func erase() throws {
        let fixture = try StoreFixture()
        let dossier = try fixture.importSample("boete-schuldhulp")
        try fixture.importSample("bezwaar-wmo")
        let evidence = try #require(dossier.attachmentRefs.first)
        #expect(fixture.store.attachments.contains(evidence))
        try fixture.store.erase("boete-schuldhulp")
        #expect(try !fixture.store.caseExists("boete-schuldhulp"))
        #expect(!fixture.store.attachments.contains(evidence))
        #expect(try fixture.store.search("gijzeling").isEmpty)
        #expect(try fixture.store.auditEntries(caseId: "boete-schuldhulp").last?.operation == "erase")
        #expect(try fixture.store.verifyAudit().isIntact)
        #expect(try fixture.store.integrityProblems().isEmpty)
        // The case can be imported again afterwards.
        try fixture.importSample("boete-schuldhulp")
    }

    @Test("the case list is kept in step with every change and can be cut short")
    func caseList() throws {
        let fixture = try StoreFixture()
        try fixture.importSample("boete-schuldhulp")
        try fixture.importSample("bezwaar-wmo")
        #expect(try fixture.store.caseSummaries().map(\.id) == ["bezwaar-wmo", "boete-schuldhulp"])
        #expect(try fixture.store.caseSummaries(limit: 1).map(\.id) == ["bezwaar-wmo"])
        #expect(try fixture.store.caseCount() == 2)
        try fixture.store.modify("bezwaar-wmo") { dossier in
            dossier.events.append(TimelineEvent(id: "E20", date: nil, actor: .agency("wmo"), what: "Nog een brief."))
            dossier.narrative.removeFirst()
        }
        let summary = try #require(try fixture.store.caseSummaries().first)
        #expect(
            summary.events == 20 && summary.narrativeVersions == 1 && summary.participants == 8
                && summary.interviews == 3)
        try fixture.store.erase("bezwaar-wmo")
        #expect(try fixture.store.caseSummaries().map(\.id) == ["boete-schuldhulp"])
    }

    @Test("a store that does not exist is not created by reading commands")
    func missingStore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-none-\(UUID().uuidString)")
        #expect(throws: CasusError.self) { try DossierStore(workspace: Workspace(folder: folder), actor: "x") }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
