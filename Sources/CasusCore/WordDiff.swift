/// The word-level difference between two texts, for comparing narrative versions: pieces that both
/// keep, that the newer one dropped and that it added, in reading order. Whitespace stays with the
/// word before it, so the pieces put together give either text back.
public enum WordDiff {
    public enum Change: Sendable, Equatable {
        case same, removed, added
    }

    public struct Piece: Sendable, Equatable {
        public let change: Change
        public let text: String
    }

    /// Above this many word pairs in the part that differs, the part is shown as one removal and one
    /// addition instead of being compared word by word (the comparison costs their product).
    static let pairBudget = 16_000_000

    public static func diff(_ old: String, _ new: String) -> [Piece] {
        let a = words(old), b = words(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let midA = Array(a[prefix..<(a.count - suffix)]), midB = Array(b[prefix..<(b.count - suffix)])
        var pieces: [Piece] = []
        func emit(_ change: Change, _ text: Substring) {
            if let last = pieces.last, last.change == change {
                pieces[pieces.count - 1] = Piece(change: change, text: last.text + text)
            } else {
                pieces.append(Piece(change: change, text: String(text)))
            }
        }
        a[..<prefix].forEach { emit(.same, $0) }
        if midA.count * midB.count > pairBudget {
            midA.forEach { emit(.removed, $0) }
            midB.forEach { emit(.added, $0) }
        } else {
            for (change, word) in commonSequence(midA, midB) { emit(change, word) }
        }
        a[(a.count - suffix)...].forEach { emit(.same, $0) }
        return pieces
    }

    /// Words with the whitespace that follows each.
    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var inSpace = false
        for index in text.indices {
            let space = text[index].isWhitespace
            if inSpace && !space {
                result.append(text[start..<index])
                start = index
            }
            inSpace = space
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// The longest common subsequence of two word lists, walked into kept, removed and added words.
    private static func commonSequence(_ a: [Substring], _ b: [Substring]) -> [(Change, Substring)] {
        let n = a.count, m = b.count
        // lengths[i][j]: the common length of a[i...] and b[j...], in one flat array.
        var lengths = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i * (m + 1) + j] =
                        a[i] == b[j]
                        ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                        : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
                }
            }
        }
        var result: [(Change, Substring)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                result.append((.same, a[i]))
                i += 1
                j += 1
            } else if j < m, i == n || lengths[i * (m + 1) + j + 1] >= lengths[(i + 1) * (m + 1) + j] {
                result.append((.added, b[j]))
                j += 1
            } else {
                result.append((.removed, a[i]))
                i += 1
            }
        }
        return result
    }
}
