import Foundation
import Testing

@Suite("Dossier JSON Schema")
struct SchemaTests {
    static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("SKIP: python3 has no jsonschema module; the test command installs it"); sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        bad = 0
        for path in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(path))):
                bad += 1
                print(path, "/".join(map(str, error.absolute_path)), error.message)
        sys.exit(1 if bad else 0)
        """

    @Test("exports of every sample, and of a dossier built by hand, validate against the schema")
    func exportsValidate() throws {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        try cli.ok(["case", "new", "--title", "Kaal", "--vraagstuk", "Minimaal?", "--id", "kaal"])
        // A codebook with a child code, a span, a quote and an event coded (via the code commands).
        try cli.ok(["code", "add", "boete-schuldhulp", "Wachten", "--colour", "#1F77B4", "--description", "Tijd"])
        try cli.ok(["code", "add", "boete-schuldhulp", "Post", "--parent", "Wachten"])
        try cli.ok(["code", "apply", "boete-schuldhulp", "Post", "--interview", "I1", "--start", "0", "--end", "20"])
        try cli.ok(["code", "apply", "boete-schuldhulp", "Wachten", "--quote", "Q1"])
        try cli.ok(["code", "apply", "boete-schuldhulp", "Wachten", "--event", "E2", "--note", "lang"])
        let codings = try cli.ok(["code", "codings", "boete-schuldhulp"])
        #expect(codings.contains("M1") && codings.contains("I1 0–20") && codings.contains("Q1"))
        var files: [String] = []
        for id in ["boete-schuldhulp", "bezwaar-wmo", "kaal"] {
            let path = cli.home.appendingPathComponent("\(id).json").path
            try cli.ok(["export", id, "--output", path])
            files.append(path)
        }
        let reference = cli.home.appendingPathComponent("ref.json").path
        try cli.ok(["export", "boete-schuldhulp", "--attachments", "reference", "--output", reference])
        files.append(reference)
        let script = try cli.write(Self.validator, to: "validate.py")
        let (status, output) = try runPython(
            script, [CLI.repository.appendingPathComponent("Schemas/casus-dossier.schema.json").path] + files)
        if status == 3 { return print(output) }
        #expect(status == 0, "\(output)")
    }
}
