import CasusApp
import CasusCore
import Foundation

/// A route step's questions as form fields. The widget follows the answer's kind; the values are
/// the ones entered (kept after an error) or the defaults; an answer the step refused carries its
/// message, linked to the field.
struct StepFormView {
    let context: WebContext

    func fields(
        _ form: StepForm, answers: StepAnswers, dossier: Dossier?, error: CasusError?, prefix: String = "veld",
        fileSent: Bool = false
    ) -> [[String: Any]] {
        questionFields(form, answers: answers, dossier: dossier, error: error, prefix: prefix)
            + (form.file.map { [fileField($0, error: error, prefix: prefix, sent: fileSent)] } ?? [])
    }

    /// The file a form takes. A browser never fills a file input in again, so after an error elsewhere
    /// the field says to choose the file once more.
    private func fileField(_ question: FileQuestion, error: CasusError?, prefix: String, sent: Bool) -> [String: Any] {
        let id = "\(prefix)-\(question.key)"
        var problem = error?.field.flatMap { $0.key == question.key ? context.t($0.problem) : nil } ?? ""
        if problem.isEmpty, sent, error != nil {
            problem = context.t(
                "Kies het bestand opnieuw; het is nog niet bewaard.", "Choose the file again; it was not kept.")
        }
        return [
            "key": question.key, "id": id, "label": context.t(question.label), "value": "", "error": problem,
            "file": true, "accept": question.accepts, "help": context.t(question.help),
            "describedBy": ["\(id)-hulp", problem.isEmpty ? nil : "\(id)-fout"].compactMap { $0 }
                .joined(separator: " "),
        ]
    }

    private func questionFields(
        _ form: StepForm, answers: StepAnswers, dossier: Dossier?, error: CasusError?, prefix: String
    ) -> [[String: Any]] {
        form.askedQuestions(answers).map { question in
            let id = "\(prefix)-\(question.key)"
            let value = answers[question.key] ?? ""
            let problem = error?.field.flatMap { $0.key == question.key ? context.t($0.problem) : nil } ?? ""
            let help = question.help.map { context.t($0) } ?? ""
            var field: [String: Any] = [
                "key": question.key, "id": id, "label": context.t(question.prompt), "value": value, "error": problem,
            ]
            switch question.kind {
            case .text:
                field["line"] = true
                field["required"] = true
            case .optionalText:
                field["line"] = true
            case .moment, .minutes:
                // The prompt gives an example of the form the answer takes.
                field["line"] = true
                field["required"] = true
            case .longText:
                field["long"] = true
                field["required"] = true
                // A transcript may come from a file; a quoted passage is a few lines.
                field["upload"] = question.key == "transcript"
                field["rows"] = question.key == "passage" ? 4 : 14
            case .yesNo:
                field["isRadios"] = true
                field["radios"] = options(["ja", "nee"], chosen: [value], id: id) {
                    $0 == "ja" ? context.t("ja", "yes") : context.t("nee", "no")
                }
            case .choice(let values, _):
                field["select"] = true
                field["required"] = true
                field["options"] =
                    (question.defaultValue == nil ? [["value": "", "label": context.t("— kies —", "— choose —")]] : [])
                    + options(values, chosen: [value], id: id) { v in question.labels[v].map { context.t($0) } ?? v }
            case .ids(let known, let required):
                field["isChecks"] = true
                field["checks"] = options(known, chosen: StepAnswers.list(value), id: id) { v in
                    question.labels[v].map { context.t($0) } ?? Self.describe(v, in: dossier)
                }
                field["required"] = required
            case .purposes:
                let purposes =
                    ConsentPurpose.fixed.filter { $0 != .all }
                    + (dossier?.agencies.map { ConsentPurpose.sharing(with: $0.id) } ?? [])
                field["isChecks"] = true
                field["checks"] = options(
                    purposes.map(\.rawValue), chosen: StepAnswers.list(value), id: id
                ) { raw in ConsentPurpose.parse(raw).map { context.t($0.label) } ?? raw }
            }
            field["help"] = help
            field["describedBy"] = [help.isEmpty ? nil : "\(id)-hulp", problem.isEmpty ? nil : "\(id)-fout"]
                .compactMap { $0 }.joined(separator: " ")
            return field
        }
    }

    /// The error summary of a form: the message, and the first input of the field it is about.
    func problem(_ error: CasusError, fields: [[String: Any]]) -> (text: String, anchor: String?) {
        let message = context.t(error.field?.problem ?? error.message)
        guard let key = error.field?.key, let field = fields.first(where: { $0["key"] as? String == key }) else {
            return (context.t(error.message), nil)
        }
        let options = (field["radios"] ?? field["checks"]) as? [[String: Any]]
        let anchor = (options?.first?["id"] ?? field["id"]) as? String
        return ("\(field["label"] as? String ?? key) \(message)", anchor)
    }

    /// The answers as a form sent them: a list of boxes (sent once per ticked box) becomes one
    /// comma-separated answer, as the terminal takes it.
    static func answers(_ form: StepForm, from posted: [String: String]) -> StepAnswers {
        var answers = StepAnswers()
        for question in form.questions {
            guard var value = posted[question.key] else { continue }
            switch question.kind {
            case .ids, .purposes: value = value.split(separator: "\n").joined(separator: ",")
            default: break
            }
            answers[question.key] = value
        }
        return answers
    }

    private func options(
        _ values: [String], chosen: [String], id: String, label: (String) -> String
    ) -> [[String: Any]] {
        values.enumerated().map { index, value in
            ["value": value, "label": label(value), "id": "\(id)-\(index)", "on": chosen.contains(value)]
        }
    }

    /// An id with what it stands for: an event's date and what happened, a finding's claim.
    static func describe(_ id: String, in dossier: Dossier?) -> String {
        if let event = dossier?.events.first(where: { $0.id == id }) {
            return "\(id) · \(event.date?.description ?? "?") · \(event.what.excerpt)"
        }
        if let finding = dossier?.findings.first(where: { $0.id == id }) { return "\(id) · \(finding.claim.excerpt)" }
        return id
    }
}
