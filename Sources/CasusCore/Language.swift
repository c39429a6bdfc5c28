import Foundation

/// The two interface and narrative languages casus speaks: Dutch first, English second.
public enum Language: String, Codable, Sendable, CaseIterable {
    case nl
    case en

    /// Picks the interface language from an explicit choice, else from `LANG`/`LC_ALL`/`LC_MESSAGES`; Dutch by default.
    public static func resolve(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Language {
        if let explicit, let lang = Language(code: explicit) { return lang }
        for key in ["CASUS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .nl
            }
        }
        return .nl
    }

    /// Accepts `nl`, `en`, `nl_NL.UTF-8`, `English`, `Nederlands`.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered.hasPrefix("en") {
            self = .en
        } else if lowered.hasPrefix("nl") || lowered.hasPrefix("ned") || lowered.hasPrefix("du") {
            self = .nl
        } else {
            return nil
        }
    }
}

/// A text in both interface languages. The message catalogue is built from these.
public struct Localized: Sendable, Equatable, Codable, CustomStringConvertible {
    public let nl: String
    public let en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .en ? en : nl
    }

    public var description: String { nl }
}
