import Foundation

/// Ids of the parts of a dossier: a letter and a number within the case (`P1`, `E12`).
public enum EntityID {
    /// The highest number an id may carry (`E999999999`); import refuses larger ones.
    public static let maximumNumber = 999_999_999

    /// The number in `E12`, or nil when the id has another shape (or a number too long for an Int).
    public static func number(_ id: String) -> Int? {
        let digits = id.drop { !$0.isNumber }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// Whether the id's number, if it has one, is beyond `maximumNumber`.
    public static func isOutOfRange(_ id: String) -> Bool {
        let digits = id.drop { !$0.isNumber }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return (Int(digits) ?? Int.max) > maximumNumber
    }

    /// The next free id with the given prefix, after the highest number in use.
    /// Throws when the numbers are used up, instead of overflowing.
    public static func next(prefix: String, existing: some Sequence<String>) throws -> String {
        var highest = 0
        for id in existing where id.hasPrefix(prefix) {
            if let n = number(id) { highest = max(highest, n) } else if isOutOfRange(id) { highest = Int.max }
        }
        guard highest < maximumNumber else {
            throw CasusError(
                .invalidInput,
                nl: "Er is geen nieuw id met '\(prefix)' meer vrij: het hoogste nummer is al \(maximumNumber) of meer.",
                en: "No new id with '\(prefix)' is left: the highest number is already \(maximumNumber) or more.")
        }
        return prefix + String(highest + 1)
    }

    /// Orders ids like `E2` before `E10`: by the letters before the number, then the number, then the text.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        if let ka = asciiKey(a), let kb = asciiKey(b) {
            if !ka.prefix.elementsEqual(kb.prefix) { return ka.prefix.lexicographicallyPrecedes(kb.prefix) }
            if ka.number != kb.number { return (ka.number ?? -1) < (kb.number ?? -1) }
            return a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        let (pa, na) = split(a), (pb, nb) = split(b)
        if pa != pb { return pa < pb }
        if na != nb { return (na ?? -1) < (nb ?? -1) }
        return a < b
    }

    /// The same split for an all-ASCII id, on its bytes (sorting tens of thousands of codings must not
    /// ask Unicode for every character); nil for any other id.
    private static func asciiKey(_ id: String) -> (prefix: Substring.UTF8View, number: Int?)? {
        let bytes = id.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let digitsStart = bytes.firstIndex { $0 >= 0x30 && $0 <= 0x39 } ?? bytes.endIndex
        let digits = bytes[digitsStart...]
        var number: Int? = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39, let n = number else {
                number = nil
                break
            }
            let (times, o1) = n.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(byte - 0x30))
            number = o1 || o2 ? nil : sum
        }
        if digits.isEmpty { number = nil }
        return (Substring(id)[..<digitsStart].utf8, number)
    }

    private static func split(_ id: String) -> (Substring, Int?) {
        let prefix = id.prefix { !$0.isNumber }
        let rest = id.dropFirst(prefix.count)
        return (prefix, rest.allSatisfy(\.isNumber) ? Int(rest) : nil)
    }
}
