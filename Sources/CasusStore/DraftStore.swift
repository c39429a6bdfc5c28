import CasusCore
import GRDB

/// The narrative a writer is typing, kept between saves so a closed tab or a lost connection loses
/// at most a few seconds. One draft per case and account; not a version, not part of the dossier
/// file, and not audited (saving the version is). Removed when the writer saves a version, and with
/// every erasure in the case.
public struct NarrativeDraft: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "narrativeDraft"
    public var caseId: String
    public var login: String
    /// The version the writer started from (0: there was none).
    public var basedOn: Int
    public var text: String
    public var savedAt: Timestamp

    public init(caseId: String, login: String, basedOn: Int, text: String, savedAt: Timestamp = .now()) {
        self.caseId = caseId
        self.login = login
        self.basedOn = basedOn
        self.text = text
        self.savedAt = savedAt
    }
}

extension DossierStore {
    public func saveDraft(_ draft: NarrativeDraft) throws {
        try write { db, _ in try draft.save(db) }
    }

    public func draft(caseId: String, login: String) throws -> NarrativeDraft? {
        try read { db in try NarrativeDraft.fetchOne(db, key: ["caseId": caseId, "login": login]) }
    }

    /// Removes one writer's draft, or every draft of the case.
    public func deleteDrafts(caseId: String, login: String? = nil) throws {
        try write { db, _ in
            var drafts = NarrativeDraft.filter(Column("caseId") == caseId)
            if let login { drafts = drafts.filter(Column("login") == login) }
            _ = try drafts.deleteAll(db)
        }
    }
}
