import CasusCore
import Foundation

/// Files kept beside the database (signed consent forms, interview audio), each stored once
/// under its SHA-256: `attachments/ab/abcdef….<ext>`.
public struct AttachmentStore: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Where the file for a hash is kept. The original extension is kept for players and viewers.
    public func url(for ref: AttachmentRef) -> URL {
        let ext = URL(fileURLWithPath: ref.fileName).pathExtension.lowercased()
        let safeExt = ext.count <= 8 && ext.allSatisfy({ $0.isLetter || $0.isNumber }) ? ext : ""
        let name = safeExt.isEmpty ? ref.sha256 : ref.sha256 + "." + safeExt
        return folder.appendingPathComponent(String(ref.sha256.prefix(2)), isDirectory: true).appendingPathComponent(
            name)
    }

    public func contains(_ ref: AttachmentRef) -> Bool { FileManager.default.fileExists(atPath: url(for: ref).path) }

    /// A new, empty place in the attachment folder for a file being received (a browser upload), on the
    /// same disk as the attachments and readable by the owner only; hidden, so a backup taken meanwhile
    /// leaves it out. The caller removes it.
    public func receivingFile() throws -> (url: URL, handle: FileHandle) {
        let receiving = folder.appendingPathComponent(".ontvangst", isDirectory: true)
        try FileManager.default.createDirectory(at: receiving, withIntermediateDirectories: true)
        let url = receiving.appendingPathComponent("." + UUID().uuidString + ".tmp")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: url.path)
        else {
            throw CasusError(
                .storeFailure, nl: "Kan het bestand niet ontvangen in '\(folder.path)'.",
                en: "Cannot receive the file in '\(folder.path)'.")
        }
        return (url, handle)
    }

    /// Copies a file into the store (once per content) and returns its reference.
    public func add(fileAt source: URL) throws -> AttachmentRef {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw CasusErrorFactory.cannotRead(source)
        }
        let declared = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0
        guard declared <= InputLimits.attachmentBytes else {
            throw CasusError(
                .invalidInput,
                nl:
                    "'\(source.lastPathComponent)' is groter dan \(InputLimits.attachmentBytes >> 30) GB; casus bewaart bijlagen tot die grootte.",
                en:
                    "'\(source.lastPathComponent)' is larger than \(InputLimits.attachmentBytes >> 30) GB; casus keeps attachments up to that size."
            )
        }
        let (hash, size) = try Hashing.sha256(fileAt: source)
        let ref = AttachmentRef(sha256: hash, fileName: source.lastPathComponent, byteSize: size)
        let target = url(for: ref)
        if FileManager.default.fileExists(atPath: target.path) { return ref }
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).tmp")
            try FileManager.default.copyItem(at: source, to: temporary)
            // Check what was copied, so a file that changed while copying is not stored under a wrong hash.
            guard try Hashing.sha256(fileAt: temporary).hash == hash else {
                try? FileManager.default.removeItem(at: temporary)
                throw CasusError(
                    .invalidInput, nl: "'\(source.path)' veranderde tijdens het kopiëren; probeer opnieuw.",
                    en: "'\(source.path)' changed while it was copied; try again.")
            }
            if rename(temporary.path, target.path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch let error as CasusError {
            throw error
        } catch {
            throw CasusError(
                .storeFailure,
                nl: "Kan de bijlage niet opslaan in '\(folder.path)': \(SystemErrors.describe(error).nl)",
                en: "Cannot store the attachment in '\(folder.path)': \(SystemErrors.describe(error).en)")
        }
        return ref
    }

    /// Stores bytes received from a front end (once per content) under `name`; `isNew` says whether
    /// the content was not in the store before, so a failed save can take it out again.
    public func add(data: Data, name: String) throws -> (ref: AttachmentRef, isNew: Bool) {
        let ref = AttachmentRef(sha256: Hashing.sha256(data), fileName: name, byteSize: data.count)
        if contains(ref) { return (ref, false) }
        try AtomicFile.write(data, to: url(for: ref), permissions: 0o600)
        return (ref, true)
    }

    /// Takes out a file that no dossier refers to (one stored for a save that failed).
    public func remove(_ ref: AttachmentRef) {
        try? FileManager.default.removeItem(at: url(for: ref))
    }

    /// Stores bytes carried in a dossier file, after checking they match their hash.
    public func add(data: Data, as ref: AttachmentRef) throws {
        guard Hashing.sha256(data) == ref.sha256 else {
            throw CasusError(
                .invalidInput, nl: "Bijlage '\(ref.fileName)' is beschadigd: de inhoud past niet bij de SHA-256.",
                en: "Attachment '\(ref.fileName)' is damaged: its content does not match its SHA-256.")
        }
        if contains(ref) { return }
        try AtomicFile.write(data, to: url(for: ref))
    }

    public func data(for ref: AttachmentRef) throws -> Data {
        let location = url(for: ref)
        guard let data = FileManager.default.contents(atPath: location.path) else {
            throw CasusError(
                .cannotRead, nl: "Bijlage '\(ref.fileName)' (\(ref.sha256.prefix(12))…) ontbreekt in de opslag.",
                en: "Attachment '\(ref.fileName)' (\(ref.sha256.prefix(12))…) is missing from the store.")
        }
        return data
    }
}
