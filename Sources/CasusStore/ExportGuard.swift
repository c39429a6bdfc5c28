import CasusCore
import Foundation

/// The last check before anything leaves the store: no real name from the key vault may appear
/// in what is written out. Names are compared ignoring case and diacritics.
public enum ExportGuard {
    /// The identities whose real name occurs in `text`.
    public static func leakedIdentities(in text: String, identities: [Identity]) -> [Identity] {
        guard !identities.isEmpty else { return [] }
        let folded = fold(text)
        return identities.filter { identity in
            let name = fold(identity.realName).trimmingCharacters(in: .whitespaces)
            return name.count >= 3 && containsWord(folded, name)
        }
    }

    /// Throws when `text` holds a real name, naming the pseudonymous participant, never the name.
    public static func check(_ text: String, identities: [Identity], dossier: Dossier) throws {
        let leaks = leakedIdentities(in: text, identities: identities)
        guard !leaks.isEmpty else { return }
        let who = leaks.map { dossier.participant($0.participantId)?.pseudonym ?? $0.participantId }.joined(separator: ", ")
        throw CasusError(.invalidInput,
                         nl: "De export bevat de echte naam van \(who). Er is niets geschreven. Vervang de naam door het pseudoniem in het dossier (zoek met `casus search`).",
                         en: "The export contains the real name of \(who). Nothing was written. Replace the name with the pseudonym in the dossier (find it with `casus search`).")
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
    }

    /// Whether `needle` occurs in `haystack` with no letter or digit directly around it.
    static func containsWord(_ haystack: String, _ needle: String) -> Bool {
        var searchRange = haystack.startIndex..<haystack.endIndex
        while let found = haystack.range(of: needle, range: searchRange) {
            let before = found.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: found.lowerBound)]
            let after = found.upperBound == haystack.endIndex ? nil : haystack[found.upperBound]
            let isWord = !(before?.isLetter ?? false) && !(before?.isNumber ?? false) && !(after?.isLetter ?? false) && !(after?.isNumber ?? false)
            if isWord { return true }
            searchRange = haystack.index(after: found.lowerBound)..<haystack.endIndex
        }
        return false
    }
}
