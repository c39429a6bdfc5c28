import CasusCore
import CasusReports
import Foundation

/// Forms that add a record to a dossier at any moment, outside the route's next step: an event, an
/// agency, a hand-off, a finding, a leervraag, a dilemma. Each applies the same rule as its operation
/// (`Dossier.appendEvent` and the like) and is saved with `Casework.saveStep`, so every front end
/// that shows them asks the same questions and gets the same answer.
public enum RecordForms {
    /// The kinds of record, by the name a front end uses for them.
    public enum Kind: String, CaseIterable, Sendable {
        case gebeurtenis, instantie, overdracht, bevinding, leervraag, dilemma, toestemming, intrekking, citaat, persoon
        case wederhoor
        case reactie = "wederhoor-reactie"
        case doetank

        /// Records of this kind are drawn on the journey map, so their form can preview it.
        public var drawnOnMap: Bool { self == .gebeurtenis || self == .overdracht || self == .instantie }

        public var label: Localized {
            switch self {
            case .gebeurtenis: Localized(nl: "Gebeurtenis toevoegen", en: "Add an event")
            case .instantie: Localized(nl: "Instantie toevoegen", en: "Add an agency")
            case .overdracht: Localized(nl: "Overdracht toevoegen", en: "Add a hand-off")
            case .bevinding: Localized(nl: "Bevinding toevoegen", en: "Add a finding")
            case .leervraag: Localized(nl: "Leervraag toevoegen", en: "Add a leervraag")
            case .dilemma: Localized(nl: "Dilemma toevoegen", en: "Add a dilemma")
            case .toestemming: Localized(nl: "Toestemming vastleggen", en: "Record consent")
            case .intrekking: Localized(nl: "Toestemming intrekken", en: "Withdraw consent")
            case .citaat: Localized(nl: "Citaat vastleggen", en: "Mark a quote")
            case .persoon: Localized(nl: "Persoon toevoegen", en: "Add a person")
            case .wederhoor: Localized(nl: "Wederhoorronde versturen", en: "Send a wederhoor round")
            case .reactie: Localized(nl: "Reactie in het wederhoor vastleggen", en: "Record a wederhoor response")
            case .doetank: Localized(nl: "Doetank-checklist invullen", en: "Fill in the Doetank checklist")
            }
        }
    }

    public static func form(_ kind: Kind, for dossier: Dossier) -> StepForm {
        switch kind {
        case .gebeurtenis: event(dossier)
        case .instantie: agency
        case .overdracht: handoff(dossier)
        case .bevinding: finding(dossier)
        case .leervraag: leervraag(dossier)
        case .dilemma: dilemma(dossier)
        case .toestemming: consent(dossier)
        case .intrekking: withdrawal(dossier)
        case .citaat: quote(dossier)
        case .persoon: person(dossier)
        case .wederhoor: wederhoorRound(dossier)
        case .reactie: wederhoorResponse(dossier)
        case .doetank: doetank
        }
    }

    /// What a withdrawal would touch, before it is recorded: the answers checked as the form checks
    /// them, then the person's material under the purposes withdrawn.
    public static func withdrawalPreview(
        _ answers: StepAnswers, in dossier: Dossier
    ) throws -> (person: Participant, affected: [Localized]) {
        _ = try withdrawal(dossier).apply(answers, to: dossier, by: "-")
        let person = try dossier.requireParticipant(answers.text("persoon"))
        return (person, ConsentImpact.material(of: person.id, withdrawing: try withdrawn(answers), in: dossier))
    }

    /// The knelpunt catalogue, read once: the event form is built on every page that shows it.
    static let knelpuntTypes = (try? TemplateLibrary().knelpunten())?.types ?? []

    /// Each person of the dossier by pseudonym (with the role, when `roles`), for a choice of people.
    static func personLabels(_ dossier: Dossier, roles: Bool) -> [String: Localized] {
        Dictionary(
            uniqueKeysWithValues: dossier.participants.map { person in
                (
                    person.id,
                    roles
                        ? Localized(
                            nl: "\(person.pseudonym) (\(person.role.label.nl))",
                            en: "\(person.pseudonym) (\(person.role.label.en))")
                        : Localized(nl: person.pseudonym, en: person.pseudonym)
                )
            })
    }

    // MARK: Questions several forms share

    /// A date that may be approximate or partly known; empty when unknown.
    static func dateQuestion(_ key: String) -> StepQuestion {
        StepQuestion(
            key,
            Localized(
                nl: "Datum (2024-03-05, 2024-03 of 2024; ~2024-03 is ongeveer; leeg als onbekend)",
                en: "Date (2024-03-05, 2024-03 or 2024; ~2024-03 is approximate; empty when unknown)"),
            .optionalText
        ) { text, _ in
            guard text.isEmpty || FuzzyDate(text) != nil else {
                throw CasusError(
                    .invalidInput, nl: "Schrijf de datum als 2024-03-05, 2024-03 of 2024 (met ~ ervoor: ongeveer).",
                    en: "Write the date as 2024-03-05, 2024-03 or 2024 (with ~ before it: approximately).")
            }
        }
    }

    /// One of the dossier's agencies (or, with `people`, its participants too).
    static func actorQuestion(
        _ key: String, _ prompt: Localized, _ dossier: Dossier, people: Bool
    ) -> StepQuestion {
        var labels: [String: Localized] = [:]
        for agency in dossier.agencies { labels[agency.id] = Localized(nl: agency.name, en: agency.name) }
        if people {
            for (id, label) in personLabels(dossier, roles: true) { labels["participant:\(id)"] = label }
        }
        let values =
            dossier.agencies.map(\.id) + (people ? dossier.participants.map { "participant:\($0.id)" } : [])
        return StepQuestion(
            key, prompt, .choice(values: values, normalize: { values.contains($0) ? $0 : nil }), labels: labels)
    }

    static func linksQuestion(_ dossier: Dossier, required: Bool) -> StepQuestion {
        StepQuestion(
            "feiten",
            Localized(
                nl: "De gebeurtenissen en bevindingen waar dit uit voortkomt",
                en: "The events and findings this comes from"),
            .ids(known: dossier.events.map(\.id) + dossier.findings.map(\.id), required: required))
    }

    static func personQuestion(_ dossier: Dossier) -> StepQuestion {
        let ids = dossier.participants.map(\.id)
        return StepQuestion(
            "persoon", Localized(nl: "Wie?", en: "Who?"),
            .choice(values: ids, normalize: { ids.contains($0) ? $0 : nil }),
            labels: personLabels(dossier, roles: true))
    }

    /// The quote in which the end user tells of the event, shown on the map and in the report beside it.
    static func quoteQuestion(_ dossier: Dossier) -> StepQuestion {
        recordChoice(
            "citaat",
            Localized(
                nl: "Het citaat waarin het verteld wordt (leeg mag)", en: "The quote that tells of it (may be empty)"),
            dossier.quotes.map { quote in
                let who = dossier.participant(quote.speakerId)?.pseudonym ?? quote.speakerId
                return (quote.id, "\(quote.id) · \(who): “\(quote.text.excerpt)”")
            }, optional: true)
    }

    /// One of a dossier's records (an id, in any case), each shown by a label that reads the same in
    /// both languages: its id with names, dates or words from it.
    static func recordChoice(
        _ key: String, _ prompt: Localized, _ records: [(id: String, label: String)], optional: Bool = false,
        default value: String? = nil
    ) -> StepQuestion {
        let ids = records.map(\.id)
        return StepQuestion(
            key, prompt,
            .choice(
                values: ids,
                normalize: { text in
                    optional && text.isEmpty ? text : ids.first { $0.caseInsensitiveCompare(text) == .orderedSame }
                }),
            default: value,
            labels: Dictionary(records.map { ($0.id, Localized(nl: $0.label, en: $0.label)) }) { first, _ in first })
    }

    static func momentQuestion() -> StepQuestion {
        StepQuestion(
            "moment", Localized(nl: "Wanneer? (bijv. 2024-03-05 13:50)", en: "When? (e.g. 2024-03-05 13:50)"), .moment)
    }

    // MARK: The forms

    static func event(_ dossier: Dossier) -> StepForm {
        let catalogue = knelpuntTypes
        // "?": the impact is not known (yet); it stays empty on the map.
        let impacts = ["-2", "-1", "0", "1", "2", "?"]
        let questions = [
            dateQuestion("datum"),
            actorQuestion("wie", Localized(nl: "Wie handelde?", en: "Who acted?"), dossier, people: true),
            StepQuestion.optionalChoice(
                "kanaal", Localized(nl: "Via welk kanaal?", en: "Through which channel?"), Channel.self),
            StepQuestion("wat", Localized(nl: "Wat gebeurde er?", en: "What happened?"), .text),
            StepQuestion(
                "beleving",
                Localized(
                    nl: "Hoe beleefde de eindgebruiker het? (in eigen woorden; leeg mag)",
                    en: "How did the end user experience it? (in their own words; may be empty)"), .optionalText),
            StepQuestion(
                "impact",
                Localized(nl: "Impact op de eindgebruiker (−2 tot +2)", en: "Impact on the end user (−2 to +2)"),
                .choice(values: impacts, normalize: { impacts.contains($0) ? $0 : nil }), default: "0",
                labels: [
                    "-2": Localized(nl: "−2 zeer negatief", en: "−2 very negative"),
                    "-1": Localized(nl: "−1 negatief", en: "−1 negative"),
                    "0": Localized(nl: "0 neutraal", en: "0 neutral"),
                    "1": Localized(nl: "+1 positief", en: "+1 positive"),
                    "2": Localized(nl: "+2 zeer positief", en: "+2 very positive"),
                    "?": Localized(nl: "? onbekend", en: "? unknown"),
                ]),
            StepQuestion(
                "zichtbaar",
                Localized(
                    nl: "Zag de eindgebruiker dit gebeuren? (nee: het speelde achter de schermen)",
                    en: "Did the end user see this happen? (no: it happened backstage)"), .yesNo, default: "ja"),
            StepQuestion(
                "sleutelmoment", Localized(nl: "Een sleutelmoment?", en: "A key moment?"), .yesNo, default: "nee"),
            StepQuestion.choice(
                "bewijs", Localized(nl: "Hoe zeker is het?", en: "How sure is it?"), EvidenceStatus.self,
                default: .verhaal),
            StepQuestion(
                "knelpunten", Localized(nl: "Soorten knelpunt", en: "Kinds of knelpunt"),
                .ids(known: catalogue.map(\.id), required: false),
                labels: Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0.label) })),
            quoteQuestion(dossier),
        ]
        return StepForm(nil, questions: questions) { answers, d, _ in
            var d = d
            var fields = EventFields()
            fields.date = .some(answers.optionalText("datum").flatMap(FuzzyDate.init))
            fields.actor = answers.text("wie")
            fields.channel = answers.optionalText("kanaal").flatMap(Channel.parse)
            fields.what = answers.text("wat")
            fields.experience = answers.optionalText("beleving")
            fields.impact = Int(answers.text("impact"))
            fields.visibleToEndUser = answers.bool("zichtbaar")
            fields.keyMoment = answers.bool("sleutelmoment")
            fields.evidence = try answers.choice("bewijs", EvidenceStatus.self)
            fields.knelpunten = answers.ids("knelpunten")
            fields.quoteId = answers.optionalText("citaat")
            _ = try d.appendEvent(fields)
            return .changed(d, realName: nil)
        }
    }

    static let agency = StepForm(
        nil,
        questions: [
            StepQuestion("naam", Localized(nl: "Naam van de instantie", en: "Name of the agency"), .text),
            StepQuestion(
                "soort",
                Localized(
                    nl: "Soort (bijv. gemeente, uitvoeringsorganisatie; leeg mag)",
                    en: "Kind (e.g. municipality, executive agency; may be empty)"), .optionalText),
            StepQuestion.choice(
                "contact", Localized(nl: "Contact voor de contra-expertise", en: "Contact for the contra-expertise"),
                ContactStatus.self, default: .nietBenaderd),
            StepQuestion("notitie", Localized(nl: "Notitie (leeg mag)", en: "Note (may be empty)"), .optionalText),
        ]
    ) { answers, d, _ in
        var d = d
        _ = try d.appendAgency(
            name: answers.text("naam"), id: nil, kind: answers.optionalText("soort"),
            contact: try answers.choice("contact", ContactStatus.self), note: answers.optionalText("notitie"))
        return .changed(d, realName: nil)
    }

    static func handoff(_ dossier: Dossier) -> StepForm {
        let questions = [
            actorQuestion(
                "van", Localized(nl: "Van welke instantie?", en: "From which agency?"), dossier, people: false),
            actorQuestion(
                "naar", Localized(nl: "Naar welke instantie?", en: "To which agency?"), dossier, people: false),
            StepQuestion(
                "wat", Localized(nl: "Wat werd (niet) overgedragen?", en: "What was (not) handed off?"), .text),
            StepQuestion(
                "gebeurd",
                Localized(
                    nl: "Gebeurde de overdracht? (nee: hij had moeten gebeuren en gebeurde niet)",
                    en: "Did the hand-off happen? (no: it should have happened and did not)"), .yesNo, default: "ja"),
            dateQuestion("datum"),
            StepQuestion.optionalChoice(
                "kanaal", Localized(nl: "Via welk kanaal?", en: "Through which channel?"), Channel.self),
            recordChoice(
                "gebeurtenis", Localized(nl: "Bij welke gebeurtenis? (leeg mag)", en: "At which event? (may be empty)"),
                dossier.events.map { ($0.id, "\($0.id) · \($0.what.excerpt)") }, optional: true),
            StepQuestion.choice(
                "bewijs", Localized(nl: "Hoe zeker is het?", en: "How sure is it?"), EvidenceStatus.self,
                default: .verhaal),
            StepQuestion("notitie", Localized(nl: "Notitie (leeg mag)", en: "Note (may be empty)"), .optionalText),
        ]
        return StepForm(nil, questions: questions) { answers, d, _ in
            var d = d
            var new = NewHandoff(from: answers.text("van"), to: answers.text("naar"), what: answers.text("wat"))
            new.happened = answers.bool("gebeurd")
            new.date = answers.optionalText("datum").flatMap(FuzzyDate.init)
            new.channel = answers.optionalText("kanaal").flatMap(Channel.parse)
            new.eventId = answers.optionalText("gebeurtenis")
            new.evidence = try answers.choice("bewijs", EvidenceStatus.self)
            new.note = answers.optionalText("notitie")
            _ = try d.appendHandoff(new)
            return .changed(d, realName: nil)
        }
    }

    static func finding(_ dossier: Dossier) -> StepForm {
        let questions = [
            actorQuestion("instantie", Localized(nl: "Welke instantie?", en: "Which agency?"), dossier, people: false),
            StepQuestion(
                "bewering", Localized(nl: "De bewering uit het verhaal", en: "The claim from the story"), .text),
            StepQuestion.choice(
                "uitkomst", Localized(nl: "Wat zegt de instantie ervan?", en: "What does the agency say?"),
                FindingStatus.self),
            StepQuestion(
                "reactie", Localized(nl: "Hun reactie (leeg mag)", en: "Their response (may be empty)"), .optionalText),
            StepQuestion(
                "gebeurtenissen", Localized(nl: "Over welke gebeurtenissen?", en: "About which events?"),
                .ids(known: dossier.events.map(\.id), required: false)),
            StepQuestion.choice(
                "niveau", Localized(nl: "Op welk niveau?", en: "At which level?"), AgencyLevel.self,
                default: .uitvoering),
            StepQuestion(
                "bron",
                Localized(nl: "Bron (document, gesprek; leeg mag)", en: "Source (document, talk; may be empty)"),
                .optionalText),
        ]
        return StepForm(nil, questions: questions) { answers, d, _ in
            var d = d
            var new = NewFinding(
                agency: answers.text("instantie"), level: try answers.choice("niveau", AgencyLevel.self),
                claim: answers.text("bewering"), status: try answers.choice("uitkomst", FindingStatus.self))
            new.source = answers.optionalText("bron")
            new.note = answers.optionalText("reactie")
            new.eventIds = answers.ids("gebeurtenissen")
            _ = try d.appendFinding(new)
            return .changed(d, realName: nil)
        }
    }

    static func leervraag(_ dossier: Dossier) -> StepForm {
        let questions = [
            StepQuestion("leervraag", Localized(nl: "De leervraag", en: "The leervraag"), .text),
            linksQuestion(dossier, required: true),
        ]
        return StepForm(nil, questions: questions) { answers, d, _ in
            var d = d
            let facts = answers.ids("feiten")
            _ = try d.appendLeervraag(
                text: answers.text("leervraag"), eventIds: facts.filter { $0.hasPrefix("E") },
                findingIds: facts.filter { $0.hasPrefix("F") })
            return .changed(d, realName: nil)
        }
    }

    static func dilemma(_ dossier: Dossier) -> StepForm {
        let questions = [
            StepQuestion("dilemma", Localized(nl: "Het dilemma", en: "The dilemma"), .text),
            StepQuestion(
                "toelichting", Localized(nl: "Toelichting (leeg mag)", en: "Explanation (may be empty)"), .optionalText),
            linksQuestion(dossier, required: false),
        ]
        return StepForm(nil, questions: questions) { answers, d, _ in
            var d = d
            let facts = answers.ids("feiten")
            _ = try d.appendDilemma(
                text: answers.text("dilemma"), explanation: answers.optionalText("toelichting"),
                eventIds: facts.filter { $0.hasPrefix("E") }, findingIds: facts.filter { $0.hasPrefix("F") })
            return .changed(d, realName: nil)
        }
    }

    static func consent(_ dossier: Dossier) -> StepForm {
        let questions = [
            personQuestion(dossier),
            StepQuestion("gegeven", Localized(nl: "Toestemming gegeven voor", en: "Consent given for"), .purposes),
            StepQuestion("geweigerd", Localized(nl: "Geweigerd voor", en: "Refused for"), .purposes),
            momentQuestion(),
            StepQuestion.choice(
                "wijze", Localized(nl: "Hoe?", en: "How?"), ConsentMethod.self, default: .schriftelijk),
            StepQuestion(
                "brief-versie",
                Localized(
                    nl: "Versie van de informatiebrief (leeg als onbekend)",
                    en: "Version of the information letter (empty if unknown)"),
                .optionalText),
            StepQuestion(
                "kopie", Localized(nl: "Kreeg de persoon een kopie?", en: "Did the person get a copy?"), .yesNo,
                default: "ja"),
        ]
        return StepForm(nil, needs: [.consent], questions: questions, file: .consentEvidence) { answers, d, actor in
            var d = d
            let granted = try answers.purposes("gegeven"), refused = try answers.purposes("geweigerd")
            try Dossier.requireDecision(granted: granted, refused: refused)
            var details = ConsentDetails()
            details.at = try answers.moment("moment")
            details.method = try answers.choice("wijze", ConsentMethod.self)
            details.letterVersion = answers.optionalText("brief-versie")
            details.copyGiven = answers.bool("kopie")
            _ = try d.appendConsentEntry(
                participant: answers.text("persoon"), details, evidence: answers.file, by: actor
            ) { entry, _ in
                entry.fillGrant(granted: granted, refused: refused, details, letterHash: nil)
                return nil
            }
            return .changed(d, realName: nil)
        }
    }

    /// The purposes a withdrawal names: every purpose, or the ones ticked.
    static func withdrawn(_ answers: StepAnswers) throws -> [ConsentPurpose] {
        answers.bool("alles") ? [.all] : try answers.purposes("doelen")
    }

    static func withdrawal(_ dossier: Dossier) -> StepForm {
        let questions = [
            personQuestion(dossier),
            StepQuestion(
                "alles", Localized(nl: "Alles intrekken?", en: "Withdraw everything?"), .yesNo, default: "nee"),
            StepQuestion(
                "doelen", Localized(nl: "Of alleen voor", en: "Or only for"), .purposes,
                askedWhen: { !$0.bool("alles") }),
            momentQuestion(),
            StepQuestion.choice(
                "wijze", Localized(nl: "Hoe?", en: "How?"), ConsentMethod.self, default: .mondeling),
        ]
        return StepForm(nil, needs: [.consent], questions: questions) { answers, d, actor in
            var d = d
            let purposes = try withdrawn(answers)
            try Dossier.requireWithdrawal(purposes)
            var details = ConsentDetails()
            details.at = try answers.moment("moment")
            details.method = try answers.choice("wijze", ConsentMethod.self)
            _ = try d.appendConsentEntry(
                participant: answers.text("persoon"), details, evidence: nil, by: actor
            ) { entry, _ in
                entry.withdrawn = purposes
                return nil
            }
            return .changed(d, realName: nil)
        }
    }

    /// A passage of a transcript as a quote: the words must stand in it verbatim.
    static func quote(_ dossier: Dossier) -> StepForm {
        let interviews = dossier.interviews.filter { !($0.transcript ?? "").isEmpty }
        let people = dossier.participants.map(\.id)
        let questions = [
            recordChoice(
                "interview", Localized(nl: "Uit welk interview?", en: "From which interview?"),
                interviews.map { interview in
                    let who = dossier.participant(interview.participantId)?.pseudonym ?? interview.participantId
                    return (interview.id, "\(interview.id) · \(who) · \(interview.at.day)")
                }),
            StepQuestion(
                "passage",
                Localized(
                    nl: "De woorden, letterlijk zoals in het transcript (selecteer ze in het transcript hierboven)",
                    en: "The words, verbatim as in the transcript (select them in the transcript above)"), .longText
            ) { text, answers in
                // Said at the field: the words must stand in the chosen interview's transcript.
                guard let interview = interviews.first(where: { $0.id == answers.text("interview") }) else { return }
                let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
                _ = try Casework.locate(
                    .words(words, occurrence: 1), in: interview.transcript ?? "", interviewId: interview.id)
            },
            StepQuestion(
                "keer",
                Localized(
                    nl: "Welke keer, als de woorden vaker voorkomen (leeg: de enige)",
                    en: "Which occurrence, when the words occur more than once (empty: the only one)"), .optionalText
            ) { text, _ in
                guard text.isEmpty || Int(text) != nil else {
                    throw CasusError(.invalidInput, nl: "Schrijf een getal, bijv. 2.", en: "Write a number, e.g. 2.")
                }
            },
            StepQuestion(
                "spreker",
                Localized(nl: "Wie spreekt? (leeg: de geïnterviewde)", en: "Who speaks? (empty: the interviewee)"),
                .choice(values: people, normalize: { $0.isEmpty || people.contains($0) ? $0 : nil }),
                labels: personLabels(dossier, roles: false)),
            StepQuestion("notitie", Localized(nl: "Notitie (leeg mag)", en: "Note (may be empty)"), .optionalText),
        ]
        return StepForm(nil, questions: questions) { answers, d, _ in
            var d = d
            let interview = try d.requireInterview(answers.text("interview"))
            let words = answers.text("passage").trimmingCharacters(in: .whitespacesAndNewlines)
            let span = try Casework.locate(
                .words(words, occurrence: Int(answers.text("keer"))), in: interview.transcript ?? "",
                interviewId: interview.id)
            _ = try d.appendQuote(
                interview, span, speakerId: answers.optionalText("spreker") ?? interview.participantId,
                note: answers.optionalText("notitie"))
            return .changed(d, realName: nil)
        }
    }

    /// Someone else in the story: family, a neighbour, a professional of an agency. The real name, when
    /// given, goes to the key vault only.
    static func person(_ dossier: Dossier) -> StepForm {
        let questions = [
            StepQuestion("pseudoniem", Localized(nl: "Pseudoniem", en: "Pseudonym"), .text),
            StepQuestion.choice(
                "rol", Localized(nl: "Rol in het verhaal", en: "Role in the story"), ParticipantRole.self,
                among: ParticipantRole.allCases.filter { $0 != .eindgebruiker }),
            actorQuestion(
                "instantie", Localized(nl: "Bij welke instantie? (medewerkers)", en: "At which agency? (staff)"),
                dossier,
                people: false
            ).optional,
            StepQuestion.optionalChoice("niveau", Localized(nl: "Niveau", en: "Level"), AgencyLevel.self),
            StepQuestion(
                "relatie",
                Localized(nl: "Relatie tot de eindgebruiker (leeg mag)", en: "Relation to the end user (may be empty)"),
                .optionalText),
            StepQuestion.optionalChoice("voornaamwoord", PromptText.pronoun, Pronoun.self),
            StepQuestion("naam", PromptText.realName, .optionalText),
        ]
        return StepForm(nil, needs: [.edit, .identities], questions: questions) { answers, d, _ in
            var d = d
            var new = NewParticipant(
                pseudonym: answers.text("pseudoniem"), role: try answers.choice("rol", ParticipantRole.self))
            new.agency = answers.optionalText("instantie")
            new.level = answers.optionalText("niveau").flatMap(AgencyLevel.parse)
            new.relation = answers.optionalText("relatie")
            new.pronoun = answers.optionalText("voornaamwoord").flatMap(Pronoun.parse).flatMap {
                $0 == .naam ? nil : $0
            }
            new.realName = answers.optionalText("naam")
            let added = try d.appendParticipant(new)
            return .changed(d, realName: new.realName.map { (added.id, $0) })
        }
    }

    static func wederhoorRound(_ dossier: Dossier) -> StepForm {
        let questions = [
            actorQuestion(
                "instantie", Localized(nl: "Aan welke instantie?", en: "To which agency?"), dossier, people: false),
            StepQuestion.choice(
                "soort", Localized(nl: "Soort wederhoor", en: "Kind of wederhoor"), WederhoorKind.self,
                default: .ambtelijk),
            StepQuestion(
                "termijn",
                Localized(
                    nl: "Reageren vóór (2024-05-01; leeg als er geen termijn is)",
                    en: "Respond by (2024-05-01; empty if none)"),
                .optionalText
            ) { text, _ in
                guard text.isEmpty || FuzzyDate(text) != nil else {
                    throw CasusError(
                        .invalidInput, nl: "Schrijf de datum als 2024-05-01.", en: "Write the date as 2024-05-01.")
                }
            },
        ]
        return StepForm(nil, questions: questions) { answers, d, _ in
            var d = d
            _ = try d.appendWederhoorRound(
                agency: answers.text("instantie"), kind: try answers.choice("soort", WederhoorKind.self), sentAt: nil,
                due: answers.optionalText("termijn").flatMap(FuzzyDate.init))
            return .changed(d, realName: nil)
        }
    }

    static func wederhoorResponse(_ dossier: Dossier) -> StepForm {
        let open = dossier.wederhoor.filter { $0.respondedAt == nil }
        let questions = [
            recordChoice(
                "ronde", Localized(nl: "Welke ronde?", en: "Which round?"),
                open.map { round in
                    let agency = dossier.agency(round.agencyId)?.name ?? round.agencyId
                    return (round.id, "\(round.id) · \(agency) · \(round.sentAt.day)")
                }, default: open.first?.id),
            StepQuestion(
                "afgezien",
                Localized(nl: "Zag de instantie af van een reactie?", en: "Did the agency decline to respond?"),
                .yesNo, default: "nee"),
            StepQuestion(
                "reactie", Localized(nl: "De reactie, letterlijk", en: "The response, verbatim"), .longText,
                askedWhen: { !$0.bool("afgezien") }),
            StepQuestion(
                "wijzigingen",
                Localized(
                    nl: "Wat er daardoor in het rapport verandert (leeg mag)",
                    en: "What changes in the report because of it (may be empty)"),
                .optionalText),
        ]
        return StepForm(nil, questions: questions) { answers, d, _ in
            var d = d
            try d.recordWederhoorResponse(
                round: answers.text("ronde"), response: answers.optionalText("reactie"),
                declined: answers.bool("afgezien"),
                changes: answers.optionalText("wijzigingen"), at: nil)
            return .changed(d, realName: nil)
        }
    }

    /// The coach's gatekeepers' checklist: the questions of the chosen phase, each yes or no with a note.
    static let doetank: StepForm = {
        let phases = DoetankPhase.allCases.map { String($0.rawValue) }
        var questions = [
            StepQuestion(
                "fase", Localized(nl: "Fase van de Doetank", en: "Phase of the Doetank"),
                .choice(values: phases, normalize: { phases.contains($0) ? $0 : nil }), default: "1",
                labels: Dictionary(
                    uniqueKeysWithValues: DoetankPhase.allCases.map {
                        (
                            String($0.rawValue),
                            Localized(nl: "\($0.rawValue). \($0.label.nl)", en: "\($0.rawValue). \($0.label.en)")
                        )
                    }))
        ]
        for phase in DoetankPhase.allCases {
            let inPhase: @Sendable (StepAnswers) -> Bool = { $0["fase"] == String(phase.rawValue) }
            for (index, question) in phase.checklist.enumerated() {
                questions.append(
                    StepQuestion("vraag-\(phase.rawValue)-\(index + 1)", question, .yesNo, askedWhen: inPhase))
                questions.append(
                    StepQuestion(
                        "toelichting-\(phase.rawValue)-\(index + 1)",
                        Localized(nl: "Toelichting (leeg mag)", en: "Note (may be empty)"),
                        .optionalText, askedWhen: inPhase))
            }
        }
        questions.append(
            StepQuestion(
                "notitie", Localized(nl: "Notitie bij de review (leeg mag)", en: "Note on the review (may be empty)"),
                .optionalText))
        return StepForm(nil, needs: [.review], questions: questions) { answers, d, actor in
            var d = d
            guard let phase = Int(answers.text("fase")).flatMap(DoetankPhase.init(rawValue:)) else {
                throw CasusError(.invalidInput, PromptText.required)
            }
            let given = phase.checklist.indices.map { index in
                DoetankAnswer(
                    question: index + 1, yes: answers.bool("vraag-\(phase.rawValue)-\(index + 1)"),
                    note: answers.optionalText("toelichting-\(phase.rawValue)-\(index + 1)"))
            }
            _ = try d.appendDoetankReview(
                phase: phase, answers: given, coach: actor, note: answers.optionalText("notitie"))
            return .changed(d, realName: nil)
        }
    }()
}

extension StepQuestion {
    /// The same choice, with nothing chosen allowed.
    var optional: StepQuestion {
        guard case .choice(let values, let normalize) = kind else { return self }
        return StepQuestion(
            key, prompt, .choice(values: values, normalize: { $0.isEmpty ? "" : normalize($0) }), help: help,
            labels: labels, check: extraCheck, askedWhen: askedWhen)
    }
}
