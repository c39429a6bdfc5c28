import CasusCore
import GRDB

/// A part of a dossier kept in its own table, one row per part, keyed by case and id.
protocol DossierPart: Codable, Sendable, Equatable {
    static var table: String { get }
    /// The part's id within its case.
    var partID: String { get }
    /// The column that holds `partID`.
    static var idColumn: String { get }
    /// Where the dossier keeps this kind of part.
    static var inDossier: WritableKeyPath<Dossier, [Self]> { get }
    /// What the audit log says about a new part besides its fingerprint; nil for parts that hold
    /// personal content (which never goes into the log).
    var auditDetail: String? { get }
    /// The part's columns in a fixed order, for a kind of part that comes by the tens of thousands
    /// (an imported QDA project's codings); nil: the columns come from the part's `Codable` form.
    static var fixedColumns: [String]? { get }
    /// The values of `fixedColumns`, in that order.
    var fixedColumnValues: [DatabaseValue] { get }
    /// The part from a row of `fixedColumns` (with `caseId` first), for parts that have them.
    init?(fixedRow: Row)
}

extension DossierPart {
    static var idColumn: String { "id" }
    var auditDetail: String? { nil }
    static var fixedColumns: [String]? { nil }
    var fixedColumnValues: [DatabaseValue] { [] }
    init?(fixedRow: Row) { nil }
}

/// A dossier part with the case it belongs to: the row as the database stores it.
struct CaseRow<Part: DossierPart>: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { Part.table }
    var caseId: String
    var part: Part

    private enum Keys: String, CodingKey { case caseId }

    init(caseId: String, part: Part) {
        self.caseId = caseId
        self.part = part
    }

    init(from decoder: Decoder) throws {
        caseId = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .caseId)
        part = try Part(from: decoder)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(caseId, forKey: .caseId)
        try part.encode(to: encoder)
    }

    /// The key the row is found by.
    var key: [String: any DatabaseValueConvertible] { ["caseId": caseId, Part.idColumn: part.partID] }
}

extension Casus: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "casus" }
}

extension PreconditionAnswer: DossierPart {
    static let table = "selection"
    static let idColumn = "number"
    var partID: String { String(number) }
    static var inDossier: WritableKeyPath<Dossier, [PreconditionAnswer]> { \.selection }
}

extension Participant: DossierPart {
    static let table = "participant"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Participant]> { \.participants }
}

extension Agency: DossierPart {
    static let table = "agency"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Agency]> { \.agencies }
}

extension ConsentEntry: DossierPart {
    static let table = "consentEntry"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [ConsentEntry]> { \.consent }
}

extension LawfulBasis: DossierPart {
    static let table = "lawfulBasis"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [LawfulBasis]> { \.lawfulBasis }
}

extension Interview: DossierPart {
    static let table = "interview"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Interview]> { \.interviews }
}

extension Quote: DossierPart {
    static let table = "quote"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Quote]> { \.quotes }
}

extension NarrativeVersion: DossierPart {
    static let table = "narrativeVersion"
    static let idColumn = "number"
    var partID: String { String(number) }
    static var inDossier: WritableKeyPath<Dossier, [NarrativeVersion]> { \.narrative }
}

extension TimelineEvent: DossierPart {
    static let table = "event"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [TimelineEvent]> { \.events }
}

extension Handoff: DossierPart {
    static let table = "handoff"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Handoff]> { \.handoffs }
}

extension Finding: DossierPart {
    static let table = "finding"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Finding]> { \.findings }
}

extension Leervraag: DossierPart {
    static let table = "leervraag"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Leervraag]> { \.leervragen }
}

extension Dilemma: DossierPart {
    static let table = "dilemma"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Dilemma]> { \.dilemmas }
}

extension Review: DossierPart {
    static let table = "review"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Review]> { \.reviews }
}

extension WederhoorRound: DossierPart {
    static let table = "wederhoor"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [WederhoorRound]> { \.wederhoor }
}

extension GateOverride: DossierPart {
    /// A coach's override is a decision about the route, so the log keeps which check, who and why.
    var auditDetail: String? { "check=\(check); by=\(by); reason=\(reason)" }

    static let table = "gateOverride"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [GateOverride]> { \.overrides }
}

extension DoetankReview: DossierPart {
    static let table = "doetankReview"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [DoetankReview]> { \.doetank }
}

extension Code: DossierPart {
    static let table = "code"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Code]> { \.codes }
}

extension Coding: DossierPart {
    static let table = "coding"
    var partID: String { id }
    static var inDossier: WritableKeyPath<Dossier, [Coding]> { \.codings }

    static let fixedColumns: [String]? = [
        "id", "codeId", "interviewId", "start", "end", "text", "quoteId", "eventId", "note",
    ]

    var fixedColumnValues: [DatabaseValue] {
        [
            id.databaseValue, codeId.databaseValue, interviewId.databaseValue, start.databaseValue,
            end.databaseValue, text.databaseValue, quoteId.databaseValue, eventId.databaseValue, note.databaseValue,
        ]
    }

    init?(fixedRow row: Row) {
        let values = (0..<10).map { row[$0] as DatabaseValue }
        guard let id = String.fromDatabaseValue(values[1]), let codeId = String.fromDatabaseValue(values[2]),
            let interviewId = values[3].optional(String.self), let start = values[4].optional(Int.self),
            let end = values[5].optional(Int.self), let text = values[6].optional(String.self),
            let quoteId = values[7].optional(String.self), let eventId = values[8].optional(String.self),
            let note = values[9].optional(String.self)
        else { return nil }
        self.init(id: id, codeId: codeId, target: .event(""), note: note)
        (self.interviewId, self.start, self.end, self.text) = (interviewId, start, end, text)
        (self.quoteId, self.eventId) = (quoteId, eventId)
    }
}

/// Every kind of part, in the order they are loaded, written and verified.
enum DossierParts {
    /// Calls `body` once per part type. Swift cannot store the generic types in an array of
    /// metatypes and open them again cheaply, so this is the one list to keep in step with the model.
    static func forEach(_ body: (any DossierPart.Type) throws -> Void) rethrows {
        try body(PreconditionAnswer.self)
        try body(Agency.self)
        try body(Participant.self)
        try body(ConsentEntry.self)
        try body(LawfulBasis.self)
        try body(Interview.self)
        try body(Quote.self)
        try body(NarrativeVersion.self)
        try body(TimelineEvent.self)
        try body(Handoff.self)
        try body(Finding.self)
        try body(Leervraag.self)
        try body(Dilemma.self)
        try body(Review.self)
        try body(WederhoorRound.self)
        try body(GateOverride.self)
        try body(DoetankReview.self)
        try body(Code.self)
        try body(Coding.self)
    }
}

extension DatabaseValue {
    /// `.some(nil)` for NULL, `.some(value)` when it converts, nil when the stored value has another type.
    fileprivate func optional<T: DatabaseValueConvertible>(_ type: T.Type) -> T?? {
        isNull ? .some(nil) : T.fromDatabaseValue(self).map { .some($0) }
    }
}
