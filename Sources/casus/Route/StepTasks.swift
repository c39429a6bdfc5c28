import CasusCore
import CasusStore
import Foundation

/// What `casus next` does about one failing check: the questions it asks, and the one change to
/// the dossier that the answers make. Nothing is saved until every question is answered.
enum StepTask {
    /// Apply this change in one transaction; `afterwards` runs once it is saved.
    case change(Localized, (inout Dossier) throws -> Void, afterwards: () throws -> Void = {})
    /// casus cannot do this; the researcher or coach acts outside casus first.
    case manual(Localized)

    /// The task for a check that holds the dossier back.
    static func forCheck(
        _ check: GateCheck, in dossier: Dossier, lint: NarrativeLintResult?, prompter p: Prompter, context: Context
    ) throws -> StepTask {
        let endUser = dossier.endUser
        let interviews = dossier.interviews.filter { $0.participantId == endUser?.id }
        switch check.id {
        case let id where CheckID.preconditionNumber(id) != nil:
            if check.state == .blocked { return .manual(PromptText.coachNeeded(check)) }
            return try selection(dossier, p, context)
        case CheckID.endUser.rawValue:
            return try endUserTask(dossier, p, context)
        case CheckID.interview.rawValue:
            guard let endUser else { return .manual(check.detail ?? check.title) }
            return try interviewTask(dossier, endUser, p, context)
        case CheckID.interviewConsent.rawValue:
            guard let endUser,
                let first = interviews.first(where: {
                    !dossier.consentLedger.isGranted(.interview, to: endUser.id, asOf: $0.at.date)
                })
            else { break }
            return try consentTask(dossier, endUser, [.interview], before: first.at, p, context)
        case CheckID.recordingConsent.rawValue:
            guard let endUser,
                let first = interviews.first(where: {
                    $0.mode == .geluidsopname
                        && !dossier.consentLedger.isGranted(.audioRecording, to: endUser.id, asOf: $0.at.date)
                })
            else { break }
            return try consentTask(dossier, endUser, [.audioRecording], before: first.at, p, context)
        case CheckID.transcriptionConsent.rawValue:
            guard let endUser else { break }
            return try consentTask(dossier, endUser, [.transcription], before: nil, p, context)
        case CheckID.duration.rawValue:
            guard
                let interview = interviews.first(where: {
                    ($0.actualMinutes ?? $0.plannedMinutes) < Interview.recommendedMinutes
                        && ($0.shortReason ?? "").isEmpty
                })
            else { break }
            return try durationTask(interview, p)
        case CheckID.safety.rawValue:
            guard let interview = interviews.first(where: { !$0.safetyChecked }) else { break }
            guard try p.yesNo("veilig", PromptText.safe) else { return .manual(WorkflowText.safetyWhy) }
            return .change(PromptText.saved, { $0.updateInterview(interview.id) { $0.safetyChecked = true } })
        case CheckID.explained.rawValue:
            guard let interview = interviews.first(where: { !$0.storyExplained }) else { break }
            guard try p.yesNo("uitgelegd", PromptText.explained) else { return .manual(WorkflowText.explainedWhy) }
            return .change(PromptText.saved, { $0.updateInterview(interview.id) { $0.storyExplained = true } })
        case CheckID.transcript.rawValue:
            guard
                let interview = interviews.first(where: {
                    ($0.transcript ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                })
            else { break }
            let text = try p.longText("transcript", PromptText.transcript)
            return .change(PromptText.saved, { $0.updateInterview(interview.id) { $0.transcript = text } })
        case CheckID.narrative.rawValue:
            return try narrativeTask(dossier, p, context, unchanged: nil)
        case CheckID.quotesTraceable.rawValue:
            if let lint, !lint.untraceableQuotes.isEmpty { p.say(check.detail ?? check.title) }
            return try narrativeTask(dossier, p, context, unchanged: dossier.currentNarrative?.text)
        case CheckID.narrativeConsent.rawValue:
            guard let endUser else { break }
            return try consentTask(dossier, endUser, [.narrative], before: nil, p, context)
        case CheckID.quoteConsent.rawValue:
            guard let quote = Gates.quotesWithoutConsent(dossier).first,
                let speaker = dossier.participant(quote.speakerId)
            else { break }
            return try consentTask(dossier, speaker, [.verbatimQuotes], before: nil, p, context)
        case CheckID.agenciesContacted.rawValue:
            guard let agency = Gates.agenciesNotContacted(dossier).first else { break }
            let contact = try p.choice(
                "contact", PromptText.agencyContact(agency.name),
                among: [ContactStatus.gesproken, .geweigerd, .benaderd])
            return .change(
                PromptText.saved,
                { d in
                    if let i = d.agencies.firstIndex(where: { $0.id == agency.id }) { d.agencies[i].contact = contact }
                })
        case CheckID.findings.rawValue:
            guard let agency = Gates.agenciesNamedWithoutFinding(dossier).first else { break }
            return try findingTask(agency, p)
        case CheckID.surroundings.rawValue:
            let pseudonym = try p.ask("omgeving-pseudoniem", PromptText.surroundingPseudonym) {
                try newPseudonym($0, in: dossier)
            }
            let relation = try p.text("relatie", PromptText.relation)
            return .change(
                PromptText.saved,
                { d in
                    d.participants.append(
                        Participant(
                            id: try EntityID.next(prefix: "P", existing: d.participants.map(\.id)),
                            pseudonym: pseudonym, role: .omgeving, relation: relation))
                })
        case CheckID.sharingConsent.rawValue:
            guard let endUser else { break }
            let purposes = Gates.agenciesSharedWithoutConsent(dossier).map { ConsentPurpose.sharing(with: $0.id) }
            guard !purposes.isEmpty else { break }
            return try consentTask(dossier, endUser, purposes, before: nil, p, context)
        case CheckID.leervraag.rawValue:
            let text = try p.text("leervraag", PromptText.leervraag)
            let facts = try p.ids(
                "feiten", PromptText.leervraagFacts, known: dossier.events.map(\.id) + dossier.findings.map(\.id),
                required: true)
            return .change(
                PromptText.saved,
                { d in
                    d.leervragen.append(
                        Leervraag(
                            id: try EntityID.next(prefix: "L", existing: d.leervragen.map(\.id)), text: text,
                            eventIds: facts.filter { $0.hasPrefix("E") }, findingIds: facts.filter { $0.hasPrefix("F") }
                        ))
                })
        case CheckID.leervragenLinked.rawValue:
            guard let leervraag = dossier.leervragen.first(where: { $0.eventIds.isEmpty && $0.findingIds.isEmpty })
            else { break }
            p.say(Localized(nl: "\(leervraag.id): \(leervraag.text)", en: "\(leervraag.id): \(leervraag.text)"))
            let facts = try p.ids(
                "feiten", PromptText.leervraagFacts, known: dossier.events.map(\.id) + dossier.findings.map(\.id),
                required: true)
            return .change(
                PromptText.saved,
                { d in
                    guard let i = d.leervragen.firstIndex(where: { $0.id == leervraag.id }) else { return }
                    d.leervragen[i].eventIds = facts.filter { $0.hasPrefix("E") }
                    d.leervragen[i].findingIds = facts.filter { $0.hasPrefix("F") }
                })
        case CheckID.publicationForm.rawValue:
            let form: PublicationForm = try p.choice("publicatievorm", PromptText.publicationForm, default: .pseudoniem)
            return .change(PromptText.saved, { $0.casus.publicationForm = form })
        case CheckID.reportConsent.rawValue:
            guard let endUser else { break }
            let needed = ([.report] + (dossier.casus.publicationForm.map { [$0.consentPurpose] } ?? [])).filter {
                !dossier.consentLedger.isGranted($0, to: endUser.id)
            }
            guard !needed.isEmpty else { break }
            return try consentTask(dossier, endUser, needed, before: nil, p, context)
        default:
            break
        }
        return .manual(check.detail ?? check.title)
    }

    // MARK: Steps

    static func newCase(_ p: Prompter, _ context: Context, store: DossierStore) throws -> Dossier {
        let title = try p.text("titel", PromptText.title)
        let vraagstuk = try p.text("vraagstuk", PromptText.vraagstuk)
        let opdrachtgever = try p.optionalText("opdrachtgever", PromptText.opdrachtgever)
        let coach = try p.optionalText("coach", PromptText.coach)
        let base = Casus.slug(from: title)
        var caseId = base, n = 2
        while try store.caseExists(caseId) { caseId = "\(base)-\(n)"; n += 1 }
        return try store.create(
            Dossier(
                casus: Casus(
                    id: caseId, title: title, vraagstuk: vraagstuk, opdrachtgever: opdrachtgever,
                    researchers: [context.actor], coach: coach)))
    }

    private static func selection(_ dossier: Dossier, _ p: Prompter, _ context: Context) throws -> StepTask {
        var answers: [PreconditionAnswer] = []
        for precondition in Precondition.allCases {
            let n = precondition.rawValue
            if let existing = dossier.selection.first(where: { $0.number == n }),
                !existing.justification.trimmingCharacters(in: .whitespaces).isEmpty
            {
                continue
            }
            let met = try p.yesNo("voorwaarde-\(n)", PromptText.preconditionMet(precondition))
            let justification = try p.text("onderbouwing-\(n)", PromptText.justification)
            answers.append(
                PreconditionAnswer(number: n, met: met, justification: justification, answeredBy: context.actor))
        }
        return .change(
            PromptText.saved,
            { d in
                for answer in answers {
                    d.selection.removeAll { $0.number == answer.number }
                    d.selection.append(answer)
                }
                d.selection.sort { $0.number < $1.number }
            })
    }

    private static func endUserTask(_ dossier: Dossier, _ p: Prompter, _ context: Context) throws -> StepTask {
        let pseudonym = try p.ask("pseudoniem", PromptText.pseudonym) { try newPseudonym($0, in: dossier) }
        let kind: EndUserKind = try p.choice("soort", PromptText.endUserKind, default: .burger)
        let realName = try p.ask("naam", PromptText.realName) { text -> String? in
            guard !text.isEmpty else { return nil }
            if text.caseInsensitiveCompare(pseudonym) == .orderedSame {
                throw CasusError(
                    .invalidInput, nl: "Het pseudoniem is gelijk aan de echte naam.",
                    en: "The pseudonym equals the real name.")
            }
            return text
        }
        let id = try EntityID.next(prefix: "P", existing: dossier.participants.map(\.id))
        let caseId = dossier.casus.id
        return .change(
            PromptText.saved,
            { d in
                d.participants.append(
                    Participant(id: id, pseudonym: pseudonym, role: .eindgebruiker, endUserKind: kind))
            },
            afterwards: {
                if let realName {
                    try context.vault.set(
                        CasusStore.Identity(
                            caseId: caseId, participantId: id, realName: realName, contact: nil,
                            recordedBy: context.actor))
                }
            })
    }

    private static func interviewTask(
        _ dossier: Dossier, _ endUser: Participant, _ p: Prompter, _ context: Context
    ) throws -> StepTask {
        let ledger = dossier.consentLedger
        var consent: ConsentEntry?
        var consentAt: Timestamp?
        if ledger.isGranted(.interview, to: endUser.id) {
            consentAt = ledger.entries.filter { $0.participantId == endUser.id && $0.granted.contains(.interview) }.map(
                \.at
            ).max { $0.date < $1.date }
        } else {
            let granted = try p.ask(
                "toestemming", PromptText.consentPurposes, default: "interview,transcriptie,narratief,citaten"
            ) { text -> [ConsentPurpose] in
                let purposes = try purposeList(text)
                guard purposes.contains(.interview) else {
                    throw CasusError(
                        .invalidInput, nl: "Zonder toestemming voor het interview kan het gesprek niet in het dossier.",
                        en: "Without consent for the interview the conversation cannot go into the dossier.")
                }
                return purposes
            }
            let refused = try p.ask("geweigerd", PromptText.consentRefused) { try purposeList($0) }
            let moment = try p.moment("toestemming-moment", PromptText.consentMoment)
            let method: ConsentMethod = try p.choice(
                "toestemming-wijze", PromptText.consentMethod, default: .schriftelijk)
            let letter = try p.optionalText("brief-versie", PromptText.letterVersion)
            let copy = try p.yesNo("kopie", PromptText.copyGiven, default: true)
            consent = ConsentEntry(
                id: try EntityID.next(prefix: "C", existing: dossier.consent.map(\.id)), participantId: endUser.id,
                granted: granted, refused: refused,
                letterVersion: letter, at: moment, method: method, obtainedBy: context.actor, copyGiven: copy)
            consentAt = moment
        }
        let recordingAllowed =
            consent.map { $0.granted.contains(.audioRecording) } ?? ledger.isGranted(.audioRecording, to: endUser.id)
        let start = try p.moment("interview-moment", PromptText.interviewMoment) { moment in
            if let consentAt, moment.date < consentAt.date {
                throw CasusError(.invalidInput, PromptText.consentBeforeInterview)
            }
        }
        let actual = try p.minutes("duur", PromptText.actualDuration, default: "2u")
        let reason = actual < Interview.recommendedMinutes ? try p.text("reden-kort", PromptText.shortReason) : nil
        let place = try p.optionalText("plaats", PromptText.place)
        let mode = try p.ask("vastlegging", PromptText.mode, default: InterviewMode.aantekeningen.rawValue) {
            text -> InterviewMode in
            guard let mode = InterviewMode.parse(text) else {
                throw CasusError(
                    .invalidInput, PromptText.choices(InterviewMode.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            if mode == .geluidsopname && !recordingAllowed {
                throw CasusError(
                    .invalidInput,
                    nl:
                        "Er is geen toestemming voor een geluidsopname; kies aantekeningen, of leg eerst die toestemming vast.",
                    en:
                        "There is no consent for an audio recording; choose aantekeningen, or record that consent first."
                )
            }
            return mode
        }
        let safe = try p.yesNo("veilig", PromptText.safe)
        let explained = try p.yesNo("uitgelegd", PromptText.explained)
        let transcript = try p.longText("transcript", PromptText.transcript)
        let interview = Interview(
            id: try EntityID.next(prefix: "I", existing: dossier.interviews.map(\.id)), participantId: endUser.id,
            at: start,
            actualMinutes: actual, shortReason: reason, place: place, mode: mode, interviewers: [context.actor],
            safetyChecked: safe, storyExplained: explained, transcript: transcript)
        return .change(
            PromptText.saved,
            { d in
                if let consent { d.consent.append(consent) }
                d.interviews.append(interview)
            })
    }

    private static func durationTask(_ interview: Interview, _ p: Prompter) throws -> StepTask {
        let actual = try p.minutes("duur", PromptText.actualDuration, default: interview.actualMinutes.map { "\($0)" })
        let reason = actual < Interview.recommendedMinutes ? try p.text("reden-kort", PromptText.shortReason) : nil
        return .change(
            PromptText.saved,
            { d in
                d.updateInterview(interview.id) {
                    $0.actualMinutes = actual
                    $0.shortReason = reason
                }
            })
    }

    private static func narrativeTask(
        _ dossier: Dossier, _ p: Prompter, _ context: Context, unchanged: String?
    ) throws -> StepTask {
        let text = try p.longText("narratief", PromptText.narrative, initial: dossier.currentNarrative?.text ?? "") {
            text in
            if let unchanged, text == unchanged {
                throw CasusError(
                    .invalidInput, nl: "Het narratief is niet veranderd.", en: "The narrative did not change.")
            }
        }
        return .change(
            PromptText.saved,
            { d in
                let number = (d.narrative.map(\.number).max() ?? 0) + 1
                d.narrative.append(NarrativeVersion(number: number, author: context.actor, text: text))
                d.casus.currentNarrative = number
            })
    }

    private static func findingTask(_ agency: Agency, _ p: Prompter) throws -> StepTask {
        let claim = try p.text("bewering", PromptText.findingClaim(agency.name))
        let status: FindingStatus = try p.choice("uitkomst", PromptText.findingStatus)
        let level: AgencyLevel = try p.choice("niveau", PromptText.findingLevel, default: .uitvoering)
        let source = try p.optionalText("bron", PromptText.findingSource)
        return .change(
            PromptText.saved,
            { d in
                d.findings.append(
                    Finding(
                        id: try EntityID.next(prefix: "F", existing: d.findings.map(\.id)), agencyId: agency.id,
                        level: level,
                        claim: claim, status: status, source: source))
            })
    }

    /// Asks whether a person consented to `purposes`; records it, or says what to do when not.
    private static func consentTask(
        _ dossier: Dossier, _ person: Participant, _ purposes: [ConsentPurpose], before limit: Timestamp?,
        _ p: Prompter, _ context: Context
    ) throws -> StepTask {
        let list = purposes.map { $0.label.text(p.language) }.joined(separator: ", ")
        let given = try p.yesNo("toestemming-gegeven", PromptText.consentGiven(person.pseudonym, list))
        guard given else { return .manual(PromptText.consentNotGiven(person.pseudonym)) }
        let moment = try p.moment("toestemming-moment", PromptText.consentMoment) { moment in
            if let limit, moment.date > limit.date {
                throw CasusError(.invalidInput, PromptText.consentBeforeInterview)
            }
        }
        let method: ConsentMethod = try p.choice("toestemming-wijze", PromptText.consentMethod, default: .schriftelijk)
        let id = try EntityID.next(prefix: "C", existing: dossier.consent.map(\.id))
        return .change(
            PromptText.saved,
            { d in
                d.consent.append(
                    ConsentEntry(
                        id: id, participantId: person.id, granted: purposes, at: moment, method: method,
                        obtainedBy: context.actor))
            })
    }

    // MARK: Answers

    private static func newPseudonym(_ text: String, in dossier: Dossier) throws -> String {
        guard !text.isEmpty else { throw CasusError(.invalidInput, PromptText.required) }
        guard dossier.participant(named: text) == nil else {
            throw CasusError(
                .conflict, nl: "Er is al iemand met pseudoniem '\(text)' in deze casus.",
                en: "There is already someone with pseudonym '\(text)' in this case.")
        }
        return text
    }

    private static func purposeList(_ text: String) throws -> [ConsentPurpose] {
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

extension Dossier {
    mutating func updateInterview(_ id: String, _ change: (inout Interview) -> Void) {
        guard let i = interviews.firstIndex(where: { $0.id == id }) else { return }
        change(&interviews[i])
    }
}
