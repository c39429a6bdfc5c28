/// The normalised transcripts with an index of their words, built once per linter, so checking a
/// quotation costs about its own length and the postings of its rarest word, not the transcripts' size.
struct TranscriptIndex: Sendable {
    /// Each transcript's normalised text as bytes.
    private let texts: [[UInt8]]
    /// For every word (a run of bytes between separators), where it starts: transcript and byte offset, in order.
    private let postings: [[UInt8]: [Position]]

    struct Position: Sendable {
        var transcript: Int32
        var offset: Int32
    }

    var isEmpty: Bool { texts.isEmpty }

    init(_ transcripts: [String]) {
        texts = transcripts.map { Array(QuoteText.normalize($0).utf8) }
        var postings: [[UInt8]: [Position]] = [:]
        for (t, bytes) in texts.enumerated() {
            TranscriptIndex.forEachWord(bytes) { start, end in
                postings[Array(bytes[start..<end]), default: []].append(
                    Position(transcript: Int32(t), offset: Int32(start)))
            }
        }
        self.postings = postings
    }

    /// Spaces and ASCII punctuation end a word; everything else belongs to one.
    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool {
        b == 0x20 || (b < 0x80 && !(b >= 0x30 && b <= 0x39) && !((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) && b >= 0x21)
            || b < 0x20
    }

    static func forEachWord(_ bytes: [UInt8], _ body: (Int, Int) -> Void) {
        var i = 0
        while i < bytes.count {
            while i < bytes.count, isSeparator(bytes[i]) { i += 1 }
            let start = i
            while i < bytes.count, !isSeparator(bytes[i]) { i += 1 }
            if i > start { body(start, i) }
        }
    }

    /// Whether the parts (already normalised) occur in this order in one transcript.
    func occurs(_ parts: [String]) -> Bool {
        let needles = parts.map { Array($0.utf8) }
        return texts.indices.contains { t in
            var from = 0
            for needle in needles {
                guard let found = find(needle, in: t, from: from) else { return false }
                from = found + needle.count
            }
            return true
        }
    }

    /// The first byte offset at or after `from` where `needle` stands in transcript `t`.
    private func find(_ needle: [UInt8], in t: Int, from: Int) -> Int? {
        let text = texts[t]
        guard !needle.isEmpty else { return from }
        guard needle.count <= text.count - from else { return nil }
        // Words wholly inside the needle (bounded by separators on both sides) are whole words of any match.
        var anchor: (offset: Int, list: [Position])?
        var interior: [(Int, Int)] = []
        TranscriptIndex.forEachWord(needle) { start, end in
            if start > 0 && end < needle.count { interior.append((start, end)) }
        }
        for (start, end) in interior {
            let list = postings[Array(needle[start..<end])] ?? []
            if list.isEmpty { return nil }
            if anchor == nil || list.count < anchor!.list.count { anchor = (start, list) }
        }
        guard let anchor else { return scan(needle, in: text, from: from) }
        // Postings are in text order: binary search to this transcript, then check each candidate.
        var low = 0, high = anchor.list.count
        while low < high {
            let mid = (low + high) / 2
            let p = anchor.list[mid]
            if p.transcript < t || (p.transcript == t && Int(p.offset) - anchor.offset < from) {
                low = mid + 1
            } else {
                high = mid
            }
        }
        var i = low
        while i < anchor.list.count, anchor.list[i].transcript == t {
            let start = Int(anchor.list[i].offset) - anchor.offset
            if start >= from, matches(needle, text, at: start) { return start }
            i += 1
        }
        return nil
    }

    private func matches(_ needle: [UInt8], _ text: [UInt8], at start: Int) -> Bool {
        guard start >= 0, start + needle.count <= text.count else { return false }
        return needle.withUnsafeBufferPointer { n in
            text.withUnsafeBufferPointer { h in
                var i = 0
                while i < n.count { if n[i] != h[start + i] { return false }; i += 1 }
                return true
            }
        }
    }

    /// A plain forward search, for needles too short to have an interior word.
    private func scan(_ needle: [UInt8], in text: [UInt8], from: Int) -> Int? {
        let first = needle[0]
        var i = from
        let last = text.count - needle.count
        while i <= last {
            if text[i] == first, matches(needle, text, at: i) { return i }
            i += 1
        }
        return nil
    }
}
