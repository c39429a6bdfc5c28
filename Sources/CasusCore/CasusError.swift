import Foundation

/// An error a user can act on: a kind that decides the exit code, and a message in both languages.
public struct CasusError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in the terms of the documented exit codes.
    public enum Kind: Int32, Sendable {
        /// A check found problems (audit verification failed, lint findings at the threshold).
        case checkFailed = 1
        /// A case, person, interview or other part does not exist.
        case notFound = 3
        /// The thing to create exists already.
        case conflict = 4
        /// The action needs consent that was not given or was withdrawn.
        case consentMissing = 5
        /// The actor's role on the dossier does not allow the action.
        case notPermitted = 77
        /// A value or a file's content is not valid.
        case invalidInput = 65
        /// A program casus needs for this (LibreOffice for PDF) is not installed or failed.
        case unavailable = 69
        /// A file to read does not exist or cannot be read.
        case cannotRead = 66
        /// The store or the key vault cannot be opened or written.
        case storeFailure = 74
        /// A bug: please report it.
        case internalError = 70
    }

    public let kind: Kind
    public let message: Localized
    /// Further lines, e.g. every problem found in an imported file.
    public let details: [Localized]
    /// The action that helps, which each front end names in its own way.
    public let remedy: Remedy?
    /// The answer a form got wrong: its key and what is wrong with it, for a form to show beside the field.
    public let field: FieldProblem?

    /// What is wrong with one answer of a form.
    public struct FieldProblem: Sendable {
        public let key: String
        public let problem: Localized

        public init(key: String, problem: Localized) {
            self.key = key
            self.problem = problem
        }
    }

    public init(
        _ kind: Kind, _ message: Localized, details: [Localized] = [], remedy: Remedy? = nil,
        field: FieldProblem? = nil
    ) {
        self.kind = kind
        self.message = message
        self.details = details
        self.remedy = remedy
        self.field = field
    }

    public init(_ kind: Kind, nl: String, en: String, details: [Localized] = [], remedy: Remedy? = nil) {
        self.init(kind, Localized(nl: nl, en: en), details: details, remedy: remedy)
    }

    public var description: String { Excerpt.forMessage(([message.en] + details.map(\.en)).joined(separator: "\n")) }

    /// The message with its details; long lines and long values are cut (`Excerpt.forMessage`).
    public func text(_ language: Language) -> String {
        let shown = details.count > 50 ? Array(details.prefix(50)) : details
        var lines = [message.text(language)] + shown.map { "  - " + $0.text(language) }
        if details.count > shown.count {
            lines.append(
                language == .en
                    ? "  … and \(details.count - shown.count) more" : "  … en nog \(details.count - shown.count)")
        }
        return Excerpt.forMessage(lines.joined(separator: "\n"))
    }
}
