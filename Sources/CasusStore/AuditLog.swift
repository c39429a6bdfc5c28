import CasusCore
import Foundation
import GRDB

/// One line of the audit log: who did what to which part, when. It holds ids and fingerprints,
/// never the content itself, so the log can be shown to anyone who may see the store.
public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "auditLog"

    public var seq: Int64
    public var at: Timestamp
    public var actor: String
    public var caseId: String
    /// The table of the part: `casus`, `participant`, `consentEntry`, …
    public var entity: String
    public var entityId: String
    /// `create`, `update`, `delete`, `erase`, `export`, `reveal-identity`, …
    public var operation: String
    /// SHA-256 of the part's canonical JSON after the change; nil when it was removed.
    public var contentHash: String?
    /// What changed, as field names only.
    public var detail: String?
    public var prevHash: String
    public var hash: String

    /// The chain link: this entry's hash covers every field and the previous entry's hash.
    static func chainHash(
        seq: Int64, at: Timestamp, actor: String, caseId: String, entity: String, entityId: String,
        operation: String, contentHash: String?, detail: String?, prevHash: String
    ) -> String {
        let fields = [
            String(seq), at.text, actor, caseId, entity, entityId, operation, contentHash ?? "-", detail ?? "-",
            prevHash,
        ]
        // Length-prefix each field so no two different entries can give the same text. Built as bytes:
        // an import appends tens of thousands of entries.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(fields.count * 6) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "|")) }
            bytes.append(contentsOf: String(field.utf8.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: field.utf8)
        }
        return Hashing.sha256(bytes)
    }
}

/// What `casus audit verify` found.
public struct AuditReport: Sendable, Codable {
    /// Entries whose hash does not match their content or the previous entry: the log was edited.
    public var brokenLinks: [Int64]
    /// Parts whose stored content differs from what the log last recorded: changed outside casus.
    public var changedOutside: [String]
    /// Parts the log says exist that are no longer stored: removed outside casus.
    public var removedOutside: [String]
    public var entriesChecked: Int
    public var partsChecked: Int
    /// The hash of the last entry; write it down to detect later truncation of the log.
    public var headHash: String

    public var isIntact: Bool { brokenLinks.isEmpty && changedOutside.isEmpty && removedOutside.isEmpty }
}

/// Appends to the hash-chained audit log inside the caller's transaction.
struct AuditWriter {
    static let genesis = String(repeating: "0", count: 64)
    let actor: String
    let at: Timestamp
    private var lastSeq: Int64
    private var lastHash: String

    init(db: Database, actor: String, at: Timestamp = .now()) throws {
        self.actor = actor
        self.at = at
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM auditLog ORDER BY seq DESC LIMIT 1")
        lastSeq = last?["seq"] ?? 0
        lastHash = last?["hash"] ?? AuditWriter.genesis
    }

    mutating func append(
        _ db: Database, caseId: String, entity: String, entityId: String, operation: String,
        contentHash: String?, detail: String? = nil
    ) throws {
        let seq = lastSeq + 1
        let hash = AuditEntry.chainHash(
            seq: seq, at: at, actor: actor, caseId: caseId, entity: entity, entityId: entityId,
            operation: operation, contentHash: contentHash, detail: detail, prevHash: lastHash)
        // One cached statement: an import may append tens of thousands of entries in one write.
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO auditLog(seq, at, actor, caseId, entity, entityId, operation, contentHash, detail, prevHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let values: [DatabaseValue] = [
            seq.databaseValue, at.text.databaseValue, actor.databaseValue, caseId.databaseValue,
            entity.databaseValue, entityId.databaseValue, operation.databaseValue, contentHash.databaseValue,
            detail.databaseValue, lastHash.databaseValue, hash.databaseValue,
        ]
        try BulkInsert.run(insert, values, in: db)
        lastSeq = seq
        lastHash = hash
    }
}

/// Checks the chain and compares every stored part with the log's last word on it.
enum AuditVerifier {
    static func verify(_ db: Database) throws -> AuditReport {
        var report = AuditReport(
            brokenLinks: [], changedOutside: [], removedOutside: [], entriesChecked: 0, partsChecked: 0,
            headHash: AuditWriter.genesis)
        // 1. The chain: each entry's hash must cover its fields and its predecessor.
        var previous = AuditWriter.genesis
        let cursor = try AuditEntry.order(Column("seq")).fetchCursor(db)
        while let entry = try cursor.next() {
            let expected = AuditEntry.chainHash(
                seq: entry.seq, at: entry.at, actor: entry.actor, caseId: entry.caseId,
                entity: entry.entity, entityId: entry.entityId, operation: entry.operation,
                contentHash: entry.contentHash, detail: entry.detail, prevHash: previous)
            if entry.prevHash != previous || entry.hash != expected { report.brokenLinks.append(entry.seq) }
            previous = entry.hash
            report.entriesChecked += 1
        }
        report.headHash = previous

        // 2. The state: the log's last fingerprint of each part against the part as stored now.
        var recorded: [String: String] = [:]
        let latest = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.caseId, a.entity, a.entityId, a.contentHash, a.operation FROM auditLog a
                JOIN (SELECT max(seq) AS seq FROM auditLog WHERE contentHash IS NOT NULL OR operation IN ('delete', 'erase')
                      GROUP BY caseId, entity, entityId) m ON m.seq = a.seq
                """)
        while let row = try latest.next() {
            let operation: String = row["operation"]
            guard operation != "delete", operation != "erase" else { continue }
            let key = "\(row["caseId"] as String)/\(row["entity"] as String)/\(row["entityId"] as String)"
            recorded[key] = row["contentHash"]
        }
        var seen = Set<String>()
        func check(caseId: String, entity: String, entityId: String, hash: String) {
            let key = "\(caseId)/\(entity)/\(entityId)"
            seen.insert(key)
            report.partsChecked += 1
            if recorded[key] != hash { report.changedOutside.append(key) }
        }
        for casus in try Casus.fetchAll(db) {
            check(
                caseId: casus.id, entity: Casus.databaseTableName, entityId: casus.id,
                hash: try Hashing.fingerprint(casus))
        }
        try DossierParts.forEach { type in
            try fingerprintAll(type, db: db, check: check)
        }
        for key in recorded.keys where !seen.contains(key) {
            // A part whose case was erased is logged as such; anything else missing was removed by hand.
            report.removedOutside.append(key)
        }
        report.changedOutside.sort()
        report.removedOutside.sort()
        return report
    }

    private static func fingerprintAll<P: DossierPart>(
        _ type: P.Type, db: Database,
        check: (String, String, String, String) -> Void
    ) throws {
        let rows = try CaseRow<P>.fetchCursor(db)
        while let row = try rows.next() {
            check(row.caseId, P.table, row.part.partID, try Hashing.fingerprint(row.part))
        }
    }
}
