import CasusCore
import Foundation
import GRDB
import Testing

@testable import CasusStore

/// Codings are written and read through fixed columns (they come by the tens of thousands); those
/// must say exactly what their `Codable` form says.
@Suite struct CodingRowTests {
    static let codings = [
        Coding(id: "M1", codeId: "K1", target: .span(interviewId: "I1", start: 3, end: 9), text: "woorden", note: "n"),
        Coding(id: "M2", codeId: "K2", target: .quote("Q1")),
        Coding(id: "M10", codeId: "K1", target: .event("E4"), note: "‘aanmaning’ 😀"),
    ]

    @Test("the fixed columns hold what the Codable form holds")
    func columnsMatchCodable() throws {
        for coding in Self.codings {
            let codable = try CaseRow(caseId: "c", part: coding).databaseDictionary
            let columns = ["caseId"] + (Coding.fixedColumns ?? [])
            let fixed = Dictionary(
                uniqueKeysWithValues: zip(columns, ["c".databaseValue] + coding.fixedColumnValues))
            for (column, value) in fixed {
                #expect((codable[column] ?? .null) == value, "\(coding.id).\(column)")
            }
            #expect(Set(codable.keys).isSubset(of: Set(columns)))
        }
    }

    @Test("a coding's hand-written canonical JSON is byte for byte the encoder's, so its fingerprint is too")
    func canonicalJSONMatchesEncoder() throws {
        let every = String(decoding: Array(0..<128), as: UTF8.self)
        let tricky = [
            Coding(
                id: "M3", codeId: "K/1", target: .span(interviewId: "I\\2", start: 0, end: Int(Int32.max) * 4),
                text: every, note: "\u{2028}\u{2029} é 𝒜 \u{7F} \u{FEFF} </script> \"q\""),
            Coding(id: "", codeId: "", target: .event("")),
        ]
        for coding in Self.codings + tricky {
            var bytes: [UInt8] = []
            coding.writeCanonicalJSON(into: &bytes)
            let encoded = try Hashing.canonicalJSON(coding)
            #expect(bytes == Array(encoded), "\(String(decoding: bytes, as: UTF8.self))")
            #expect(try Hashing.fingerprint(coding) == Hashing.sha256(encoded))
        }
    }

    @Test("codings come back from the store as they went in, in id order, and the log agrees")
    func storedAndLoaded() throws {
        let fixture = try StoreFixture()
        var dossier = try fixture.importSample("boete-schuldhulp")
        let interview = try #require(dossier.interviews.first)
        let quote = try #require(dossier.quotes.first)
        let event = try #require(dossier.events.first)
        try fixture.store.modify(dossier.casus.id) { d in
            d.codes = [Code(id: "K1", name: "Regels"), Code(id: "K2", name: "Citaat")]
            d.codings = [
                Coding(
                    id: "M10", codeId: "K1", target: .span(interviewId: interview.id, start: 0, end: 4),
                    text: String((interview.transcript ?? "").unicodeScalars.prefix(4))),
                Coding(id: "M2", codeId: "K2", target: .quote(quote.id), note: "é ë ‘ ’ 😀"),
                Coding(id: "M1", codeId: "K1", target: .event(event.id)),
                // An empty note is text, not NULL, after the values went straight into SQLite.
                Coding(id: "M3", codeId: "K2", target: .event(event.id), note: ""),
            ]
            dossier = d
        }
        let loaded = try fixture.store.dossier(dossier.casus.id)
        #expect(loaded.codings.map(\.id) == ["M1", "M2", "M3", "M10"])
        #expect(loaded.codings.first { $0.id == "M3" }?.note == "")
        #expect(loaded.codings.first { $0.id == "M1" }?.note == nil)
        #expect(Set(loaded.codings) == Set(dossier.codings))
        let report = try fixture.store.verifyAudit()
        #expect(report.changedOutside.isEmpty && report.brokenLinks.isEmpty)
    }

    @Test("the fast insert binds every kind of value as it is, and a row SQLite refuses throws its reason")
    func bulkInsert() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (k TEXT PRIMARY KEY, s TEXT, i INTEGER, d REAL, b BLOB, n TEXT)")
            let insert = try db.cachedStatement(sql: "INSERT INTO t (k, s, i, d, b, n) VALUES (?, ?, ?, ?, ?, ?)")
            let rows: [[DatabaseValue]] = [
                [
                    "a".databaseValue, "".databaseValue, 7.databaseValue, 0.5.databaseValue,
                    Data([0, 1]).databaseValue, .null,
                ],
                [
                    "b".databaseValue, "é 😀 x".databaseValue, Int64.min.databaseValue, (-1e300).databaseValue,
                    Data().databaseValue, "n".databaseValue,
                ],
            ]
            for row in rows { try BulkInsert.run(insert, row, in: db) }
            let stored = try Row.fetchAll(db, sql: "SELECT k, s, i, d, b, n FROM t ORDER BY k")
            for (row, expected) in zip(stored, rows) {
                #expect((0..<6).map { row[$0] as DatabaseValue } == expected)
            }
            #expect(try String.fetchOne(db, sql: "SELECT typeof(s) FROM t WHERE k = 'a'") == "text")
            let error = #expect(throws: DatabaseError.self) { try BulkInsert.run(insert, rows[0], in: db) }
            #expect(error?.resultCode == .SQLITE_CONSTRAINT)
            #expect(error?.message?.contains("UNIQUE") == true)
            // The statement was reset: the next row goes in.
            try BulkInsert.run(insert, ["c".databaseValue, .null, .null, .null, .null, .null], in: db)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 3)
        }
    }
}
