import CasusCore
import Foundation
import Testing

@testable import CasusStore

/// The chain hash is part of every stored log: however it is computed, it must stay the same text.
@Suite struct AuditChainTests {
    @Test("the chain hash is the SHA-256 of the length-prefixed fields joined by '|', as in every existing log")
    func stableChainHash() throws {
        let at = try #require(Timestamp("2024-03-05T14:05:00+01:00"))
        let cases: [(String?, String?)] = [(nil, nil), (String(repeating: "a", count: 64), "name, note"), ("é😀", "")]
        for (content, detail) in cases {
            let fields = [
                "12", at.text, "femke", "boete-schuldhulp", "coding", "M7", "create", content ?? "-", detail ?? "-",
                AuditWriter.genesis,
            ]
            let text = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
            let hash = AuditEntry.chainHash(
                seq: 12, at: at, actor: "femke", caseId: "boete-schuldhulp", entity: "coding", entityId: "M7",
                operation: "create", contentHash: content, detail: detail, prevHash: AuditWriter.genesis)
            #expect(hash == Hashing.sha256(text))
        }
    }
}
