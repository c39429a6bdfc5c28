import Foundation

/// Ids of the parts of a dossier: a letter and a number within the case (`P1`, `E12`).
public enum EntityID {
    /// The number in `E12`, or nil when the id has another shape.
    public static func number(_ id: String) -> Int? {
        let digits = id.drop { !$0.isNumber }
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// The next free id with the given prefix, after the highest number in use.
    public static func next(prefix: String, existing: some Sequence<String>) -> String {
        let highest = existing.compactMap { id in id.hasPrefix(prefix) ? number(id) : nil }.max() ?? 0
        return prefix + String(highest + 1)
    }

    /// Orders ids like `E2` before `E10`: by the letters before the number, then the number, then the text.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let (pa, na) = split(a), (pb, nb) = split(b)
        if pa != pb { return pa < pb }
        if na != nb { return (na ?? -1) < (nb ?? -1) }
        return a < b
    }

    private static func split(_ id: String) -> (Substring, Int?) {
        let prefix = id.prefix { !$0.isNumber }
        let rest = id.dropFirst(prefix.count)
        return (prefix, rest.allSatisfy(\.isNumber) ? Int(rest) : nil)
    }
}
