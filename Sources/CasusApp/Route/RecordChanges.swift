import CasusCore
import CasusStore
import Foundation

/// Changing a record after it was saved: its form filled in with what is stored, and a save that
/// first checks that nobody changed the record since the form was shown. A change is the record's
/// own form applied again, so it meets every rule a new record meets; the record keeps its id and
/// every link to it.
extension RecordForms {
    /// The kinds of record a researcher can change.
    public static let changeable: [Kind] = [.gebeurtenis, .overdracht, .bevinding, .persoon, .leervraag, .dilemma]

    /// What is stored for a record, as the answers of its form.
    public static func storedAnswers(_ kind: Kind, _ id: String, in dossier: Dossier) throws -> StepAnswers {
        func yes(_ value: Bool) -> String { value ? "ja" : "nee" }
        func links(_ events: [String], _ findings: [String]) -> String { (events + findings).joined(separator: ",") }
        switch kind {
        case .gebeurtenis:
            let event = try record(dossier.events, id, kind)
            let actor: String
            switch event.actor {
            case .agency(let agency): actor = agency
            case .participant(let person): actor = "participant:\(person)"
            }
            return StepAnswers([
                "datum": event.date?.description ?? "", "wie": actor, "kanaal": event.channel?.rawValue ?? "",
                "wat": event.what, "beleving": event.experience ?? "", "impact": event.impact.map { String($0) } ?? "?",
                "zichtbaar": yes(event.visibleToEndUser), "sleutelmoment": yes(event.keyMoment),
                "bewijs": event.evidence.rawValue, "knelpunten": event.knelpunten.joined(separator: ","),
                "citaat": event.quoteId ?? "",
            ])
        case .overdracht:
            let handoff = try record(dossier.handoffs, id, kind)
            return StepAnswers([
                "van": handoff.fromAgencyId, "naar": handoff.toAgencyId, "wat": handoff.what,
                "gebeurd": yes(handoff.happened), "datum": handoff.date?.description ?? "",
                "kanaal": handoff.channel?.rawValue ?? "", "gebeurtenis": handoff.eventId ?? "",
                "bewijs": handoff.evidence.rawValue, "notitie": handoff.note ?? "",
            ])
        case .bevinding:
            let finding = try record(dossier.findings, id, kind)
            return StepAnswers([
                "instantie": finding.agencyId, "bewering": finding.claim, "uitkomst": finding.status.rawValue,
                "reactie": finding.note ?? "", "gebeurtenissen": finding.eventIds.joined(separator: ","),
                "niveau": finding.level.rawValue, "bron": finding.source ?? "",
            ])
        case .persoon:
            let person = try record(dossier.participants, id, kind)
            return StepAnswers([
                "pseudoniem": person.pseudonym, "instantie": person.agencyId ?? "",
                "niveau": person.level?.rawValue ?? "", "relatie": person.relation ?? "",
                "voornaamwoord": person.pronoun?.rawValue ?? "",
            ])
        case .leervraag:
            let leervraag = try record(dossier.leervragen, id, kind)
            return StepAnswers([
                "leervraag": leervraag.text, "feiten": links(leervraag.eventIds, leervraag.findingIds),
            ])
        case .dilemma:
            let dilemma = try record(dossier.dilemmas, id, kind)
            return StepAnswers([
                "dilemma": dilemma.text, "toelichting": dilemma.explanation ?? "",
                "feiten": links(dilemma.eventIds, dilemma.findingIds),
            ])
        default:
            throw notChangeable(kind)
        }
    }

    /// A short fingerprint of a record as stored: a form carries it, and a save from a form whose
    /// fingerprint is no longer the record's is refused (someone changed it in between).
    public static func fingerprint(_ kind: Kind, _ id: String, in dossier: Dossier) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data: Data
        switch kind {
        case .gebeurtenis: data = try encoder.encode(try record(dossier.events, id, kind))
        case .overdracht: data = try encoder.encode(try record(dossier.handoffs, id, kind))
        case .bevinding: data = try encoder.encode(try record(dossier.findings, id, kind))
        case .persoon: data = try encoder.encode(try record(dossier.participants, id, kind))
        case .leervraag: data = try encoder.encode(try record(dossier.leervragen, id, kind))
        case .dilemma: data = try encoder.encode(try record(dossier.dilemmas, id, kind))
        default: throw notChangeable(kind)
        }
        return String(Hashing.sha256(data).prefix(16))
    }

    /// The form that changes a record; `identities` are the case's real names, which a new
    /// pseudonym may not spell.
    public static func changeForm(
        _ kind: Kind, _ id: String, for dossier: Dossier, identities: [Identity] = []
    ) throws -> StepForm {
        guard changeable.contains(kind) else { throw notChangeable(kind) }
        _ = try storedAnswers(kind, id, in: dossier)
        if kind == .persoon { return try personChange(id, dossier, identities: identities) }
        // The record's own form, applied to the dossier without the record; what it appends takes the
        // record's place and id, with the fields the form does not show kept as they were.
        let scratch = try without(kind, id, dossier)
        let adding = form(kind, for: scratch)
        return StepForm(nil, needs: adding.capabilities, questions: adding.questions) { answers, d, actor in
            guard case .changed(var changed, _) = try adding.apply(answers, to: try without(kind, id, d), by: actor)
            else { return .manual(PromptText.required) }
            try replaceLast(kind, id, in: &changed, keepingFrom: d)
            return .changed(changed, realName: nil)
        }
    }

    // MARK: Helpers

    private static func notChangeable(_ kind: Kind) -> CasusError {
        CasusError(
            .invalidInput, nl: "Een \(kind.rawValue) kan hier niet gewijzigd worden.",
            en: "A \(kind.rawValue) cannot be changed here.")
    }

    private static func record<R: Identifiable>(_ records: [R], _ id: String, _ kind: Kind) throws -> R
    where R.ID == String {
        guard let found = records.first(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) else {
            throw CasusError(
                .notFound, nl: "Geen \(kind.rawValue) '\(id.excerpt)' in deze casus; misschien is hij verwijderd.",
                en: "No \(kind.rawValue) '\(id.excerpt)' in this case; it may have been removed.")
        }
        return found
    }

    /// The dossier with one record taken out (its links left alone: it comes back under its id).
    private static func without(_ kind: Kind, _ id: String, _ dossier: Dossier) throws -> Dossier {
        var d = dossier
        func same(_ other: String) -> Bool { other.caseInsensitiveCompare(id) == .orderedSame }
        switch kind {
        case .gebeurtenis: d.events.removeAll { same($0.id) }
        case .overdracht: d.handoffs.removeAll { same($0.id) }
        case .bevinding: d.findings.removeAll { same($0.id) }
        case .leervraag: d.leervragen.removeAll { same($0.id) }
        case .dilemma: d.dilemmas.removeAll { same($0.id) }
        default: throw notChangeable(kind)
        }
        return d
    }

    /// Puts the record the form appended back in the old one's place, under its id.
    private static func replaceLast(_ kind: Kind, _ id: String, in d: inout Dossier, keepingFrom old: Dossier) throws {
        func place<R: Identifiable>(_ records: inout [R], _ before: [R], _ merge: (inout R, R) -> Void)
        where R.ID == String {
            guard var new = records.popLast(),
                let index = before.firstIndex(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame })
            else { return }
            merge(&new, before[index])
            records.insert(new, at: min(index, records.count))
        }
        switch kind {
        case .gebeurtenis:
            place(&d.events, old.events) { new, was in
                new.id = was.id
                new.endDate = was.endDate
                new.phase = was.phase
                new.note = was.note
            }
        case .overdracht: place(&d.handoffs, old.handoffs) { new, was in new.id = was.id }
        case .bevinding:
            place(&d.findings, old.findings) { new, was in
                new.id = was.id
                new.respondentId = was.respondentId
            }
        case .leervraag: place(&d.leervragen, old.leervragen) { new, was in new.id = was.id }
        case .dilemma: place(&d.dilemmas, old.dilemmas) { new, was in new.id = was.id }
        default: throw notChangeable(kind)
        }
    }

    /// A person's pseudonym, agency, level, relation and how texts refer to them. The role and the real
    /// name are not changed here (the real name lives in the key vault).
    private static func personChange(_ id: String, _ dossier: Dossier, identities: [Identity]) throws -> StepForm {
        let adding = person(dossier)
        let questions = adding.questions.filter { $0.key != "rol" && $0.key != "naam" }
        return StepForm(nil, questions: questions) { answers, d, _ in
            var d = d
            var change = ParticipantChange()
            change.pseudonym = answers.text("pseudoniem")
            change.agency = answers.text("instantie")
            change.relation = answers.text("relatie")
            change.pronoun = answers.optionalText("voornaamwoord").flatMap(Pronoun.parse) ?? .naam
            try d.changeParticipant(id, change, identities: identities)
            if let index = d.participants.firstIndex(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) {
                d.participants[index].level = answers.optionalText("niveau").flatMap(AgencyLevel.parse)
            }
            return .changed(d, realName: nil)
        }
    }
}

extension Casework {
    /// Changes a record from its form, refused when the record is no longer what the form was filled
    /// in from (`basedOn`, its fingerprint then): nothing is silently overwritten.
    @discardableResult
    public func changeRecord(
        _ caseId: String, _ kind: RecordForms.Kind, _ id: String, _ answers: StepAnswers, basedOn: String
    ) throws -> Dossier {
        try require(.edit, caseId: caseId)
        let identities = kind == .persoon ? try vault.identities().filter { $0.caseId == caseId } : []
        return try store.modify(caseId) { dossier in
            guard try RecordForms.fingerprint(kind, id, in: dossier) == basedOn else {
                throw CasusError(
                    .conflict,
                    nl: "Iemand anders heeft \(id) gewijzigd nadat u het formulier opende. Er is niets opgeslagen; "
                        + "vergelijk de twee en sla opnieuw op wat moet blijven.",
                    en: "Someone else changed \(id) after you opened the form. Nothing was saved; compare the two "
                        + "and save again what should stay.")
            }
            let form = try RecordForms.changeForm(kind, id, for: dossier, identities: identities)
            if case .changed(let changed, _) = try form.apply(answers, to: dossier, by: actor.name) {
                dossier = changed
            }
        }
    }
}
