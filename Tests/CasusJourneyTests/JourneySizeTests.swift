import CasusCore
import Foundation
import Testing

@testable import CasusJourney

@Suite("Journey maps of unreadable size")
struct JourneySizeTests {
    @Test("above the event limit the map is refused with the agencies' views named; the table still comes out")
    func tooManyEvents() throws {
        var dossier = try Repository.sample("boete-schuldhulp")
        let template = dossier.events[0]
        for n in 0..<(InputLimits.journeyEvents + 1) {
            var event = template
            event.id = "E\(10_000 + n)"
            event.actor = .agency(n.isMultiple(of: 2) ? "cjib" : "kredietbank")
            dossier.events.append(event)
        }
        do {
            _ = try JourneyMap.build(dossier, view: .blueprint, language: .nl, catalogue: KnelpuntCatalogue())
            Issue.record("an unreadable map was drawn")
        } catch let error as CasusError {
            #expect(error.kind == .invalidInput)
            #expect(error.text(.nl).contains("agency:cjib") && error.text(.nl).contains("tabel"))
            guard case .narrowJourney(let views) = error.remedy else {
                Issue.record("no remedy that names narrower views")
                return
            }
            #expect(views.contains("agency:cjib"))
        }
        let table = try JourneyMap.build(
            dossier, view: .blueprint, language: .nl, catalogue: KnelpuntCatalogue(), eventLimit: nil)
        #expect(JourneyText.csv(table).split(whereSeparator: \.isNewline).count > InputLimits.journeyEvents)
    }
}
