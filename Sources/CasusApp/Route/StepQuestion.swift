import CasusCore
import Foundation

/// What kind of answer a question of the route takes. A front end picks its widget from this.
public enum AnswerKind: Sendable {
    /// One line of text that may not be empty.
    case text
    /// One line of text; empty means none.
    case optionalText
    /// Yes or no (ja/nee).
    case yesNo
    /// One of `values` (the Dutch words of a vocabulary); `normalize` maps an alias or label to one.
    case choice(values: [String], normalize: @Sendable (String) -> String?)
    /// A date with a time, as in "2024-03-05 14:00".
    case moment
    /// A length of time, as in "2u15" or "90".
    case minutes
    /// Ids the dossier knows, comma-separated.
    case ids(known: [String], required: Bool)
    /// A long text (a transcript or the narrative). Its default is the text to start editing from.
    case longText
    /// Consent purposes, comma-separated (including `delen:<agency>`).
    case purposes
}

/// One question of a route step: its key, its wording in both languages, the kind of answer, a
/// default, when it is asked, and a check that may look at the answers given before it.
public struct StepQuestion: Sendable {
    public let key: String
    public let prompt: Localized
    public let help: Localized?
    public let kind: AnswerKind
    /// Used for an empty answer; for `.longText` the text to start from instead.
    public let defaultValue: String?
    /// What a choice's or a list's values mean, for a front end that shows them (the value is what is sent).
    public let labels: [String: Localized]
    let askedWhen: @Sendable (StepAnswers) -> Bool
    let extraCheck: @Sendable (String, StepAnswers) throws -> Void

    public init(
        _ key: String, _ prompt: Localized, _ kind: AnswerKind, help: Localized? = nil,
        default defaultValue: String? = nil, labels: [String: Localized] = [:],
        check: @escaping @Sendable (String, StepAnswers) throws -> Void = { _, _ in },
        askedWhen: @escaping @Sendable (StepAnswers) -> Bool = { _ in true }
    ) {
        self.key = key
        self.prompt = prompt
        self.kind = kind
        self.help = help
        self.defaultValue = defaultValue
        self.labels = labels
        self.askedWhen = askedWhen
        self.extraCheck = check
    }

    /// A choice among the values of a vocabulary (all of them unless `among` narrows it).
    public static func choice<V: Vocabulary>(
        _ key: String, _ prompt: Localized, _ type: V.Type, among: [V] = Array(V.allCases), default value: V? = nil
    ) -> StepQuestion {
        let allowed = among.map(\.rawValue)
        return StepQuestion(
            key, prompt,
            .choice(
                values: allowed,
                normalize: { text in V.parse(text).map(\.rawValue).flatMap { allowed.contains($0) ? $0 : nil } }),
            default: value?.rawValue, labels: Dictionary(uniqueKeysWithValues: among.map { ($0.rawValue, $0.label) }))
    }

    /// A choice that may stay empty (no default): one of a vocabulary's values, or nothing.
    public static func optionalChoice<V: Vocabulary>(_ key: String, _ prompt: Localized, _ type: V.Type) -> StepQuestion
    {
        StepQuestion(
            key, prompt,
            .choice(
                values: V.allCases.map(\.rawValue),
                normalize: { text in text.isEmpty ? "" : V.parse(text).map(\.rawValue) }),
            labels: Dictionary(uniqueKeysWithValues: V.allCases.map { ($0.rawValue, $0.label) }))
    }

    /// Whether the question is asked after the answers given so far.
    public func isAsked(after answers: StepAnswers) -> Bool { askedWhen(answers) }

    /// Checks one answer as given and returns it in the form `StepAnswers` keeps. An empty answer
    /// takes the default (except for a long text, whose default is only where editing starts).
    public func check(_ raw: String, after answers: StepAnswers) throws -> String {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if case .longText = kind {
            guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
            try extraCheck(raw, answers)
            return raw
        }
        if text.isEmpty, let defaultValue { text = defaultValue }
        guard text.count <= InputLimits.lineCharacters else {
            throw CasusError(.invalidInput, PromptText.tooLong(InputLimits.lineCharacters))
        }
        switch kind {
        case .text:
            guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
        case .optionalText, .longText:
            break
        case .yesNo:
            guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
            text = try InputParsing.yesNo(text) ? "ja" : "nee"
        case .choice(let values, let normalize):
            guard let value = normalize(text) else {
                throw CasusError(
                    .invalidInput,
                    text.isEmpty ? PromptText.required : PromptText.choices(values.joined(separator: ", ")))
            }
            text = value
        case .moment:
            guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
            text = try InputParsing.timestamp(text).description
        case .minutes:
            guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
            text = String(try InputParsing.minutes(text))
        case .ids(let known, let required):
            // Spelled as the dossier spells them, whatever the case typed.
            let ids = StepAnswers.split(text).map { id in
                known.first { $0.caseInsensitiveCompare(id) == .orderedSame } ?? id
            }
            if ids.isEmpty && required { throw CasusError(.invalidInput, PromptText.required) }
            let unknown = ids.filter { !known.contains($0) }
            guard unknown.isEmpty else { throw CasusError(.invalidInput, PromptText.unknownIDs(unknown, known: known)) }
            text = ids.joined(separator: ",")
        case .purposes:
            text = try StepAnswers.purposes(text).map(\.rawValue).joined(separator: ",")
        }
        try extraCheck(text, answers)
        return text
    }
}

/// The answers to a step's questions, by key, each as `StepQuestion.check` returned it.
public struct StepAnswers: Sendable, Equatable {
    public private(set) var values: [String: String]
    /// The file sent with the form, once `Casework.saveStep` has checked and stored it; never set by a
    /// front end.
    public internal(set) var file: AttachmentRef?

    public init(_ values: [String: String] = [:]) { self.values = values }

    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    // Typed readings of checked answers, for the step's `apply`.

    func text(_ key: String) -> String { values[key] ?? "" }
    func optionalText(_ key: String) -> String? { Optional(text(key)).nonBlank }
    func bool(_ key: String) -> Bool { (try? InputParsing.yesNo(text(key))) ?? false }
    func minutes(_ key: String) throws -> Int { try InputParsing.minutes(text(key)) }
    func moment(_ key: String) throws -> Timestamp { try InputParsing.timestamp(text(key)) }
    func ids(_ key: String) -> [String] { Self.split(text(key)) }
    func purposes(_ key: String) throws -> [ConsentPurpose] { try Self.purposes(text(key)) }
    func choice<V: Vocabulary>(_ key: String, _ type: V.Type) throws -> V {
        guard let value = V.parse(text(key)) else {
            throw CasusError(.invalidInput, PromptText.choices(V.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return value
    }

    /// The items of a list answer ("E1,E2" or "E1 E2").
    public static func list(_ text: String) -> [String] { split(text) }

    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    static func purposes(_ text: String) throws -> [ConsentPurpose] {
        try text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map {
            raw in
            guard let purpose = ConsentPurpose.parse(raw), purpose != .all else {
                throw CasusError(
                    .invalidInput,
                    PromptText.choices(
                        ConsentPurpose.fixed.map(\.rawValue).joined(separator: ", ") + ", delen:<instantie>"))
            }
            return purpose
        }
    }
}

/// What a step's answers do to the dossier.
public enum StepOutcome: Sendable {
    /// The changed dossier, and a real name for the key vault when the step recorded one.
    case changed(Dossier, realName: (participantId: String, name: String)?)
    /// The answers say this cannot be done in casus now (consent refused, an unsafe setting).
    case manual(Localized)
}

/// One step of the route as data: the questions, and a pure `apply` of their answers to a dossier.
/// `casus next` asks the questions at the terminal; a web form shows the same questions.
public struct StepForm: Sendable {
    /// The id of the route's check this form resolves (nil for a new case).
    public let checkId: String?
    /// What to tell before the first question.
    public let intro: [Localized]
    /// What the actor must be allowed to do to save it.
    public let capabilities: Set<Capability>
    public let questions: [StepQuestion]
    /// A file the form takes besides its answers (the signed consent form), or nil.
    public let file: FileQuestion?
    let change: @Sendable (StepAnswers, Dossier, String) throws -> StepOutcome

    init(
        _ checkId: String?, intro: [Localized] = [], needs capabilities: Set<Capability> = [.edit],
        questions: [StepQuestion], file: FileQuestion? = nil,
        change: @escaping @Sendable (StepAnswers, Dossier, String) throws -> StepOutcome
    ) {
        self.checkId = checkId
        self.intro = intro
        self.capabilities = capabilities
        self.questions = questions
        self.file = file
        self.change = change
    }

    /// What a blank form starts with: each question's default (for a long text, the text to edit).
    public var startingAnswers: StepAnswers {
        StepAnswers(Dictionary(questions.compactMap { q in q.defaultValue.map { (q.key, $0) } }) { a, _ in a })
    }

    /// The questions asked after `answers`, in order (a question may depend on an earlier answer).
    public func askedQuestions(_ answers: StepAnswers) -> [StepQuestion] {
        var seen = StepAnswers()
        var asked: [StepQuestion] = []
        for question in questions where question.isAsked(after: seen) {
            asked.append(question)
            seen[question.key] = answers[question.key]
        }
        return asked
    }

    /// Checks every asked answer in order, then applies them to `dossier` on behalf of `actor`.
    /// Pure: it returns the changed dossier or says which answer is wrong and why.
    public func apply(_ answers: StepAnswers, to dossier: Dossier, by actor: String) throws -> StepOutcome {
        var checked = StepAnswers()
        checked.file = answers.file
        for question in questions where question.isAsked(after: checked) {
            do {
                checked[question.key] = try question.check(answers[question.key] ?? "", after: checked)
            } catch let error as CasusError {
                throw CasusError(
                    error.kind, PromptText.answerFor(question.key, error.message),
                    field: .init(key: question.key, problem: error.message))
            }
        }
        return try change(checked, dossier, actor)
    }
}

/// What `casus next` or a web page does about one failing check.
public enum StepTask: Sendable {
    /// Questions whose answers change the dossier in one transaction.
    case form(StepForm)
    /// casus cannot do this; the researcher or coach acts outside casus first.
    case manual(Localized)
}

/// A file a form takes besides its answers: consent evidence, checked by what its bytes are
/// (`EvidenceFormat`) and stored by its hash when the form is saved.
public struct FileQuestion: Sendable {
    public let key: String
    public let label: Localized
    public let help: Localized

    /// The signed consent form, wherever consent is recorded (the consent page, the route's steps).
    public static let consentEvidence = FileQuestion(
        key: "bewijs", label: Localized(nl: "Het getekende formulier (mag leeg)", en: "The signed form (optional)"),
        help: Localized(
            nl: "PDF, JPEG, PNG of TIFF tot 20 MB. casus bewaart het onder zijn SHA-256 en toont het alleen wie "
                + "toestemming beheert en echte namen mag zien.",
            en: "PDF, JPEG, PNG or TIFF up to 20 MB. casus keeps it under its SHA-256 and shows it only to those "
                + "who manage consent and may see real names."))

    /// The file types a browser's file picker offers; the server reads the bytes regardless.
    public var accepts: String { EvidenceFormat.allCases.map { "." + $0.fileExtension }.joined(separator: ",") }
}

/// A file a front end received with a form: its bytes and the name it was sent under.
public struct UploadedFile: Sendable {
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}
