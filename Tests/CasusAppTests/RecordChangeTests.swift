import CasusApp
import CasusStore
import Foundation
import Testing

@testable import CasusCore

@Suite("Changing saved records: the same rules, the same id, no silent overwrite")
struct RecordChangeTests {
    let caseId = "boete-schuldhulp"

    @Test("an event changed from its form keeps its id, its links and the fields the form does not show")
    func changeEvent() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        try fixture.store.modify(caseId) { $0.events[2].note = "bron: brief van 3 maart" }
        let before = try work.dossier(caseId)
        var answers = try RecordForms.storedAnswers(.gebeurtenis, "E3", in: before)
        #expect(answers["wie"] == "cjib")
        // The stored answers pass the form unchanged: a form opened and saved as it is changes nothing.
        let basis = try RecordForms.fingerprint(.gebeurtenis, "E3", in: before)
        try work.changeRecord(caseId, .gebeurtenis, "E3", answers, basedOn: basis)
        #expect(try work.dossier(caseId).events == before.events)
        for kind in RecordForms.changeable {
            let id =
                kind == .persoon
                ? "P3"
                : kind == .leervraag
                    ? "L1" : kind == .dilemma ? "D1" : kind == .overdracht ? "H1" : kind == .bevinding ? "F2" : "E5"
            let stored = try work.dossier(caseId)
            try work.changeRecord(
                caseId, kind, id, try RecordForms.storedAnswers(kind, id, in: stored),
                basedOn: try RecordForms.fingerprint(kind, id, in: stored))
            #expect(try work.dossier(caseId) == stored, "\(kind) \(id) saved unchanged stays the same")
        }

        answers["wat"] = "Het CJIB stuurt een aanmaning met verhoging."
        answers["impact"] = "-2"
        answers["knelpunten"] = ""
        let changed = try work.changeRecord(caseId, .gebeurtenis, "E3", answers, basedOn: basis)
        let event = try #require(changed.events.first { $0.id == "E3" })
        #expect(event.what.hasPrefix("Het CJIB stuurt een aanmaning") && event.impact == -2 && event.knelpunten.isEmpty)
        #expect(event.note == "bron: brief van 3 maart", "a field the form does not show is kept")
        #expect(changed.events.firstIndex { $0.id == "E3" } == 2 && changed.events.count == before.events.count)
        #expect(changed.findings.first { $0.id == "F1" }?.eventIds == ["E3", "E4"], "links to it stay")

        // A wrong answer names its field, and nothing changes.
        var wrong = answers
        wrong["datum"] = "vorige week"
        do {
            try work.changeRecord(
                caseId, .gebeurtenis, "E3", wrong,
                basedOn: try RecordForms.fingerprint(.gebeurtenis, "E3", in: changed))
            Issue.record("a date in words was accepted")
        } catch let error as CasusError {
            #expect(error.field?.key == "datum")
        }
        #expect(try work.dossier(caseId) == changed)
    }

    @Test("a change from a form opened before someone else's change is refused and changes nothing")
    func staleChangeRefused() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let dossier = try work.dossier(caseId)
        let basis = try RecordForms.fingerprint(.bevinding, "F1", in: dossier)
        var first = try RecordForms.storedAnswers(.bevinding, "F1", in: dossier)
        first["bron"] = "brief van het CJIB"
        try work.changeRecord(caseId, .bevinding, "F1", first, basedOn: basis)
        var second = try RecordForms.storedAnswers(.bevinding, "F1", in: dossier)
        second["bewering"] = "Een andere bewering"
        let saved = try work.dossier(caseId)
        do {
            try work.changeRecord(caseId, .bevinding, "F1", second, basedOn: basis)
            Issue.record("a change over a newer change was accepted")
        } catch let error as CasusError {
            #expect(error.kind == .conflict && error.message.nl.contains("Iemand anders"))
        }
        #expect(try work.dossier(caseId) == saved)
        #expect(saved.findings.first { $0.id == "F1" }?.source == "brief van het CJIB")
        // A removed record cannot be changed: it says so.
        #expect(throws: CasusError.self) {
            try work.changeRecord(caseId, .bevinding, "F99", second, basedOn: basis)
        }
        // A coach may not change records at all.
        let coach = Casework(store: fixture.store, vault: fixture.vault, actor: Operator(name: "jan", role: .coach))
        #expect(throws: CasusError.self) {
            try coach.changeRecord(
                caseId, .bevinding, "F1", first, basedOn: try RecordForms.fingerprint(.bevinding, "F1", in: saved))
        }
    }

    @Test("a hand-off changed into a copy of another is refused; a person's pseudonym may not be a real name")
    func sameRulesAsNew() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let dossier = try work.dossier(caseId)
        let other = try RecordForms.storedAnswers(.overdracht, "H1", in: dossier)
        do {
            try work.changeRecord(
                caseId, .overdracht, "H2", other, basedOn: try RecordForms.fingerprint(.overdracht, "H2", in: dossier))
            Issue.record("a hand-off changed into a duplicate was accepted")
        } catch let error as CasusError {
            #expect(error.kind == .conflict && error.message.nl.contains("H1"))
        }

        _ = try work.setIdentity(caseId, "P4", realName: "Ilse Echtenaam", contact: nil)
        var person = try RecordForms.storedAnswers(.persoon, "P4", in: dossier)
        #expect(person["instantie"] == "gemeente")
        person["pseudoniem"] = "Ilse Echtenaam"
        let basis = try RecordForms.fingerprint(.persoon, "P4", in: dossier)
        #expect(throws: CasusError.self) { try work.changeRecord(caseId, .persoon, "P4", person, basedOn: basis) }
        person["pseudoniem"] = "Ilse B."
        person["instantie"] = ""
        #expect(throws: CasusError.self, "staff without an agency") {
            try work.changeRecord(caseId, .persoon, "P4", person, basedOn: basis)
        }
        person["instantie"] = "gemeente"
        person["voornaamwoord"] = "zij"
        let changed = try work.changeRecord(caseId, .persoon, "P4", person, basedOn: basis)
        let ilse = try #require(changed.participants.first { $0.id == "P4" })
        #expect(ilse.pseudonym == "Ilse B." && ilse.pronoun == .zij && ilse.role == .medewerker)
        #expect(try fixture.contains("Ilse Echtenaam").allSatisfy { $0.hasSuffix("vault.json") })
    }

    @Test("the journey map drawn from unsaved answers stores nothing; unfinished answers say why")
    func mapPreview() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let before = try work.dossier(caseId)
        let answers = StepAnswers(["wie": "cjib", "wat": "Een brief die nog niet is opgeslagen", "datum": "2024-06-01"])
        let (svg, problem) = try work.previewJourneyMap(caseId, kind: .gebeurtenis, answers: answers, language: .nl)
        #expect(problem == nil && svg.contains("Een brief die nog niet"))
        #expect(try work.dossier(caseId) == before)
        let unfinished = try work.previewJourneyMap(
            caseId, kind: .gebeurtenis, answers: StepAnswers(["wie": "cjib"]), language: .nl)
        #expect(unfinished.problem?.field?.key == "wat" && unfinished.svg.contains("<svg"))
        #expect(throws: CasusError.self, "a person is not drawn on the map, so there is no preview") {
            _ = try work.previewJourneyMap(caseId, kind: .persoon, answers: StepAnswers(), language: .nl)
        }
        let reader = Casework(store: fixture.store, vault: fixture.vault, actor: Operator(name: "lid", role: .reader))
        #expect(throws: CasusError.self) {
            _ = try reader.previewJourneyMap(caseId, kind: .gebeurtenis, answers: answers, language: .nl)
        }
    }
}

@Suite("Consent evidence sent with the consent form")
struct ConsentEvidenceTests {
    let caseId = "boete-schuldhulp"
    let pdf = Data("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)

    func attachmentFiles(_ fixture: ProtectedStore) -> [String] {
        let folder = fixture.folder.appendingPathComponent("store/attachments")
        let walker = FileManager.default.enumerator(atPath: folder.path)
        return (walker?.allObjects as? [String] ?? []).filter { !$0.hasPrefix(".") && $0.contains(".") }.sorted()
    }

    @Test("a file is checked by its bytes and stored only with a consent entry that saves")
    func storedWithEntry() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let form = RecordForms.form(.toestemming, for: try work.dossier(caseId))
        let answers = StepAnswers(["persoon": "P2", "gegeven": "interview", "moment": "2024-05-02 10:00"])
        let before = attachmentFiles(fixture)

        let text = UploadedFile(name: "scan.pdf", data: Data("geen pdf".utf8))
        do {
            _ = try work.saveStep(caseId, form, answers, file: text)
            Issue.record("text sent as a PDF was accepted")
        } catch let error as CasusError {
            #expect(error.field?.key == "bewijs" && error.message.nl.contains("geen PDF"))
        }
        var wrong = answers
        wrong["moment"] = "de dag na de brief"
        #expect(throws: CasusError.self) {
            _ = try work.saveStep(caseId, form, wrong, file: UploadedFile(name: "scan.pdf", data: pdf))
        }
        #expect(attachmentFiles(fixture) == before, "nothing of a refused save is stored")

        let sent = UploadedFile(name: "../../toestemming Marloes", data: pdf)
        guard case .changed(let dossier, _) = try work.saveStep(caseId, form, answers, file: sent) else {
            Issue.record("not saved")
            return
        }
        let entry = try #require(dossier.consent.last)
        let ref = try #require(entry.evidence)
        #expect(ref.sha256 == Hashing.sha256(pdf) && ref.fileName == "toestemmingsbewijs.pdf")
        #expect(try fixture.contains("toestemming Marloes").isEmpty, "the sender's file name is kept nowhere")
        let stored = fixture.store.attachments.url(for: ref)
        #expect(FileManager.default.contents(atPath: stored.path) == pdf)
        let mode = try FileManager.default.attributesOfItem(atPath: stored.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a signed form is readable by the owner only")

        // Opening it: only for whoever manages consent and may see real names; every look-up audited.
        let coach = Casework(store: fixture.store, vault: fixture.vault, actor: Operator(name: "jan", role: .coach))
        #expect(throws: CasusError.self) { _ = try coach.consentEvidence(caseId, entry: entry.id) }
        #expect(try work.consentEvidence(caseId, entry: entry.id).data == pdf)
        #expect(
            try work.auditTrail(caseId).contains { $0.operation == "view-evidence" && $0.entityId == entry.id })
        #expect(throws: CasusError.self, "an entry without evidence") {
            _ = try work.consentEvidence(caseId, entry: "C2")
        }
    }

    @Test("the route's consent steps take the signed form too; a consent said not given keeps no file")
    func routeConsentStep() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let dossier = try work.dossier(caseId)
        guard
            case .form(let form) = RouteForms.task(
                for: GateCheck.placeholder(CheckID.transcriptionConsent), in: dossier, lint: nil)
        else {
            Issue.record("no consent form")
            return
        }
        #expect(form.file?.key == "bewijs")
        let before = attachmentFiles(fixture)
        let refused = try work.saveStep(
            caseId, form, StepAnswers(["toestemming-gegeven": "nee"]), file: UploadedFile(name: "scan.pdf", data: pdf))
        guard case .manual = refused else {
            Issue.record("a consent not given changed the dossier")
            return
        }
        #expect(attachmentFiles(fixture) == before, "no file is kept for a step that saved nothing")
        let given = StepAnswers(["toestemming-gegeven": "ja", "toestemming-moment": "2024-05-02 10:00"])
        guard
            case .changed(let saved, _) = try work.saveStep(
                caseId, form, given, file: UploadedFile(name: "scan.pdf", data: pdf))
        else {
            Issue.record("not saved")
            return
        }
        #expect(saved.consent.last?.evidence?.sha256 == Hashing.sha256(pdf))
    }

    @Test("evidence formats are read from the first bytes; the stored name is never the sender's")
    func formats() throws {
        #expect(EvidenceFormat.sniff(pdf) == .pdf)
        #expect(EvidenceFormat.sniff(Data([0xFF, 0xD8, 0xFF, 0xE0])) == .jpeg)
        #expect(EvidenceFormat.sniff(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) == .png)
        #expect(EvidenceFormat.sniff(Data([0x49, 0x49, 0x2A, 0x00])) == .tiff)
        #expect(EvidenceFormat.sniff(Data("PK\u{3}\u{4}".utf8)) == nil)
        #expect(try EvidenceFormat.check(pdf, name: "Karim Echtenaam.PDF").fileName == "toestemmingsbewijs.pdf")
        #expect(
            try EvidenceFormat.check(Data([0xFF, 0xD8, 0xFF, 0xE0]), name: "/etc/passwd").fileName
                == "toestemmingsbewijs.jpg")
        #expect(throws: CasusError.self) { try EvidenceFormat.check(Data(), name: "leeg.pdf") }
        let big = Data(count: EvidenceFormat.maximumBytes + 1)
        #expect(throws: CasusError.self) { try EvidenceFormat.check(big, name: "groot.pdf") }
    }
}
