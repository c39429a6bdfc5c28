import CasusCore
import Crypto
import Foundation
import _CryptoExtras

/// Password hashes with scrypt. The cost is stored in each hash, so a stronger default later still
/// verifies older hashes. Hashing takes about a second of CPU and 128 MiB: it runs on its own queue,
/// at most two at once, never on a server's event loop.
public struct PasswordHasher: Sendable {
    /// log2 of scrypt's N. 17 (N = 131072) with r = 8 and p = 1 is the minimum the security rules ask for.
    public let costLog2: Int
    public static let standard = PasswordHasher(costLog2: 17)

    public init(costLog2: Int) { self.costLog2 = costLog2 }

    private static let queue = DispatchQueue(label: "casus.passwords", attributes: .concurrent)
    private static let slots = DispatchSemaphore(value: 2)

    public func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
        let key = try Self.derive(password, salt: salt, costLog2: costLog2, r: 8, p: 1)
        return "scrypt$\(costLog2)$8$1$\(Data(salt).base64EncodedString())$\(key.base64EncodedString())"
    }

    /// Whether `password` matches `stored`; false for a malformed hash.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt", let cost = Int(parts[1]), (10...22).contains(cost),
            let r = Int(parts[2]), (1...32).contains(r), let p = Int(parts[3]), (1...4).contains(p),
            let salt = Data(base64Encoded: String(parts[4])), let expected = Data(base64Encoded: String(parts[5])),
            let key = try? derive(password, salt: Array(salt), costLog2: cost, r: r, p: p)
        else { return false }
        // Constant-time comparison.
        guard key.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(key, expected) { difference |= a ^ b }
        return difference == 0
    }

    /// Runs `work` on the password queue, at most two at a time, and resumes the caller when done.
    public static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                slots.wait()
                defer { slots.signal() }
                continuation.resume(with: Result { try work() })
            }
        }
    }

    private static func derive(_ password: String, salt: [UInt8], costLog2: Int, r: Int, p: Int) throws -> Data {
        let n = 1 << costLog2
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: n, blockSize: r, parallelism: p,
            maxMemory: 128 * r * n * p + 1 << 20)
        return key.withUnsafeBytes { Data($0) }
    }
}

/// What a new password must be: at least 12 characters, not one of the most common passwords, not
/// the login or the name.
public enum PasswordPolicy {
    public static let minimumLength = 12

    public static func check(_ password: String, login: String, name: String) throws {
        guard password.count >= minimumLength else {
            throw CasusError(
                .invalidInput,
                nl: "Een wachtwoord heeft minstens \(minimumLength) tekens. Een zin van een paar woorden werkt goed.",
                en: "A password has at least \(minimumLength) characters. A sentence of a few words works well.")
        }
        let folded = password.lowercased()
        let distinct = Set(folded)
        let common =
            commonPasswords.contains(folded)
            || commonPasswords.contains { folded.hasPrefix($0) && folded.count - $0.count <= 4 }
        // The login or the whole name (of at least three letters) inside the password.
        let personal = [login, name].map { $0.lowercased() }.filter { $0.count >= 3 }
        if common || distinct.count <= 3 || personal.contains(where: { folded.contains($0) }) {
            throw CasusError(
                .invalidInput,
                nl: "Dit wachtwoord is te makkelijk te raden (een veelgebruikt wachtwoord, of de naam of login). "
                    + "Kies iets anders, bijvoorbeeld een zin van een paar woorden.",
                en: "This password is too easy to guess (a common password, or the name or login). "
                    + "Choose another, for example a sentence of a few words.")
        }
    }

    /// Lower-cased passwords (and stems) that appear at the top of the public lists of leaked
    /// passwords, with Dutch favourites; a password equal to one, or one plus up to four characters, is refused.
    static let commonPasswords: Set<String> = [
        "123456789012", "1234567890", "12345678", "123456789", "1234567", "123456", "000000000000",
        "111111111111", "qwertyuiop", "qwertyuiopas", "qwerty123", "qwerty", "azerty", "asdfghjkl", "asdfasdf",
        "zxcvbnm", "1q2w3e4r5t6y", "1qaz2wsx3edc", "qazwsxedc", "password", "passw0rd", "p@ssw0rd", "p@ssword",
        "wachtwoord", "welkom", "welkom01", "welkom123", "geheim", "letmein", "iloveyou", "ikhouvanjou",
        "sunshine", "princess", "football", "voetbal", "monkey", "dragon", "master", "shadow", "superman",
        "batman", "trustno1", "whatever", "starwars", "baseball", "abc123", "abcdef", "abcdefghijkl",
        "changeme", "default", "admin", "administrator", "beheerder", "welcome", "hello", "hallo",
        "liverpool", "chelsea", "arsenal", "ajax", "feyenoord", "psv", "amsterdam", "rotterdam",
        "nederland", "holland", "computer", "internet", "secret", "test", "testtest", "gebruiker",
        "zomer", "winter", "lente", "herfst", "januari", "december", "maandag", "vrijdag",
        "casus", "kafkabrigade", "rekenkamer", "gemeente", "onderzoek", "onderzoeker", "coach",
    ]
}
