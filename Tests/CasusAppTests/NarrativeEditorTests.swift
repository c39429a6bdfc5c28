import CasusApp
import CasusCore
import CasusStore
import Foundation
import Testing

@Suite("The narrative editor's operations: drafts, versions, conflicts, offsets, differences")
struct NarrativeEditorTests {
    let caseId = "boete-schuldhulp"

    @Test("a save that started from an older version is refused and changes nothing")
    func staleSaveIsRefused() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let current = try work.dossier(caseId).currentNarrative!
        let next = try work.saveNarrative(
            caseId, text: "Nieuwe tekst.", author: nil, note: nil, basedOn: current.number)
        #expect(next == current.number + 1)
        do {
            _ = try work.saveNarrative(caseId, text: "Andere tekst.", author: nil, note: nil, basedOn: current.number)
            Issue.record("a save over a newer version was accepted")
        } catch let error as CasusError {
            #expect(error.kind == .conflict)
            #expect(error.message.nl.contains("versie \(next)"))
        }
        #expect(try work.dossier(caseId).currentNarrative?.text == "Nieuwe tekst.")
    }

    @Test("a draft is kept per account, replaced as typing goes on, and removed by saving a version")
    func draftLifecycle() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let other = Casework(store: fixture.store, vault: fixture.vault, actor: .owner("collega"))
        let audited = try fixture.store.auditEntries(caseId: caseId).count
        try work.saveNarrativeDraft(caseId, text: "Eerste woorden", basedOn: 1)
        try work.saveNarrativeDraft(caseId, text: "Eerste woorden en meer", basedOn: 1)
        try other.saveNarrativeDraft(caseId, text: "Iets anders", basedOn: 1)
        #expect(try work.narrativeDraft(caseId)?.text == "Eerste woorden en meer")
        #expect(try other.narrativeDraft(caseId)?.text == "Iets anders")
        #expect(try fixture.store.auditEntries(caseId: caseId).count == audited, "drafts are not audited")
        _ = try work.saveNarrative(caseId, text: "Eerste woorden en meer", author: nil, note: nil)
        #expect(try work.narrativeDraft(caseId) == nil)
        #expect(try other.narrativeDraft(caseId)?.text == "Iets anders")
        let reader = Casework(store: fixture.store, vault: fixture.vault, actor: Operator(name: "l", role: .reader))
        #expect(throws: CasusError.self) { try reader.saveNarrativeDraft(caseId, text: "x", basedOn: 1) }
    }

    @Test("restoring a version saves its text as a new version")
    func restore() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let first = try work.dossier(caseId).narrative.first!
        _ = try work.saveNarrative(caseId, text: "Tussenversie.", author: nil, note: nil)
        let restored = try work.restoreNarrativeVersion(caseId, first.number)
        let dossier = try work.dossier(caseId)
        #expect(dossier.currentNarrative?.number == restored)
        #expect(dossier.currentNarrative?.text == first.text)
        #expect(dossier.currentNarrative?.note == "hersteld uit versie \(first.number)")
    }

    @Test("draft findings carry UTF-16 offsets, after accents, curly quotes and an emoji")
    func utf16Offsets() throws {
        let fixture = try ProtectedStore()
        let text = "Zoë at crème brûlée 😀👍🏽 in het café.\n“Ja,” zei ze. Het was natuurlijk schandalig."
        let lint = try fixture.operations.lintDraft(caseId, text: text, language: .nl)
        let units = Array(text.utf16)
        let marked = lint.findings.map { String(decoding: units[$0.start..<$0.end], as: UTF16.self) }
        #expect(marked.contains("natuurlijk") && marked.contains("schandalig"), "\(marked)")
        #expect(lint.words > 10)
    }

    @Test("a quote that is in no transcript of the dossier is counted")
    func untraceableQuote() throws {
        let fixture = try ProtectedStore()
        let text = "Marloes zei: “Ik heb die envelop nooit in mijn brievenbus gezien, echt nooit niet.”"
        #expect(try fixture.operations.lintDraft(caseId, text: text, language: .nl).untraceableQuotes == 1)
    }

    @Test("word differences keep, drop and add words, and give both texts back")
    func wordDiff() {
        let old = "Marloes belde op maandag met het CJIB.\nNiemand nam op."
        let new = "Marloes belde op dinsdag 5 maart met het CJIB.\nNiemand nam op."
        let pieces = WordDiff.diff(old, new)
        #expect(pieces.filter { $0.change != .added }.map(\.text).joined() == old)
        #expect(pieces.filter { $0.change != .removed }.map(\.text).joined() == new)
        #expect(pieces.filter { $0.change == .removed }.map(\.text) == ["maandag "])
        #expect(pieces.filter { $0.change == .added }.map(\.text) == ["dinsdag 5 maart "])
        #expect(WordDiff.diff("", "Nieuw").map(\.change) == [.added])
        #expect(WordDiff.diff("Zelfde", "Zelfde").map(\.change) == [.same])
    }

    @Test("an account that starts a case becomes its researcher")
    func startCaseMakesAMember() throws {
        let fixture = try ProtectedStore()
        let terminal = AccountDesk(
            store: fixture.store, vault: fixture.vault, steward: .terminal("t"), hasher: PasswordHasher(costLog2: 10))
        let account = try terminal.addUser(
            login: "anna", name: "Anna", admin: false, password: "een lange zin als wachtwoord")
        let desk = AccountDesk(
            store: fixture.store, vault: fixture.vault, steward: .account(account), hasher: PasswordHasher(costLog2: 10)
        )
        let dossier = try desk.startCase(StepAnswers(["titel": "Loonfout", "vraagstuk": "Wat gebeurt er?"]))
        #expect(try fixture.store.membership(caseId: dossier.casus.id, login: "anna")?.role == "researcher")
        #expect(try desk.casework(dossier.casus.id).may(.edit))
        #expect(throws: CasusError.self) {
            _ = try desk.startCase(StepAnswers(["titel": "Zonder vraagstuk"]))
        }
    }
}

@Suite("Removing with undo")
struct RemovalUndoTests {
    let caseId = "boete-schuldhulp"

    @Test("a removed event comes back with its links to what still exists; undoing twice is refused")
    func eventComesBack() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        let before = try work.dossier(caseId)
        let event = try #require(before.findings.flatMap(\.eventIds).first)
        let linkedFindings = before.findings.filter { $0.eventIds.contains(event) }.map(\.id)
        let removal = try work.removeRecord(caseId, .gebeurtenis, event)
        let removed = try work.dossier(caseId)
        #expect(!removed.events.contains { $0.id == event })
        #expect(removed.findings.allSatisfy { !$0.eventIds.contains(event) })
        try work.undoRemoval(caseId, removal)
        let restored = try work.dossier(caseId)
        #expect(restored.events.contains { $0.id == event })
        #expect(restored.findings.filter { $0.eventIds.contains(event) }.map(\.id) == linkedFindings)
        #expect(throws: CasusError.self) { try work.undoRemoval(caseId, removal) }
        #expect(try work.removals(caseId).first?.undoneAt != nil)
    }

    @Test("a removal that fails keeps nothing in the history; an erasure clears the history")
    func failuresAndErasure() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        #expect(throws: CasusError.self) { try work.removeRecord(caseId, .bevinding, "F999") }
        #expect(try work.removals(caseId).isEmpty)
        let quote = try #require(
            try work.dossier(caseId).quotes.first { q in
                try! work.dossier(caseId).events.allSatisfy { $0.quoteId != q.id }
            })
        try work.removeRecord(caseId, .citaat, quote.id)
        #expect(try work.removals(caseId).count == 1)
        let speaker = quote.speakerId
        try fixture.withdraw(caseId, speaker, [.all])
        let plan = try work.preview(caseId, participant: speaker)
        try work.erase(plan, ground: .withdrawal)
        #expect(try work.removals(caseId).isEmpty, "the copy kept for undo may hold erased words")
    }

    @Test("a person without consent history comes back under the pseudonym, without the real name")
    func personComesBack() throws {
        let fixture = try ProtectedStore()
        let work = fixture.operations
        var new = NewParticipant(pseudonym: "Buurman Jan", role: .omgeving)
        new.realName = "Jan Echtenaam"
        let person = try work.addParticipant(caseId, new)
        #expect(throws: CasusError.self) { try work.removeRecord(caseId, .persoon, "P1") }
        let removal = try work.removeRecord(caseId, .persoon, person.id)
        #expect(try work.dossier(caseId).participant(person.id) == nil)
        try work.undoRemoval(caseId, removal)
        #expect(try work.dossier(caseId).participant(person.id)?.pseudonym == "Buurman Jan")
        #expect(throws: CasusError.self) { try work.revealIdentity(caseId, person.id) }
        #expect(try work.removals(caseId).count == 1)
    }
}
