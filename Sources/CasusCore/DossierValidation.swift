import Foundation

/// Checks that every part of a dossier refers to parts that exist and holds values that make sense.
/// Import and every change in the store run it, so an inconsistent dossier is never stored.
extension Dossier {
    /// Every problem found, each naming the part it is in. Empty when the dossier is consistent.
    public func problems() -> [Localized] {
        var report = ProblemReport()
        checkCase(&report)
        checkParticipants(&report)
        checkConsent(&report)
        checkInterviewsAndQuotes(&report)
        checkNarrative(&report)
        checkTimeline(&report)
        checkContraExpertise(&report)
        checkCodes(&report)
        report.problems += TextFieldCheck.problems(in: self)
        checkIDNumbers(&report)
        return report.problems
    }

    /// Throws an `invalidInput` error listing every problem, if there is one.
    public func validate() throws {
        let found = problems()
        guard found.isEmpty else {
            throw CasusError(
                .invalidInput, nl: "Het dossier '\(casus.id.excerpt)' klopt niet op \(found.count) punt(en):",
                en: "The dossier '\(casus.id.excerpt)' has \(found.count) problem(s):", details: found)
        }
    }

    /// Ids whose number no new id could follow (`E9223372036854775807`).
    private func checkIDNumbers(_ r: inout ProblemReport) {
        let ids =
            participants.map(\.id) + consent.map(\.id) + lawfulBasis.map(\.id) + interviews.map(\.id) + quotes.map(\.id)
            + events.map(\.id) + handoffs.map(\.id) + findings.map(\.id) + leervragen.map(\.id) + dilemmas.map(\.id)
            + reviews.map(\.id) + wederhoor.map(\.id) + overrides.map(\.id) + doetank.map(\.id) + codes.map(\.id)
            + codings.map(\.id)
        for id in ids where EntityID.isOutOfRange(id) {
            r.add(
                nl: "id '\(id.excerpt)': het nummer is groter dan \(EntityID.maximumNumber); nummer de delen opnieuw",
                en: "id '\(id.excerpt)': the number is larger than \(EntityID.maximumNumber); renumber the parts")
        }
    }

    private func checkCase(_ r: inout ProblemReport) {
        if !Casus.isValidID(casus.id) {
            r.add(
                nl:
                    "casus: het id '\(casus.id.excerpt)' mag alleen letters, cijfers, '-', '_' en '.' bevatten (max. 64 tekens)",
                en:
                    "case: the id '\(casus.id.excerpt)' may only hold letters, digits, '-', '_' and '.' (at most 64 characters)"
            )
        }
        if casus.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            r.add(nl: "casus: de titel is leeg", en: "case: the title is empty")
        }
        if casus.updatedAt < casus.createdAt {
            r.add(nl: "casus: 'updatedAt' ligt voor 'createdAt'", en: "case: 'updatedAt' is before 'createdAt'")
        }
        r.unique(selection.map { String($0.number) }, what: ("selectie", "selection"))
        for answer in selection where !(1...7).contains(answer.number) {
            r.add(
                nl: "selectie: voorwaarde \(answer.number) bestaat niet (1 t/m 7)",
                en: "selection: precondition \(answer.number) does not exist (1 to 7)")
        }
    }

    private func checkParticipants(_ r: inout ProblemReport) {
        r.unique(participants.map(\.id), what: ("personen", "participants"))
        r.unique(participants.map { $0.pseudonym.lowercased() }, what: ("pseudoniemen", "pseudonyms"))
        r.unique(agencies.map(\.id), what: ("instanties", "agencies"))
        for p in participants {
            if p.pseudonym.trimmingCharacters(in: .whitespaces).isEmpty {
                r.add(
                    nl: "persoon \(p.id.excerpt): het pseudoniem is leeg",
                    en: "participant \(p.id.excerpt): the pseudonym is empty")
            }
            if let agencyId = p.agencyId, agency(agencyId) == nil {
                r.add(
                    nl: "persoon \(p.id.excerpt): instantie '\(agencyId.excerpt)' bestaat niet in dit dossier",
                    en: "participant \(p.id.excerpt): agency '\(agencyId.excerpt)' is not in this dossier")
            }
        }
    }

    private func checkConsent(_ r: inout ProblemReport) {
        r.unique(consent.map(\.id), what: ("toestemmingen", "consent entries"))
        for entry in consent {
            let place = Localized(nl: "toestemming \(entry.id.excerpt)", en: "consent \(entry.id.excerpt)")
            r.participant(entry.participantId, in: self, at: place)
            if entry.granted.isEmpty && entry.refused.isEmpty && entry.withdrawn.isEmpty {
                r.add(nl: "\(place.nl): noemt geen enkel doel", en: "\(place.en): names no purpose")
            }
            if entry.granted.contains(.all) {
                r.add(
                    nl: "\(place.nl): 'alles' kan alleen geweigerd of ingetrokken worden; noem de doelen",
                    en: "\(place.en): 'all' can only be refused or withdrawn; name the purposes")
            }
            for purpose in entry.granted + entry.refused + entry.withdrawn {
                if let agencyId = purpose.sharedAgency, agency(agencyId) == nil {
                    r.add(
                        nl: "\(place.nl): delen met onbekende instantie '\(agencyId.excerpt)'",
                        en: "\(place.en): sharing with unknown agency '\(agencyId.excerpt)'")
                }
            }
            if let sha = entry.letterSha256, !ProblemReport.isSHA256(sha) {
                r.add(
                    nl: "\(place.nl): de SHA-256 van de informatiebrief is geen 64 hexadecimale tekens",
                    en: "\(place.en): the information letter's SHA-256 is not 64 hex digits")
            }
            if let evidence = entry.evidence { r.attachment(evidence, at: place) }
        }
        r.unique(lawfulBasis.map(\.id), what: ("grondslagen", "lawful bases"))
        for basis in lawfulBasis {
            if let pid = basis.participantId {
                r.participant(
                    pid, in: self,
                    at: Localized(nl: "grondslag \(basis.id.excerpt)", en: "lawful basis \(basis.id.excerpt)"))
            }
        }
    }

    private func checkInterviewsAndQuotes(_ r: inout ProblemReport) {
        r.unique(interviews.map(\.id), what: ("interviews", "interviews"))
        for interview in interviews {
            let place = Localized(nl: "interview \(interview.id.excerpt)", en: "interview \(interview.id.excerpt)")
            r.participant(interview.participantId, in: self, at: place)
            if interview.plannedMinutes <= 0 || interview.plannedMinutes > 24 * 60 {
                r.add(
                    nl: "\(place.nl): geplande duur \(interview.plannedMinutes) minuten is onmogelijk",
                    en: "\(place.en): planned duration \(interview.plannedMinutes) minutes is impossible")
            }
            if let actual = interview.actualMinutes, actual <= 0 || actual > 24 * 60 {
                r.add(
                    nl: "\(place.nl): werkelijke duur \(actual) minuten is onmogelijk",
                    en: "\(place.en): actual duration \(actual) minutes is impossible")
            }
            if let audio = interview.audio {
                r.attachment(audio.file, at: place)
                // The rule holds for every way in: a command, a form, an imported file.
                if !consentLedger.isGranted(.audioRecording, to: interview.participantId, asOf: interview.at.date) {
                    r.add(
                        nl:
                            "\(place.nl): er is een geluidsopname, maar geen toestemming voor een opname op \(interview.at.day)",
                        en:
                            "\(place.en): there is an audio recording, but no consent for a recording on \(interview.at.day)"
                    )
                }
                if !(audio.durationSeconds >= 0) || audio.durationSeconds > 48 * 3600 {
                    r.add(
                        nl: "\(place.nl): de opnameduur is onmogelijk",
                        en: "\(place.en): the recording's duration is impossible")
                }
            }
        }
        r.unique(quotes.map(\.id), what: ("citaten", "quotes"))
        for quote in quotes {
            let place = Localized(nl: "citaat \(quote.id.excerpt)", en: "quote \(quote.id.excerpt)")
            r.participant(quote.speakerId, in: self, at: place)
            guard let interview = interview(quote.interviewId) else {
                r.add(
                    nl: "\(place.nl): interview '\(quote.interviewId.excerpt)' bestaat niet",
                    en: "\(place.en): interview '\(quote.interviewId.excerpt)' does not exist")
                continue
            }
            guard let span = Quote.span(of: interview.transcript ?? "", start: quote.start, end: quote.end) else {
                r.add(
                    nl:
                        "\(place.nl): tekens \(quote.start)–\(quote.end) vallen buiten het transcript van \(interview.id.excerpt) (\(interview.transcriptLength) tekens)",
                    en:
                        "\(place.en): characters \(quote.start)–\(quote.end) fall outside the transcript of \(interview.id.excerpt) (\(interview.transcriptLength) characters)"
                )
                continue
            }
            if span != quote.text {
                r.add(
                    nl:
                        "\(place.nl): de tekst komt niet overeen met het transcript op tekens \(quote.start)–\(quote.end)",
                    en: "\(place.en): the text does not match the transcript at characters \(quote.start)–\(quote.end)")
            }
        }
    }

    private func checkNarrative(_ r: inout ProblemReport) {
        r.unique(narrative.map { String($0.number) }, what: ("narratiefversies", "narrative versions"))
        if let current = casus.currentNarrative, !narrative.contains(where: { $0.number == current }) {
            r.add(
                nl: "casus: huidige narratiefversie \(current) bestaat niet",
                en: "case: current narrative version \(current) does not exist")
        }
    }

    private func checkTimeline(_ r: inout ProblemReport) {
        r.unique(events.map(\.id), what: ("gebeurtenissen", "events"))
        for event in events {
            let place = Localized(nl: "gebeurtenis \(event.id.excerpt)", en: "event \(event.id.excerpt)")
            r.actor(event.actor, in: self, at: place)
            if let impact = event.impact, !(-2...2).contains(impact) {
                r.add(
                    nl: "\(place.nl): impact \(impact) valt buiten -2..+2",
                    en: "\(place.en): impact \(impact) is outside -2..+2")
            }
            if let quoteId = event.quoteId, !quotes.contains(where: { $0.id == quoteId }) {
                r.add(
                    nl: "\(place.nl): citaat '\(quoteId.excerpt)' bestaat niet",
                    en: "\(place.en): quote '\(quoteId.excerpt)' does not exist")
            }
            if let start = event.date, let end = event.endDate, end.lastDay < start.firstDay {
                r.add(
                    nl: "\(place.nl): de einddatum ligt voor de begindatum",
                    en: "\(place.en): the end date is before the start date")
            }
            if event.what.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                r.add(nl: "\(place.nl): beschrijf wat er gebeurde", en: "\(place.en): describe what happened")
            }
        }
        r.unique(handoffs.map(\.id), what: ("overdrachten", "hand-offs"))
        for handoff in handoffs {
            let place = Localized(nl: "overdracht \(handoff.id.excerpt)", en: "hand-off \(handoff.id.excerpt)")
            r.agency(handoff.fromAgencyId, in: self, at: place)
            r.agency(handoff.toAgencyId, in: self, at: place)
            r.events([handoff.eventId].compactMap { $0 }, in: self, at: place)
        }
    }

    private func checkContraExpertise(_ r: inout ProblemReport) {
        r.unique(findings.map(\.id), what: ("bevindingen", "findings"))
        for finding in findings {
            let place = Localized(nl: "bevinding \(finding.id.excerpt)", en: "finding \(finding.id.excerpt)")
            r.agency(finding.agencyId, in: self, at: place)
            if let respondent = finding.respondentId { r.participant(respondent, in: self, at: place) }
            r.events(finding.eventIds, in: self, at: place)
        }
        r.unique(leervragen.map(\.id), what: ("leervragen", "learning questions"))
        r.unique(dilemmas.map(\.id), what: ("dilemma's", "dilemmas"))
        let links =
            leervragen.map { ($0.id, $0.eventIds, $0.findingIds, "leervraag", "learning question") }
            + dilemmas.map { ($0.id, $0.eventIds, $0.findingIds, "dilemma", "dilemma") }
        for (id, eventIds, findingIds, nl, en) in links {
            let place = Localized(nl: "\(nl) \(id.excerpt)", en: "\(en) \(id.excerpt)")
            r.events(eventIds, in: self, at: place)
            for findingId in findingIds where !findings.contains(where: { $0.id == findingId }) {
                r.add(
                    nl: "\(place.nl): bevinding '\(findingId.excerpt)' bestaat niet",
                    en: "\(place.en): finding '\(findingId.excerpt)' does not exist")
            }
        }
        r.unique(reviews.map(\.id), what: ("beoordelingen", "reviews"))
        r.unique(wederhoor.map(\.id), what: ("wederhoorrondes", "wederhoor rounds"))
        r.unique(overrides.map(\.id), what: ("uitzonderingen", "overrides"))
        r.unique(doetank.map(\.id), what: ("Doetank-beoordelingen", "Doetank reviews"))
        for override in overrides where override.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            r.add(
                nl: "uitzondering \(override.id.excerpt): de reden ontbreekt",
                en: "override \(override.id.excerpt): the reason is missing")
        }
        for review in doetank {
            for answer in review.answers where !(1...review.phase.checklist.count).contains(answer.question) {
                r.add(
                    nl:
                        "Doetank \(review.id.excerpt): vraag \(answer.question) bestaat niet in fase \(review.phase.rawValue)",
                    en:
                        "Doetank \(review.id.excerpt): question \(answer.question) does not exist in phase \(review.phase.rawValue)"
                )
            }
        }
        for round in wederhoor {
            r.agency(
                round.agencyId, in: self,
                at: Localized(nl: "wederhoor \(round.id.excerpt)", en: "wederhoor \(round.id.excerpt)"))
        }
    }
}

/// Collects problems with the helpers the checks share.
struct ProblemReport {
    var problems: [Localized] = []

    mutating func add(nl: String, en: String) { problems.append(Localized(nl: nl, en: en)) }

    mutating func unique(_ ids: [String], what: (nl: String, en: String)) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            add(
                nl: "\(what.nl): '\(id.excerpt)' komt meer dan eens voor",
                en: "\(what.en): '\(id.excerpt)' occurs more than once")
        }
    }

    mutating func participant(_ id: String, in dossier: Dossier, at place: Localized) {
        if dossier.participant(id) == nil {
            add(
                nl: "\(place.nl): persoon '\(id.excerpt)' bestaat niet",
                en: "\(place.en): participant '\(id.excerpt)' does not exist")
        }
    }

    mutating func agency(_ id: String, in dossier: Dossier, at place: Localized) {
        if dossier.agency(id) == nil {
            add(
                nl: "\(place.nl): instantie '\(id.excerpt)' bestaat niet",
                en: "\(place.en): agency '\(id.excerpt)' does not exist")
        }
    }

    mutating func actor(_ actor: Actor, in dossier: Dossier, at place: Localized) {
        switch actor {
        case .participant(let id): participant(id, in: dossier, at: place)
        case .agency(let id): agency(id, in: dossier, at: place)
        }
    }

    mutating func events(_ ids: [String], in dossier: Dossier, at place: Localized) {
        for id in ids where !dossier.events.contains(where: { $0.id == id }) {
            add(
                nl: "\(place.nl): gebeurtenis '\(id.excerpt)' bestaat niet",
                en: "\(place.en): event '\(id.excerpt)' does not exist")
        }
    }

    mutating func attachment(_ ref: AttachmentRef, at place: Localized) {
        if !ProblemReport.isSHA256(ref.sha256) {
            add(
                nl: "\(place.nl): bijlage '\(ref.fileName.excerpt)' heeft geen geldige SHA-256",
                en: "\(place.en): attachment '\(ref.fileName.excerpt)' has no valid SHA-256")
        }
    }

    static func isSHA256(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
