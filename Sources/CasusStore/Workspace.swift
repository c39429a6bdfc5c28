import CasusCore
import Foundation

/// Where a store lives: a folder holding the database and the attachments folder.
/// The key vault is a separate file, configured on its own.
public struct Workspace: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder.standardizedFileURL }

    public var databaseURL: URL { folder.appendingPathComponent("casus.sqlite") }
    public var attachmentsURL: URL { folder.appendingPathComponent("attachments", isDirectory: true) }
    public var exists: Bool { FileManager.default.fileExists(atPath: databaseURL.path) }

    /// The store folder: `--store`, else `CASUS_STORE`, else `$XDG_DATA_HOME/casus/store`
    /// (`~/.local/share/casus/store`).
    public static func storeFolder(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: expand(explicit, environment)) }
        if let env = environment["CASUS_STORE"], !env.isEmpty { return URL(fileURLWithPath: expand(env, environment)) }
        return dataHome(environment).appendingPathComponent("casus/store", isDirectory: true)
    }

    /// The key vault file: `--keys`, else `CASUS_KEYS`, else `$XDG_DATA_HOME/casus/keys/vault.json`,
    /// a folder apart from the store so the store can be shared or backed up without identities.
    public static func vaultFile(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: expand(explicit, environment)) }
        if let env = environment["CASUS_KEYS"], !env.isEmpty { return URL(fileURLWithPath: expand(env, environment)) }
        return dataHome(environment).appendingPathComponent("casus/keys/vault.json")
    }

    private static func dataHome(_ environment: [String: String]) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true)
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share", isDirectory: true)
    }

    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        guard path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}

/// Writes a file so that a reader sees the old or the new content, never half of it:
/// write to a temporary file beside it, flush it to disk, then rename over the target.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL, permissions: Int? = nil) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw CasusError(
                .storeFailure,
                nl: "'\(url.path)' is een map; geef een bestandsnaam, bijvoorbeeld '\(url.path)/export.json'.",
                en: "'\(url.path)' is a folder; give a file name, for example '\(url.path)/export.json'.")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            guard
                FileManager.default.createFile(
                    atPath: temporary.path, contents: nil,
                    attributes: permissions.map { [.posixPermissions: $0] })
            else {
                throw CocoaError(.fileWriteNoPermission)
            }
            do {
                let handle = try FileHandle(forWritingTo: temporary)
                try handle.write(contentsOf: data)
                try handle.synchronize()
                try handle.close()
                if rename(temporary.path, url.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
        } catch {
            throw CasusError(
                .storeFailure, nl: "Kan '\(url.path)' niet schrijven: \(SystemErrors.describe(error).nl).",
                en: "Cannot write '\(url.path)': \(SystemErrors.describe(error).en).")
        }
    }
}
