/// Words as UTF-8 bytes to numbers, found by hashing the bytes: the lexicon lookup of every token
/// of a text, without making a String per token or hashing it with `Hasher`'s Unicode rules.
/// Open addressing with linear probing in a table at most half full.
struct WordTable: Sendable {
    /// For each slot: an index into `values` and `keyStart`, or -1 when empty.
    private let slots: [Int32]
    private let keyStart: [Int32]
    private let keyBytes: [UInt8]
    private let values: [Int32]
    private let mask: Int

    init(_ words: [String: Int32]) {
        var capacity = 16
        while capacity < words.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        var keyStart: [Int32] = [0]
        var keyBytes: [UInt8] = []
        var values: [Int32] = []
        // In a fixed order, so the table is the same in every process.
        for (word, value) in words.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(word.utf8)
            var slot = Int(truncatingIfNeeded: WordTable.hash(bytes)) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(values.count)
            keyBytes += bytes
            keyStart.append(Int32(keyBytes.count))
            values.append(value)
        }
        self.slots = slots
        self.keyStart = keyStart
        self.keyBytes = keyBytes
        self.values = values
        mask = capacity - 1
    }

    /// FNV-1a over the bytes.
    @inline(__always) static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// The number of `word`, or -1.
    func find(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        var slot = Int(truncatingIfNeeded: WordTable.hash(word)) & mask
        return keyBytes.withUnsafeBufferPointer { keys in
            while true {
                let entry = Int(slots[slot])
                if entry < 0 { return -1 }
                let start = Int(keyStart[entry])
                let end = Int(keyStart[entry + 1])
                if end - start == word.count, word.elementsEqual(UnsafeBufferPointer(rebasing: keys[start..<end])) {
                    return values[entry]
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
