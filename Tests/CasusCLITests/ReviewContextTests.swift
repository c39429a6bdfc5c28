import Foundation
import Testing

@Suite("What a coach sees when reviewing")
struct ReviewContextTests {
    @Test("review shows the step's checks and whether it changed before asking; a later comment shows in status")
    func reviewContext() throws {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        try cli.ok(["review", "bezwaar-wmo", "--step", "2", "--decision", "goedgekeurd", "--coach", "Karin"])
        let asked = try cli.run(["review", "bezwaar-wmo", "--step", "2"], input: "opmerking\nLet op alinea twee.\n")
        #expect(asked.status == 0, "\(asked.err)")
        #expect(asked.out.contains("[2.narratief]") && asked.out.contains("Niet gewijzigd sinds de beoordeling"))
        #expect(asked.out.range(of: "[2.narratief]")!.lowerBound < asked.out.range(of: "Besluit")!.lowerBound)
        let status = try cli.ok(["status", "bezwaar-wmo", "--no-lint"])
        #expect(status.contains("goedgekeurd door Karin") && status.contains("Let op alinea twee."))
    }
}
