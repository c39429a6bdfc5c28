import CasusCore
import Foundation

/// The repository's folders, found from this source file so tests run from any working directory.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samples = root.appendingPathComponent("Samples")

    static func sample(_ name: String) throws -> DossierFile {
        try DossierFile.decode(Data(contentsOf: samples.appendingPathComponent(name + ".json")))
    }

    static let sampleNames = ["boete-schuldhulp", "bezwaar-wmo"]
}
