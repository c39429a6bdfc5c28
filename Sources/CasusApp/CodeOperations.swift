import CasusCore
import CasusStore
import Foundation

/// A code as a front end collected it; nil leaves a field as it is when changing.
public struct CodeFields: Sendable {
    public var name: String?
    /// `#RRGGBB`; empty clears it.
    public var colour: String?
    /// Empty clears it.
    public var description: String?
    /// A code id or name; empty makes it a top-level code.
    public var parent: String?
    public var leervraagIds: [String]?

    public init(name: String? = nil) { self.name = name }
}

/// Where a code goes: a passage of a transcript (found by its words or by offsets), a quote, or an event.
public enum CodingPlace: Sendable {
    case passage(interviewId: String, QuotePlace)
    case quote(String)
    case event(String)
}

extension Casework {
    /// Adds a code to the case's codebook. Returns its id.
    public func addCode(_ caseId: String, _ fields: CodeFields) throws -> String {
        try require(.edit, caseId: caseId)
        guard let name = fields.name.nonBlank else {
            throw CasusError(.invalidInput, nl: "De code heeft een naam nodig.", en: "The code needs a name.")
        }
        var id = ""
        try store.modify(caseId) { dossier in
            id = try EntityID.next(prefix: "K", existing: dossier.codes.map(\.id))
            var code = Code(id: id, name: name)
            try Self.apply(fields, to: &code, in: dossier)
            dossier.codes.append(code)
        }
        return id
    }

    public func changeCode(_ caseId: String, _ code: String, _ fields: CodeFields) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            let existing = try Self.requireCode(code, in: dossier)
            guard let index = dossier.codes.firstIndex(where: { $0.id == existing.id }) else { return }
            try Self.apply(fields, to: &dossier.codes[index], in: dossier)
        }
    }

    /// Removes a code; its codings go with it, and codes under it move up to its parent.
    /// Returns how many codings went.
    public func removeCode(_ caseId: String, _ code: String) throws -> Int {
        try require(.edit, caseId: caseId)
        var removed = 0
        try store.modify(caseId) { dossier in
            let existing = try Self.requireCode(code, in: dossier)
            removed = dossier.codings.filter { $0.codeId == existing.id }.count
            dossier.codings.removeAll { $0.codeId == existing.id }
            for i in dossier.codes.indices where dossier.codes[i].parentId == existing.id {
                dossier.codes[i].parentId = existing.parentId
            }
            dossier.codes.removeAll { $0.id == existing.id }
        }
        return removed
    }

    /// Applies a code to a place. Returns the coding's id.
    public func applyCode(_ caseId: String, _ code: String, to place: CodingPlace, note: String? = nil) throws -> String
    {
        try require(.edit, caseId: caseId)
        var id = ""
        try store.modify(caseId) { dossier in
            let codeId = try Self.requireCode(code, in: dossier).id
            id = try EntityID.next(prefix: "M", existing: dossier.codings.map(\.id))
            let coding: Coding
            switch place {
            case .passage(let interviewId, let place):
                let interview = try dossier.requireInterview(interviewId)
                let transcript = interview.transcript ?? ""
                let range = try Casework.locate(place, in: transcript, interviewId: interview.id)
                coding = Coding(
                    id: id, codeId: codeId,
                    target: .span(interviewId: interview.id, start: range.lowerBound, end: range.upperBound),
                    text: Quote.span(of: transcript, start: range.lowerBound, end: range.upperBound),
                    note: note.nonBlank)
            case .quote(let quoteId):
                guard let quote = dossier.quotes.first(where: { $0.id == quoteId.uppercased() }) else {
                    throw CasusError(
                        .notFound, nl: "Geen citaat '\(quoteId.excerpt)'.", en: "No quote '\(quoteId.excerpt)'.")
                }
                coding = Coding(id: id, codeId: codeId, target: .quote(quote.id), note: note.nonBlank)
            case .event(let eventId):
                guard let event = dossier.events.first(where: { $0.id == eventId.uppercased() }) else {
                    throw CasusError(
                        .notFound, nl: "Geen gebeurtenis '\(eventId.excerpt)'.", en: "No event '\(eventId.excerpt)'.")
                }
                coding = Coding(id: id, codeId: codeId, target: .event(event.id), note: note.nonBlank)
            }
            dossier.codings.append(coding)
        }
        return id
    }

    public func removeCoding(_ caseId: String, _ codingId: String) throws {
        try require(.edit, caseId: caseId)
        try store.modify(caseId) { dossier in
            guard dossier.codings.contains(where: { $0.id == codingId.uppercased() }) else {
                throw CasusError(
                    .notFound, nl: "Geen markering '\(codingId.excerpt)'.", en: "No coding '\(codingId.excerpt)'.")
            }
            dossier.codings.removeAll { $0.id == codingId.uppercased() }
        }
    }

    static func requireCode(_ nameOrID: String, in dossier: Dossier) throws -> Code {
        guard let code = dossier.code(named: nameOrID) else {
            throw CasusError(
                .notFound, nl: "Geen code '\(nameOrID.excerpt)' in het codeboek.",
                en: "No code '\(nameOrID.excerpt)' in the codebook.")
        }
        return code
    }

    private static func apply(_ fields: CodeFields, to code: inout Code, in dossier: Dossier) throws {
        if let name = fields.name {
            guard let name = Optional(name).nonBlank else {
                throw CasusError(.invalidInput, nl: "De code heeft een naam nodig.", en: "The code needs a name.")
            }
            code.name = name
        }
        if let colour = fields.colour {
            guard colour.isEmpty || Code.isColour(colour) else {
                throw CasusError(
                    .invalidInput, nl: "'\(colour.excerpt)' is geen kleur als #1F3A5F.",
                    en: "'\(colour.excerpt)' is not a colour like #1F3A5F.")
            }
            code.colour = Optional(colour).nonBlank?.uppercased()
        }
        if let description = fields.description { code.description = Optional(description).nonBlank }
        if let parent = fields.parent {
            code.parentId = parent.isEmpty ? nil : try requireCode(parent, in: dossier).id
        }
        if let ids = fields.leervraagIds {
            code.leervraagIds = try dossier.requireIDs(
                ids, in: dossier.leervragen.map(\.id), what: Localized(nl: "Leervraag", en: "Learning question"))
        }
    }
}
