import CasusCore
import Foundation

/// The repository's folders and samples for tests, found from this source file, and golden-file
/// comparison. One place for what the test targets used to copy.
public enum TestRepository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let samples = root.appendingPathComponent("Samples")
    public static let templates = root.appendingPathComponent("Templates/rapport")
    public static let sampleNames = ["boete-schuldhulp", "bezwaar-wmo"]

    /// A sample dossier file as shipped.
    public static func sampleFile(_ name: String) throws -> DossierFile {
        try DossierFile.decode(Data(contentsOf: samples.appendingPathComponent(name + ".json")))
    }

    /// A sample dossier.
    public static func sample(_ name: String) throws -> Dossier { try sampleFile(name).dossier }

    /// Compares `text` with the golden file `name` in `folder`; `CASUS_UPDATE_GOLDEN=1` rewrites it
    /// (review the diff before committing).
    public static func matchesGolden(_ text: String, _ name: String, in folder: URL) throws -> Bool {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CASUS_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return true
        }
        return (try? String(contentsOf: url, encoding: .utf8)) == text
    }
}
