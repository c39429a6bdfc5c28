import CasusCore
import CasusStore
import Foundation

/// What a researcher can remove from a dossier and put back from its history.
public enum RemovableKind: String, CaseIterable, Sendable {
    case gebeurtenis, overdracht, bevinding, citaat, leervraag, dilemma, persoon

    public var label: Localized {
        switch self {
        case .gebeurtenis: Localized(nl: "gebeurtenis", en: "event")
        case .overdracht: Localized(nl: "overdracht", en: "hand-off")
        case .bevinding: Localized(nl: "bevinding", en: "finding")
        case .citaat: Localized(nl: "citaat", en: "quote")
        case .leervraag: Localized(nl: "leervraag", en: "leervraag")
        case .dilemma: Localized(nl: "dilemma", en: "dilemma")
        case .persoon: Localized(nl: "persoon", en: "person")
        }
    }
}

extension Casework {
    /// Removes a record and its links, keeping the dossier as it was so a researcher can undo it.
    /// Returns the id of the removal in the dossier's history.
    @discardableResult
    public func removeRecord(_ caseId: String, _ kind: RemovableKind, _ id: String) throws -> Int64 {
        try require(.edit, caseId: caseId)
        let before = try JSONEncoder().encode(try store.dossier(caseId))
        // Kept first: if the removal then fails, the kept copy goes again and nothing has changed.
        let removalId = try store.saveRemoval(caseId: caseId, kind: kind.rawValue, recordId: id, before: before)
        do {
            switch kind {
            case .gebeurtenis: try removeEvent(caseId, id)
            case .overdracht: try removeHandoff(caseId, id)
            case .bevinding: try removeFinding(caseId, id)
            case .citaat: try removeQuote(caseId, id)
            case .persoon: _ = try removeParticipant(caseId, id)
            case .leervraag, .dilemma:
                try store.modify(caseId) { dossier in
                    let count = kind == .leervraag ? dossier.leervragen.count : dossier.dilemmas.count
                    dossier.leervragen.removeAll { kind == .leervraag && $0.id == id }
                    dossier.dilemmas.removeAll { kind == .dilemma && $0.id == id }
                    if count == (kind == .leervraag ? dossier.leervragen.count : dossier.dilemmas.count) {
                        throw CasusError(
                            .notFound, nl: "Geen \(kind.label.nl) '\(id.excerpt)'.",
                            en: "No \(kind.label.en) '\(id.excerpt)'.")
                    }
                }
            }
        } catch {
            try? store.deleteRemoval(removalId)
            throw error
        }
        return removalId
    }

    /// The removals of a case, newest first (researchers).
    public func removals(_ caseId: String) throws -> [Removal] {
        try require(.edit, caseId: caseId)
        return try store.removals(caseId: caseId)
    }

    /// Puts a removed record back with the links it had, as far as what it linked to still exists.
    public func undoRemoval(_ caseId: String, _ removalId: Int64) throws {
        try require(.edit, caseId: caseId)
        guard let removal = try store.removal(removalId), removal.caseId == caseId,
            let kind = RemovableKind(rawValue: removal.kind)
        else {
            throw CasusError(
                .notFound, nl: "Deze verwijdering staat niet in de geschiedenis van de casus.",
                en: "This removal is not in the case's history.")
        }
        guard removal.undoneAt == nil else {
            throw CasusError(
                .conflict, nl: "Deze verwijdering is al ongedaan gemaakt.", en: "This removal has been undone already.")
        }
        let before = try JSONDecoder().decode(Dossier.self, from: removal.before)
        try store.modify(caseId) { try $0.restore(kind, removal.recordId, from: before) }
        try store.markRemovalUndone(removalId)
    }
}

extension Dossier {
    /// Puts record `id` of `kind` back from `before`, with its links to what still exists.
    mutating func restore(_ kind: RemovableKind, _ id: String, from before: Dossier) throws {
        func taken() -> CasusError {
            CasusError(
                .conflict, nl: "Id \(id) is intussen opnieuw gebruikt; terugzetten zou het dubbel maken.",
                en: "Id \(id) has been used again since; restoring would make it twice.")
        }
        func missing() -> CasusError {
            CasusError(.notFound, nl: "\(id) stond niet in het dossier.", en: "\(id) was not in the dossier.")
        }
        switch kind {
        case .gebeurtenis:
            guard let event = before.events.first(where: { $0.id == id }) else { throw missing() }
            guard !events.contains(where: { $0.id == id }) else { throw taken() }
            events.append(event)
            for old in before.handoffs where old.eventId == id {
                if let i = handoffs.firstIndex(where: { $0.id == old.id && $0.eventId == nil }) {
                    handoffs[i].eventId = id
                }
            }
            for old in before.findings where old.eventIds.contains(id) {
                if let i = findings.firstIndex(where: { $0.id == old.id }) { findings[i].eventIds.append(id) }
            }
            for old in before.leervragen where old.eventIds.contains(id) {
                if let i = leervragen.firstIndex(where: { $0.id == old.id }) { leervragen[i].eventIds.append(id) }
            }
            for old in before.dilemmas where old.eventIds.contains(id) {
                if let i = dilemmas.firstIndex(where: { $0.id == old.id }) { dilemmas[i].eventIds.append(id) }
            }
            let codingIds = Set(codings.map(\.id))
            codings += before.codings.filter { $0.eventId == id && !codingIds.contains($0.id) }
        case .overdracht:
            guard let handoff = before.handoffs.first(where: { $0.id == id }) else { throw missing() }
            guard !handoffs.contains(where: { $0.id == id }) else { throw taken() }
            var restored = handoff
            if let event = restored.eventId, !events.contains(where: { $0.id == event }) { restored.eventId = nil }
            handoffs.append(restored)
        case .bevinding:
            guard var finding = before.findings.first(where: { $0.id == id }) else { throw missing() }
            guard !findings.contains(where: { $0.id == id }) else { throw taken() }
            finding.eventIds.removeAll { event in !events.contains { $0.id == event } }
            findings.append(finding)
            for old in before.leervragen where old.findingIds.contains(id) {
                if let i = leervragen.firstIndex(where: { $0.id == old.id }) { leervragen[i].findingIds.append(id) }
            }
            for old in before.dilemmas where old.findingIds.contains(id) {
                if let i = dilemmas.firstIndex(where: { $0.id == old.id }) { dilemmas[i].findingIds.append(id) }
            }
        case .citaat:
            guard let quote = before.quotes.first(where: { $0.id == id }) else { throw missing() }
            guard !quotes.contains(where: { $0.id == id }) else { throw taken() }
            // The transcript must still hold the words: an erased transcript takes its quotes with it.
            guard let transcript = interviews.first(where: { $0.id == quote.interviewId })?.transcript,
                Quote.span(of: transcript, start: quote.start, end: quote.end) == quote.text
            else {
                throw CasusError(
                    .conflict, nl: "Het transcript van dit citaat is veranderd of gewist; leg het citaat opnieuw vast.",
                    en: "The transcript of this quote has changed or was erased; mark the quote again.")
            }
            quotes.append(quote)
            let codingIds = Set(codings.map(\.id))
            codings += before.codings.filter { $0.quoteId == id && !codingIds.contains($0.id) }
        case .leervraag:
            guard var leervraag = before.leervragen.first(where: { $0.id == id }) else { throw missing() }
            guard !leervragen.contains(where: { $0.id == id }) else { throw taken() }
            leervraag.eventIds.removeAll { event in !events.contains { $0.id == event } }
            leervraag.findingIds.removeAll { finding in !findings.contains { $0.id == finding } }
            leervragen.append(leervraag)
        case .persoon:
            // The person comes back under the pseudonym; the real name left the key vault for good.
            guard let person = before.participants.first(where: { $0.id == id }) else { throw missing() }
            guard !participants.contains(where: { $0.id == id }) else { throw taken() }
            var restored = person
            if let agency = restored.agencyId, self.agency(agency) == nil { restored.agencyId = nil }
            participants.append(restored)
        case .dilemma:
            guard var dilemma = before.dilemmas.first(where: { $0.id == id }) else { throw missing() }
            guard !dilemmas.contains(where: { $0.id == id }) else { throw taken() }
            dilemma.eventIds.removeAll { event in !events.contains { $0.id == event } }
            dilemma.findingIds.removeAll { finding in !findings.contains { $0.id == finding } }
            dilemmas.append(dilemma)
        }
    }
}
