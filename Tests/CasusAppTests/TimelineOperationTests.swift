import CasusApp
import CasusCore
import Foundation
import Testing

@Suite("Timeline operations")
struct TimelineOperationTests {
    @Test("the same hand-off twice is refused; an unknown actor names the ones that exist")
    func duplicatesAndActors() throws {
        let fixture = try ProtectedStore()
        let caseId = "boete-schuldhulp"
        let agencies = try fixture.store.dossier(caseId).agencies.map(\.id)
        var handoff = NewHandoff(from: agencies[0], to: agencies[1], what: "Het nieuwe adres niet doorgegeven")
        handoff.date = FuzzyDate("2021-05-01")
        handoff.happened = false
        _ = try fixture.operations.addHandoff(caseId, handoff)
        handoff.what = "het nieuwe adres niet doorgegeven "
        do {
            _ = try fixture.operations.addHandoff(caseId, handoff)
            Issue.record("a duplicate hand-off was accepted")
        } catch let error as CasusError {
            #expect(error.kind == .conflict)
        }
        var event = EventFields()
        event.actor = "de buurvrouw"
        event.what = "Ze belde aan."
        do {
            _ = try fixture.operations.addEvent(caseId, event)
            Issue.record("an unknown actor was accepted")
        } catch let error as CasusError {
            #expect(error.message.nl.contains("Bekend:") && error.message.nl.contains(agencies[0]))
        }
    }
}
