import Foundation

/// Dutch nouns with their kind, from LiNT-II's semantic noun types (see `scripts/make-noun-lexicon.py`
/// and the header of `Rules/nl/lexicon/zelfstandige-naamwoorden.txt`). The file lists a word only
/// when its kind does not follow from the longest ending that is itself listed, so a compound takes
/// the kind of its head: `klantcontact` is abstract because `contact` is.
///
/// The file is searched in place (sorted lines, one binary search on bytes): loading it costs one read,
/// not tens of thousands of dictionary insertions per process.
public final class NounLexicon: Sendable {
    public enum Kind: UInt8, Sendable {
        case abstract, concrete
        /// An institution (gemeente, UWV): an actor in a case story, not an abstraction.
        case institution
    }

    /// A head is an ending of at least this many bytes after at least `shortestModifier` others.
    static let shortestHead = 4
    static let shortestModifier = 3
    static let fileName = "lexicon/zelfstandige-naamwoorden.txt"

    private let bytes: [UInt8]
    /// Each word's byte range and kind, in byte order of the words.
    private let entries: [(start: Int32, end: Int32, kind: Kind)]

    public var count: Int { entries.count }

    /// Reads lines of `word<TAB>kind` (a, c or i); `#` lines are comments.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var entries: [(start: Int32, end: Int32, kind: Kind)] = []
        entries.reserveCapacity(bytes.count / 12)
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var start = 0
            while start < all.count {
                // memchr: the file has tens of thousands of short lines, read by every lint process.
                let end =
                    memchr(base + start, 0x0A, all.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    ?? all.count
                if end - start >= 3, all[start] != UInt8(ascii: "#"), all[end - 2] == 0x09 {
                    let kind: Kind? =
                        switch all[end - 1] {
                        case UInt8(ascii: "a"): .abstract
                        case UInt8(ascii: "c"): .concrete
                        case UInt8(ascii: "i"): .institution
                        default: nil
                        }
                    if let kind { entries.append((Int32(start), Int32(end - 2), kind)) }
                }
                start = end + 1
            }
        }
        // The script writes the words in byte order, and a test keeps the committed file so;
        // checking it here would cost every lint process more than reading the file.
        self.entries = entries
    }

    /// One lexicon per file and process: every lint session shares it.
    static func shared(_ url: URL) -> NounLexicon? {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cached = cache[url.path] { return cached }
        guard FileManager.default.fileExists(atPath: url.path), let lexicon = NounLexicon(contentsOf: url) else {
            return nil
        }
        cache[url.path] = lexicon
        return lexicon
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: NounLexicon] = [:]

    public convenience init?(contentsOf url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        self.init(bytes: [UInt8](data))
    }

    /// The kind of a lower-case word: listed itself, else the kind of its longest listed head.
    public func kind(of word: String) -> Kind? {
        var utf8 = Array(word.utf8)
        return utf8.withUnsafeMutableBufferPointer { word in
            if let kind = exact(UnsafeBufferPointer(word)) { return kind }
            guard word.count >= Self.shortestModifier + Self.shortestHead else { return nil }
            for start in Self.shortestModifier...(word.count - Self.shortestHead) {
                // Never start inside a multi-byte character.
                guard word[start] & 0xC0 != 0x80 else { continue }
                if let kind = exact(UnsafeBufferPointer(rebasing: word[start...])) { return kind }
            }
            return nil
        }
    }

    private func exact(_ word: UnsafeBufferPointer<UInt8>) -> Kind? {
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, let key = word.baseAddress else { return nil }
            var low = 0
            var high = entries.count
            var found: Kind?
            while low < high {
                let middle = (low + high) / 2
                let entry = entries[middle]
                let length = Int(entry.end - entry.start)
                let common = memcmp(base + Int(entry.start), key, min(length, word.count))
                let order = common != 0 ? Int(common) : length - word.count
                if order < 0 {
                    low = middle + 1
                } else if order > 0 {
                    high = middle
                } else {
                    found = entry.kind
                    break
                }
            }
            return found
        }
    }

    /// Whether the words are in byte order, as the search needs.
    public var isSorted: Bool {
        zip(entries, entries.dropFirst()).allSatisfy { a, b in
            bytes[Int(a.start)..<Int(a.end)].lexicographicallyPrecedes(bytes[Int(b.start)..<Int(b.end)])
        }
    }
}
