import CasusCore
import CasusTestSupport
import Foundation

/// The repository's folders, found from this source file so tests run from any working directory.
/// The shared test repository, with the sample as its file (the dossier tests read the header too).
enum Repository {
    static let root = TestRepository.root
    static let samples = TestRepository.samples
    static let sampleNames = TestRepository.sampleNames
    static func sample(_ name: String) throws -> DossierFile { try TestRepository.sampleFile(name) }
}
