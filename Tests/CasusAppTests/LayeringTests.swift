import CasusTestSupport
import Foundation
import Testing

/// The rules of the architecture that a grep can check: front ends call the application layer, and
/// library modules speak of actions, not of one front end's commands.
@Suite("Layering of the modules")
struct LayeringTests {
    func swiftFiles(under folder: String) -> [(path: String, lines: [Substring])] {
        let root = TestRepository.root.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (walker?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "swift" }.compactMap { url in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            return (url.path, text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test("the command-line tool changes no dossier itself and allocates no id")
    func cliCallsOperations() {
        for (path, lines) in swiftFiles(under: "Sources/casus") {
            for (n, line) in lines.enumerated() where line.contains("store.modify") || line.contains("EntityID.next") {
                Issue.record("\(path):\(n + 1): \(line)")
            }
        }
    }

    @Test("library modules name no command or flag of the terminal in what they say")
    func librariesNameNoCommands() throws {
        let command = try Regex(#""[^"]*(`casus [a-z]|--[a-z]{3,})"#)
        // Arguments for LibreOffice and rsvg-convert, and the provenance line of the generated rule reference.
        let allowed = ["--headless", "--outdir", "--keep-aspect-ratio", "\"--output\"", "casus lint --reference"]
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: TestRepository.root.appendingPathComponent("Sources").path
        ).filter { $0.hasPrefix("Casus") }
        #expect(folders.count >= 7)
        for folder in folders {
            for (path, lines) in swiftFiles(under: "Sources/" + folder) {
                for (n, line) in lines.enumerated() where line.contains(command) {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.hasPrefix("//") || allowed.contains(where: { line.contains($0) }) { continue }
                    Issue.record("\(path):\(n + 1): \(trimmed)")
                }
            }
        }
    }
}
