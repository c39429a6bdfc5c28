import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Dutch nouns with their kind, from LiNT-II's semantic noun types (see `scripts/make-noun-lexicon.py`
/// and the header of `Rules/nl/lexicon/zelfstandige-naamwoorden.txt`). The file lists a word only
/// when its kind does not follow from the longest ending that is itself listed, so a compound takes
/// the kind of its head: `klantcontact` is abstract because `contact` is.
///
/// The file is mapped into memory and searched where it lies: lines in byte order, a binary search
/// over byte offsets that steps back to the start of a line. Loading costs no parsing and no index,
/// which matters because every `casus lint` process loads it.
public final class NounLexicon: @unchecked Sendable {
    // Unchecked: the bytes are written once, before init returns, and only read afterwards.
    public enum Kind: UInt8, Sendable {
        case abstract, concrete
        /// An institution (gemeente, UWV): an actor in a case story, not an abstraction.
        case institution
    }

    /// A head is an ending of at least this many bytes after at least `shortestModifier` others.
    static let shortestHead = 4
    static let shortestModifier = 3
    static let fileName = "lexicon/zelfstandige-naamwoorden.txt"

    private let base: UnsafePointer<UInt8>
    private let size: Int
    /// Where the word lines begin: after the `#` lines of the header.
    private let firstWord: Int
    private let release: @Sendable (UnsafePointer<UInt8>, Int) -> Void

    /// Lines of `word<TAB>kind` (a, c or i) in byte order; `#` lines at the top are comments.
    public convenience init(bytes: [UInt8]) {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        copy.initialize(from: bytes, count: bytes.count)
        self.init(base: copy, size: bytes.count) { pointer, _ in UnsafeMutablePointer(mutating: pointer).deallocate() }
    }

    /// Maps the file read-only; nil when it cannot be opened.
    public convenience init?(contentsOf url: URL) {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            return nil
        }
        self.init(base: UnsafePointer(mapped.assumingMemoryBound(to: UInt8.self)), size: size) { pointer, size in
            munmap(UnsafeMutableRawPointer(mutating: pointer), size)
        }
    }

    private init(
        base: UnsafePointer<UInt8>, size: Int, release: @escaping @Sendable (UnsafePointer<UInt8>, Int) -> Void
    ) {
        self.base = base
        self.size = size
        self.release = release
        var start = 0
        while start < size, base[start] == UInt8(ascii: "#") {
            start =
                (memchr(base + start, 0x0A, size - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    ?? size - 1) + 1
        }
        firstWord = min(start, size)
    }

    deinit { release(base, size) }

    /// One lexicon per file and process: every lint session shares it.
    static func shared(_ url: URL) -> NounLexicon? {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cached = cache[url.path] { return cached }
        guard let lexicon = NounLexicon(contentsOf: url) else { return nil }
        cache[url.path] = lexicon
        return lexicon
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: NounLexicon] = [:]

    /// The kind of a lower-case word: listed itself, else the kind of its longest listed head.
    public func kind(of word: String) -> Kind? {
        var word = word
        return word.withUTF8 { kind(of: $0) }
    }

    /// The kind of a lower-case word given as UTF-8 bytes.
    func kind(of word: UnsafeBufferPointer<UInt8>) -> Kind? {
        if let kind = exact(word) { return kind }
        guard word.count >= Self.shortestModifier + Self.shortestHead else { return nil }
        for start in Self.shortestModifier...(word.count - Self.shortestHead) {
            // Never start inside a multi-byte character.
            guard word[start] & 0xC0 != 0x80 else { continue }
            if let kind = exact(UnsafeBufferPointer(rebasing: word[start...])) { return kind }
        }
        return nil
    }

    /// The end of the line that starts at `start` (the offset of its newline, or the end of the file).
    private func lineEnd(_ start: Int, before limit: Int) -> Int {
        memchr(base + start, 0x0A, limit - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? limit
    }

    /// A line's word (without the tab and kind) and its kind; a line that is not `word<TAB>kind` is all word.
    private func entry(_ start: Int, _ end: Int) -> (wordEnd: Int, kind: Kind?) {
        guard end - start >= 3, base[end - 2] == 0x09 else { return (end, nil) }
        switch base[end - 1] {
        case UInt8(ascii: "a"): return (end - 2, .abstract)
        case UInt8(ascii: "c"): return (end - 2, .concrete)
        case UInt8(ascii: "i"): return (end - 2, .institution)
        default: return (end, nil)
        }
    }

    private func exact(_ word: UnsafeBufferPointer<UInt8>) -> Kind? {
        guard let key = word.baseAddress, !word.isEmpty else { return nil }
        // Invariant: `low` is the start of a line, `high` the start of a line or the end; the word,
        // if listed, lies on a line in low..<high.
        var low = firstWord
        var high = size
        while low < high {
            let middle = (low + high) / 2
            var start = middle
            while start > low, base[start - 1] != 0x0A { start -= 1 }
            let end = lineEnd(start, before: high)
            let (wordEnd, kind) = entry(start, end)
            let length = wordEnd - start
            let common = memcmp(base + start, key, min(length, word.count))
            let order = common != 0 ? Int(common) : length - word.count
            if order < 0 {
                low = end + 1
            } else if order > 0 {
                high = start
            } else {
                return kind
            }
        }
        return nil
    }

    /// The word lines, in file order.
    private func forEachLine(_ body: (_ word: UnsafeBufferPointer<UInt8>, _ kind: Kind?) -> Void) {
        var start = firstWord
        while start < size {
            let end = lineEnd(start, before: size)
            if end > start {
                let (wordEnd, kind) = entry(start, end)
                body(UnsafeBufferPointer(start: base + start, count: wordEnd - start), kind)
            }
            start = end + 1
        }
    }

    /// How many words have a kind.
    public var count: Int {
        var count = 0
        forEachLine { _, kind in count += kind == nil ? 0 : 1 }
        return count
    }

    /// Whether the lines are in byte order, as the search needs (a test keeps the committed file so).
    public var isSorted: Bool {
        var previous: UnsafeBufferPointer<UInt8>?
        var sorted = true
        forEachLine { word, _ in
            if let previous, !previous.lexicographicallyPrecedes(word) { sorted = false }
            previous = word
        }
        return sorted
    }
}
