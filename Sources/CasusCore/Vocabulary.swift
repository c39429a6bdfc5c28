import Foundation

/// A closed list of domain words. The stored value is the Dutch word the users say;
/// every value has a Dutch and English label, and English aliases are accepted on input.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    var label: Localized { get }
    /// Extra spellings accepted on input (English words, short forms).
    var aliases: [String] { get }
}

extension Vocabulary {
    public var aliases: [String] { [] }

    /// Reads a value from user input: the Dutch word, an alias, or either label, ignoring case.
    public static func parse(_ text: String) -> Self? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        for value in allCases {
            if value.rawValue == key || value.aliases.contains(key) { return value }
            if value.label.nl.lowercased() == key || value.label.en.lowercased() == key { return value }
        }
        return nil
    }

    /// The accepted values, for help texts and error messages.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
