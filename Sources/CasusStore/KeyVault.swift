import CasusCore
import Crypto
import Foundation
import _CryptoExtras

/// The real identity behind a pseudonym.
public struct Identity: Codable, Sendable, Equatable {
    public var caseId: String
    public var participantId: String
    public var realName: String
    /// Address, phone or e-mail, for reaching the person about consent.
    public var contact: String?
    public var note: String?
    public var recordedBy: String
    public var recordedAt: Timestamp

    public init(
        caseId: String, participantId: String, realName: String, contact: String? = nil, note: String? = nil,
        recordedBy: String, recordedAt: Timestamp = .now()
    ) {
        self.caseId = caseId
        self.participantId = participantId
        self.realName = realName
        self.contact = contact
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// The key vault: the only place real identities are kept, in one file apart from the dossier store.
/// The file is written atomically with owner-only permissions; with a passphrase
/// (`CASUS_KEYS_PASSPHRASE`) it is sealed with AES-256-GCM under a key derived by scrypt.
public struct KeyVault: Sendable {
    public let url: URL
    private let passphrase: String?

    public init(url: URL, passphrase: String? = nil) {
        self.url = url
        self.passphrase = passphrase?.isEmpty == true ? nil : passphrase
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Whether the file on disk is sealed with a passphrase.
    public func isSealed() throws -> Bool { try readFile()?.sealed != nil }

    public func identities() throws -> [Identity] {
        guard let file = try readFile() else { return [] }
        if let sealed = file.sealed {
            guard let passphrase else {
                throw CasusError(
                    .storeFailure,
                    nl: "De sleutelkluis '\(url.path)' is versleuteld. Zet het wachtwoord in CASUS_KEYS_PASSPHRASE.",
                    en: "The key vault '\(url.path)' is encrypted. Put its passphrase in CASUS_KEYS_PASSPHRASE.")
            }
            let plain = try sealed.open(
                passphrase: passphrase, file: url, what: Localized(nl: "de sleutelkluis", en: "the key vault"))
            do {
                return try JSONDecoder().decode([Identity].self, from: plain)
            } catch {
                throw damaged()
            }
        }
        return file.identities ?? []
    }

    public func identity(caseId: String, participantId: String) throws -> Identity? {
        try identities().first { $0.caseId == caseId && $0.participantId == participantId }
    }

    /// Every real name recorded for a case (for leak checks on exports).
    public func realNames(caseId: String? = nil) throws -> [String] {
        try identities().filter { caseId == nil || $0.caseId == caseId }.map(\.realName)
    }

    /// Records or replaces the identity behind one participant.
    public func set(_ identity: Identity) throws {
        var all = try identities().filter {
            !($0.caseId == identity.caseId && $0.participantId == identity.participantId)
        }
        all.append(identity)
        try write(all)
    }

    /// Removes identities: one participant's, or a whole case's.
    public func remove(caseId: String, participantId: String? = nil) throws {
        guard exists else { return }
        let all = try identities()
        let kept = all.filter { !($0.caseId == caseId && (participantId == nil || $0.participantId == participantId)) }
        if kept.count != all.count { try write(kept) }
    }

    // MARK: File

    private struct VaultFile: Codable {
        var format = "casus-keyvault"
        var formatVersion = 1
        var identities: [Identity]?
        var sealed: PassphraseSeal?
    }

    private func damaged() -> CasusError {
        CasusError(
            .storeFailure,
            nl: "De sleutelkluis '\(url.path)' is beschadigd. Zet een reservekopie terug; casus overschrijft hem niet.",
            en: "The key vault '\(url.path)' is damaged. Restore a backup; casus will not overwrite it.")
    }

    private func readFile() throws -> VaultFile? {
        guard exists else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw CasusErrorFactory.cannotRead(url) }
        guard !data.isEmpty, let file = try? JSONDecoder().decode(VaultFile.self, from: data),
            file.format == "casus-keyvault"
        else {
            throw damaged()
        }
        return file
    }

    private func write(_ identities: [Identity]) throws {
        let sorted = identities.sorted { ($0.caseId, $0.participantId) < ($1.caseId, $1.participantId) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var file = VaultFile()
        if let passphrase {
            file.sealed = try PassphraseSeal.seal(try encoder.encode(sorted), passphrase: passphrase)
        } else {
            file.identities = sorted
        }
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try AtomicFile.write(try encoder.encode(file), to: url, permissions: 0o600)
    }
}
