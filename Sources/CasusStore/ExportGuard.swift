import CasusCore
import Foundation

/// The last check before anything leaves the store: no real name from the key vault may appear
/// in what is written out. Names are compared after `NameFolding.fold`, so no-break or zero-width
/// spaces, soft hyphens, full-width letters, decomposed diacritics and case do not hide a name.
public enum ExportGuard {
    /// The identities whose real name occurs in `text`.
    public static func leakedIdentities(in text: String, identities: [Identity]) -> [Identity] {
        guard !identities.isEmpty else { return [] }
        let folded = NameFolding.fold(text)
        return identities.filter { identity in
            let name = NameFolding.fold(identity.realName)
            return name.unicodeScalars.count >= 3 && containsWord(folded, name)
        }
    }

    /// Throws when `text` holds a real name, naming the participant by id and pseudonym, never the name.
    public static func check(_ text: String, identities: [Identity], dossier: Dossier) throws {
        let leaks = leakedIdentities(in: text, identities: identities)
        guard !leaks.isEmpty else { return }
        let who = leaks.map { describe($0, identities: identities, dossier: dossier) }.joined(separator: ", ")
        throw CasusError(
            .invalidInput,
            nl:
                "De export bevat de echte naam van \(who). Er is niets geschreven. Vervang de naam door het pseudoniem in het dossier.",
            en:
                "The export contains the real name of \(who). Nothing was written. Replace the name with the pseudonym in the dossier.",
            remedy: .searchText)
    }

    /// A log or message text with every real name taken out: a pseudonym that spells a real name is
    /// replaced by the participant's id; anything still naming someone is withheld whole.
    public static func redacted(_ text: String, identities: [Identity], dossier: Dossier) -> String {
        var result = text
        for leak in leakedIdentities(in: text, identities: identities) {
            if let pseudonym = dossier.participant(leak.participantId)?.pseudonym, !pseudonym.isEmpty {
                result = result.replacingOccurrences(of: pseudonym, with: leak.participantId)
            }
        }
        if leakedIdentities(in: result, identities: identities).isEmpty { return result }
        return "[" + "weggelaten: bevat een echte naam / withheld: holds a real name" + "]"
    }

    /// `Sanne (P3)`, or only `P3` when the pseudonym itself spells a real name.
    static func describe(_ identity: Identity, identities: [Identity], dossier: Dossier) -> String {
        guard let pseudonym = dossier.participant(identity.participantId)?.pseudonym,
            leakedIdentities(in: pseudonym, identities: identities).isEmpty
        else { return identity.participantId }
        return "\(pseudonym) (\(identity.participantId))"
    }

    /// Whether `needle` occurs in `haystack` with no letter or digit directly around it.
    /// Both are folded already; compared scalar by scalar, so huge clusters cost no more than their length.
    static func containsWord(_ haystack: String, _ needle: String) -> Bool {
        let text = Array(haystack.unicodeScalars), name = Array(needle.unicodeScalars)
        guard !name.isEmpty, text.count >= name.count else { return false }
        func isWordScalar(_ i: Int) -> Bool {
            guard i >= 0, i < text.count else { return false }
            let properties = text[i].properties
            return properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .nonspacingMark
        }
        let first = name[0]
        var i = 0
        while i + name.count <= text.count {
            if text[i] == first, text[i..<(i + name.count)].elementsEqual(name), !isWordScalar(i - 1),
                !isWordScalar(i + name.count)
            {
                return true
            }
            i += 1
        }
        return false
    }
}
