import CasusCore
import Foundation

/// Asks questions at the terminal, or takes the answers from `--answer key=value`.
///
/// Every question has a key. A given answer is checked like a typed one, but a bad given answer
/// fails at once (a script cannot retype it). A bad typed answer is explained and asked again.
/// Answers are only returned to the caller, never stored here: a step saves everything it asked
/// in one change, or nothing.
final class Prompter {
    let language: Language
    private var given: [String: String]
    private var used: Set<String> = []
    /// Whether standard input is a terminal (then EOF means the user stopped).
    let interactive: Bool
    static let maximumTries = 5

    init(language: Language, answers: [String], interactive: Bool = isatty(STDIN_FILENO) == 1) throws {
        self.language = language
        self.interactive = interactive
        var given: [String: String] = [:]
        for pair in answers {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw CasusError(
                    .invalidInput, nl: "--answer verwacht sleutel=waarde, niet '\(pair)'.",
                    en: "--answer expects key=value, not '\(pair)'.")
            }
            given[String(pair[..<eq]).trimmingCharacters(in: .whitespaces)] = String(pair[pair.index(after: eq)...])
        }
        self.given = given
    }

    /// The keys answered with `--answer`.
    var givenKeys: [String] { given.keys.sorted() }

    /// Given answers no question asked for: most likely a typing error in a key.
    var unusedKeys: [String] { given.keys.filter { !used.contains($0) }.sorted() }

    func say(_ text: Localized) { write(text.text(language) + "\n") }

    /// Asks one question until the answer parses. `defaultValue` is used for an empty answer.
    func ask<T>(
        _ key: String, _ question: Localized, default defaultValue: String? = nil, hint: Localized? = nil,
        _ parse: (String) throws -> T
    ) throws -> T {
        if let answer = given[key] {
            used.insert(key)
            let text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
            do {
                return try parse(text.isEmpty ? (defaultValue ?? "") : text)
            } catch let error as CasusError {
                throw CasusError(
                    error.kind, nl: "Antwoord op '\(key)': \(error.message.nl)",
                    en: "Answer for '\(key)': \(error.message.en)")
            }
        }
        var tries = 0
        while true {
            var line = question.text(language)
            if let hint { line += " (\(hint.text(language)))" }
            if let defaultValue, !defaultValue.isEmpty { line += " [\(defaultValue)]" }
            write(line + ": ")
            guard let typed = readLine(strippingNewline: true) else {
                write("\n")
                throw interactive
                    ? CasusError(.invalidInput, PromptText.aborted)
                    : CasusError(.invalidInput, PromptText.missingAnswer(key))
            }
            // Piped answers are not echoed by a terminal; show them so the session reads as a dialogue.
            if !interactive { write(typed + "\n") }
            let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
            do {
                return try parse(text.isEmpty ? (defaultValue ?? "") : text)
            } catch let error as CasusError {
                tries += 1
                write("  " + error.message.text(language) + " ")
                guard tries < Self.maximumTries else {
                    write("\n")
                    throw CasusError(.invalidInput, PromptText.tooManyTries)
                }
                write(PromptText.tryAgain.text(language) + "\n")
            }
        }
    }

    // MARK: Kinds of answers

    func text(_ key: String, _ question: Localized, default defaultValue: String? = nil) throws -> String {
        try ask(key, question, default: defaultValue) { text in
            guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
            return text
        }
    }

    func optionalText(_ key: String, _ question: Localized) throws -> String? {
        try ask(key, question) { $0.isEmpty ? nil : $0 }
    }

    func yesNo(_ key: String, _ question: Localized, default defaultValue: Bool? = nil) throws -> Bool {
        let shown = defaultValue.map { $0 ? (language == .en ? "yes" : "ja") : (language == .en ? "no" : "nee") }
        return try ask(key, question, default: shown, hint: PromptText.yesNoHint) { text in
            guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
            return try InputParsing.yesNo(text)
        }
    }

    func choice<V: Vocabulary>(
        _ key: String, _ question: Localized, default defaultValue: V? = nil, among: [V] = Array(V.allCases)
    ) throws -> V {
        try ask(key, question, default: defaultValue?.rawValue) { text in
            guard let value = V.parse(text), among.contains(value) else {
                throw CasusError(
                    .invalidInput,
                    text.isEmpty
                        ? PromptText.required : PromptText.choices(among.map(\.rawValue).joined(separator: ", ")))
            }
            return value
        }
    }

    func moment(
        _ key: String, _ question: Localized, default defaultValue: String? = nil,
        check: (Timestamp) throws -> Void = { _ in }
    ) throws -> Timestamp {
        try ask(key, question, default: defaultValue) { text in
            guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
            let moment = try InputParsing.timestamp(text)
            try check(moment)
            return moment
        }
    }

    func minutes(_ key: String, _ question: Localized, default defaultValue: String? = nil) throws -> Int {
        try ask(key, question, default: defaultValue) { text in
            guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
            return try InputParsing.minutes(text)
        }
    }

    /// Ids from a list the dossier knows, comma-separated; empty allowed unless `required`.
    func ids(_ key: String, _ question: Localized, known: [String], required: Bool) throws -> [String] {
        try ask(key, question) { text in
            let ids = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.uppercased() }
            if ids.isEmpty && required { throw CasusError(.invalidInput, PromptText.required) }
            let unknown = ids.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw CasusError(
                    .invalidInput,
                    nl: "Onbekend: \(unknown.joined(separator: ", ")). Bekend: \(known.joined(separator: ", ")).",
                    en: "Unknown: \(unknown.joined(separator: ", ")). Known: \(known.joined(separator: ", ")).")
            }
            return ids
        }
    }

    /// A long text: a path to a file, or an empty answer to write it in `$EDITOR` (starting from `initial`).
    func longText(
        _ key: String, _ question: Localized, initial: String = "", check: (String) throws -> Void = { _ in }
    ) throws -> String {
        try ask(key, question, hint: PromptText.editorHint) { answer in
            let text: String
            if answer.isEmpty {
                text = try TextEditor.edit(initial)
            } else {
                text = try InputParsing.text(
                    fromFileAt: URL(fileURLWithPath: (answer as NSString).expandingTildeInPath))
            }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CasusError(.invalidInput, PromptText.required)
            }
            return text
        }
    }

    /// Through `print`, so prompts and other output keep their order when standard output is a pipe.
    private func write(_ text: String) {
        Swift.print(text, terminator: "")
        fflush(nil)
    }
}

/// Opens `$VISUAL` or `$EDITOR` on a private temporary file and returns what was saved.
/// The file holds personal data: it lives in a folder only the user can read and is removed after.
enum TextEditor {
    static func edit(
        _ initial: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> String {
        guard
            let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else {
            throw CasusError(
                .invalidInput, nl: "Er is geen editor ingesteld (VISUAL of EDITOR). Geef een pad naar een bestand.",
                en: "No editor is set (VISUAL or EDITOR). Give a path to a file.")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tekst.md")
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data(initial.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw CasusError(
                .storeFailure, nl: "Kan geen tijdelijk bestand maken in \(folder.path).",
                en: "Cannot create a temporary file in \(folder.path).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor setting may carry arguments ("code --wait"); the file goes in as one argument.
        process.arguments = ["-c", editor + " \"$1\"", "casus-editor", file.path]
        do {
            try process.run()
        } catch {
            throw CasusError(
                .invalidInput, nl: "De editor '\(editor)' start niet.", en: "The editor '\(editor)' does not start.")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CasusError(
                .invalidInput,
                nl: "De editor stopte met fout \(process.terminationStatus); de tekst is niet overgenomen.",
                en: "The editor stopped with error \(process.terminationStatus); the text was not taken over.")
        }
        return try InputParsing.text(fromFileAt: file)
    }
}
