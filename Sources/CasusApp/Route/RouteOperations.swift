import CasusCore
import CasusLint
import CasusStore
import Foundation

/// What is next on a dossier's route, and the form that does it.
public struct RouteNext: Sendable {
    public let status: WorkflowStatus
    public let lint: NarrativeLintResult?
    /// The check that holds the dossier back, with what to do about it; nil when all steps are complete
    /// or when a returned step comes first (then `task` says so).
    public let check: GateCheck?
    public let task: StepTask?
}

extension Casework {
    /// The route's status and the task for its next check.
    public func routeNext(_ caseId: String) throws -> RouteNext {
        try require(.read, caseId: caseId)
        return try Self.routeNext(of: try store.dossier(caseId))
    }

    /// The route's status and the task for the next check of a dossier already loaded.
    /// A step the coach sent back comes first (up to the step of the next open check): revising it,
    /// with the coach's comments, is the next thing to do.
    public static func routeNext(of dossier: Dossier) throws -> RouteNext {
        let (status, lint) = try RouteStatus.evaluate(dossier)
        if let returned = status.steps.first(where: { step in
            step.review.awaitingRevision && (status.nextCheck.map { step.step < $0.step } ?? true)
        }), let review = returned.review.review {
            return RouteNext(
                status: status, lint: lint, check: nil,
                task: .manual(WorkflowText.returnedNotice(returned.step, review)))
        }
        guard let check = status.nextCheck else { return RouteNext(status: status, lint: lint, check: nil, task: nil) }
        return RouteNext(
            status: status, lint: lint, check: check, task: RouteForms.task(for: check, in: dossier, lint: lint))
    }

    /// Starts a case from the answers to `RouteForms.newCase`.
    public func startCase(_ answers: StepAnswers) throws -> Dossier {
        guard case .changed(let draft, _) = try RouteForms.newCase.apply(answers, to: Dossier.empty, by: actor.name)
        else { throw CasusError(.invalidInput, PromptText.required) }
        var new = NewCase(title: draft.casus.title, vraagstuk: draft.casus.vraagstuk)
        new.opdrachtgever = draft.casus.opdrachtgever
        new.coach = draft.casus.coach
        new.researchers = draft.casus.researchers
        let casus = try createCase(new)
        return try store.dossier(casus.id)
    }

    /// Saves a step's answers in one transaction: all of them or none. The form is applied to the
    /// dossier as stored at that moment, so ids are allocated against the latest state.
    public func saveStep(
        _ caseId: String, _ form: StepForm, _ answers: StepAnswers, file: UploadedFile? = nil
    ) throws -> StepOutcome {
        for capability in form.capabilities.sorted(by: { $0.rawValue < $1.rawValue }) {
            try require(capability, caseId: caseId)
        }
        var answers = answers
        let stored = try file.map { try storeFile($0, for: form, answers: answers, caseId: caseId) }
        answers.file = stored?.ref
        // A refusal or an unsafe setting leaves the dossier as it is, and the store writes nothing.
        var outcome = StepOutcome.manual(PromptText.required)
        let saved: Dossier
        do {
            saved = try store.modify(caseId) { dossier in
                outcome = try form.apply(answers, to: dossier, by: actor.name)
                if case .changed(let changed, _) = outcome { dossier = changed }
            }
        } catch {
            // A file stored for this save alone goes again: nothing is half-stored.
            if let stored, stored.isNew { store.attachments.remove(stored.ref) }
            throw error
        }
        // A step that changed nothing (consent said not given) keeps no file it was sent.
        if let stored, stored.isNew, case .manual = outcome { store.attachments.remove(stored.ref) }
        if case .changed(_, let realName?) = outcome {
            _ = try setIdentity(caseId, realName.participantId, realName: realName.name, contact: nil)
        }
        if case .changed = outcome { return .changed(saved, realName: nil) }
        return outcome
    }
}

extension Casework {
    /// Checks a file sent with a form and the form's answers, then stores the file by its hash.
    private func storeFile(
        _ file: UploadedFile, for form: StepForm, answers: StepAnswers, caseId: String
    ) throws -> (ref: AttachmentRef, isNew: Bool) {
        guard let question = form.file else {
            throw CasusError(
                .invalidInput, nl: "Dit formulier neemt geen bestand aan.", en: "This form does not take a file.")
        }
        let fileName: String
        do {
            fileName = try EvidenceFormat.check(file.data, name: file.name).fileName
        } catch let error as CasusError {
            throw CasusError(error.kind, error.message, field: .init(key: question.key, problem: error.message))
        }
        // The answers first, so a form with a wrong answer stores no file at all.
        var trial = answers
        trial.file = AttachmentRef(sha256: "", fileName: fileName, byteSize: file.data.count)
        _ = try form.apply(trial, to: try store.dossier(caseId), by: actor.name)
        return try store.attachments.add(data: file.data, name: fileName)
    }
}

extension Dossier {
    /// A placeholder for forms that build a dossier from nothing.
    static let empty = Dossier(casus: Casus(id: "-", title: "-", vraagstuk: "-"))
}
