import Foundation

/// The one way casus compares names: compatibility forms composed (NFKC, so full-width letters and
/// decomposed diacritics become plain ones), invisible format characters removed (soft hyphen,
/// zero-width space and joiners, direction marks), case and diacritics folded, and every run of
/// white space (no-break and thin spaces too) written as one space.
public enum NameFolding {
    public static func fold(_ text: String) -> String {
        let composed = text.precomposedStringWithCompatibilityMapping
        var kept = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in composed.unicodeScalars {
            if scalar.properties.generalCategory == .format { continue }
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .spaceSeparator {
                if !lastWasSpace { kept.append(" ") }
                lastWasSpace = true
                continue
            }
            kept.append(scalar)
            lastWasSpace = false
        }
        if kept.last == " " { kept.removeLast() }
        let folded = String(kept).folding(
            options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
        // Folding can leave combining marks that had no base letter to join; drop them as well.
        return String(
            String.UnicodeScalarView(folded.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
    }

    /// Whether two names are the same person's name once folded.
    public static func sameName(_ a: String, _ b: String) -> Bool { fold(a) == fold(b) }
}
