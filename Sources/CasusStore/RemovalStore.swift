import CasusCore
import Foundation
import GRDB

/// A record a researcher removed, kept with the dossier as it was just before, so the removal can be
/// undone from the dossier's history. Deleted with every erasure in the case (it may hold the erased
/// material) and with the case itself.
public struct Removal: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "removal"
    public var id: Int64?
    public var caseId: String
    public var kind: String
    public var recordId: String
    /// The dossier before the removal, as JSON.
    public var before: Data
    public var removedBy: String
    public var removedAt: Timestamp
    public var undoneAt: Timestamp?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DossierStore {
    /// Keeps a removal; returns its id.
    public func saveRemoval(caseId: String, kind: String, recordId: String, before: Data) throws -> Int64 {
        try write { db, _ in
            var removal = Removal(
                id: nil, caseId: caseId, kind: kind, recordId: recordId, before: before, removedBy: actor,
                removedAt: .now(), undoneAt: nil)
            try removal.insert(db)
            return removal.id ?? 0
        }
    }

    public func removals(caseId: String) throws -> [Removal] {
        try read { db in
            try Removal.filter(Column("caseId") == caseId).order(Column("id").desc).fetchAll(db)
        }
    }

    public func removal(_ id: Int64) throws -> Removal? {
        try read { db in try Removal.fetchOne(db, key: id) }
    }

    public func markRemovalUndone(_ id: Int64) throws {
        try write { db, _ in
            try db.execute(sql: "UPDATE removal SET undoneAt = ? WHERE id = ?", arguments: [Timestamp.now().text, id])
        }
    }

    public func deleteRemoval(_ id: Int64) throws {
        try write { db, _ in _ = try Removal.deleteOne(db, key: id) }
    }

    public func deleteRemovals(caseId: String) throws {
        try write { db, _ in _ = try Removal.filter(Column("caseId") == caseId).deleteAll(db) }
    }
}
