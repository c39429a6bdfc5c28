import CasusApp
import CasusCore
import CasusStore
import CasusTestSupport
import Foundation
import Testing

@Suite("Values computed from a dossier are kept while the case is unchanged")
struct DossierMemoTests {
    final class Counter: @unchecked Sendable { var calls = 0 }

    @Test func aChangeToTheCaseRecomputesAChangeElsewhereDoesNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-memo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DossierStore(workspace: Workspace(folder: folder), actor: "test", create: true)
        for name in TestRepository.sampleNames { try store.importFile(try TestRepository.sampleFile(name)) }
        let counter = Counter()
        func title() throws -> String {
            try store.memoized("bezwaar-wmo", "title") { dossier in
                counter.calls += 1
                return dossier.casus.title
            }
        }
        let first = try title()
        #expect(try title() == first && counter.calls == 1)
        // Another case changes: still the kept value.
        _ = try store.modify("boete-schuldhulp") { $0.casus.summary = "Anders" }
        #expect(try title() == first && counter.calls == 1)
        // This case changes (from another store handle, as another process would): computed again.
        let other = try DossierStore(workspace: Workspace(folder: folder), actor: "ander")
        _ = try other.modify("bezwaar-wmo") { $0.casus.title = "Nieuwe titel" }
        #expect(try title() == "Nieuwe titel" && counter.calls == 2)
    }
}
