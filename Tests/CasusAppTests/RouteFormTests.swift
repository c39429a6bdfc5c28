import CasusApp
import CasusReports
import CasusStore
import Foundation
import Testing

@testable import CasusCore

@Suite("The route as data: step forms and apply(answers)")
struct RouteFormTests {
    /// A case with only a title: its next task is case selection.
    func newCase(_ fixture: ProtectedStore) throws -> Dossier {
        try fixture.operations.startCase(
            StepAnswers(["titel": "Loonfout", "vraagstuk": "Wat gebeurt er na een loonfout?", "coach": "Jan"]))
    }

    func form(_ task: StepTask?) throws -> StepForm {
        guard case .form(let form) = task else { throw CasusError(.invalidInput, nl: "geen formulier", en: "no form") }
        return form
    }

    @Test("a new case is started from the answers, with an id from its title")
    func startCase() throws {
        let fixture = try ProtectedStore()
        let dossier = try newCase(fixture)
        #expect(dossier.casus.id == "loonfout")
        #expect(dossier.casus.coach == "Jan")
        #expect(dossier.casus.researchers == ["onderzoeker"])
        #expect(try newCase(fixture).casus.id == "loonfout-2")
    }

    @Test("apply is pure: it returns the changed dossier, or names the wrong answer and why")
    func applyIsPure() throws {
        let fixture = try ProtectedStore()
        let dossier = try newCase(fixture)
        let next = try Casework.routeNext(of: dossier)
        #expect(next.check?.id == CheckID.precondition(1))
        let selection = try form(next.task)
        #expect(selection.questions.map(\.key).prefix(2) == ["voorwaarde-1", "onderbouwing-1"])
        #expect(selection.questions.count == 14)

        var answers = StepAnswers()
        for n in 1...7 {
            answers["voorwaarde-\(n)"] = "ja"
            answers["onderbouwing-\(n)"] = "Zo is het."
        }
        answers["voorwaarde-3"] = "misschien"
        do {
            _ = try selection.apply(answers, to: dossier, by: "onderzoeker")
            Issue.record("a bad yes/no answer was accepted")
        } catch let error as CasusError {
            #expect(error.message.nl.contains("voorwaarde-3"))
            #expect(error.kind == .invalidInput)
        }
        answers["voorwaarde-3"] = "nee"
        guard case .changed(let changed, _) = try selection.apply(answers, to: dossier, by: "onderzoeker") else {
            Issue.record("no change")
            return
        }
        #expect(changed.selection.count == 7)
        #expect(changed.selection.first { $0.number == 3 }?.met == false)
        // Nothing was saved: apply only computed.
        #expect(try fixture.store.dossier("loonfout").selection.isEmpty)
    }

    @Test("a question can depend on an earlier answer: a reason is asked only under two hours")
    func conditionalQuestions() throws {
        let fixture = try ProtectedStore()
        let dossier = try fixture.store.dossier("boete-schuldhulp")
        let interview = dossier.interviews[0]
        var shortened = dossier
        shortened.interviews[0].actualMinutes = 60
        shortened.interviews[0].shortReason = nil
        let check = GateCheck.placeholder(.duration)
        let durationForm = try form(RouteForms.task(for: check, in: shortened, lint: nil))
        #expect(durationForm.askedQuestions(StepAnswers(["duur": "2u30"])).map(\.key) == ["duur"])
        #expect(durationForm.askedQuestions(StepAnswers(["duur": "45"])).map(\.key) == ["duur", "reden-kort"])
        do {
            _ = try durationForm.apply(StepAnswers(["duur": "45"]), to: shortened, by: "x")
            Issue.record("a short interview without a reason was accepted")
        } catch let error as CasusError {
            #expect(error.message.en.contains("reden-kort"))
        }
        guard
            case .changed(let changed, _) = try durationForm.apply(StepAnswers(["duur": "2u"]), to: shortened, by: "x")
        else {
            Issue.record("no change")
            return
        }
        #expect(changed.interviews.first { $0.id == interview.id }?.actualMinutes == 120)
    }

    @Test("saving a step checks the role: a coach cannot record consent or a person; a refusal saves nothing")
    func saveStepAuthorizes() throws {
        let fixture = try ProtectedStore()
        _ = try newCase(fixture)
        var answers = StepAnswers()
        for n in 1...7 {
            answers["voorwaarde-\(n)"] = "ja"
            answers["onderbouwing-\(n)"] = "Zo is het."
        }
        let coach = Casework(store: fixture.store, vault: fixture.vault, actor: Operator(name: "jan", role: .coach))
        let selection = try form(try coach.routeNext("loonfout").task)
        #expect(throws: CasusError.self) { try coach.saveStep("loonfout", selection, answers) }
        #expect(try fixture.store.dossier("loonfout").selection.isEmpty)
        _ = try fixture.operations.saveStep("loonfout", selection, answers)

        // The end user, with a real name that goes only to the key vault.
        let endUser = try form(try fixture.operations.routeNext("loonfout").task)
        #expect(endUser.checkId == CheckID.endUser.rawValue)
        let person = StepAnswers(["pseudoniem": "Kees", "soort": "ondernemer", "naam": "Kees Jansen"])
        #expect(throws: CasusError.self) { try coach.saveStep("loonfout", endUser, person) }
        do {
            _ = try fixture.operations.saveStep("loonfout", endUser, StepAnswers(["pseudoniem": "K", "naam": "k"]))
            Issue.record("a pseudonym equal to the real name was accepted")
        } catch let error as CasusError {
            #expect(error.message.nl.contains("naam"))
        }
        _ = try fixture.operations.saveStep("loonfout", endUser, person)
        let saved = try fixture.store.dossier("loonfout")
        #expect(saved.endUser?.pseudonym == "Kees")
        #expect(try fixture.vault.identity(caseId: "loonfout", participantId: "P1")?.realName == "Kees Jansen")
        #expect(try fixture.contains("Kees Jansen").allSatisfy { $0.hasSuffix("vault.json") })

        // Consent refused at the question: the outcome says what to do and nothing changes.
        let interview = try form(try fixture.operations.routeNext("loonfout").task)
        #expect(interview.questions.first?.key == "toestemming")
        let consentCheck = GateCheck.placeholder(CheckID.transcriptionConsent)
        let consent = try form(RouteForms.task(for: consentCheck, in: saved, lint: nil))
        #expect(consent.askedQuestions(StepAnswers(["toestemming-gegeven": "nee"])).count == 1)
        guard
            case .manual = try fixture.operations.saveStep(
                "loonfout", consent, StepAnswers(["toestemming-gegeven": "nee"]))
        else {
            Issue.record("a refusal changed the dossier")
            return
        }
        #expect(try fixture.store.dossier("loonfout") == saved)
    }
}

@Suite("Consent answers in the route")
struct RouteConsentTests {
    @Test("sharing with an agency the dossier does not know is refused at the answer, with the known ids")
    func sharingWithUnknownAgency() throws {
        let fixture = try ProtectedStore()
        var dossier = try fixture.store.dossier("boete-schuldhulp")
        let endUser = try #require(dossier.endUser)
        dossier.consent = []
        dossier.interviews.removeAll { $0.participantId == endUser.id }
        let form = try RouteFormTests().form(RouteForms.task(for: .placeholder(.interview), in: dossier, lint: nil))
        let question = try #require(form.questions.first { $0.key == "toestemming" })
        do {
            _ = try question.check("interview,transcriptie,delen:gemeentee", after: StepAnswers())
            Issue.record("sharing with an unknown agency was accepted")
        } catch let error as CasusError {
            #expect(error.message.nl.contains("gemeentee") && error.message.nl.contains("cjib"))
        }
        #expect(try question.check("interview,delen:cjib", after: StepAnswers()) == "interview,delen:cjib")
    }

    @Test("a refused publication form is never offered; a refused report purpose needs a new consent entry")
    func refusedFormNotOffered() throws {
        let fixture = try ProtectedStore()
        var dossier = try fixture.store.dossier("boete-schuldhulp")
        let endUser = try #require(dossier.endUser)
        dossier.consent.append(
            ConsentEntry(
                id: "C99", participantId: endUser.id, granted: [], refused: [PublicationForm.naam.consentPurpose],
                at: .now(), method: .mondeling, obtainedBy: "onderzoeker"))
        dossier.casus.publicationForm = nil
        let form = try RouteFormTests().form(
            RouteForms.task(for: .placeholder(.publicationForm), in: dossier, lint: nil))
        guard case .choice(let values, _) = form.questions[0].kind else {
            Issue.record("not a choice")
            return
        }
        #expect(!values.contains(PublicationForm.naam.rawValue))
        #expect(throws: CasusError.self) { try form.questions[0].check("naam", after: StepAnswers()) }
        dossier.casus.publicationForm = .naam
        guard case .manual(let text) = RouteForms.task(for: .placeholder(.reportConsent), in: dossier, lint: nil) else {
            Issue.record("a refusal was put to a yes/no question")
            return
        }
        #expect(text.nl.contains("nieuwe toestemming"))
    }
}

@Suite("Step 3 walks every agency")
struct AgencyWalkTests {
    @Test("every agency not yet approached is asked in one form; approached ones are waited for")
    func everyAgency() throws {
        let fixture = try ProtectedStore()
        var dossier = try fixture.store.dossier("bezwaar-wmo")
        let open = Array(dossier.agencies.prefix(2)).map(\.id)
        for i in dossier.agencies.indices where open.contains(dossier.agencies[i].id) {
            dossier.agencies[i].contact = .nietBenaderd
        }
        let form = try RouteFormTests().form(
            RouteForms.task(for: .placeholder(.agenciesContacted), in: dossier, lint: nil))
        #expect(form.questions.map(\.key) == open.map { "contact-\($0)" })
        var answers = StepAnswers()
        answers["contact-\(open[0])"] = "gesproken"
        answers["contact-\(open[1])"] = "benaderd"
        guard case .changed(let changed, _) = try form.apply(answers, to: dossier, by: "x") else {
            Issue.record("no change")
            return
        }
        #expect(changed.agency(open[0])?.contact == .gesproken && changed.agency(open[1])?.contact == .benaderd)
        guard case .manual(let text) = RouteForms.task(for: .placeholder(.agenciesContacted), in: changed, lint: nil)
        else {
            Issue.record("an approached agency was asked again")
            return
        }
        #expect(text.nl.contains(changed.agency(open[1])?.name ?? "?"))
    }
}

@Suite("Step 4: the summary and the wederhoor before a definitive report")
struct ReportStepTests {
    @Test("the route asks the summary the report opens with")
    func summaryAsked() throws {
        let fixture = try ProtectedStore()
        _ = try fixture.operations.changeCase(
            "boete-schuldhulp",
            {
                var c = CaseChange(); c.summary = ""; return c
            }())
        let next = try Casework.routeNext(of: try fixture.store.dossier("boete-schuldhulp"))
        #expect(next.check?.id == CheckID.summary.rawValue)
        let form = try RouteFormTests().form(next.task)
        _ = try fixture.operations.saveStep(
            "boete-schuldhulp", form, StepAnswers(["samenvatting": "Sanne kreeg een oude boete tijdens de schuldhulp."])
        )
        #expect(try fixture.store.dossier("boete-schuldhulp").casus.summary?.hasPrefix("Sanne kreeg") == true)
    }

    @Test("a definitive report needs a completed wederhoor, or a coach's override with a reason")
    func definitiveNeedsWederhoor() throws {
        let fixture = try ProtectedStore()
        let caseId = "boete-schuldhulp"
        var options = ReportOptions(kind: .outsideIn, status: .definitief, date: "2026-11-30")
        options.language = .nl
        _ = try fixture.operations.report(caseId, options: options, format: .md)
        _ = try fixture.operations.sendWederhoor(caseId, agency: "cjib", kind: .bestuurlijk, sentAt: nil, due: nil)
        do {
            _ = try fixture.operations.report(caseId, options: options, format: .md)
            Issue.record("a definitive report went out with an open wederhoor round")
        } catch let error as CasusError {
            #expect(error.message.nl.contains("wederhoor") && error.message.nl.contains(CheckID.wederhoorDone.rawValue))
        }
        var draft = options
        draft.status = .conceptBestuurlijk
        _ = try fixture.operations.report(caseId, options: draft, format: .md)
        _ = try fixture.operations.overrideCheck(
            caseId, check: CheckID.wederhoorDone.rawValue, reason: "De termijn is verstreken zonder reactie.",
            coach: "Karin")
        _ = try fixture.operations.report(caseId, options: options, format: .md)
    }
}

@Suite("Findings: events, what the agency said, removal")
struct FindingTests {
    @Test("the route asks which events a finding is about and what the agency said; ids in any case")
    func findingForm() throws {
        let fixture = try ProtectedStore()
        var dossier = try fixture.store.dossier("boete-schuldhulp")
        let agency = try #require(dossier.agencies.first { a in dossier.findings.contains { $0.agencyId == a.id } })
        dossier.findings.removeAll { $0.agencyId == agency.id }
        for i in dossier.leervragen.indices { dossier.leervragen[i].findingIds.removeAll() }
        for i in dossier.dilemmas.indices { dossier.dilemmas[i].findingIds.removeAll() }
        let form = try RouteFormTests().form(RouteForms.task(for: .placeholder(.findings), in: dossier, lint: nil))
        #expect(form.questions.map(\.key).contains("reactie") && form.questions.map(\.key).contains("gebeurtenissen"))
        let answers = StepAnswers([
            "bewering": "De brief ging naar het oude adres.", "uitkomst": "genuanceerd",
            "reactie": "Het adres kwam uit de BRP.", "gebeurtenissen": "e1, E2", "niveau": "uitvoering",
        ])
        guard case .changed(let changed, _) = try form.apply(answers, to: dossier, by: "x") else {
            Issue.record("no change")
            return
        }
        let added = try #require(changed.findings.last)
        #expect(added.eventIds == ["E1", "E2"] && added.note == "Het adres kwam uit de BRP.")
    }

    @Test("a finding's events can be changed and the finding removed; leervragen stop pointing to it")
    func changeAndRemove() throws {
        let fixture = try ProtectedStore()
        let caseId = "boete-schuldhulp"
        let dossier = try fixture.store.dossier(caseId)
        let finding = try #require(
            dossier.findings.first { f in dossier.leervragen.contains { $0.findingIds.contains(f.id) } })
        var change = FindingChange()
        change.eventIds = ["e1"]
        try fixture.operations.changeFinding(caseId, finding.id.lowercased(), change)
        #expect(try fixture.store.dossier(caseId).findings.first { $0.id == finding.id }?.eventIds == ["E1"])
        try fixture.operations.removeFinding(caseId, finding.id)
        let after = try fixture.store.dossier(caseId)
        #expect(!after.findings.contains { $0.id == finding.id })
        #expect(!after.leervragen.contains { $0.findingIds.contains(finding.id) })
    }
}

@Suite("No fixed gender: how texts refer to a person")
struct PronounTests {
    @Test("prompts for a man say hij/hem; without a pronoun they use the pseudonym; never haar or ze")
    func prompts() throws {
        let fixture = try ProtectedStore()
        var dossier = try fixture.store.dossier("bezwaar-wmo")
        let index = try #require(dossier.participants.firstIndex { $0.role == .eindgebruiker })
        #expect(dossier.participants[index].pronoun == .hij)
        dossier.consent = []
        dossier.interviews.removeAll { $0.participantId == dossier.participants[index].id }
        func prompts(_ d: Dossier) throws -> String {
            let form = try RouteFormTests().form(RouteForms.task(for: .placeholder(.interview), in: d, lint: nil))
            return form.questions.map { $0.prompt.nl + " " + $0.prompt.en }.joined(separator: "\n")
        }
        let male = try prompts(dossier)
        #expect(
            male.contains("gaf hij toestemming") && male.contains("veilig voor hem") && male.contains("did he consent"))
        dossier.participants[index].pronoun = nil
        let named = try prompts(dossier)
        #expect(named.contains("gaf Gerrit toestemming") && named.contains("did Gerrit consent"))
        for text in [male, named] {
            for word in [" haar ", " ze ", " zij ", " her ", " she "] {
                #expect(!text.lowercased().contains(word), "\(word) in a prompt")
            }
        }
        #expect(PersonWords(dossier.participants[index]).possessive.nl == "Gerrits")
    }
}

@Suite("A step the coach sent back")
struct ReturnedStepTests {
    @Test("with every check passed, a returned step is still the next thing, with the coach's comments")
    func returnedStepIsNext() throws {
        let fixture = try ProtectedStore()
        let done = try Casework.routeNext(of: try fixture.store.dossier("boete-schuldhulp"))
        #expect(done.check == nil && done.task == nil)
        _ = try fixture.operations.reviewStep(
            "boete-schuldhulp", step: .narrative, decision: .teruggestuurd, comments: "Schrap het oordeel in alinea 3.",
            coach: "Karin")
        let next = try Casework.routeNext(of: try fixture.store.dossier("boete-schuldhulp"))
        guard case .manual(let text)? = next.task else {
            Issue.record("the returned step was not the next thing")
            return
        }
        #expect(text.nl.contains("stap 2") && text.nl.contains("Schrap het oordeel in alinea 3."))
        // Once the narrative is revised, the route is complete again (the coach reviews anew).
        let current = try #require(try fixture.store.dossier("boete-schuldhulp").currentNarrative?.text)
        _ = try fixture.operations.saveNarrative("boete-schuldhulp", text: current + "\n", author: nil, note: nil)
        #expect(try Casework.routeNext(of: try fixture.store.dossier("boete-schuldhulp")).task == nil)
    }
}

extension GateCheck {
    /// A failing check with the given id, as the gates would report it.
    static func placeholder(_ id: CheckID) -> GateCheck {
        GateCheck(
            id: id.rawValue, step: .interview, state: .missing, title: Localized(nl: "t", en: "t"),
            why: Localized(nl: "w", en: "w"))
    }
}

@Suite("Record forms: the same rules as the operations")
struct RecordFormTests {
    @Test("an event form needs who acted, and a hand-off form refuses a hand-off recorded already")
    func recordForms() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let caseId = "boete-schuldhulp"
        let dossier = try work.dossier(caseId)
        let event = RecordForms.form(.gebeurtenis, for: dossier)
        #expect(throws: CasusError.self) { try event.apply(StepAnswers(["wat": "Iets"]), to: dossier, by: "t") }
        let saved = try work.saveStep(
            caseId, event, StepAnswers(["wie": "cjib", "wat": "Een brief", "knelpunten": "REGELS-BOTSEN"]))
        guard case .changed(let changed, _) = saved else {
            Issue.record("not saved")
            return
        }
        #expect(changed.events.last?.what == "Een brief")
        #expect(changed.events.last?.knelpunten == ["regels-botsen"], "a list answer takes the catalogue's spelling")
        let handoff = try #require(changed.handoffs.first)
        let again = StepAnswers([
            "van": handoff.fromAgencyId, "naar": handoff.toAgencyId, "wat": handoff.what,
            "gebeurd": handoff.happened ? "ja" : "nee", "datum": handoff.date?.description ?? "",
        ])
        do {
            _ = try work.saveStep(caseId, RecordForms.form(.overdracht, for: changed), again)
            Issue.record("a hand-off recorded twice was accepted")
        } catch let error as CasusError {
            #expect(error.kind == .conflict)
        }
    }
}

@Suite("Record forms: people and the wederhoor")
struct PeopleAndWederhoorFormTests {
    @Test("a person's real name goes to the key vault, never into the dossier; staff name their agency")
    func person() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let caseId = "boete-schuldhulp"
        let form = RecordForms.form(.persoon, for: try work.dossier(caseId))
        #expect(throws: CasusError.self) {
            _ = try work.saveStep(caseId, form, StepAnswers(["pseudoniem": "Medewerker K", "rol": "medewerker"]))
        }
        let answers = StepAnswers([
            "pseudoniem": "Medewerker K", "rol": "medewerker", "instantie": "cjib", "naam": "Karel Echtenaam",
        ])
        guard case .changed(let dossier, _) = try work.saveStep(caseId, form, answers) else {
            Issue.record("not saved")
            return
        }
        let added = try #require(dossier.participants.last)
        #expect(added.pseudonym == "Medewerker K" && added.agencyId == "cjib")
        #expect(try fixture.contains("Karel Echtenaam").allSatisfy { $0.hasSuffix("vault.json") })
        #expect(try work.revealIdentity(caseId, added.id).1.realName == "Karel Echtenaam")
    }

    @Test("a wederhoor round is sent, and a response needs words or a refusal")
    func wederhoor() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let caseId = "boete-schuldhulp"
        _ = try work.saveStep(
            caseId, RecordForms.form(.wederhoor, for: try work.dossier(caseId)), StepAnswers(["instantie": "politie"]))
        let round = try #require(try work.dossier(caseId).wederhoor.last)
        #expect(round.agencyId == "politie" && round.respondedAt == nil)
        let response = RecordForms.form(.reactie, for: try work.dossier(caseId))
        #expect(throws: CasusError.self) {
            _ = try work.saveStep(caseId, response, StepAnswers(["ronde": round.id, "afgezien": "nee"]))
        }
        _ = try work.saveStep(caseId, response, StepAnswers(["ronde": round.id, "afgezien": "ja"]))
        #expect(try work.dossier(caseId).wederhoor.last?.declined == true)
    }
}
