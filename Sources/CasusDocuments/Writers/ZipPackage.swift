import Foundation
import ZIPFoundation

/// Writes the ZIP container of ODT and DOCX files in memory, with entries in the given order and
/// every timestamp set to the document date, so the same input gives the same bytes.
public enum ZipPackage {
    public struct Entry: Sendable {
        let path: String
        let data: Data
        /// ODT's `mimetype` must be stored uncompressed.
        var compressed = true

        public init(path: String, data: Data, compressed: Bool = true) {
            self.path = path
            self.data = data
            self.compressed = compressed
        }
    }

    /// Large chunks: a QDA project's XML runs to tens of megabytes, and each chunk costs a copy and a call.
    static let chunkSize = 1 << 20

    public static func build(_ entries: [Entry], date: Date) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw DocumentWriteError("cannot create an in-memory ZIP archive: \(error)")
        }
        for entry in entries {
            let data = entry.data
            do {
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    permissions: 0o644, compressionMethod: entry.compressed ? .deflate : .none,
                    bufferSize: Self.chunkSize
                ) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            } catch {
                throw DocumentWriteError("cannot add \(entry.path) to the ZIP archive: \(error)")
            }
        }
        guard let bytes = archive.data else { throw DocumentWriteError("the ZIP archive has no data") }
        return bytes
    }
}

/// A writer could not produce its file (a bug or an exhausted resource, never bad user input).
public struct DocumentWriteError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
