import CasusCore
import Foundation
import Testing

@Suite("Consent ledger")
struct ConsentLedgerTests {
    func entry(
        _ id: String, _ at: String, granted: [ConsentPurpose] = [], refused: [ConsentPurpose] = [],
        withdrawn: [ConsentPurpose] = []
    ) -> ConsentEntry {
        ConsentEntry(
            id: id, participantId: "P1", granted: granted, refused: refused, withdrawn: withdrawn,
            at: Timestamp(at)!, method: .schriftelijk, obtainedBy: "onderzoeker")
    }

    @Test("withdrawing one purpose leaves the others and keeps the history")
    func withdrawOne() {
        let ledger = ConsentLedger(entries: [
            entry("C1", "2022-04-12T15:40:00+02:00", granted: [.interview, .verbatimQuotes, .narrative]),
            entry("C2", "2022-10-03T19:45:00+02:00", withdrawn: [.verbatimQuotes]),
        ])
        #expect(ledger.status(of: "P1", for: .verbatimQuotes).decision == .withdrawn)
        #expect(ledger.status(of: "P1", for: .verbatimQuotes).decidedBy?.id == "C2")
        #expect(ledger.isGranted(.narrative, to: "P1"))
        #expect(ledger.history(of: "P1").map(\.id) == ["C1", "C2"])
        // Before the withdrawal the quotes were allowed.
        #expect(ledger.isGranted(.verbatimQuotes, to: "P1", asOf: Timestamp("2022-06-01T12:00:00+02:00")!.date))
    }

    @Test("withdrawing everything covers every purpose, including sharing; a later grant counts again")
    func withdrawAll() {
        let ledger = ConsentLedger(entries: [
            entry("C1", "2022-04-12T15:40:00+02:00", granted: [.interview, .sharing(with: "cjib")]),
            entry("C2", "2022-05-01T10:00:00+02:00", withdrawn: [.all]),
            entry("C3", "2022-06-01T10:00:00+02:00", granted: [.interview]),
        ])
        #expect(ledger.status(of: "P1", for: .sharing(with: "cjib")).decision == .withdrawn)
        #expect(ledger.isGranted(.interview, to: "P1"))
        #expect(!ledger.isGranted(.report, to: "P1"))
        #expect(ledger.status(of: "P1", for: .report).decision == .withdrawn)
    }

    @Test("a purpose never asked about has no decision; the overview lists fixed and shared purposes")
    func overview() {
        let ledger = ConsentLedger(entries: [
            entry("C1", "2022-04-12T15:40:00+02:00", granted: [.sharing(with: "politie")], refused: [.publicationNamed])
        ])
        let overview = ledger.overview(of: "P1")
        #expect(overview.count == ConsentPurpose.fixed.count + 1)
        #expect(overview.first { $0.purpose == .publicationNamed }?.decision == .refused)
        #expect(overview.first { $0.purpose == .reuse }?.decision == nil)
        #expect(ledger.isGranted(.sharing(with: "politie"), to: "P1"))
        #expect(!ledger.isGranted(.interview, to: "P2"))
    }

    @Test("entries recorded out of order take effect by their moment")
    func order() {
        let ledger = ConsentLedger(entries: [
            entry("C2", "2022-05-01T10:00:00+02:00", withdrawn: [.narrative]),
            entry("C1", "2022-04-01T10:00:00+02:00", granted: [.narrative]),
        ])
        #expect(ledger.status(of: "P1", for: .narrative).decision == .withdrawn)
    }
}
