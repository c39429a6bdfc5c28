import Foundation
import Testing

@Suite("QDA projects on the command line")
struct QDACommandTests {
    @Test("export --format qdpx writes a project that import reads back into a new case or an existing one")
    func exportAndImport() throws {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        try cli.ok(["code", "add", "bezwaar-wmo", "Kastje en muur"])
        try cli.ok([
            "code", "apply", "bezwaar-wmo", "Kastje en muur", "--interview", "I1", "--start", "5", "--end", "40",
        ])
        let file = cli.home.appendingPathComponent("wmo.qdpx").path
        let export = try cli.run(["export", "bezwaar-wmo", "--output", file, "--narrative-notes"])
        #expect(export.status == 0 && export.err.contains("QDA-project geschreven"), "\(export.err)")
        let imported = try cli.ok(["import", file])
        #expect(imported.contains("ingelezen in casus") && imported.contains("1 markering"), "\(imported)")
        let into = try cli.ok(["import", file, "--case", "bezwaar-wmo"])
        #expect(into.contains("'bezwaar-wmo'"))
        let codes = try cli.ok(["code", "list", "bezwaar-wmo"])
        #expect(codes.contains("Kastje en muur"))
        // Not to the terminal, and a broken file is refused with exit code 65 and a message.
        #expect(try cli.run(["export", "bezwaar-wmo", "--format", "qdpx"]).status == 65)
        let broken = cli.home.appendingPathComponent("kapot.qdpx")
        try Data("PK geen zip".utf8).write(to: broken)
        let refused = try cli.run(["import", broken.path])
        #expect(refused.status == 65 && refused.err.contains("Er is niets opgeslagen"), "\(refused.err)")
    }
}
