import CasusApp
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

    /// Asks every question of a step form that its earlier answers call for, and returns the
    /// checked answers. Nothing is saved here: the caller saves them all at once, or none.
    /// Typed at a question, "<" goes back to the question before it in the step.
    func answers(for form: StepForm) throws -> StepAnswers {
        for line in form.intro { say(line) }
        let typedQuestions = form.questions.filter { given[$0.key] == nil }.count
        if typedQuestions > 1 { say(TerminalText.backHint) }
        var answers = StepAnswers()
        // The questions asked so far, in order, so "<" can take the last one back.
        var asked: [Int] = []
        var index = 0
        while index < form.questions.count {
            let question = form.questions[index]
            guard question.isAsked(after: answers) else {
                index += 1
                continue
            }
            do {
                answers[question.key] = try ask(question, after: answers, mayGoBack: true)
                asked.append(index)
                index += 1
            } catch is GoBack {
                // Only a typed answer can be taken back; one given with --answer stands.
                guard let last = asked.lastIndex(where: { given[form.questions[$0].key] == nil }) else {
                    say(TerminalText.nothingBefore)
                    continue
                }
                let previous = form.questions[asked[last]]
                say(TerminalText.backTo(answers[previous.key] ?? ""))
                for undone in asked[last...] { answers[form.questions[undone].key] = nil }
                index = asked[last]
                asked.removeSubrange(last...)
            }
        }
        return answers
    }

    private struct GoBack: Error {}

    /// Asks one question until the answer passes its check; returns the checked answer.
    func ask(
        _ question: StepQuestion, after answers: StepAnswers = StepAnswers(), mayGoBack: Bool = false
    ) throws -> String {
        let key = question.key
        let check = { (typed: String) throws -> String in
            try question.check(try self.resolveLongText(question, typed), after: answers)
        }
        if let answer = given[key] {
            used.insert(key)
            do {
                return try check(answer)
            } catch let error as CasusError {
                throw CasusError(error.kind, PromptText.answerFor(key, error.message))
            }
        }
        var tries = 0
        while true {
            write(promptLine(question) + ": ")
            guard let typed = readLine(strippingNewline: true) else {
                write("\n")
                throw interactive
                    ? CasusError(.invalidInput, TerminalText.aborted)
                    : CasusError(.invalidInput, TerminalText.missingAnswer(key))
            }
            // Piped answers are not echoed by a terminal; show them so the session reads as a dialogue.
            if !interactive { write(typed + "\n") }
            if mayGoBack && typed.trimmingCharacters(in: .whitespaces) == "<" { throw GoBack() }
            do {
                return try check(typed)
            } catch let error as CasusError {
                tries += 1
                write("  " + error.message.text(language) + " ")
                guard tries < Self.maximumTries else {
                    write("\n")
                    throw CasusError(.invalidInput, TerminalText.tooManyTries)
                }
                write(TerminalText.tryAgain.text(language) + "\n")
            }
        }
    }

    private func promptLine(_ question: StepQuestion) -> String {
        var line = question.prompt.text(language)
        switch question.kind {
        case .longText:
            return line + " (\(TerminalText.editorHint.text(language)))"
        case .yesNo:
            line += " (\(PromptText.yesNoHint.text(language)))"
            if let value = question.defaultValue, let yes = try? InputParsing.yesNo(value) {
                line += " [\(yes ? (language == .en ? "yes" : "ja") : (language == .en ? "no" : "nee"))]"
            }
            return line
        case .purposes, .ids:
            // A list at the terminal is typed on one line; a browser shows check boxes instead.
            line += " (\(TerminalText.listHint.text(language)))"
            if let value = question.defaultValue, !value.isEmpty { line += " [\(value)]" }
            return line
        default:
            if let value = question.defaultValue, !value.isEmpty { line += " [\(value)]" }
            return line
        }
    }

    /// A long text is given as a path to a file, or empty to write it in `$EDITOR` (starting from the
    /// question's default).
    private func resolveLongText(_ question: StepQuestion, _ typed: String) throws -> String {
        guard case .longText = question.kind else { return typed }
        let answer = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if answer.isEmpty { return try TextEditor.edit(question.defaultValue ?? "") }
        return try InputParsing.text(fromFileAt: URL(fileURLWithPath: (answer as NSString).expandingTildeInPath))
    }

    // MARK: Single questions (review and Doetank)

    func text(_ key: String, _ question: Localized) throws -> String {
        try ask(StepQuestion(key, question, .text))
    }

    func optionalText(_ key: String, _ question: Localized) throws -> String? {
        Optional(try ask(StepQuestion(key, question, .optionalText))).nonBlank
    }

    func yesNo(_ key: String, _ question: Localized, default defaultValue: Bool? = nil) throws -> Bool {
        try InputParsing.yesNo(
            try ask(StepQuestion(key, question, .yesNo, default: defaultValue.map { $0 ? "ja" : "nee" })))
    }

    func choice<V: Vocabulary>(_ key: String, _ question: Localized) throws -> V {
        let answer = try ask(StepQuestion.choice(key, question, V.self))
        guard let value = V.parse(answer) else { throw CasusError(.invalidInput, PromptText.required) }
        return value
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
