import Foundation

/// What the narrative linter found, passed in by the caller (the core does not lint).
public struct NarrativeLintResult: Sendable, Equatable {
    /// Quotations in the narrative that do not occur in any transcript.
    public var untraceableQuotes: [String]
    public var voiceFindings: Int
    public var abstractFindings: Int
    public var otherFindings: Int

    public init(untraceableQuotes: [String], voiceFindings: Int, abstractFindings: Int, otherFindings: Int) {
        self.untraceableQuotes = untraceableQuotes
        self.voiceFindings = voiceFindings
        self.abstractFindings = abstractFindings
        self.otherFindings = otherFindings
    }
}

/// One check of a step's gate.
public struct GateCheck: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Fulfilled.
        case done
        /// Something has to be done.
        case missing
        /// The case cannot go on without a coach's override.
        case blocked
        /// Failing, but a coach let the case go on.
        case overridden
        /// For information; never holds the case back.
        case note
    }

    /// A stable id such as `1.toestemming-interview`, which an override names.
    public var id: String
    public var step: Step
    public var state: State
    public var title: Localized
    /// What is missing, or the override's reason.
    public var detail: Localized?
    public var why: Localized

    public var holdsBack: Bool { state == .missing || state == .blocked }
}

/// The coach's latest word on a step.
public struct ReviewState: Codable, Sendable, Equatable {
    public var review: Review?
    /// The step's material changed since the review (signed off or sent back).
    public var changedSinceReview: Bool

    public var signedOff: Bool { review?.decision == .goedgekeurd && !changedSinceReview }

    /// Sent back by the coach and not revised since.
    public var awaitingRevision: Bool { review?.decision == .teruggestuurd && !changedSinceReview }

    public var description: Localized {
        guard let review else { return WorkflowText.notReviewed }
        switch review.decision {
        case .goedgekeurd:
            return changedSinceReview ? WorkflowText.changedSinceReview(review) : WorkflowText.signedOff(review)
        case .teruggestuurd:
            return changedSinceReview ? WorkflowText.revisedSinceReturn(review) : WorkflowText.returned(review)
        case .opmerking: return Localized(nl: "opmerking van \(review.coach)", en: "comment by \(review.coach)")
        }
    }
}

/// Where one step stands.
public struct StepStatus: Codable, Sendable, Equatable {
    public var step: Step
    public var checks: [GateCheck]
    public var review: ReviewState

    /// Whether nothing holds the step back (overrides count as passing).
    public var passed: Bool { !checks.contains(where: \.holdsBack) }
}

/// Where the whole dossier stands on the route.
public struct WorkflowStatus: Codable, Sendable, Equatable {
    public var caseId: String
    public var steps: [StepStatus]
    /// The latest Doetank gatekeepers review, if the case feeds a Doetank.
    public var doetank: DoetankReview?

    /// The first step whose gate is not passed; nil when every step passes.
    public var currentStep: Step? { steps.first { !$0.passed }?.step }

    /// Steps 0–2 pass: the narrative can go to the agencies.
    public var readyForContraExpertise: Bool { steps.prefix(3).allSatisfy(\.passed) }

    /// The first check that holds the dossier back.
    public var nextCheck: GateCheck? { steps.lazy.flatMap(\.checks).first(where: \.holdsBack) }
}

/// The gates of the case method, evaluated from a dossier. Pure: the same dossier gives the same status.
public enum Gates {
    public static func evaluate(_ dossier: Dossier, lint: NarrativeLintResult? = nil) -> WorkflowStatus {
        let steps: [(Step, [GateCheck])] = [
            (.selection, selection(dossier)),
            (.interview, interview(dossier)),
            (.narrative, narrative(dossier, lint: lint)),
            (.contraExpertise, contraExpertise(dossier)),
            (.report, report(dossier)),
        ]
        return WorkflowStatus(
            caseId: dossier.casus.id,
            steps: steps.map { step, checks in
                StepStatus(
                    step: step, checks: checks.map { applyOverride($0, dossier) }, review: reviewState(step, dossier))
            },
            doetank: dossier.doetank.max { EntityID.precedes($0.id, $1.id) })
    }

    private static func check(
        _ id: String, _ step: Step, _ ok: Bool, _ title: Localized, _ missing: @autoclosure () -> Localized,
        _ why: Localized, blocked: Bool = false
    ) -> GateCheck {
        GateCheck(
            id: id, step: step, state: ok ? .done : (blocked ? .blocked : .missing), title: title,
            detail: ok ? nil : missing(), why: why)
    }

    private static func check(
        _ id: CheckID, _ step: Step, _ ok: Bool, _ title: Localized, _ missing: @autoclosure () -> Localized,
        _ why: Localized, blocked: Bool = false
    ) -> GateCheck {
        check(id.rawValue, step, ok, title, missing(), why, blocked: blocked)
    }

    private static func applyOverride(_ check: GateCheck, _ dossier: Dossier) -> GateCheck {
        guard check.holdsBack,
            let override = dossier.overrides.last(where: { $0.check == check.id && $0.step == check.step })
        else { return check }
        var result = check
        result.state = .overridden
        result.detail = WorkflowText.overriddenBy(override)
        return result
    }

    // MARK: Step 0

    static func selection(_ d: Dossier) -> [GateCheck] {
        Precondition.allCases.map { precondition in
            let n = precondition.rawValue
            let answer = d.selection.first { $0.number == n }
            let id = CheckID.precondition(n)
            guard let answer, !answer.justification.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return check(
                    id, .selection, false, WorkflowText.precondition(n),
                    WorkflowText.preconditionMissing(n, precondition.label), WorkflowText.preconditionWhy)
            }
            return check(
                id, .selection, answer.met, WorkflowText.precondition(n),
                WorkflowText.preconditionNotMet(n, answer.justification),
                WorkflowText.preconditionWhy, blocked: true)
        }
    }

    // MARK: Step 1

    static func interview(_ d: Dossier) -> [GateCheck] {
        let ledger = d.consentLedger
        let endUsers = d.participants.filter { $0.role == .eindgebruiker }
        var checks = [
            check(
                .endUser, .interview, !endUsers.isEmpty, WorkflowText.endUser, WorkflowText.endUserMissing,
                WorkflowText.endUserWhy)
        ]
        let interviews = d.interviews.filter { i in endUsers.contains { $0.id == i.participantId } }
        checks.append(
            check(
                .interview, .interview, !interviews.isEmpty, WorkflowText.interview, WorkflowText.interviewMissing,
                WorkflowText.interviewWhy))
        guard !interviews.isEmpty else { return checks }
        let noConsent = interviews.filter { !ledger.isGranted(.interview, to: $0.participantId, asOf: $0.at.date) }.map(
            \.id)
        checks.append(
            check(
                .interviewConsent, .interview, noConsent.isEmpty, WorkflowText.interviewConsent,
                WorkflowText.interviewConsentMissing(noConsent), WorkflowText.interviewConsentWhy))
        let recorded = interviews.filter { $0.mode == .geluidsopname }
        if !recorded.isEmpty {
            let noRecording = recorded.filter {
                !ledger.isGranted(.audioRecording, to: $0.participantId, asOf: $0.at.date)
            }.map(\.id)
            checks.append(
                check(
                    .recordingConsent, .interview, noRecording.isEmpty, WorkflowText.recordingConsent,
                    WorkflowText.recordingConsentMissing(noRecording), WorkflowText.recordingConsentWhy))
            let transcribed = recorded.filter { $0.transcript != nil }
            let noTranscription = transcribed.filter { !ledger.isGranted(.transcription, to: $0.participantId) }
            if !transcribed.isEmpty {
                let affected = noTranscription.flatMap {
                    ConsentImpact.material(of: $0.participantId, withdrawing: [.transcription], in: d)
                }
                checks.append(
                    check(
                        .transcriptionConsent, .interview, noTranscription.isEmpty,
                        WorkflowText.transcriptionConsent,
                        join(WorkflowText.transcriptionConsentMissing(noTranscription.map(\.id)), affected),
                        WorkflowText.transcriptionConsentWhy))
            }
        }
        let short = interviews.filter {
            ($0.actualMinutes ?? $0.plannedMinutes) < Interview.recommendedMinutes && ($0.shortReason ?? "").isEmpty
        }.map(\.id)
        checks.append(
            check(
                .duration, .interview, short.isEmpty, WorkflowText.duration, WorkflowText.durationShort(short),
                WorkflowText.durationWhy))
        let unsafe = interviews.filter { !$0.safetyChecked }.map(\.id)
        checks.append(
            check(
                .safety, .interview, unsafe.isEmpty, WorkflowText.safety, WorkflowText.safetyMissing(unsafe),
                WorkflowText.safetyWhy))
        let unexplained = interviews.filter { !$0.storyExplained }.map(\.id)
        checks.append(
            check(
                .explained, .interview, unexplained.isEmpty, WorkflowText.explained,
                WorkflowText.explainedMissing(unexplained), WorkflowText.explainedWhy))
        let noTranscript = interviews.filter {
            ($0.transcript ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }.map(\.id)
        checks.append(
            check(
                .transcript, .interview, noTranscript.isEmpty, WorkflowText.transcript,
                WorkflowText.transcriptMissing(noTranscript), WorkflowText.transcriptWhy))
        return checks
    }

    // MARK: Step 2

    static func narrative(_ d: Dossier, lint: NarrativeLintResult?) -> [GateCheck] {
        guard d.currentNarrative != nil else {
            return [
                check(
                    .narrative, .narrative, false, WorkflowText.narrative, WorkflowText.narrativeMissing,
                    WorkflowText.narrativeWhy)
            ]
        }
        let ledger = d.consentLedger
        var checks = [
            check(
                .narrative, .narrative, true, WorkflowText.narrative, WorkflowText.narrativeMissing,
                WorkflowText.narrativeWhy)
        ]
        if let lint {
            checks.append(
                check(
                    .quotesTraceable, .narrative, lint.untraceableQuotes.isEmpty, WorkflowText.quotesTraceable,
                    WorkflowText.quotesNotTraceable(lint.untraceableQuotes), WorkflowText.quotesTraceableWhy))
        } else {
            checks.append(
                GateCheck(
                    id: CheckID.quotesTraceable.rawValue, step: .narrative, state: .note,
                    title: WorkflowText.quotesTraceable,
                    detail: WorkflowText.quotesNotChecked, why: WorkflowText.quotesTraceableWhy))
        }
        if let endUser = d.endUser {
            let granted = ledger.isGranted(.narrative, to: endUser.id)
            checks.append(
                check(
                    .narrativeConsent, .narrative, granted, WorkflowText.narrativeConsent,
                    join(
                        WorkflowText.narrativeConsentMissing(endUser.pseudonym),
                        ConsentImpact.material(of: endUser.id, withdrawing: [.narrative], in: d)),
                    WorkflowText.narrativeConsentWhy))
        }
        // Marked quotes that the narrative uses must have their speaker's consent now.
        let withoutConsent = quotesWithoutConsent(d)
        let described = withoutConsent.map { "\($0.id) (\(d.participant($0.speakerId)?.pseudonym ?? $0.speakerId))" }
        checks.append(
            check(
                .quoteConsent, .narrative, withoutConsent.isEmpty, WorkflowText.quoteConsent,
                WorkflowText.quoteConsentMissing(described), WorkflowText.quoteConsentWhy))
        if let lint {
            let counts = WorkflowText.lintFindings(
                voice: lint.voiceFindings, abstract: lint.abstractFindings, other: lint.otherFindings)
            if lint.voiceFindings > 0 {
                // The writer's own opinion, judgement or point of view: the researcher confirms each
                // version's findings (or rewrites) before the step is done; a coach can override.
                let confirmed = d.currentNarrative?.lintConfirmed.map { $0.findings >= lint.voiceFindings } ?? false
                var gate = check(
                    .lint, .narrative, confirmed, WorkflowText.lint, WorkflowText.lintToConfirm(counts),
                    WorkflowText.lintWhy)
                if confirmed, let by = d.currentNarrative?.lintConfirmed {
                    gate.detail = WorkflowText.lintConfirmed(counts, by: by.by)
                }
                checks.append(gate)
            } else {
                checks.append(
                    GateCheck(
                        id: CheckID.lint.rawValue, step: .narrative, state: .note, title: WorkflowText.lint,
                        detail: counts, why: WorkflowText.lintWhy))
            }
        }
        return checks
    }

    // MARK: Step 3

    static func contraExpertise(_ d: Dossier) -> [GateCheck] {
        let notContacted = agenciesNotContacted(d).map(\.name)
        let timelineHasAgency = d.events.contains { $0.actor.agencyId != nil } || !d.handoffs.isEmpty
        var checks = [
            check(
                .agenciesContacted, .contraExpertise, notContacted.isEmpty && timelineHasAgency,
                WorkflowText.agenciesContacted,
                timelineHasAgency
                    ? WorkflowText.agenciesNotContacted(notContacted) : WorkflowText.timelineWithoutAgencies,
                WorkflowText.agenciesContactedWhy)
        ]
        if d.currentNarrative != nil {
            let withoutFinding = agenciesNamedWithoutFinding(d).map(\.name)
            checks.append(
                check(
                    .findings, .contraExpertise, withoutFinding.isEmpty, WorkflowText.findings,
                    WorkflowText.findingsMissing(withoutFinding), WorkflowText.findingsWhy))
        }
        checks.append(
            check(
                .surroundings, .contraExpertise, d.participants.contains { $0.role == .omgeving },
                WorkflowText.surroundings,
                WorkflowText.surroundingsMissing, WorkflowText.surroundingsWhy))
        if d.endUser != nil {
            let unconsented = agenciesSharedWithoutConsent(d).map(\.name)
            checks.append(
                check(
                    .sharingConsent, .contraExpertise, unconsented.isEmpty, WorkflowText.sharingConsent,
                    WorkflowText.sharingConsentMissing(unconsented), WorkflowText.sharingConsentWhy))
        }
        return checks
    }

    /// Agencies in the timeline (events and handoffs) that were neither interviewed nor declined.
    public static func agenciesNotContacted(_ d: Dossier) -> [Agency] {
        var inTimeline: [String] = []
        for id in d.chronologicalEvents.compactMap(\.actor.agencyId)
            + d.handoffs.flatMap({ [$0.fromAgencyId, $0.toAgencyId] }) where !inTimeline.contains(id)
        {
            inTimeline.append(id)
        }
        return inTimeline.compactMap(d.agency).filter { $0.contact != .gesproken && $0.contact != .geweigerd }
    }

    /// Agencies the current narrative names that have no finding yet.
    public static func agenciesNamedWithoutFinding(_ d: Dossier) -> [Agency] {
        guard let narrative = d.currentNarrative else { return [] }
        let text = narrative.text.lowercased()
        return d.agencies.filter { agency in
            AgencyNames.variants(of: agency).contains { QuoteMatching.containsWord(text, $0) }
                && !d.findings.contains { $0.agencyId == agency.id }
        }
    }

    /// Agencies the story went to (interviewed, or a finding other than a refusal) without the end user's consent to share with them.
    public static func agenciesSharedWithoutConsent(_ d: Dossier) -> [Agency] {
        guard let endUser = d.endUser else { return [] }
        let ledger = d.consentLedger
        return d.agencies.filter { agency in
            (agency.contact == .gesproken
                || d.findings.contains { $0.agencyId == agency.id && $0.status != .geweigerd })
                && !ledger.isGranted(.sharing(with: agency.id), to: endUser.id)
        }
    }

    /// Marked quotes that the current narrative uses while their speaker's consent for verbatim quotes is missing.
    public static func quotesWithoutConsent(_ d: Dossier) -> [Quote] {
        guard let narrative = d.currentNarrative else { return [] }
        let ledger = d.consentLedger
        let text = QuoteMatching.normalize(narrative.text)
        return d.quotes.filter {
            text.contains(QuoteMatching.normalize($0.text)) && !ledger.isGranted(.verbatimQuotes, to: $0.speakerId)
        }
    }

    // MARK: Step 4

    static func report(_ d: Dossier) -> [GateCheck] {
        var checks = [
            check(
                .leervraag, .report, !d.leervragen.isEmpty, WorkflowText.leervraag, WorkflowText.leervraagMissing,
                WorkflowText.leervraagWhy)
        ]
        let unlinked = d.leervragen.filter { $0.eventIds.isEmpty && $0.findingIds.isEmpty }.map(\.id)
        checks.append(
            check(
                .leervragenLinked, .report, unlinked.isEmpty, WorkflowText.leervragenLinked,
                WorkflowText.leervragenUnlinked(unlinked), WorkflowText.leervragenLinkedWhy))
        checks.append(
            check(
                .summary, .report, !(d.casus.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                WorkflowText.summary, WorkflowText.summaryMissing, WorkflowText.summaryWhy))
        checks.append(
            check(
                .publicationForm, .report, d.casus.publicationForm != nil, WorkflowText.publicationForm,
                WorkflowText.publicationFormMissing, WorkflowText.publicationFormWhy))
        if let endUser = d.endUser {
            let ledger = d.consentLedger
            var needed: [ConsentPurpose] = [.report]
            if let form = d.casus.publicationForm { needed.append(form.consentPurpose) }
            let missing = needed.filter { !ledger.isGranted($0, to: endUser.id) }
            checks.append(
                check(
                    .reportConsent, .report, missing.isEmpty, WorkflowText.reportConsent,
                    WorkflowText.reportConsentMissing(endUser.pseudonym, missing.map(\.rawValue)),
                    WorkflowText.reportConsentWhy))
        }
        // The definitive report follows the wederhoor: at least one round, and none left unanswered.
        let open = d.wederhoor.filter { $0.response == nil && !$0.declined }.map(\.id)
        checks.append(
            check(
                .wederhoorDone, .report, !d.wederhoor.isEmpty && open.isEmpty, WorkflowText.wederhoorDone,
                d.wederhoor.isEmpty ? WorkflowText.wederhoorNone : WorkflowText.wederhoorOpen(open),
                WorkflowText.wederhoorWhy))
        return checks
    }

    // MARK: Reviews

    static func reviewState(_ step: Step, _ d: Dossier) -> ReviewState {
        guard
            let latest = d.reviews.filter({ $0.step == step && $0.decision != .opmerking }).max(by: {
                EntityID.precedes($0.id, $1.id)
            })
        else {
            return ReviewState(review: d.reviews.last { $0.step == step }, changedSinceReview: false)
        }
        let changed = latest.contentHash != nil && latest.contentHash != StepFingerprint.of(step, in: d)
        return ReviewState(review: latest, changedSinceReview: changed)
    }

    private static func join(_ message: Localized, _ affected: [Localized]) -> Localized {
        guard !affected.isEmpty else { return message }
        let list = WorkflowText.affected(affected.map(\.nl))
        let listEn = WorkflowText.affected(affected.map(\.en))
        return Localized(nl: message.nl + " " + list.nl, en: message.en + " " + listEn.en)
    }
}

/// A fingerprint of what a coach reviews in each step, so a sign-off can tell when it went stale.
public enum StepFingerprint {
    public static func of(_ step: Step, in d: Dossier) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data?
        switch step {
        case .selection: data = try? encoder.encode(d.selection)
        case .interview:
            data = try? encoder.encode(
                d.interviews.filter { i in d.participant(i.participantId)?.role == .eindgebruiker })
        case .narrative: data = try? encoder.encode(d.currentNarrative.map { [$0.text] } ?? [])
        case .contraExpertise:
            data = try? encoder.encode([
                try? encoder.encode(d.agencies), try? encoder.encode(d.findings), try? encoder.encode(d.handoffs),
            ])
        case .report:
            data = try? encoder.encode([
                try? encoder.encode(d.leervragen), try? encoder.encode(d.dilemmas),
                try? encoder.encode(d.casus.publicationForm),
            ])
        }
        // FNV-1a: change detection, not security.
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in data ?? Data() { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return String(hash, radix: 16)
    }
}

/// Finding the words of a quote or a name in a text, forgiving case, spacing and typographic quotes.
public enum QuoteMatching {
    public static func normalize(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}": out += "'"; space = false
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": out += "\""; space = false
            default:
                // ASCII first: the Unicode property lookup is slow and most text is ASCII.
                let whitespace =
                    scalar.value < 128
                    ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B
                        || scalar.value == 0x0C)
                    : scalar.properties.isWhitespace
                if whitespace {
                    if !space { out += " " }
                    space = true
                } else {
                    out.unicodeScalars.append(scalar)
                    space = false
                }
            }
        }
        // Trim spaces and sentence punctuation at both ends (by scalars: Foundation's trimming is slow here).
        let edge: (Unicode.Scalar) -> Bool = { " .,;:!?".unicodeScalars.contains($0) }
        let scalars = out.unicodeScalars
        guard let first = scalars.firstIndex(where: { !edge($0) }), let last = scalars.lastIndex(where: { !edge($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Whether `needle` occurs in `haystack` with no letter or digit directly around it.
    public static func containsWord(_ haystack: String, _ needle: String) -> Bool {
        guard !needle.isEmpty else { return false }
        var from = haystack.startIndex
        while let found = haystack.range(of: needle, range: from..<haystack.endIndex) {
            let before =
                found.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: found.lowerBound)]
            let after = found.upperBound == haystack.endIndex ? nil : haystack[found.upperBound]
            if !(before?.isLetter ?? false) && !(before?.isNumber ?? false) && !(after?.isLetter ?? false)
                && !(after?.isNumber ?? false)
            {
                return true
            }
            from = haystack.index(after: found.lowerBound)
        }
        return false
    }
}

/// The ways a narrative may name an agency: its id (CJIB), its full name, and the name without
/// a prefix such as "Gemeente Rijnstede, team …".
public enum AgencyNames {
    public static func variants(of agency: Agency) -> [String] {
        var names = [agency.id.lowercased(), agency.name.lowercased()]
        if let comma = agency.name.firstIndex(of: ",") { names.append(String(agency.name[..<comma]).lowercased()) }
        return names.filter { $0.count >= 3 }
    }
}
