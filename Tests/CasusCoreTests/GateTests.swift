import CasusCore
import Foundation
import Testing

@Suite("Gates of the guided route")
struct GateTests {
    static let clean = NarrativeLintResult(
        untraceableQuotes: [], voiceFindings: 0, abstractFindings: 0, otherFindings: 0)

    func state(_ status: WorkflowStatus, _ id: String) -> GateCheck.State? {
        status.steps.flatMap(\.checks).first { $0.id == id }?.state
    }

    func sample(_ name: String) throws -> Dossier { try Repository.sample(name).dossier }

    /// A dossier that passes steps 0–2, built by hand.
    func minimal() -> Dossier {
        let at = Timestamp("2024-03-05T14:00:00+01:00")!
        var d = Dossier(
            casus: Casus(
                id: "klein", title: "Klein", vraagstuk: "Werkt het?", publicationForm: .pseudoniem, createdAt: at))
        d.selection = (1...7).map {
            PreconditionAnswer(number: $0, met: true, justification: "ja", answeredBy: "t", at: at)
        }
        d.participants = [Participant(id: "P1", pseudonym: "Sanne", role: .eindgebruiker, endUserKind: .burger)]
        d.consent = [
            ConsentEntry(
                id: "C1", participantId: "P1",
                granted: [.interview, .verbatimQuotes, .narrative, .report, .publicationPseudonymised],
                at: Timestamp("2024-03-01T10:00:00+01:00")!, method: .schriftelijk, obtainedBy: "t")
        ]
        d.interviews = [
            Interview(
                id: "I1", participantId: "P1", at: at, actualMinutes: 125, mode: .aantekeningen, interviewers: ["t"],
                safetyChecked: true, storyExplained: true, transcript: "Sanne: Ik schrok me kapot.")
        ]
        d.quotes = [Quote(id: "Q1", interviewId: "I1", start: 7, end: 26, speakerId: "P1", text: "Ik schrok me kapot.")]
        d.narrative = [NarrativeVersion(number: 1, author: "t", at: at, text: "“Ik schrok me kapot,” zegt Sanne.")]
        return d
    }

    @Test("the sample dossiers pass every step")
    func samplesPass() throws {
        for name in Repository.sampleNames {
            let status = Gates.evaluate(try sample(name), lint: Self.clean)
            let holding = status.steps.flatMap(\.checks).filter(\.holdsBack).map(\.id)
            #expect(holding.isEmpty, "\(name): \(holding)")
            #expect(status.currentStep == nil)
            #expect(status.readyForContraExpertise)
        }
    }

    @Test("step 0: an unanswered precondition is missing; a 'no' blocks until a coach overrides it with a reason")
    func preconditions() {
        var d = minimal()
        d.selection.removeLast()
        #expect(state(Gates.evaluate(d), "0.voorwaarde-7") == .missing)
        d.selection.append(
            PreconditionAnswer(number: 7, met: false, justification: "geen politieke urgentie", answeredBy: "t"))
        let blocked = Gates.evaluate(d)
        #expect(state(blocked, "0.voorwaarde-7") == .blocked)
        #expect(blocked.currentStep == .selection)
        d.overrides.append(
            GateOverride(id: "O1", step: .selection, check: "0.voorwaarde-7", reason: "raad vroeg erom", by: "coach"))
        let overridden = Gates.evaluate(d)
        #expect(state(overridden, "0.voorwaarde-7") == .overridden)
        #expect(overridden.steps[0].passed)
    }

    @Test(
        "step 1: consent before the interview, recording consent for audio, two hours or a reason, safety, explanation, transcript"
    )
    func interview() {
        var d = minimal()
        #expect(Gates.evaluate(d).steps[1].passed)
        d.consent[0].at = Timestamp("2024-03-06T10:00:00+01:00")!
        #expect(state(Gates.evaluate(d), "1.toestemming-interview") == .missing)
        d = minimal()
        d.interviews[0].mode = .geluidsopname
        #expect(state(Gates.evaluate(d), "1.toestemming-opname") == .missing)
        d.consent.append(
            ConsentEntry(
                id: "C2", participantId: "P1", granted: [.audioRecording, .transcription],
                at: Timestamp("2024-03-05T13:55:00+01:00")!,
                method: .opname, obtainedBy: "t"))
        #expect(state(Gates.evaluate(d), "1.toestemming-opname") == .done)
        d = minimal()
        d.interviews[0].actualMinutes = 80
        #expect(state(Gates.evaluate(d), "1.duur") == .missing)
        d.interviews[0].shortReason = "Ze moest de kinderen halen; vervolggesprek op 12 maart."
        #expect(state(Gates.evaluate(d), "1.duur") == .done)
        d = minimal()
        d.interviews[0].safetyChecked = false
        d.interviews[0].storyExplained = false
        d.interviews[0].transcript = nil
        let status = Gates.evaluate(d)
        #expect(
            state(status, "1.veiligheid") == .missing && state(status, "1.uitleg") == .missing
                && state(status, "1.transcript") == .missing)
        #expect(status.nextCheck?.id == "1.veiligheid")
        #expect(state(Gates.evaluate(Dossier(casus: d.casus)), "1.eindgebruiker") == .missing)
    }

    @Test(
        "step 2: a narrative, traceable quotes, consent for the narrative and the quotes it uses; the writer's voice findings are confirmed or rewritten, others only shown"
    )
    func narrative() throws {
        var d = minimal()
        #expect(Gates.evaluate(d, lint: Self.clean).steps[2].passed)
        let lint = NarrativeLintResult(
            untraceableQuotes: ["Ik schrok me rot"], voiceFindings: 3, abstractFindings: 1, otherFindings: 2)
        let status = Gates.evaluate(d, lint: lint)
        #expect(state(status, "2.citaten-herleidbaar") == .missing)
        #expect(state(status, "2.linter") == .missing)
        #expect(status.steps[2].checks.first { $0.id == "2.linter" }?.detail?.nl.contains("3 opmerking") == true)
        // Confirmed for this version: done, and who confirmed is shown.
        let current = try #require(d.narrative.firstIndex { $0.number == d.currentNarrative?.number })
        d.narrative[current].lintConfirmed = LintConfirmation(by: "ilse", findings: 3)
        let confirmed = Gates.evaluate(d, lint: lint)
        #expect(state(confirmed, "2.linter") == .done)
        #expect(confirmed.steps[2].checks.first { $0.id == "2.linter" }?.detail?.nl.contains("ilse") == true)
        // More findings than were confirmed (new rules) ask again; only abstract ones are a note.
        let more = NarrativeLintResult(untraceableQuotes: [], voiceFindings: 4, abstractFindings: 0, otherFindings: 0)
        #expect(state(Gates.evaluate(d, lint: more), "2.linter") == .missing)
        let abstractOnly = NarrativeLintResult(
            untraceableQuotes: [], voiceFindings: 0, abstractFindings: 5, otherFindings: 0)
        #expect(state(Gates.evaluate(d, lint: abstractOnly), "2.linter") == .note)
        d.narrative[current].lintConfirmed = nil
        #expect(state(Gates.evaluate(d), "2.citaten-herleidbaar") == .note)
        d.narrative = []
        #expect(state(Gates.evaluate(d), "2.narratief") == .missing)
    }

    @Test("consent withdrawn after a step passed re-opens it and names the material")
    func withdrawal() throws {
        var d = try sample("boete-schuldhulp")
        #expect(Gates.evaluate(d, lint: Self.clean).steps[2].passed)
        d.consent.append(
            ConsentEntry(
                id: "C7", participantId: "P1", withdrawn: [.verbatimQuotes, .narrative], at: .now(), method: .mondeling,
                obtainedBy: "t"))
        let status = Gates.evaluate(d, lint: Self.clean)
        #expect(!status.steps[2].passed)
        let quotes = try #require(status.steps[2].checks.first { $0.id == "2.toestemming-citaten" })
        #expect(quotes.state == .missing && quotes.detail?.nl.contains("(Sanne)") == true, "\(quotes.detail?.nl ?? "")")
        let narrative = try #require(status.steps[2].checks.first { $0.id == "2.toestemming-narratief" })
        #expect(narrative.detail?.nl.contains("het narratief (3 versie(s))") == true, "\(narrative.detail?.nl ?? "")")
        // Sharing withdrawn re-opens step 3.
        d.consent.append(
            ConsentEntry(
                id: "C8", participantId: "P1", withdrawn: [.sharing(with: "cjib")], at: .now(), method: .mondeling,
                obtainedBy: "t"))
        #expect(
            Gates.evaluate(d).steps[3].checks.first { $0.id == "3.toestemming-delen" }?.detail?.nl.contains(
                "Centraal Justitieel Incassobureau") == true)
    }

    @Test(
        "step 3: agencies contacted, a finding for every agency the narrative names, people around her, consent to share"
    )
    func contraExpertise() throws {
        var d = try sample("boete-schuldhulp")
        #expect(Gates.evaluate(d).steps[3].passed)
        d.agencies[0].contact = .benaderd
        #expect(state(Gates.evaluate(d), "3.instanties-benaderd") == .missing)
        d = try sample("boete-schuldhulp")
        d.findings.removeAll { $0.agencyId == "kredietbank" }
        let status = Gates.evaluate(d)
        #expect(state(status, "3.bevindingen") == .missing)
        #expect(
            status.steps[3].checks.first { $0.id == "3.bevindingen" }?.detail?.nl.contains("Kredietbank Rijnstede")
                == true)
        d = minimal()
        #expect(state(Gates.evaluate(d), "3.omgeving") == .missing)
        d.overrides.append(
            GateOverride(
                id: "O1", step: .contraExpertise, check: "3.omgeving",
                reason: "Ze woont alleen en wil geen naasten betrekken.", by: "coach"))
        #expect(state(Gates.evaluate(d), "3.omgeving") == .overridden)
    }

    @Test("step 4: a learning question linked to facts, a publication form, consent for report and form")
    func report() throws {
        var d = minimal()
        #expect(state(Gates.evaluate(d), "4.leervraag") == .missing)
        d.leervragen = [Leervraag(id: "L1", text: "Wie hoort het?")]
        #expect(state(Gates.evaluate(d), "4.leervragen-gekoppeld") == .missing)
        d.casus.publicationForm = .naam
        #expect(state(Gates.evaluate(d), "4.toestemming-rapport") == .missing)
        d.casus.publicationForm = nil
        #expect(state(Gates.evaluate(d), "4.publicatievorm") == .missing)
        #expect(try Gates.evaluate(sample("bezwaar-wmo")).steps[4].passed)
    }

    @Test("a sign-off goes stale when the step's material changes")
    func staleReview() throws {
        var d = try sample("boete-schuldhulp")
        d.reviews.append(
            Review(
                id: "R9", step: .narrative, coach: "Karin", decision: .goedgekeurd,
                contentHash: StepFingerprint.of(.narrative, in: d)))
        #expect(Gates.evaluate(d).steps[2].review.signedOff)
        let next = (d.narrative.map(\.number).max() ?? 0) + 1
        d.narrative.append(NarrativeVersion(number: next, author: "t", text: "Een nieuwe versie."))
        d.casus.currentNarrative = next
        let review = Gates.evaluate(d).steps[2].review
        #expect(review.changedSinceReview && !review.signedOff)
        #expect(review.description.nl.contains("gewijzigd sinds"))
    }

    /// A hand-made dossier in which every rule of every step fails at once.
    func broken() -> Dossier {
        var d = minimal()
        d.selection = [PreconditionAnswer(number: 1, met: false, justification: "geen vraagstuk", answeredBy: "t")]
        d.consent[0].at = Timestamp("2024-03-06T10:00:00+01:00")!
        d.consent[0].granted = [.interview]
        d.interviews[0].mode = .geluidsopname
        d.interviews[0].actualMinutes = 45
        d.interviews[0].safetyChecked = false
        d.interviews[0].storyExplained = false
        d.interviews[0].transcript = nil
        d.agencies = [Agency(id: "cjib", name: "Centraal Justitieel Incassobureau", contact: .gesproken)]
        d.events = [TimelineEvent(id: "E1", date: FuzzyDate("2024-01"), actor: .agency("cjib"), what: "Brief")]
        d.narrative[0].text += " Het CJIB stuurde een brief."
        d.leervragen = [Leervraag(id: "L1", text: "Wie hoort het?")]
        d.casus.publicationForm = .naam
        return d
    }

    @Test("every rule fails on a broken hand-made dossier, and an override of each one lets its step pass")
    func overrideEveryRule() {
        var d = broken()
        let lint = NarrativeLintResult(
            untraceableQuotes: ["Ik schrok me rot"], voiceFindings: 0, abstractFindings: 0, otherFindings: 0)
        let failing = Gates.evaluate(d, lint: lint).steps.flatMap(\.checks).filter(\.holdsBack)
        let expected = [
            "0.voorwaarde-1", "0.voorwaarde-2", "1.toestemming-interview", "1.toestemming-opname", "1.duur",
            "1.veiligheid", "1.uitleg",
            "1.transcript", "2.citaten-herleidbaar", "2.toestemming-narratief", "2.toestemming-citaten",
            "3.bevindingen", "3.omgeving",
            "3.toestemming-delen", "4.leervragen-gekoppeld", "4.toestemming-rapport",
        ]
        for id in expected { #expect(failing.contains { $0.id == id }, "\(id) should fail") }
        #expect(failing.first { $0.id == "0.voorwaarde-1" }?.state == .blocked)
        // An override for one check leaves the others as they are.
        d.overrides = [
            GateOverride(id: "O1", step: .interview, check: "1.duur", reason: "Vervolggesprek gepland.", by: "coach")
        ]
        let one = Gates.evaluate(d, lint: lint)
        #expect(state(one, "1.duur") == .overridden && state(one, "1.veiligheid") == .missing)
        #expect(
            one.steps.flatMap(\.checks).first { $0.id == "1.duur" }?.detail?.nl.contains("Vervolggesprek gepland.")
                == true)
        // Overriding every failing check lets every step pass, and keeps who and why.
        d.overrides = failing.enumerated().map { i, check in
            GateOverride(id: "O\(i + 1)", step: check.step, check: check.id, reason: "reden \(i)", by: "Karin")
        }
        let all = Gates.evaluate(d, lint: lint)
        #expect(all.steps.filter { !$0.passed }.isEmpty)
        #expect(all.steps.flatMap(\.checks).filter { $0.state == .overridden }.count == failing.count)
        // An override recorded for a passing check changes nothing.
        var fine = minimal()
        fine.overrides = [GateOverride(id: "O1", step: .narrative, check: "2.narratief", reason: "-", by: "coach")]
        #expect(state(Gates.evaluate(fine), "2.narratief") == .done)
    }

    @Test("step 3 needs agencies in the timeline; an empty timeline is missing, not passed")
    func emptyTimeline() {
        var d = minimal()
        #expect(state(Gates.evaluate(d), "3.instanties-benaderd") == .missing)
        #expect(
            Gates.evaluate(d).steps[3].checks.first?.detail?.nl.contains(
                "gebeurtenissen uit het verhaal vast in de tijdlijn") == true)
        d.agencies = [Agency(id: "cjib", name: "CJIB")]
        d.events = [TimelineEvent(id: "E1", date: nil, actor: .agency("cjib"), what: "Brief")]
        #expect(state(Gates.evaluate(d), "3.instanties-benaderd") == .missing)
        d.agencies[0].contact = .geweigerd
        #expect(state(Gates.evaluate(d), "3.instanties-benaderd") == .done)
    }
}

@Suite("Check ids as one declaration")
struct CheckIDTests {
    @Test("every check the gates produce is declared in CheckID (or is a precondition), and the ids are unique")
    func declared() throws {
        #expect(Set(CheckID.allCases.map(\.rawValue)).count == CheckID.allCases.count)
        var dossiers = try Repository.sampleNames.map { try Repository.sample($0).dossier }
        dossiers.append(Dossier(casus: Casus(id: "leeg", title: "Leeg", vraagstuk: "?", researchers: ["t"])))
        var seen = Set<String>()
        for dossier in dossiers {
            for check in Gates.evaluate(dossier).steps.flatMap(\.checks) {
                seen.insert(check.id)
                #expect(
                    CheckID(rawValue: check.id) != nil || CheckID.preconditionNumber(check.id) != nil, "\(check.id)")
            }
        }
        #expect((1...7).allSatisfy { seen.contains(CheckID.precondition($0)) })
    }
}
