import CasusCore
import CasusLint
import Foundation

/// The route as data: for each check that holds a dossier back, the form that resolves it.
/// Every front end asks the same questions and saves the answers with `Casework.saveStep`.
public enum RouteForms {
    /// The form (or the manual action) for a failing check of `dossier`.
    public static func task(for check: GateCheck, in dossier: Dossier, lint: NarrativeLintResult?) -> StepTask {
        let endUser = dossier.endUser
        let interviews = dossier.interviews.filter { $0.participantId == endUser?.id }
        let manual = StepTask.manual(check.detail ?? check.title)
        if CheckID.preconditionNumber(check.id) != nil {
            return check.state == .blocked ? .manual(PromptText.coachNeeded(check)) : .form(selection(dossier))
        }
        guard let id = CheckID(rawValue: check.id) else { return manual }
        switch id {
        case .endUser:
            return .form(endUserForm(dossier))
        case .interview:
            guard let endUser else { return manual }
            return .form(interviewForm(dossier, endUser))
        case .interviewConsent:
            guard let endUser,
                let first = interviews.first(where: {
                    !dossier.consentLedger.isGranted(.interview, to: endUser.id, asOf: $0.at.date)
                })
            else { return manual }
            return .form(consentForm(id, endUser, [.interview], before: first.at))
        case .recordingConsent:
            guard let endUser,
                let first = interviews.first(where: {
                    $0.mode == .geluidsopname
                        && !dossier.consentLedger.isGranted(.audioRecording, to: endUser.id, asOf: $0.at.date)
                })
            else { return manual }
            return .form(consentForm(id, endUser, [.audioRecording], before: first.at))
        case .transcriptionConsent:
            guard let endUser else { return manual }
            return .form(consentForm(id, endUser, [.transcription], before: nil))
        case .duration:
            guard
                let interview = interviews.first(where: {
                    ($0.actualMinutes ?? $0.plannedMinutes) < Interview.recommendedMinutes
                        && ($0.shortReason ?? "").isEmpty
                })
            else { return manual }
            return .form(durationForm(interview))
        case .safety:
            guard let interview = interviews.first(where: { !$0.safetyChecked }) else { return manual }
            return .form(
                confirmation(
                    id, "veilig", PromptText.safe(PersonWords(dossier.participant(interview.participantId))),
                    WorkflowText.safetyWhy, interview
                ) {
                    $0.safetyChecked = true
                })
        case .explained:
            guard let interview = interviews.first(where: { !$0.storyExplained }) else { return manual }
            return .form(
                confirmation(id, "uitgelegd", PromptText.explained, WorkflowText.explainedWhy, interview) {
                    $0.storyExplained = true
                })
        case .transcript:
            guard
                let interview = interviews.first(where: {
                    ($0.transcript ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                })
            else { return manual }
            let question = StepQuestion("transcript", PromptText.transcript, .longText)
            return .form(
                StepForm(id.rawValue, questions: [question]) { answers, d, _ in
                    var d = d
                    d.updateInterview(interview.id) { $0.transcript = answers.text("transcript") }
                    return .changed(d, realName: nil)
                })
        case .narrative:
            return .form(narrativeForm(dossier, id, intro: [], unchanged: nil))
        case .quotesTraceable:
            let intro = (lint.map { !$0.untraceableQuotes.isEmpty } ?? false) ? [check.detail ?? check.title] : []
            return .form(narrativeForm(dossier, id, intro: intro, unchanged: dossier.currentNarrative?.text))
        case .narrativeConsent:
            guard let endUser else { return manual }
            return .form(consentForm(id, endUser, [.narrative], before: nil))
        case .quoteConsent:
            guard let quote = Gates.quotesWithoutConsent(dossier).first,
                let speaker = dossier.participant(quote.speakerId)
            else { return manual }
            return .form(consentForm(id, speaker, [.verbatimQuotes], before: nil))
        case .agenciesContacted:
            // Every agency not yet approached is asked in one go; those approached are waited for.
            let open = Gates.agenciesNotContacted(dossier)
            let unasked = open.filter { $0.contact == .nietBenaderd }
            guard !unasked.isEmpty else {
                return open.isEmpty ? manual : .manual(PromptText.awaitingAgencies(open.map(\.name)))
            }
            return .form(agencyContactForm(unasked))
        case .findings:
            guard let agency = Gates.agenciesNamedWithoutFinding(dossier).first else { return manual }
            return .form(findingForm(agency, events: dossier.events.map(\.id)))
        case .surroundings:
            return .form(surroundingsForm(dossier))
        case .sharingConsent:
            guard let endUser else { return manual }
            let purposes = Gates.agenciesSharedWithoutConsent(dossier).map { ConsentPurpose.sharing(with: $0.id) }
            guard !purposes.isEmpty else { return manual }
            return .form(consentForm(id, endUser, purposes, before: nil))
        case .leervraag:
            return .form(leervraagForm(dossier))
        case .leervragenLinked:
            guard let leervraag = dossier.leervragen.first(where: { $0.eventIds.isEmpty && $0.findingIds.isEmpty })
            else { return manual }
            return .form(leervraagLinkForm(dossier, leervraag))
        case .summary:
            let question = StepQuestion("samenvatting", PromptText.summary, .text)
            return .form(
                StepForm(id.rawValue, questions: [question]) { answers, d, _ in
                    var d = d
                    d.casus.summary = answers.text("samenvatting")
                    return .changed(d, realName: nil)
                })
        case .publicationForm:
            // A form the end user refused is never offered; changing that takes a new consent entry.
            let allowed = PublicationForm.allCases.filter { form in
                guard let endUser else { return true }
                return dossier.consentLedger.status(of: endUser.id, for: form.consentPurpose).decision != .refused
            }
            guard !allowed.isEmpty else { return manual }
            let question = StepQuestion.choice(
                "publicatievorm", PromptText.publicationForm(allowed), PublicationForm.self, among: allowed,
                default: allowed.contains(.pseudoniem) ? .pseudoniem : allowed.first)
            return .form(
                StepForm(id.rawValue, questions: [question]) { answers, d, _ in
                    var d = d
                    d.casus.publicationForm = try answers.choice("publicatievorm", PublicationForm.self)
                    return .changed(d, realName: nil)
                })
        case .reportConsent:
            guard let endUser else { return manual }
            let needed = ([.report] + (dossier.casus.publicationForm.map { [$0.consentPurpose] } ?? [])).filter {
                !dossier.consentLedger.isGranted($0, to: endUser.id)
            }
            guard !needed.isEmpty else { return manual }
            let refused = needed.filter {
                dossier.consentLedger.status(of: endUser.id, for: $0).decision == .refused
            }
            if !refused.isEmpty { return .manual(PromptText.refusedNeedsNewConsent(endUser.pseudonym, refused)) }
            return .form(consentForm(id, endUser, needed, before: nil))
        case .lint:
            guard let lint, lint.voiceFindings > 0, let current = dossier.currentNarrative else { return manual }
            let question = StepQuestion("linter-bevestigd", PromptText.confirmLint, .yesNo)
            return .form(
                StepForm(id.rawValue, intro: [check.detail ?? check.title], questions: [question]) {
                    answers, d, actor in
                    guard answers.bool("linter-bevestigd"),
                        let index = d.narrative.firstIndex(where: { $0.number == current.number })
                    else { return .manual(PromptText.rewriteNarrative) }
                    var d = d
                    d.narrative[index].lintConfirmed = LintConfirmation(by: actor, findings: lint.voiceFindings)
                    return .changed(d, realName: nil)
                })
        case .wederhoorDone:
            return manual
        }
    }

    /// After a narrative is saved: its quotations that stand word for word in a transcript and are
    /// not registered yet, offered to register as quotes (speaker: the interview's person). Nil when
    /// there are none.
    public static func quotationsForm(_ dossier: Dossier) -> StepForm? {
        guard let narrative = dossier.currentNarrative else { return nil }
        var found: [(text: String, interview: Interview, span: Range<Int>)] = []
        for quoted in NarrativeQuotations.texts(in: narrative.text) {
            let words = quoted.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:!?\n"))
            guard words.split(separator: " ").count >= 3 else { continue }
            for interview in dossier.interviews {
                guard let transcript = interview.transcript,
                    let span = Quote.locate(words, in: transcript).first
                else { continue }
                let known = dossier.quotes.contains {
                    $0.interviewId == interview.id && $0.start <= span.lowerBound && $0.end >= span.upperBound
                }
                if !known && !found.contains(where: { $0.interview.id == interview.id && $0.span == span }) {
                    found.append((words, interview, span))
                }
                break
            }
        }
        guard !found.isEmpty else { return nil }
        let candidates = found
        let intro =
            [PromptText.quotationsFound(found.count)]
            + found.map {
                Localized(
                    nl: "  “\($0.text.excerpt)” — \($0.interview.id)", en: "  “\($0.text.excerpt)” — \($0.interview.id)"
                )
            }
        let question = StepQuestion("citaten-vastleggen", PromptText.registerQuotations, .yesNo, default: "ja")
        return StepForm(nil, intro: intro, questions: [question]) { answers, d, _ in
            guard answers.bool("citaten-vastleggen") else { return .manual(PromptText.quotationsLeft) }
            var d = d
            for item in candidates {
                try d.appendQuote(item.interview, item.span, speakerId: item.interview.participantId)
            }
            return .changed(d, realName: nil)
        }
    }

    /// The questions that start a new case; `Casework.startCase` saves the answers.
    public static let newCase = StepForm(
        nil, needs: [.administer],
        questions: [
            StepQuestion("titel", PromptText.title, .text),
            StepQuestion("vraagstuk", PromptText.vraagstuk, .text),
            StepQuestion("opdrachtgever", PromptText.opdrachtgever, .optionalText),
            StepQuestion("coach", PromptText.coach, .optionalText),
        ]
    ) { answers, _, actor in
        let title = answers.text("titel")
        let casus = Casus(
            id: Casus.slug(from: title), title: title, vraagstuk: answers.text("vraagstuk"),
            opdrachtgever: answers.optionalText("opdrachtgever"), researchers: [actor],
            coach: answers.optionalText("coach"))
        return .changed(Dossier(casus: casus), realName: nil)
    }

    // MARK: Step 0 and 1

    private static func selection(_ dossier: Dossier) -> StepForm {
        let open = Precondition.allCases.filter { precondition in
            let existing = dossier.selection.first { $0.number == precondition.rawValue }
            return (existing?.justification.trimmingCharacters(in: .whitespaces) ?? "").isEmpty
        }
        let questions = open.flatMap { precondition in
            [
                StepQuestion("voorwaarde-\(precondition.rawValue)", PromptText.preconditionMet(precondition), .yesNo),
                StepQuestion("onderbouwing-\(precondition.rawValue)", PromptText.justification, .text),
            ]
        }
        return StepForm(CheckID.precondition(open.first?.rawValue ?? 1), questions: questions) { answers, d, actor in
            var d = d
            for precondition in open {
                let n = precondition.rawValue
                d.selection.removeAll { $0.number == n }
                d.selection.append(
                    PreconditionAnswer(
                        number: n, met: answers.bool("voorwaarde-\(n)"),
                        justification: answers.text("onderbouwing-\(n)"),
                        answeredBy: actor))
            }
            d.selection.sort { $0.number < $1.number }
            return .changed(d, realName: nil)
        }
    }

    private static func endUserForm(_ dossier: Dossier) -> StepForm {
        let questions = [
            StepQuestion("pseudoniem", PromptText.pseudonym, .text) { text, _ in try newPseudonym(text, in: dossier) },
            StepQuestion.choice("soort", PromptText.endUserKind, EndUserKind.self, default: .burger),
            StepQuestion.choice("voornaamwoord", PromptText.pronoun, Pronoun.self, default: .naam),
            StepQuestion("naam", PromptText.realName, .optionalText) { text, answers in
                if !text.isEmpty, NameFolding.sameName(text, answers.text("pseudoniem")) {
                    throw CasusError(.invalidInput, PromptText.pseudonymIsRealName)
                }
            },
        ]
        return StepForm(CheckID.endUser.rawValue, needs: [.edit, .identities], questions: questions) { answers, d, _ in
            var d = d
            let id = try EntityID.next(prefix: "P", existing: d.participants.map(\.id))
            d.participants.append(
                Participant(
                    id: id, pseudonym: answers.text("pseudoniem"), role: .eindgebruiker,
                    endUserKind: try answers.choice("soort", EndUserKind.self),
                    pronoun: answers["voornaamwoord"].flatMap(Pronoun.parse).flatMap { $0 == .naam ? nil : $0 }))
            return .changed(d, realName: answers.optionalText("naam").map { (id, $0) })
        }
    }

    private static func interviewForm(_ dossier: Dossier, _ endUser: Participant) -> StepForm {
        let ledger = dossier.consentLedger
        let hasConsent = ledger.isGranted(.interview, to: endUser.id)
        let earlierConsent = ledger.entries.filter { $0.participantId == endUser.id && $0.granted.contains(.interview) }
            .map(\.at).max { $0.date < $1.date }
        let recordingGranted = ledger.isGranted(.audioRecording, to: endUser.id)
        let asksConsent: @Sendable (StepAnswers) -> Bool = { _ in !hasConsent }
        let words = PersonWords(endUser)
        var questions = [
            StepQuestion(
                "toestemming", PromptText.consentPurposes(words), .purposes,
                default: "interview,transcriptie,narratief,citaten"
            ) { text, _ in
                let purposes = try StepAnswers.purposes(text)
                guard purposes.contains(.interview) else {
                    throw CasusError(.invalidInput, PromptText.interviewConsentNeeded)
                }
                try knownAgencies(purposes, in: dossier)
            }.asked(when: asksConsent),
            StepQuestion("geweigerd", PromptText.consentRefused, .purposes) { text, _ in
                try knownAgencies(try StepAnswers.purposes(text), in: dossier)
            }.asked(when: asksConsent),
            StepQuestion("toestemming-moment", PromptText.consentMoment(words), .moment, askedWhen: asksConsent),
            StepQuestion.choice(
                "toestemming-wijze", PromptText.consentMethod, ConsentMethod.self, default: .schriftelijk
            ).asked(when: asksConsent),
            StepQuestion("brief-versie", PromptText.letterVersion, .optionalText, askedWhen: asksConsent),
            StepQuestion("kopie", PromptText.copyGiven(words), .yesNo, default: "ja", askedWhen: asksConsent),
            StepQuestion("interview-moment", PromptText.interviewMoment, .moment) { text, answers in
                let consentAt = hasConsent ? earlierConsent : try? answers.moment("toestemming-moment")
                if let consentAt, try InputParsing.timestamp(text).date < consentAt.date {
                    throw CasusError(.invalidInput, PromptText.consentBeforeInterview)
                }
            },
        ]
        questions += durationQuestions(default: "2u")
        questions += [
            StepQuestion("plaats", PromptText.place, .optionalText),
            StepQuestion.choice("vastlegging", PromptText.mode, InterviewMode.self, default: .aantekeningen).checked {
                text, answers in
                let recordingAllowed =
                    hasConsent
                    ? recordingGranted : ((try? answers.purposes("toestemming")) ?? []).contains(.audioRecording)
                if InterviewMode.parse(text) == .geluidsopname && !recordingAllowed {
                    throw CasusError(.invalidInput, PromptText.noRecordingConsent)
                }
            },
            StepQuestion("veilig", PromptText.safe(words), .yesNo),
            StepQuestion("uitgelegd", PromptText.explained, .yesNo),
            StepQuestion("transcript", PromptText.transcript, .longText),
        ]
        return StepForm(
            CheckID.interview.rawValue, needs: [.edit, .consent], questions: questions,
            file: hasConsent ? nil : .consentEvidence
        ) { answers, d, actor in
            var d = d
            if !hasConsent {
                d.consent.append(
                    ConsentEntry(
                        id: try EntityID.next(prefix: "C", existing: d.consent.map(\.id)), participantId: endUser.id,
                        granted: try answers.purposes("toestemming"), refused: try answers.purposes("geweigerd"),
                        letterVersion: answers.optionalText("brief-versie"),
                        at: try answers.moment("toestemming-moment"),
                        method: try answers.choice("toestemming-wijze", ConsentMethod.self), evidence: answers.file,
                        obtainedBy: actor, copyGiven: answers.bool("kopie")))
            }
            let actual = try answers.minutes("duur")
            d.interviews.append(
                Interview(
                    id: try EntityID.next(prefix: "I", existing: d.interviews.map(\.id)), participantId: endUser.id,
                    at: try answers.moment("interview-moment"), actualMinutes: actual,
                    shortReason: answers.optionalText("reden-kort"), place: answers.optionalText("plaats"),
                    mode: try answers.choice("vastlegging", InterviewMode.self), interviewers: [actor],
                    safetyChecked: answers.bool("veilig"), storyExplained: answers.bool("uitgelegd"),
                    transcript: answers.text("transcript")))
            return .changed(d, realName: nil)
        }
    }

    /// The actual length, and a reason when it is under two hours.
    private static func durationQuestions(default value: String?) -> [StepQuestion] {
        [
            StepQuestion("duur", PromptText.actualDuration, .minutes, default: value),
            StepQuestion(
                "reden-kort", PromptText.shortReason, .text,
                askedWhen: { ((try? $0.minutes("duur")) ?? 0) < Interview.recommendedMinutes }),
        ]
    }

    private static func durationForm(_ interview: Interview) -> StepForm {
        StepForm(
            CheckID.duration.rawValue, questions: durationQuestions(default: interview.actualMinutes.map { "\($0)" })
        ) { answers, d, _ in
            var d = d
            let actual = try answers.minutes("duur")
            d.updateInterview(interview.id) {
                $0.actualMinutes = actual
                $0.shortReason = answers.optionalText("reden-kort")
            }
            return .changed(d, realName: nil)
        }
    }

    /// A yes/no about an interview; no means the researcher acts outside casus first.
    private static func confirmation(
        _ id: CheckID, _ key: String, _ question: Localized, _ why: Localized, _ interview: Interview,
        _ change: @escaping @Sendable (inout Interview) -> Void
    ) -> StepForm {
        StepForm(id.rawValue, questions: [StepQuestion(key, question, .yesNo)]) { answers, d, _ in
            guard answers.bool(key) else { return .manual(why) }
            var d = d
            d.updateInterview(interview.id, change)
            return .changed(d, realName: nil)
        }
    }

    // MARK: Step 2

    private static func narrativeForm(
        _ dossier: Dossier, _ id: CheckID, intro: [Localized], unchanged: String?
    ) -> StepForm {
        let question = StepQuestion(
            "narratief", PromptText.narrative, .longText, default: dossier.currentNarrative?.text ?? ""
        ) { text, _ in
            if let unchanged, text == unchanged { throw CasusError(.invalidInput, PromptText.narrativeUnchanged) }
        }
        return StepForm(id.rawValue, intro: intro, questions: [question]) { answers, d, actor in
            var d = d
            let number = (d.narrative.map(\.number).max() ?? 0) + 1
            d.narrative.append(NarrativeVersion(number: number, author: actor, text: answers.text("narratief")))
            d.casus.currentNarrative = number
            return .changed(d, realName: nil)
        }
    }

    // MARK: Step 3

    private static func agencyContactForm(_ agencies: [Agency]) -> StepForm {
        // One agency keeps the short key `contact`; several get `contact-<id>`.
        @Sendable func key(_ agency: Agency) -> String { agencies.count == 1 ? "contact" : "contact-\(agency.id)" }
        let questions = agencies.map { agency in
            StepQuestion.choice(
                key(agency), PromptText.agencyContact(agency.name), ContactStatus.self,
                among: [.gesproken, .geweigerd, .benaderd])
        }
        return StepForm(CheckID.agenciesContacted.rawValue, questions: questions) { answers, d, _ in
            var d = d
            for agency in agencies {
                guard let i = d.agencies.firstIndex(where: { $0.id == agency.id }) else { continue }
                d.agencies[i].contact = try answers.choice(key(agency), ContactStatus.self)
            }
            return .changed(d, realName: nil)
        }
    }

    private static func findingForm(_ agency: Agency, events: [String]) -> StepForm {
        let questions = [
            StepQuestion("bewering", PromptText.findingClaim(agency.name), .text),
            StepQuestion.choice("uitkomst", PromptText.findingStatus, FindingStatus.self),
            StepQuestion("reactie", PromptText.findingResponse(agency.name), .optionalText),
            StepQuestion("gebeurtenissen", PromptText.findingEvents, .ids(known: events, required: false)),
            StepQuestion.choice("niveau", PromptText.findingLevel, AgencyLevel.self, default: .uitvoering),
            StepQuestion("bron", PromptText.findingSource, .optionalText),
        ]
        return StepForm(CheckID.findings.rawValue, questions: questions) { answers, d, _ in
            var d = d
            d.findings.append(
                Finding(
                    id: try EntityID.next(prefix: "F", existing: d.findings.map(\.id)), agencyId: agency.id,
                    level: try answers.choice("niveau", AgencyLevel.self), claim: answers.text("bewering"),
                    status: try answers.choice("uitkomst", FindingStatus.self), source: answers.optionalText("bron"),
                    eventIds: answers.ids("gebeurtenissen"), note: answers.optionalText("reactie")))
            return .changed(d, realName: nil)
        }
    }

    private static func surroundingsForm(_ dossier: Dossier) -> StepForm {
        let questions = [
            StepQuestion("omgeving-pseudoniem", PromptText.surroundingPseudonym, .text) { text, _ in
                try newPseudonym(text, in: dossier)
            },
            StepQuestion("relatie", PromptText.relation, .text),
        ]
        return StepForm(CheckID.surroundings.rawValue, questions: questions) { answers, d, _ in
            var d = d
            d.participants.append(
                Participant(
                    id: try EntityID.next(prefix: "P", existing: d.participants.map(\.id)),
                    pseudonym: answers.text("omgeving-pseudoniem"), role: .omgeving, relation: answers.text("relatie")))
            return .changed(d, realName: nil)
        }
    }

    // MARK: Step 4

    private static func factsQuestion(_ dossier: Dossier) -> StepQuestion {
        StepQuestion(
            "feiten", PromptText.leervraagFacts,
            .ids(known: dossier.events.map(\.id) + dossier.findings.map(\.id), required: true))
    }

    private static func leervraagForm(_ dossier: Dossier) -> StepForm {
        let questions = [StepQuestion("leervraag", PromptText.leervraag, .text), factsQuestion(dossier)]
        return StepForm(CheckID.leervraag.rawValue, questions: questions) { answers, d, _ in
            var d = d
            let facts = answers.ids("feiten")
            d.leervragen.append(
                Leervraag(
                    id: try EntityID.next(prefix: "L", existing: d.leervragen.map(\.id)),
                    text: answers.text("leervraag"), eventIds: facts.filter { $0.hasPrefix("E") },
                    findingIds: facts.filter { $0.hasPrefix("F") }))
            return .changed(d, realName: nil)
        }
    }

    private static func leervraagLinkForm(_ dossier: Dossier, _ leervraag: Leervraag) -> StepForm {
        let intro = Localized(nl: "\(leervraag.id): \(leervraag.text)", en: "\(leervraag.id): \(leervraag.text)")
        return StepForm(CheckID.leervragenLinked.rawValue, intro: [intro], questions: [factsQuestion(dossier)]) {
            answers, d, _ in
            var d = d
            let facts = answers.ids("feiten")
            if let i = d.leervragen.firstIndex(where: { $0.id == leervraag.id }) {
                d.leervragen[i].eventIds = facts.filter { $0.hasPrefix("E") }
                d.leervragen[i].findingIds = facts.filter { $0.hasPrefix("F") }
            }
            return .changed(d, realName: nil)
        }
    }

    // MARK: Consent

    /// Asks whether a person consented to `purposes`; records it, or says what to do when not.
    private static func consentForm(
        _ id: CheckID, _ person: Participant, _ purposes: [ConsentPurpose], before limit: Timestamp?
    ) -> StepForm {
        let list = Localized(
            nl: purposes.map(\.label.nl).joined(separator: ", "), en: purposes.map(\.label.en).joined(separator: ", "))
        let given: @Sendable (StepAnswers) -> Bool = { $0.bool("toestemming-gegeven") }
        let questions = [
            StepQuestion(
                "toestemming-gegeven",
                Localized(
                    nl: PromptText.consentGiven(person.pseudonym, list.nl).nl,
                    en: PromptText.consentGiven(person.pseudonym, list.en).en), .yesNo),
            StepQuestion("toestemming-moment", PromptText.consentMoment(PersonWords(person)), .moment) { text, _ in
                if let limit, try InputParsing.timestamp(text).date > limit.date {
                    throw CasusError(.invalidInput, PromptText.consentBeforeInterview)
                }
            }.asked(when: given),
            StepQuestion.choice(
                "toestemming-wijze", PromptText.consentMethod, ConsentMethod.self, default: .schriftelijk
            )
            .asked(when: given),
        ]
        return StepForm(id.rawValue, needs: [.consent], questions: questions, file: .consentEvidence) {
            answers, d, actor in
            guard given(answers) else { return .manual(PromptText.consentNotGiven(person.pseudonym)) }
            var d = d
            d.consent.append(
                ConsentEntry(
                    id: try EntityID.next(prefix: "C", existing: d.consent.map(\.id)), participantId: person.id,
                    granted: purposes, at: try answers.moment("toestemming-moment"),
                    method: try answers.choice("toestemming-wijze", ConsentMethod.self), evidence: answers.file,
                    obtainedBy: actor))
            return .changed(d, realName: nil)
        }
    }

    /// Sharing consent names an agency of the dossier; said at the answer, not after the whole step.
    private static func knownAgencies(_ purposes: [ConsentPurpose], in dossier: Dossier) throws {
        let unknown = purposes.compactMap(\.sharedAgency).filter { dossier.agency($0) == nil }
        guard unknown.isEmpty else {
            throw CasusError(.invalidInput, PromptText.unknownAgency(unknown, known: dossier.agencies.map(\.id)))
        }
    }

    private static func newPseudonym(_ text: String, in dossier: Dossier) throws {
        guard dossier.participant(named: text) == nil else {
            throw CasusError(.conflict, PromptText.pseudonymTaken(text))
        }
    }
}

extension StepQuestion {
    /// The same question, asked only when `condition` holds for the answers before it.
    func asked(when condition: @escaping @Sendable (StepAnswers) -> Bool) -> StepQuestion {
        StepQuestion(
            key, prompt, kind, help: help, default: defaultValue, labels: labels, check: extraCheck,
            askedWhen: condition)
    }

    /// The same question with one more check.
    func checked(_ check: @escaping @Sendable (String, StepAnswers) throws -> Void) -> StepQuestion {
        let first = extraCheck
        return StepQuestion(
            key, prompt, kind, help: help, default: defaultValue, labels: labels,
            check: {
                try first($0, $1)
                try check($0, $1)
            }, askedWhen: askedWhen)
    }
}

extension Dossier {
    mutating func updateInterview(_ id: String, _ change: (inout Interview) -> Void) {
        guard let i = interviews.firstIndex(where: { $0.id == id }) else { return }
        change(&interviews[i])
    }
}
