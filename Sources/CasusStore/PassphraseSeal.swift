import CasusCore
import Crypto
import Foundation
import _CryptoExtras

/// Bytes sealed under a passphrase: AES-256-GCM with a key derived by scrypt. Used by the key vault
/// and by encrypted backups; the JSON shape is part of both file formats.
public struct PassphraseSeal: Codable, Sendable {
    var kdf = "scrypt"
    var salt: Data
    var n: Int
    var r: Int
    var p: Int
    /// AES-GCM nonce, ciphertext and tag, combined.
    var box: Data

    public static func seal(_ plain: Data, passphrase: String) throws -> PassphraseSeal {
        var salt = Data(count: 16)
        for i in salt.indices { salt[i] = UInt8.random(in: .min ... .max) }
        var sealed = PassphraseSeal(salt: salt, n: 1 << 15, r: 8, p: 1, box: Data())
        guard let combined = try AES.GCM.seal(plain, using: try sealed.key(passphrase)).combined else {
            throw CasusError(.internalError, nl: "Versleutelen mislukte.", en: "Encryption failed.")
        }
        sealed.box = combined
        return sealed
    }

    func key(_ passphrase: String) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Data(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: n, blockSize: r, parallelism: p)
    }

    /// The plain bytes; `what` names the file in messages ("de sleutelkluis", "de reservekopie").
    public func open(passphrase: String, file: URL, what: Localized) throws -> Data {
        guard kdf == "scrypt", n >= 2, n <= 1 << 20, r >= 1, r <= 32, p >= 1, p <= 16 else {
            throw CasusError(
                .storeFailure, nl: "\(what.nl.capitalizedFirst) '\(file.path)' gebruikt onbekende instellingen.",
                en: "\(what.en.capitalizedFirst) '\(file.path)' uses unknown settings.")
        }
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: box), using: key(passphrase))
        } catch {
            throw CasusError(
                .storeFailure,
                nl: "Kan \(what.nl) '\(file.path)' niet openen: verkeerd wachtwoord of beschadigd bestand.",
                en: "Cannot open \(what.en) '\(file.path)': wrong passphrase or damaged file.")
        }
    }
}

extension String {
    /// The text with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
