import CasusCore
import CasusStore
import Foundation
import ZIPFoundation

/// A backup of a store in one file, made while casus is in use: a ZIP holding a consistent copy of
/// the database (SQLite's online backup), every attachment file, and a manifest with the SHA-256 of
/// each and the head of the audit chain. Optionally sealed under a passphrase like the key vault.
/// The key vault is not in it: real names are backed up apart (see Guides/privacy.md).
public enum Backup {
    public static let format = "casus-backup"
    public static let sealedFormat = "casus-backup-sealed"
    public static let formatVersion = 1

    /// What a backup holds, stored as `manifest.json` inside it.
    public struct Manifest: Codable, Sendable, Equatable {
        public var format = Backup.format
        public var formatVersion = Backup.formatVersion
        public var createdAt: Timestamp
        public var createdBy: String
        public var cases: Int
        public var files: [FileEntry]
        public var auditSeq: Int64?
        public var auditHash: String?
    }

    public struct FileEntry: Codable, Sendable, Equatable {
        /// The path inside the store folder, `casus.sqlite` or `attachments/ab/abcd….pdf`.
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    /// What a restore checked.
    public struct RestoreReport: Sendable {
        public var manifest: Manifest
        public var folder: URL
        public var filesVerified: Int
        public var auditEntries: Int
    }

    /// The sealed wrapper: the ZIP's bytes under a passphrase.
    private struct SealedFile: Codable {
        var format = Backup.sealedFormat
        var formatVersion = Backup.formatVersion
        var sealed: PassphraseSeal
    }

    // MARK: Making a backup

    /// Writes a backup of `store` to `url` (atomically; an existing file is not overwritten).
    @discardableResult
    public static func create(_ store: DossierStore, to url: URL, passphrase: String? = nil) throws -> Manifest {
        if FileManager.default.fileExists(atPath: url.path) {
            throw CasusError(
                .conflict, nl: "'\(url.path)' bestaat al; kies een nieuwe naam voor de reservekopie.",
                en: "'\(url.path)' exists already; choose a new name for the backup.")
        }
        let work = try temporaryFolder(near: url)
        defer { try? FileManager.default.removeItem(at: work) }
        // The audit head first: the snapshot holds at least the log up to it.
        let database = work.appendingPathComponent("casus.sqlite")
        try store.snapshot(to: database)
        let snapshot = try DossierStore(workspace: Workspace(folder: work), actor: store.actor)
        let head = try snapshot.auditHead()
        let cases = try snapshot.caseCount()
        var files = [try entry(database, path: "casus.sqlite")]
        var sources: [(String, URL)] = [("casus.sqlite", database)]
        for file in try attachmentFiles(in: store.attachments.folder) {
            let path = "attachments/" + file.relative
            files.append(try entry(file.url, path: path))
            sources.append((path, file.url))
        }
        let manifest = Manifest(
            createdAt: .now(), createdBy: store.actor, cases: cases, files: files,
            auditSeq: head?.seq, auditHash: head?.hash)
        let zipURL = work.appendingPathComponent("backup.zip")
        do {
            let archive = try Archive(url: zipURL, accessMode: .create)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let manifestData = try encoder.encode(manifest)
            try archive.addEntry(
                with: "manifest.json", type: .file, uncompressedSize: Int64(manifestData.count),
                compressionMethod: .deflate
            ) { position, size in
                manifestData.subdata(in: Int(position)..<Int(position) + size)
            }
            for (path, source) in sources {
                try archive.addEntry(with: path, fileURL: source, compressionMethod: .deflate)
            }
        } catch let error as CasusError {
            throw error
        } catch {
            throw CasusError(
                .storeFailure, nl: "Kan de reservekopie niet schrijven: \(SystemErrors.describe(error).nl).",
                en: "Cannot write the backup: \(SystemErrors.describe(error).en).")
        }
        var bytes = try Data(contentsOf: zipURL)
        if let passphrase, !passphrase.isEmpty {
            bytes = try JSONEncoder().encode(SealedFile(sealed: try PassphraseSeal.seal(bytes, passphrase: passphrase)))
        }
        try AtomicFile.write(bytes, to: url, permissions: 0o600)
        return manifest
    }

    // MARK: Restoring

    /// Restores a backup into a new folder, and reports success only after every file's hash, the
    /// database's integrity and the audit chain (up to the head in the manifest) have been checked.
    /// Nothing is left at `folder` when a check fails.
    public static func restore(
        _ url: URL, to folder: URL, passphrase: String? = nil, actor: String
    ) throws -> RestoreReport {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.path),
            !((try? manager.contentsOfDirectory(atPath: folder.path))?.isEmpty ?? false)
        {
            throw CasusError(
                .conflict,
                nl: "'\(folder.path)' bestaat al en is niet leeg; zet de reservekopie terug in een nieuwe map.",
                en: "'\(folder.path)' exists and is not empty; restore the backup into a new folder.")
        }
        guard let raw = manager.contents(atPath: url.path) else {
            throw CasusError(
                .cannotRead, nl: "Kan de reservekopie '\(url.path)' niet lezen.",
                en: "Cannot read the backup '\(url.path)'.")
        }
        let zipData = try unseal(raw, url: url, passphrase: passphrase)
        let work = try temporaryFolder(near: folder)
        defer { try? manager.removeItem(at: work) }
        let zipURL = work.appendingPathComponent("backup.zip")
        try zipData.write(to: zipURL)
        let storeFolder = work.appendingPathComponent("store", isDirectory: true)
        let manifest = try unpack(zipURL, into: storeFolder, backup: url)
        // The unpacked store must be whole: SQLite's checks and the audit chain.
        let store = try DossierStore(workspace: Workspace(folder: storeFolder), actor: actor)
        let integrity = try store.integrityProblems()
        let audit = try store.verifyAudit()
        let head = try store.auditHead()
        var problems = integrity.map { Localized(nl: $0, en: $0) }
        if !audit.isIntact {
            problems.append(
                Localized(nl: "het auditlog klopt niet met de opslag", en: "the audit log does not match the store"))
        }
        if head?.seq != manifest.auditSeq || head?.hash != manifest.auditHash {
            problems.append(
                Localized(
                    nl: "het auditlog eindigt niet waar het manifest zegt",
                    en: "the audit log does not end where the manifest says"))
        }
        guard problems.isEmpty else {
            throw CasusError(
                .checkFailed, nl: "De reservekopie '\(url.lastPathComponent)' is niet heel; er is niets teruggezet:",
                en: "The backup '\(url.lastPathComponent)' is not whole; nothing was restored:", details: problems)
        }
        try manager.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        if manager.fileExists(atPath: folder.path) { try manager.removeItem(at: folder) }
        try manager.moveItem(at: storeFolder, to: folder)
        return RestoreReport(
            manifest: manifest, folder: folder, filesVerified: manifest.files.count, auditEntries: Int(head?.seq ?? 0))
    }

    /// Reads the manifest of a backup without restoring it.
    public static func manifest(of url: URL, passphrase: String? = nil) throws -> Manifest {
        guard let raw = FileManager.default.contents(atPath: url.path) else {
            throw CasusError(
                .cannotRead, nl: "Kan de reservekopie '\(url.path)' niet lezen.",
                en: "Cannot read the backup '\(url.path)'.")
        }
        let archive = try Archive(data: try unseal(raw, url: url, passphrase: passphrase), accessMode: .read)
        return try readManifest(archive, backup: url)
    }

    // MARK: Parts

    private static func unseal(_ raw: Data, url: URL, passphrase: String?) throws -> Data {
        guard raw.first == UInt8(ascii: "{") else { return raw }
        guard let file = try? JSONDecoder().decode(SealedFile.self, from: raw), file.format == sealedFormat else {
            throw damaged(url, "not a casus backup")
        }
        guard let passphrase, !passphrase.isEmpty else {
            throw CasusError(
                .invalidInput,
                nl: "De reservekopie '\(url.path)' is versleuteld. Zet het wachtwoord in CASUS_BACKUP_PASSPHRASE.",
                en: "The backup '\(url.path)' is encrypted. Put its passphrase in CASUS_BACKUP_PASSPHRASE.")
        }
        return try file.sealed.open(
            passphrase: passphrase, file: url, what: Localized(nl: "de reservekopie", en: "the backup"))
    }

    private static func readManifest(_ archive: Archive, backup: URL) throws -> Manifest {
        guard let entry = archive["manifest.json"], entry.uncompressedSize < 64 * 1024 * 1024 else {
            throw damaged(backup, "manifest.json is missing")
        }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.format == format else {
            throw damaged(backup, "manifest.json is not a casus backup manifest")
        }
        guard manifest.formatVersion <= formatVersion else {
            throw CasusError(
                .invalidInput, nl: "De reservekopie is gemaakt door een nieuwere casus; werk casus bij.",
                en: "The backup was made by a newer casus; update casus.")
        }
        return manifest
    }

    /// Unpacks exactly the files the manifest names, each to a checked path, each verified by hash.
    private static func unpack(_ zipURL: URL, into folder: URL, backup: URL) throws -> Manifest {
        let archive: Archive
        do { archive = try Archive(url: zipURL, accessMode: .read) } catch {
            throw damaged(backup, "not a readable zip archive")
        }
        let manifest = try readManifest(archive, backup: backup)
        let named = Set(manifest.files.map(\.path) + ["manifest.json"])
        for entry in archive where !named.contains(entry.path) {
            throw damaged(backup, "'\(entry.path.excerpt)' is not in the manifest")
        }
        guard manifest.files.contains(where: { $0.path == "casus.sqlite" }) else {
            throw damaged(backup, "the database is missing")
        }
        for file in manifest.files {
            guard isSafe(file.path), let entry = archive[file.path], entry.type == .file else {
                throw damaged(backup, "'\(file.path.excerpt)' is missing or not a plain file")
            }
            let target = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            guard
                FileManager.default.createFile(
                    atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                let handle = FileHandle(forWritingAtPath: target.path)
            else {
                throw CasusError(
                    .storeFailure, nl: "Kan '\(target.path)' niet schrijven.", en: "Cannot write '\(target.path)'.")
            }
            var written = 0
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    written += chunk.count
                    if written > file.bytes { throw CasusError(.invalidInput, nl: "te groot", en: "too large") }
                    try handle.write(contentsOf: chunk)
                }
                try handle.close()
            } catch {
                try? handle.close()
                throw damaged(backup, "'\(file.path.excerpt)' cannot be unpacked")
            }
            let (hash, size) = try Hashing.sha256(fileAt: target)
            guard hash == file.sha256, size == file.bytes else {
                throw damaged(backup, "'\(file.path.excerpt)' does not match its SHA-256 in the manifest")
            }
        }
        return manifest
    }

    /// A relative path of plain names: no `..`, no absolute path, no empty parts.
    static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !parts.isEmpty
            && parts.allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." && !$0.contains("\\") }
    }

    private static func entry(_ url: URL, path: String) throws -> FileEntry {
        let (hash, size) = try Hashing.sha256(fileAt: url)
        return FileEntry(path: path, sha256: hash, bytes: size)
    }

    private static func attachmentFiles(in folder: URL) throws -> [(relative: String, url: URL)] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var found: [(String, URL)] = []
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            // Hidden files and folders are files being received or written: not part of the store yet.
            guard path.hasPrefix(base),
                !path.dropFirst(base.count).split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            found.append((String(path.dropFirst(base.count)), url))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    private static func temporaryFolder(near url: URL) throws -> URL {
        let parent = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let folder = parent.appendingPathComponent(".casus-backup-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return folder
    }

    private static func damaged(_ url: URL, _ reason: String) -> CasusError {
        CasusError(
            .invalidInput,
            nl: "'\(url.lastPathComponent)' is geen bruikbare reservekopie (\(reason)); er is niets teruggezet.",
            en: "'\(url.lastPathComponent)' is not a usable backup (\(reason)); nothing was restored.")
    }
}
