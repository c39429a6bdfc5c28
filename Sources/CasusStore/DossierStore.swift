import CasusCore
import Foundation
import GRDB

/// A line in the list of cases.
public struct CaseSummary: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var language: Language
    public var updatedAt: Timestamp
    public var participants: Int
    public var interviews: Int
    public var events: Int
    public var narrativeVersions: Int
}

/// The dossier store: one SQLite database (WAL, foreign keys, full synchronous commits) and an
/// attachments folder. Every change goes through `modify`, which loads the dossier, applies the
/// change in memory, validates the result and writes only what changed, with an audit entry per
/// changed part, all in one transaction.
public final class DossierStore: Sendable {
    public let workspace: Workspace
    public let attachments: AttachmentStore
    /// Who the audit log names for changes made through this store.
    public let actor: String
    private let pool: DatabasePool

    /// The same store, with `actor` named in the audit log for its changes (a server opens the store
    /// once and acts for each signed-in account in turn).
    public func acting(as actor: String) -> DossierStore { DossierStore(sharing: self, actor: actor) }

    private init(sharing other: DossierStore, actor: String) {
        workspace = other.workspace
        attachments = other.attachments
        pool = other.pool
        writer = other.writer
        memo = other.memo
        isReadOnly = other.isReadOnly
        self.actor = actor
    }

    /// Opens the store in `workspace`, creating it when `create` is true.
    public init(workspace: Workspace, actor: String, create: Bool = false) throws {
        self.workspace = workspace
        self.actor = actor
        self.writer = LazyWriter()
        self.memo = DossierMemo()
        self.attachments = AttachmentStore(folder: workspace.attachmentsURL)
        try DossierStore.checkFolder(workspace)
        if !workspace.exists && !create {
            throw CasusError(
                .storeFailure,
                nl:
                    "Er is nog geen casus-opslag in '\(workspace.folder.path)'. Maak er een, of kies een andere.",
                en:
                    "There is no casus store in '\(workspace.folder.path)' yet. Create one, or pick another.",
                remedy: .createStore)
        }
        let existed = workspace.exists
        let readOnly = existed && !DossierStore.isWritable(workspace)
        self.isReadOnly = readOnly
        do {
            if !existed {
                // Only the owner may enter a new store folder: it holds transcripts of vulnerable people.
                try FileManager.default.createDirectory(
                    at: workspace.folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            }
            if !readOnly {
                try FileManager.default.createDirectory(
                    at: workspace.attachmentsURL, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            }
            // A new store is made by the writer; an existing one is read through read-only connections,
            // so reading never waits for another process's write. The writer opens on the first change.
            if !existed { _ = try writer.open(workspace) }
            var configuration = DossierStore.configuration(readOnly: true)
            configuration.maximumReaderCount = 2
            // A read-only folder cannot hold WAL's shared-memory file: read the file as it is, unlocked.
            let path =
                readOnly
                ? "file:" + DossierStore.uriPath(workspace.databaseURL.path) + "?immutable=1"
                : workspace.databaseURL.path
            pool = try DatabasePool(path: path, configuration: configuration)
            let needsMigration = try DossierStore.checkSchema(pool, path: workspace.databaseURL.path)
            if needsMigration {
                guard !readOnly else {
                    throw CasusError(
                        .storeFailure,
                        nl: "De opslag '\(workspace.databaseURL.path)' moet bijgewerkt worden, maar is alleen-lezen.",
                        en: "The store '\(workspace.databaseURL.path)' needs an upgrade, but it is read-only.")
                }
                try StoreSchema.migrator.migrate(try writer.open(workspace))
            }
        } catch let error as CasusError {
            throw error
        } catch {
            throw CasusError(
                .storeFailure,
                nl: "Kan de opslag '\(workspace.databaseURL.path)' niet openen: \(StoreErrors.describe(error))",
                en: "Cannot open the store '\(workspace.databaseURL.path)': \(StoreErrors.describe(error))")
        }
    }

    /// The connection settings: foreign keys on; for the writer, commits acknowledged only once on disk
    /// and deleted personal data overwritten.
    static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        // Only a second writer waits, and then for at most 15 seconds.
        configuration.busyMode = .timeout(15)
        if !readOnly {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                // Room for a large import's pages (up to 64 MB, taken only as needed): with SQLite's 2 MB
                // they spill to the log before the commit and are written more than once.
                try db.execute(sql: "PRAGMA cache_size = -65536")
            }
        }
        return configuration
    }

    /// The writing connection, opened when first needed.
    private let writer: LazyWriter
    /// Values computed from dossiers, shared by every `acting(as:)` copy.
    let memo: DossierMemo

    final class LazyWriter: @unchecked Sendable {
        private let lock = NSLock()
        private var pool: DatabasePool?

        func open(_ workspace: Workspace) throws -> DatabasePool {
            lock.lock()
            defer { lock.unlock() }
            if let pool { return pool }
            let opened = try DatabasePool(
                path: workspace.databaseURL.path, configuration: DossierStore.configuration(readOnly: false))
            // GRDB sets NORMAL when it switches to WAL; casus acknowledges a commit only once it is on disk.
            try opened.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            pool = opened
            return opened
        }
    }

    /// Whether the store was opened for reading only (its files or folder are not writable).
    public let isReadOnly: Bool

    /// Refuses a store path that is a file, and a database file that is empty or not SQLite.
    static func checkFolder(_ workspace: Workspace) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: workspace.folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw CasusError(
                .storeFailure,
                nl:
                    "'\(workspace.folder.path)' is een bestand, geen map. Geef de map van de opslag.",
                en:
                    "'\(workspace.folder.path)' is a file, not a folder. Give the store's folder.",
                remedy: .chooseStore)
        }
        guard workspace.exists else { return }
        let path = workspace.databaseURL.path
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else {
            throw CasusError(
                .storeFailure,
                nl:
                    "'\(path)' is leeg (0 bytes): dit is geen casus-opslag. Zet een reservekopie terug of haal het bestand weg.",
                en:
                    "'\(path)' is empty (0 bytes): this is not a casus store. Restore a backup or remove the file.",
                remedy: .restoreBackup)
        }
        let header = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 16) } ?? Data()
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw CasusError(
                .storeFailure, nl: "'\(path)' is geen SQLite-database; casus laat het ongemoeid.",
                en: "'\(path)' is not an SQLite database; casus leaves it alone.")
        }
    }

    static func uriPath(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#")))
            ?? path
    }

    static func isWritable(_ workspace: Workspace) -> Bool {
        let manager = FileManager.default
        return manager.isWritableFile(atPath: workspace.folder.path)
            && manager.isWritableFile(atPath: workspace.databaseURL.path)
    }

    /// Applies missing migrations, after refusing a database of another program or a newer casus.
    /// When nothing is missing, no write lock is taken, so opening never waits for another writer.
    /// Refuses a database of another program or of a newer casus; says whether migrations are missing.
    static func checkSchema(_ pool: DatabasePool, path: String) throws -> Bool {
        let migrator = StoreSchema.migrator
        let (complete, superseded, foreign) = try pool.read { db -> (Bool, Bool, Bool) in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            if tables.isEmpty { return (false, false, false) }
            if !tables.contains("grdb_migrations") { return (false, false, true) }
            return (try migrator.hasCompletedMigrations(db), try migrator.hasBeenSuperseded(db), false)
        }
        if foreign {
            throw CasusError(
                .storeFailure,
                nl:
                    "'\(path)' is een SQLite-database van een ander programma, geen casus-opslag; casus verandert er niets aan.",
                en:
                    "'\(path)' is an SQLite database of another program, not a casus store; casus changes nothing in it."
            )
        }
        if superseded {
            throw CasusError(
                .storeFailure,
                nl:
                    "De opslag '\(path)' is gemaakt door een nieuwere casus. Werk casus bij; deze versie schrijft er niet in.",
                en: "The store '\(path)' was made by a newer casus. Update casus; this version does not write to it.")
        }
        return !complete
    }

    // MARK: Reading

    /// Cases in id order; only those in `ids` when given; at most `limit` when given.
    public func caseSummaries(ids: [String]? = nil, limit: Int? = nil) throws -> [CaseSummary] {
        try read { db in
            var sql = """
                SELECT c.id, c.title, c.language, c.updatedAt, s.participants, s.interviews, s.events, s.narrativeVersions
                FROM casus c JOIN caseSummary s ON s.caseId = c.id
                """
            var arguments: StatementArguments = []
            if let ids {
                sql += " WHERE c.id IN (SELECT value FROM json_each(?))"
                arguments += [String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)]
            }
            arguments += [limit ?? -1]
            return try Row.fetchAll(db, sql: sql + " ORDER BY c.id LIMIT ?", arguments: arguments).map { row in
                CaseSummary(
                    id: row[0], title: row[1], language: row[2], updatedAt: row[3],
                    participants: row[4], interviews: row[5], events: row[6], narrativeVersions: row[7])
            }
        }
    }

    public func caseCount() throws -> Int {
        try read { db in try Casus.fetchCount(db) }
    }

    public func caseExists(_ caseId: String) throws -> Bool {
        try read { db in try Casus.exists(db, key: caseId) }
    }

    public func dossier(_ caseId: String) throws -> Dossier {
        try read { db in try DossierRows.load(db, caseId: caseId) }
    }

    public func search(_ query: String, caseId: String? = nil, limit: Int = 50) throws -> [SearchHit] {
        try read { db in try SearchIndex.search(db, query: query, caseId: caseId, limit: limit) }
    }

    /// The audit log, newest last; for one case or for the whole store.
    public func auditEntries(caseId: String? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        try read { db in
            var request = AuditEntry.order(Column("seq").desc)
            if let caseId { request = request.filter(Column("caseId") == caseId) }
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db).reversed()
        }
    }

    public func verifyAudit() throws -> AuditReport {
        try read { db in try AuditVerifier.verify(db) }
    }

    /// SQLite's own checks of the file and of every reference; empty when all is well.
    public func integrityProblems() throws -> [String] {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "foreign key: \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) → \(row[2] as String? ?? "?")"
            }
            return integrity + foreign
        }
    }

    // MARK: Writing

    /// Stores a new dossier. Fails when a case with its id exists.
    @discardableResult
    public func create(_ dossier: Dossier) throws -> Dossier {
        try write { db, audit in
            if try Casus.exists(db, key: dossier.casus.id) {
                throw CasusError(
                    .conflict, nl: "Er bestaat al een casus met id '\(dossier.casus.id)'.",
                    en: "A case with id '\(dossier.casus.id)' exists already.")
            }
            try DossierRows.apply(db, from: nil, to: dossier, audit: &audit, attachments: attachments)
            return dossier
        }
    }

    /// Loads a dossier, lets `change` edit it, and stores the result if it is valid.
    /// Nothing is written when `change` throws or the result does not validate.
    @discardableResult
    public func modify(_ caseId: String, _ change: (inout Dossier) throws -> Void) throws -> Dossier {
        try write { db, audit in
            let old = try DossierRows.load(db, caseId: caseId)
            var new = old
            try change(&new)
            guard new != old else { return old }
            guard new.casus.id == caseId else {
                throw CasusError(
                    .invalidInput, nl: "Het id van een casus kan niet veranderen.", en: "A case's id cannot change.")
            }
            new.casus.updatedAt = Timestamp.now()
            try DossierRows.apply(db, from: old, to: new, audit: &audit, attachments: attachments)
            return new
        }
    }

    /// Imports a dossier file. With `replace`, an existing dossier with the same id is brought in line
    /// with the file, except that its consent history must be kept whole.
    @discardableResult
    public func importFile(_ file: DossierFile, replace: Bool = false) throws -> Dossier {
        let dossier = file.dossier
        try dossier.validate()
        let embedded = Dictionary(file.attachments.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })
        var missing: [Localized] = []
        for ref in dossier.attachmentRefs {
            if let carried = embedded[ref.sha256] {
                guard Hashing.sha256(carried.data) == ref.sha256 else {
                    throw CasusError(
                        .invalidInput,
                        nl:
                            "Bijlage '\(ref.fileName)' in het bestand is beschadigd: de inhoud past niet bij de SHA-256.",
                        en:
                            "Attachment '\(ref.fileName)' in the file is damaged: its content does not match its SHA-256."
                    )
                }
            } else if !attachments.contains(ref) {
                missing.append(
                    Localized(
                        nl: "\(ref.fileName) (\(ref.sha256.prefix(12))…)",
                        en: "\(ref.fileName) (\(ref.sha256.prefix(12))…)"))
            }
        }
        guard missing.isEmpty else {
            throw CasusError(
                .cannotRead,
                nl:
                    "Het dossier verwijst naar bijlagen die niet in het bestand zitten en niet in de opslag staan. Exporteer opnieuw met de bijlagen erin:",
                en:
                    "The dossier refers to attachments that are neither in the file nor in the store. Export again with the attachments inside:",
                details: missing, remedy: .exportWithAttachments)
        }
        let exists = try caseExists(dossier.casus.id)
        if exists && !replace {
            throw CasusError(
                .conflict,
                nl: "Er bestaat al een casus met id '\(dossier.casus.id)'.",
                en: "A case with id '\(dossier.casus.id)' exists already.", remedy: .replaceExisting)
        }
        for ref in dossier.attachmentRefs {
            if let carried = embedded[ref.sha256] { try attachments.add(data: carried.data, as: ref) }
        }
        return try write { db, audit in
            let old =
                try Casus.exists(db, key: dossier.casus.id) ? try DossierRows.load(db, caseId: dossier.casus.id) : nil
            if old != nil && !replace {
                throw CasusError(
                    .conflict, nl: "Er bestaat al een casus met id '\(dossier.casus.id)'.",
                    en: "A case with id '\(dossier.casus.id)' exists already.")
            }
            try DossierRows.apply(db, from: old, to: dossier, audit: &audit, attachments: attachments)
            return dossier
        }
    }

    /// The dossier as a portable file; the export is logged.
    public func exportFile(_ caseId: String, embedAttachments: Bool = true) throws -> DossierFile {
        let dossier = try dossier(caseId)
        var file = DossierFile(dossier: dossier)
        if embedAttachments {
            file.attachments = try dossier.attachmentRefs.map { ref in
                DossierFile.EmbeddedAttachment(
                    sha256: ref.sha256, fileName: ref.fileName, data: try attachments.data(for: ref))
            }
        }
        try logEvent(
            caseId: caseId, operation: "export",
            detail: embedAttachments ? "dossier file with attachments" : "dossier file")
        return file
    }

    /// Records an action that changes nothing in the dossier but must be accountable (an export,
    /// a real identity looked up).
    public func logEvent(
        caseId: String, entity: String = "casus", entityId: String? = nil, operation: String, detail: String? = nil
    ) throws {
        try write { db, audit in
            try audit.append(
                db, caseId: caseId, entity: entity, entityId: entityId ?? caseId, operation: operation,
                contentHash: nil, detail: detail)
        }
    }

    /// Erases a case: every part, its consent ledger, its search entries and the attachments no other
    /// case uses. The audit log keeps the record that it existed and was erased, without content.
    /// `beforeCommit` runs last inside the transaction (the CLI removes the case's real names from the
    /// key vault there): when it throws, nothing is erased.
    public func erase(_ caseId: String, beforeCommit: () throws -> Void = {}) throws {
        let refs = try write { db, audit -> [AttachmentRef] in
            let old = try DossierRows.load(db, caseId: caseId)
            try db.execute(sql: "INSERT INTO caseErasure(caseId) VALUES (?)", arguments: [caseId])
            try DossierRows.apply(db, from: old, to: nil, audit: &audit, attachments: attachments)
            try db.execute(sql: "DELETE FROM caseErasure WHERE caseId = ?", arguments: [caseId])
            try audit.append(
                db, caseId: caseId, entity: "casus", entityId: caseId, operation: "erase", contentHash: nil)
            try beforeCommit()
            return old.attachmentRefs
        }
        try removeUnusedAttachments(refs)
    }

    /// Deletes attachment files no case refers to any more, overwriting their bytes first.
    public func removeUnusedAttachments(_ refs: [AttachmentRef]) throws {
        let stillUsed = try read { db in try DossierRows.attachmentHashesInUse(db) }
        for ref in refs where !stillUsed.contains(ref.sha256) {
            let url = attachments.url(for: ref)
            if let handle = FileHandle(forWritingAtPath: url.path) {
                let size = (try? handle.seekToEnd()) ?? 0
                try? handle.seek(toOffset: 0)
                try? handle.write(contentsOf: Data(count: Int(size)))
                try? handle.synchronize()
                try? handle.close()
            }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Makes erased text unrecoverable from the files: merges the full-text index (dropping deleted
    /// entries), rewrites the database without free pages (VACUUM) and empties the WAL. Returns false
    /// when another process kept the WAL from being emptied (it is emptied at its next checkpoint).
    @discardableResult
    public func compact() throws -> Bool {
        guard !isReadOnly else { throw StoreErrors.wrap(DatabaseError(resultCode: .SQLITE_READONLY)) }
        do {
            return try writer.open(workspace).writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO searchFts(searchFts) VALUES ('optimize')")
                try db.execute(sql: "VACUUM")
                let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return (row?[0] as Int?) == 0
            }
        } catch {
            throw StoreErrors.wrap(error)
        }
    }

    /// Copies the database, while it is in use, into a new SQLite file (SQLite's online backup).
    public func snapshot(to url: URL) throws {
        do {
            let target = try DatabaseQueue(path: url.path)
            try pool.backup(to: target)
            try target.close()
        } catch {
            throw CasusError(
                .storeFailure, nl: "De reservekopie van de database mislukte: \(StoreErrors.describe(error)).",
                en: "Backing up the database failed: \(StoreErrors.describe(error)).")
        }
    }

    /// The newest entry of the audit chain (its hash proves the whole log before it).
    public func auditHead() throws -> AuditEntry? {
        try read { db in try AuditEntry.order(Column("seq").desc).fetchOne(db) }
    }

    // MARK: Transactions

    /// One statement, read outside a transaction (a single statement sees one consistent state): for
    /// the look-ups a server makes on every request.
    func readStatement<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.unsafeRead { db in try body(db) }
        } catch {
            throw StoreErrors.wrap(error)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch {
            throw StoreErrors.wrap(error)
        }
    }

    func write<T>(_ body: (Database, inout AuditWriter) throws -> T) throws -> T {
        do {
            if isReadOnly {
                throw CasusError(
                    .storeFailure,
                    nl:
                        "De opslag is alleen-lezen: er is niets veranderd. Vraag schrijfrechten op de map of werk in een kopie.",
                    en:
                        "The store is read-only: nothing was changed. Ask for write access to the folder or work in a copy."
                )
            }
            return try writer.open(workspace).write { db in
                var audit = try AuditWriter(db: db, actor: actor)
                return try body(db, &audit)
            }
        } catch {
            throw StoreErrors.wrap(error)
        }
    }
}

/// Turns database errors into messages a user can act on.
enum StoreErrors {
    static func wrap(_ error: Error) -> Error {
        if error is CasusError { return error }
        if let db = error as? DatabaseError, db.resultCode == .SQLITE_READONLY {
            return CasusError(
                .storeFailure,
                nl:
                    "De opslag is alleen-lezen: er is niets veranderd. Vraag schrijfrechten op de map of werk in een kopie.",
                en: "The store is read-only: nothing was changed. Ask for write access to the folder or work in a copy."
            )
        }
        return CasusError(
            .storeFailure, nl: "De opslag weigerde de wijziging: \(describe(error)). Er is niets veranderd.",
            en: "The store refused the change: \(describe(error)). Nothing was changed.")
    }

    static func describe(_ error: Error) -> String {
        if let db = error as? DatabaseError {
            return db.message ?? "SQLite error \(db.resultCode.rawValue)"
        }
        return SystemErrors.describe(error).en
    }
}

/// Values computed from a dossier (the dossier itself, its route status, its lint report), kept while
/// the case is unchanged. The audit log says when it changed: every change of a case appends an entry,
/// from this process or another, so the newest entry about the case is its version. A server reads
/// the same dossiers again and again between changes; the terminal does not use this.
final class DossierMemo: @unchecked Sendable {
    private struct Entry {
        var logHead: Int64
        var caseVersion: Int64
        var values: [String: Any]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    static let capacity = 256

    func value<T>(
        _ caseId: String, _ key: String, logHead: Int64, caseVersion: () throws -> Int64, make: () throws -> T
    ) throws -> T {
        lock.lock()
        var entry = entries[caseId]
        lock.unlock()
        if var current = entry, current.logHead != logHead {
            // Something changed somewhere: this case only if its own newest entry moved.
            let version = try caseVersion()
            if version == current.caseVersion {
                current.logHead = logHead
                entry = current
            } else {
                entry = nil
            }
        }
        if let entry, let value = entry.values[key] as? T {
            store(caseId, entry)
            return value
        }
        let version = try entry?.caseVersion ?? caseVersion()
        let value = try make()
        var fresh = entry ?? Entry(logHead: logHead, caseVersion: version, values: [:])
        fresh.values[key] = value
        store(caseId, fresh)
        return value
    }

    func version(_ caseId: String, logHead: Int64, caseVersion: () throws -> Int64) throws -> Int64 {
        lock.lock()
        let entry = entries[caseId]
        lock.unlock()
        if let entry, entry.logHead == logHead { return entry.caseVersion }
        return try caseVersion()
    }

    private func store(_ caseId: String, _ entry: Entry) {
        lock.lock()
        defer { lock.unlock() }
        if entries[caseId] == nil && entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[caseId] = entry
    }
}

extension DossierStore {
    /// `make` applied to the dossier, computed once per version of the case (see `DossierMemo`).
    public func memoized<T>(_ caseId: String, _ key: String, _ make: (Dossier) throws -> T) throws -> T {
        let head = try readStatement { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM auditLog")) ?? 0
        }
        let dossier: Dossier = try memo.value(
            caseId, "dossier", logHead: head, caseVersion: { try caseVersion(caseId) },
            make: { try self.dossier(caseId) })
        if key == "dossier", let same = dossier as? T { return same }
        return try memo.value(
            caseId, key, logHead: head, caseVersion: { try caseVersion(caseId) }, make: { try make(dossier) })
    }

    /// The case's version: the newest audit entry about it (asked of the log only when the log moved).
    public func version(of caseId: String) throws -> Int64 {
        let head = try readStatement { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM auditLog")) ?? 0
        }
        return try memo.version(caseId, logHead: head) { try caseVersion(caseId) }
    }

    /// The newest audit entry about the case.
    func caseVersion(_ caseId: String) throws -> Int64 {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT max(seq) FROM auditLog WHERE caseId = ?", arguments: [caseId]) ?? 0
        }
    }
}
