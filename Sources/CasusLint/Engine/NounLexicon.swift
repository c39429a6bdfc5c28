import Foundation

/// Dutch nouns with their kind, from LiNT-II's semantic noun types (see `scripts/make-noun-lexicon.py`
/// and the header of `Rules/nl/lexicon/zelfstandige-naamwoorden.txt`). The file lists a word only
/// when its kind does not follow from the longest ending that is itself listed, so a compound takes
/// the kind of its head: `klantcontact` is abstract because `contact` is.
///
/// The file is searched in place (sorted lines, binary search on bytes): loading it costs one read,
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
    /// Per kind: the byte ranges of its words, in byte order.
    private let sections: [(kind: Kind, lines: [Range<Int>])]

    public var count: Int { sections.reduce(0) { $0 + $1.lines.count } }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var sections: [(kind: Kind, lines: [Range<Int>])] = []
        var kind: Kind?
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 10)
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let end = all[start...].firstIndex(of: 0x0A) ?? all.count
                if end > start, all[start] == UInt8(ascii: "[") {
                    if let kind { sections.append((kind, lines)) }
                    lines.removeAll(keepingCapacity: true)
                    kind =
                        switch String(decoding: all[start..<end], as: UTF8.self) {
                        case "[abstract]": .abstract
                        case "[concreet]": .concrete
                        case "[instantie]": .institution
                        default: nil
                        }
                } else if end > start, all[start] != UInt8(ascii: "#"), kind != nil {
                    lines.append(start..<end)
                }
                start = end + 1
            }
        }
        if let kind { sections.append((kind, lines)) }
        // The script writes each section in byte order, and a test keeps the committed file so;
        // checking it here would cost every lint process more than reading the file.
        self.sections = sections
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
            for section in sections {
                var low = 0
                var high = section.lines.count
                while low < high {
                    let middle = (low + high) / 2
                    let line = UnsafeBufferPointer(rebasing: all[section.lines[middle]])
                    if line.lexicographicallyPrecedes(word) {
                        low = middle + 1
                    } else {
                        high = middle
                    }
                }
                if low < section.lines.count, all[section.lines[low]].elementsEqual(word) { return section.kind }
            }
            return nil
        }
    }

    /// Whether every section is in byte order, as the search needs.
    public var isSorted: Bool {
        sections.allSatisfy { section in
            zip(section.lines, section.lines.dropFirst()).allSatisfy {
                bytes[$0].lexicographicallyPrecedes(bytes[$1])
            }
        }
    }
}
