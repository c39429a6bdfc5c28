import CasusCore
import Crypto
import Foundation

/// SHA-256 fingerprints: of bytes, of files read in chunks, and of model values as canonical JSON.
public enum Hashing {
    public static func sha256(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// Hashes a file without reading it into memory at once.
    public static func sha256(fileAt url: URL) throws -> (hash: String, size: Int) {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw CasusErrorFactory.cannotRead(url)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += chunk.count
        }
        return (hex(hasher.finalize()), size)
    }

    /// The fingerprint of a value: SHA-256 of its JSON with sorted keys.
    public static func fingerprint(_ value: some Encodable) throws -> String {
        if let writable = value as? any CanonicalJSONWritable {
            var bytes: [UInt8] = []
            writable.writeCanonicalJSON(into: &bytes)
            return sha256(bytes)
        }
        return try sha256(canonicalJSON(value))
    }

    static func canonicalJSON(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dataEncodingStrategy = .base64
        return try encoder.encode(value)
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}

/// Errors about files, shared by the store's parts.
enum CasusErrorFactory {
    static func cannotRead(_ url: URL) -> CasusError {
        let exists = FileManager.default.fileExists(atPath: url.path)
        return exists
            ? CasusError(
                .cannotRead, nl: "Kan '\(url.path)' niet lezen: controleer de rechten.",
                en: "Cannot read '\(url.path)': check its permissions.")
            : CasusError(
                .cannotRead, nl: "Het bestand '\(url.path)' bestaat niet.", en: "The file '\(url.path)' does not exist."
            )
    }
}
