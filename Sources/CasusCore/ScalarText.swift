/// A text cut by code-point offsets, as quotes and codings count them: the offsets are looked up
/// once, so taking thousands of spans out of one transcript copies bytes instead of rebuilding each
/// span scalar by scalar.
public struct ScalarText: Sendable {
    public let text: String
    private let starts: [String.Index]

    public init(_ text: String) {
        self.text = text
        var starts = Array(text.unicodeScalars.indices)
        starts.append(text.endIndex)
        self.starts = starts
    }

    /// The number of code points.
    public var count: Int { starts.count - 1 }

    /// The code points `range`; nil when it lies outside the text.
    public func slice(_ range: Range<Int>) -> String? {
        guard range.lowerBound >= 0, range.upperBound <= count else { return nil }
        return String(text.unicodeScalars[starts[range.lowerBound]..<starts[range.upperBound]])
    }
}
