import CasusCore
import Foundation
import GRDB

/// Reads a dossier from its rows and writes the difference between two versions of it.
enum DossierRows {
    static func load(_ db: Database, caseId: String) throws -> Dossier {
        guard let casus = try Casus.fetchOne(db, key: caseId) else {
            throw CasusError(
                .notFound, nl: "Er is geen casus met id '\(caseId)'.", en: "There is no case with id '\(caseId)'.",
                remedy: .listCases)
        }
        var dossier = Dossier(casus: casus)
        try DossierParts.forEach { type in try loadParts(type, db: db, caseId: caseId, into: &dossier) }
        return dossier
    }

    private static func loadParts<P: DossierPart>(
        _ type: P.Type, db: Database, caseId: String, into dossier: inout Dossier
    ) throws {
        var parts: [P]
        if let columns = P.fixedColumns {
            let names = (["caseId"] + columns).map { "\"\($0)\"" }.joined(separator: ", ")
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(names) FROM \(P.table) WHERE caseId = ?", arguments: [caseId])
            parts = []
            while let row = try rows.next() {
                guard let part = P(fixedRow: row) else {
                    throw CasusError(
                        .storeFailure, nl: "Een rij van \(P.table) kan niet gelezen worden.",
                        en: "A row of \(P.table) cannot be read.")
                }
                parts.append(part)
            }
        } else {
            parts = try CaseRow<P>.filter(Column("caseId") == caseId).fetchAll(db).map(\.part)
        }
        dossier[keyPath: P.inDossier] = parts.sorted { EntityID.precedes($0.partID, $1.partID) }
    }

    /// Writes `new` over `old` (nil: nothing stored yet / erase). Validates first; keeps the consent
    /// ledger append-only; logs every changed part; keeps the search index in step.
    static func apply(
        _ db: Database, from old: Dossier?, to new: Dossier?, audit: inout AuditWriter, attachments: AttachmentStore
    ) throws {
        let caseId = (new ?? old)!.casus.id
        if var new {
            new.sortParts()
            try new.validate()
            try checkConsentKept(old: old?.consent ?? [], new: new.consent)
            try checkOverridesKept(old: old?.overrides ?? [], new: new.overrides)
            let known = Set(old?.attachmentRefs.map(\.sha256) ?? [])
            for ref in new.attachmentRefs where !known.contains(ref.sha256) && !attachments.contains(ref) {
                throw CasusError(
                    .cannotRead, nl: "Bijlage '\(ref.fileName)' staat niet in de opslag.",
                    en: "Attachment '\(ref.fileName)' is not in the store.")
            }
        }
        // The case row first on create, last on erase, so references hold at every step.
        if let new {
            try syncCase(db, old: old?.casus, new: new.casus, audit: &audit)
        }
        try DossierParts.forEach { type in
            try sync(type, db: db, caseId: caseId, old: old, new: new, audit: &audit)
        }
        if new == nil, let old {
            try old.casus.delete(db)
            try audit.append(
                db, caseId: caseId, entity: Casus.databaseTableName, entityId: caseId, operation: "delete",
                contentHash: nil)
        }
        try SearchIndex.update(db, caseId: caseId, from: old, to: new)
        try updateSummary(db, caseId: caseId, dossier: new)
    }

    /// Keeps the per-case counts of `caseSummary` in step with the dossier.
    private static func updateSummary(_ db: Database, caseId: String, dossier: Dossier?) throws {
        guard let dossier else {
            try db.execute(sql: "DELETE FROM caseSummary WHERE caseId = ?", arguments: [caseId])
            return
        }
        try db.execute(
            sql: """
                INSERT INTO caseSummary(caseId, participants, interviews, events, narrativeVersions) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(caseId) DO UPDATE SET participants = excluded.participants, interviews = excluded.interviews,
                  events = excluded.events, narrativeVersions = excluded.narrativeVersions
                """,
            arguments: [
                caseId, dossier.participants.count, dossier.interviews.count, dossier.events.count,
                dossier.narrative.count,
            ])
    }

    private static func syncCase(_ db: Database, old: Casus?, new: Casus, audit: inout AuditWriter) throws {
        guard old != new else { return }
        if let old {
            try new.update(db)
            try audit.append(
                db, caseId: new.id, entity: Casus.databaseTableName, entityId: new.id, operation: "update",
                contentHash: try Hashing.fingerprint(new), detail: try changedFields(old, new))
        } else {
            try new.insert(db)
            try audit.append(
                db, caseId: new.id, entity: Casus.databaseTableName, entityId: new.id, operation: "create",
                contentHash: try Hashing.fingerprint(new))
        }
    }

    private static func sync<P: DossierPart>(
        _ type: P.Type, db: Database, caseId: String, old: Dossier?, new: Dossier?,
        audit: inout AuditWriter
    ) throws {
        let before = old?[keyPath: P.inDossier] ?? []
        let after = new?[keyPath: P.inDossier] ?? []
        guard before != after else { return }
        let beforeByID = Dictionary(before.map { ($0.partID, $0) }, uniquingKeysWith: { a, _ in a })
        let afterIDs = Set(after.map(\.partID))
        for part in before where !afterIDs.contains(part.partID) {
            _ = try CaseRow(caseId: caseId, part: part).delete(db)
            try audit.append(
                db, caseId: caseId, entity: P.table, entityId: part.partID, operation: "delete", contentHash: nil)
        }
        // What each new or changed part needs (its row, fingerprint, changed fields) is pure work,
        // prepared on all cores first: an import may bring tens of thousands of codings.
        let changed = after.filter { part in beforeByID[part.partID].map { $0 != part } ?? true }
        let fixedSQL = InsertStatement.fixedSQL(P.self)
        let prepared = try changed.concurrentMap { part in
            let previous = beforeByID[part.partID]
            return PreparedPart(
                insert: previous == nil ? try InsertStatement(CaseRow(caseId: caseId, part: part), fixedSQL) : nil,
                fingerprint: try Hashing.fingerprint(part),
                detail: try previous.map { try changedFields($0, part) } ?? part.auditDetail)
        }
        let fixedStatement = try fixedSQL.map { try db.cachedStatement(sql: $0) }
        for (part, ready) in zip(changed, prepared) {
            if let insert = ready.insert {
                // The arguments were made for this statement's columns, so they go in unchecked.
                let statement = try fixedStatement ?? db.cachedStatement(sql: insert.sql)
                try BulkInsert.run(statement, insert.values, in: db)
            } else {
                try CaseRow(caseId: caseId, part: part).update(db)
            }
            try audit.append(
                db, caseId: caseId, entity: P.table, entityId: part.partID,
                operation: ready.insert == nil ? "update" : "create", contentHash: ready.fingerprint,
                detail: ready.detail)
        }
    }

    /// Overrides only grow: a coach's decision is not rewritten afterwards.
    static func checkOverridesKept(old: [GateOverride], new: [GateOverride]) throws {
        let newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for entry in old where newByID[entry.id] != entry {
            throw CasusError(
                .invalidInput,
                nl: "Overrule \(entry.id) kan niet veranderen of verdwijnen; leg een nieuwe beslissing vast.",
                en: "Override \(entry.id) cannot change or disappear; record a new decision.")
        }
    }

    /// The consent ledger only grows: every earlier entry must still be there, unchanged.
    static func checkConsentKept(old: [ConsentEntry], new: [ConsentEntry]) throws {
        let newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for entry in old where newByID[entry.id] != entry {
            throw CasusError(
                .invalidInput,
                nl:
                    "Toestemming \(entry.id) kan niet veranderen of verdwijnen: het toestemmingsregister wordt alleen aangevuld. Leg een intrekking vast.",
                en:
                    "Consent entry \(entry.id) cannot change or disappear: the consent ledger only grows. Record a withdrawal instead.",
                remedy: .recordWithdrawal(caseId: nil))
        }
    }

    /// A new or changed part made ready for writing.
    private struct PreparedPart: @unchecked Sendable {
        /// nil for a part that is updated.
        var insert: InsertStatement?
        var fingerprint: String
        var detail: String?
    }

    /// The INSERT of a new part, by its column set, run through a cached statement (the record API
    /// would build its statement for each of tens of thousands of parts).
    private struct InsertStatement {
        var sql: String
        var values: [DatabaseValue]

        /// The one INSERT of a kind of part with fixed columns (`caseId` first); nil for the others.
        static func fixedSQL<P: DossierPart>(_ type: P.Type) -> String? {
            guard let columns = P.fixedColumns else { return nil }
            let names = (["caseId"] + columns).map { "\"\($0)\"" }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
            return "INSERT INTO \(P.table) (\(names)) VALUES (\(marks))"
        }

        init<P: DossierPart>(_ row: CaseRow<P>, _ fixedSQL: String?) throws {
            if let fixedSQL {
                sql = fixedSQL
                values = [row.caseId.databaseValue] + row.part.fixedColumnValues
                return
            }
            let values = try row.databaseDictionary.sorted { $0.key < $1.key }
            let columns = values.map { "\"\($0.key)\"" }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
            sql = "INSERT INTO \(P.table) (\(columns)) VALUES (\(marks))"
            self.values = values.map(\.value)
        }
    }

    /// The names of the top-level fields that differ between two versions of a part; no values.
    static func changedFields(_ a: some Encodable, _ b: some Encodable) throws -> String {
        let left = try JSONSerialization.jsonObject(with: Hashing.canonicalJSON(a)) as? [String: Any] ?? [:]
        let right = try JSONSerialization.jsonObject(with: Hashing.canonicalJSON(b)) as? [String: Any] ?? [:]
        let keys = Set<String>(left.keys).union(right.keys).filter { key in
            switch (left[key], right[key]) {
            case let (l?, r?): return !NSDictionary(dictionary: ["v": l]).isEqual(to: ["v": r])
            case (nil, nil): return false
            default: return true
            }
        }
        return keys.sorted().joined(separator: ",")
    }

    /// Hashes of attachments any stored case still refers to.
    static func attachmentHashesInUse(_ db: Database) throws -> Set<String> {
        var hashes = Set<String>()
        for evidence in try String.fetchAll(db, sql: "SELECT evidence FROM consentEntry WHERE evidence IS NOT NULL") {
            if let ref = try? JSONDecoder().decode(AttachmentRef.self, from: Data(evidence.utf8)) {
                hashes.insert(ref.sha256)
            }
        }
        for audio in try String.fetchAll(db, sql: "SELECT audio FROM interview WHERE audio IS NOT NULL") {
            if let recording = try? JSONDecoder().decode(AudioRecording.self, from: Data(audio.utf8)) {
                hashes.insert(recording.file.sha256)
            }
        }
        return hashes
    }
}

extension Dossier {
    /// Puts every collection in the order the store returns it, so a stored and a loaded dossier compare equal.
    mutating func sortParts() {
        DossierParts.forEach { type in sortCollection(type) }
    }

    private mutating func sortCollection<P: DossierPart>(_ type: P.Type) {
        self[keyPath: P.inDossier].sort { EntityID.precedes($0.partID, $1.partID) }
    }
}
