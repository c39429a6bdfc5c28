import CasusCore
import CasusStore
import Foundation

/// A new case as a front end collected it.
public struct NewCase: Sendable {
    public var id: String?
    public var title: String
    public var vraagstuk: String
    public var opdrachtgever: String?
    public var language: Language = .nl
    public var researchers: [String] = []
    public var coach: String?
    public var summary: String?
    public var publicationForm: PublicationForm?

    public init(title: String, vraagstuk: String) {
        self.title = title
        self.vraagstuk = vraagstuk
    }
}

/// Changes to a case; nil leaves a field, an empty text clears an optional one.
public struct CaseChange: Sendable {
    public var title: String?
    public var vraagstuk: String?
    public var opdrachtgever: String?
    public var language: Language?
    public var researchers: [String]?
    public var coach: String?
    public var summary: String?
    public var publicationForm: PublicationForm?

    public init() {}
}

extension Casework {
    /// Creates a case. Without an id, one is made from the title, numbered when it is taken.
    public func createCase(_ new: NewCase) throws -> Casus {
        try require(.administer, caseId: new.id ?? "-")
        guard Optional(new.title).nonBlank != nil, Optional(new.vraagstuk).nonBlank != nil else {
            throw CasusError(
                .invalidInput, nl: "Titel en vraagstuk mogen niet leeg zijn.",
                en: "Title and question must not be empty.")
        }
        let caseId = try new.id ?? freeCaseID(for: new.title)
        let casus = Casus(
            id: caseId, title: new.title, vraagstuk: new.vraagstuk, opdrachtgever: new.opdrachtgever.nonBlank,
            language: new.language, researchers: new.researchers.isEmpty ? [actor.name] : new.researchers,
            coach: new.coach.nonBlank, summary: new.summary.nonBlank, publicationForm: new.publicationForm)
        try store.create(Dossier(casus: casus))
        return casus
    }

    /// An id made from a title, numbered when it is taken.
    func freeCaseID(for title: String) throws -> String {
        let base = Casus.slug(from: title)
        var caseId = base
        var n = 2
        while try store.caseExists(caseId) {
            caseId = "\(base)-\(n)"
            n += 1
        }
        return caseId
    }

    public func changeCase(_ caseId: String, _ change: CaseChange) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            if let form = change.publicationForm { dossier.casus.publicationForm = form }
            if let title = change.title.nonBlank { dossier.casus.title = title }
            if let vraagstuk = change.vraagstuk.nonBlank { dossier.casus.vraagstuk = vraagstuk }
            if let opdrachtgever = change.opdrachtgever {
                dossier.casus.opdrachtgever = Optional(opdrachtgever).nonBlank
            }
            if let language = change.language { dossier.casus.language = language }
            if let researchers = change.researchers, !researchers.isEmpty { dossier.casus.researchers = researchers }
            if let coach = change.coach { dossier.casus.coach = Optional(coach).nonBlank }
            if let summary = change.summary { dossier.casus.summary = Optional(summary).nonBlank }
        }
    }

    /// Answers one of the seven preconditions of case selection, replacing an earlier answer.
    public func answerPrecondition(_ caseId: String, number: Int, met: Bool, justification: String) throws {
        try require(.edit, caseId: caseId)
        guard (1...7).contains(number) else {
            throw CasusError(.invalidInput, nl: "Het nummer moet 1 t/m 7 zijn.", en: "The number must be 1 to 7.")
        }
        guard let reason = Optional(justification).nonBlank else {
            throw CasusError(
                .invalidInput, nl: "Geef een onderbouwing: waarom is deze voorwaarde (niet) voldaan?",
                en: "Give a justification: why is this precondition (not) met?")
        }
        try store.modify(caseId) { dossier in
            dossier.selection.removeAll { $0.number == number }
            dossier.selection.append(
                PreconditionAnswer(number: number, met: met, justification: reason, answeredBy: actor.name))
        }
    }
}
