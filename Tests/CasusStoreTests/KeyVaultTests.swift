import CasusCore
import CasusStore
import Foundation
import Testing

@Suite("Key vault and export guard")
struct KeyVaultTests {
    func temporaryVault(passphrase: String? = nil) -> KeyVault {
        KeyVault(
            url: FileManager.default.temporaryDirectory.appendingPathComponent(
                "casus-vault-\(UUID().uuidString)/vault.json"), passphrase: passphrase)
    }

    @Test("identities are kept, replaced and forgotten per participant")
    func identities() throws {
        let vault = temporaryVault()
        defer { try? FileManager.default.removeItem(at: vault.url.deletingLastPathComponent()) }
        try vault.set(Identity(caseId: "c", participantId: "P1", realName: "Fatima el Amrani", recordedBy: "t"))
        try vault.set(Identity(caseId: "c", participantId: "P2", realName: "Joop Zoetemelk", recordedBy: "t"))
        try vault.set(
            Identity(
                caseId: "c", participantId: "P1", realName: "Fatima El-Amrani", contact: "06-12345678", recordedBy: "t")
        )
        #expect(try vault.identity(caseId: "c", participantId: "P1")?.realName == "Fatima El-Amrani")
        #expect(try vault.realNames(caseId: "c").count == 2)
        let permissions = try FileManager.default.attributesOfItem(atPath: vault.url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        try vault.remove(caseId: "c", participantId: "P2")
        #expect(try vault.realNames(caseId: "c") == ["Fatima El-Amrani"])
        try vault.remove(caseId: "c")
        #expect(try vault.identities().isEmpty)
    }

    @Test("with a passphrase the file holds no readable name, and a wrong passphrase opens nothing")
    func sealed() throws {
        let vault = temporaryVault(passphrase: "correct horse battery staple")
        defer { try? FileManager.default.removeItem(at: vault.url.deletingLastPathComponent()) }
        try vault.set(Identity(caseId: "c", participantId: "P1", realName: "Fatima el Amrani", recordedBy: "t"))
        let bytes = try Data(contentsOf: vault.url)
        #expect(bytes.range(of: Data("Amrani".utf8)) == nil)
        #expect(try vault.isSealed())
        #expect(try vault.identity(caseId: "c", participantId: "P1")?.realName == "Fatima el Amrani")
        #expect(throws: CasusError.self) { try KeyVault(url: vault.url, passphrase: "verkeerd").identities() }
        #expect(throws: CasusError.self) { try KeyVault(url: vault.url).identities() }
    }

    @Test("a damaged vault is reported, never overwritten")
    func damaged() throws {
        let vault = temporaryVault()
        defer { try? FileManager.default.removeItem(at: vault.url.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(
            at: vault.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{niet af".utf8).write(to: vault.url)
        #expect(throws: CasusError.self) {
            try vault.set(Identity(caseId: "c", participantId: "P1", realName: "X Y", recordedBy: "t"))
        }
        #expect(try Data(contentsOf: vault.url) == Data("{niet af".utf8))
    }

    @Test("the export guard finds a real name regardless of case and accents, and only as a whole word")
    func exportGuard() {
        let ids = [
            Identity(caseId: "c", participantId: "P1", realName: "Fatima el Amrani", recordedBy: "t"),
            Identity(caseId: "c", participantId: "P2", realName: "Jan", recordedBy: "t"),
        ]
        #expect(
            ExportGuard.leakedIdentities(in: "Toen zei FATIMA EL ÁMRANI dat…", identities: ids).map(\.participantId)
                == ["P1"])
        #expect(ExportGuard.leakedIdentities(in: "In januari belde Sanne.", identities: ids).isEmpty)
        #expect(ExportGuard.leakedIdentities(in: "Toen belde Jan.", identities: ids).map(\.participantId) == ["P2"])
    }
}
