import CasusCore
import CasusStore
import Foundation

/// A store in its own temporary folder, removed when the fixture goes.
final class StoreFixture {
    let folder: URL
    let store: DossierStore

    init(actor: String = "tester") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-store-\(UUID().uuidString)")
        store = try DossierStore(workspace: Workspace(folder: folder), actor: actor, create: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Samples")

    static func sampleBytes(_ name: String) throws -> Data {
        try Data(contentsOf: samples.appendingPathComponent(name + ".json"))
    }

    @discardableResult
    func importSample(_ name: String) throws -> Dossier {
        try store.importFile(try DossierFile.decode(try StoreFixture.sampleBytes(name)))
    }

    /// Counts that must not move when a bad change is refused.
    func fingerprint() throws -> [String] {
        let cases = try store.caseSummaries()
        let audit = try store.auditEntries().count
        let exports = try cases.map { try DossierFile(dossier: store.dossier($0.id)).encoded() }
        return cases.map(\.id) + ["audit:\(audit)"] + exports.map { String($0.count) }
    }
}
