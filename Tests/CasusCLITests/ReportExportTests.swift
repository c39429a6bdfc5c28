import Foundation
import Testing

/// Finds a program on the PATH; the test command installs the readers these tests use.
func program(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

@Suite("reports on the command line, opened by real readers")
struct ReportExportTests {
    static let realNames = ["Fatima el Amrani", "Johanna Verbeek", "Gerrit Jan Mulder"]
    static let formats = ["md", "html", "odt", "docx"]

    /// Both samples imported, with real names for their end users and one person around them in the key vault.
    func prepared() throws -> CLI {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        try cli.ok(["person", "identity", "boete-schuldhulp", "Sanne", "--set-real-name", Self.realNames[0]])
        try cli.ok(["person", "identity", "boete-schuldhulp", "Marloes", "--set-real-name", Self.realNames[1]])
        try cli.ok(["person", "identity", "bezwaar-wmo", "Gerrit", "--set-real-name", Self.realNames[2]])
        return cli
    }

    /// A reader the test command installs; missing means the test fails, unless CASUS_SKIP_READERS=1 says to skip.
    func reader(_ name: String) -> String? {
        if let path = program(name) { return path }
        if ProcessInfo.processInfo.environment["CASUS_SKIP_READERS"] == "1" {
            print("skipping checks with \(name): not installed (CASUS_SKIP_READERS=1)")
        } else {
            Issue.record("\(name) is not installed; ./scripts/test installs it")
        }
        return nil
    }

    @Test(
        "every format of both reports, for every sample: pandoc reads it, python-docx and odfpy find the structure, the HTML parses strictly, LibreOffice converts it, and no real name is in any byte"
    )
    func everyFormatOpens() throws {
        let cli = try prepared()
        var files: [String] = []
        for caseId in ["boete-schuldhulp", "bezwaar-wmo"] {
            for report in ["outside-in", "casusbeschrijving"] {
                for format in Self.formats {
                    let path = cli.home.appendingPathComponent("\(caseId)-\(report).\(format)").path
                    let run = try cli.run([
                        "export", caseId, "--report", report, "--output", path, "--date", "2026-11-29",
                    ])
                    #expect(run.status == 0, "\(caseId) \(report) \(format): \(run.err)")
                    files.append(path)
                }
            }
        }
        let names = try cli.write(Self.realNames.joined(separator: "\n") + "\n", to: "names.txt")
        let checker = CLI.repository.appendingPathComponent("Tests/Readers/check_reports.py").path
        let (status, output) = try runPython(checker, [names] + files)
        if status == 3, ProcessInfo.processInfo.environment["CASUS_SKIP_READERS"] == "1" {
            print("skipping structure checks: \(output)")
        } else {
            #expect(status == 0, "\(output)")
        }
        if let pandoc = reader("pandoc") {
            for file in files where file.hasSuffix(".docx") || file.hasSuffix(".odt") {
                let (status, text) = try runProgram(pandoc, [file, "-t", "plain"])
                #expect(status == 0, "pandoc could not read \(file): \(text)")
                #expect(text.contains("Colofon"), "pandoc found no text in \(file)")
            }
        }
        if let soffice = reader("soffice") {
            let pdfs = cli.home.appendingPathComponent("pdf")
            let office = files.filter { $0.hasSuffix(".odt") || $0.hasSuffix(".docx") }
            let (status, output) = try runProgram(
                soffice,
                [
                    "-env:UserInstallation=file://\(cli.home.path)/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", pdfs.path,
                ] + office.filter { $0.hasSuffix(".odt") })
            #expect(status == 0, "\(output)")
            let (docxStatus, docxOutput) = try runProgram(
                soffice,
                [
                    "-env:UserInstallation=file://\(cli.home.path)/lo", "--headless", "--convert-to",
                    "pdf:writer_pdf_Export",
                    "--outdir", pdfs.appendingPathComponent("docx").path,
                ] + office.filter { $0.hasSuffix(".docx") })
            #expect(docxStatus == 0, "\(docxOutput)")
            for file in office {
                let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".pdf"
                let pdf = (file.hasSuffix(".docx") ? pdfs.appendingPathComponent("docx") : pdfs).appendingPathComponent(
                    base)
                let head = FileManager.default.contents(atPath: pdf.path)?.prefix(4)
                #expect(head == Data("%PDF".utf8), "LibreOffice made no PDF of \(file)")
            }
        }
    }

    @Test("--format pdf goes through LibreOffice; the PDF holds no real name")
    func pdf() throws {
        guard reader("soffice") != nil else { return }
        let cli = try prepared()
        let path = cli.home.appendingPathComponent("rapport.pdf").path
        let run = try cli.run([
            "export", "bezwaar-wmo", "--report", "outside-in", "--format", "pdf", "--output", path, "--status",
            "definitief",
        ])
        #expect(run.status == 0, "\(run.err)")
        #expect(FileManager.default.contents(atPath: path)?.prefix(4) == Data("%PDF".utf8))
        if let pdftotext = reader("pdftotext") {
            let (_, text) = try runProgram(pdftotext, [path, "-"])
            #expect(text.contains("Definitief"))
            #expect(!text.contains(Self.realNames[2]))
        }
        // Without LibreOffice casus says what to do and writes nothing.
        cli.environment["PATH"] = "/nonexistent"
        let missing = try cli.run([
            "export", "bezwaar-wmo", "--report", "outside-in", "--format", "pdf", "--output",
            cli.home.appendingPathComponent("geen.pdf").path,
        ])
        #expect(missing.status == 69 && missing.err.contains("LibreOffice"))
        #expect(!FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("geen.pdf").path))
    }

    @Test("withdrawn quote consent: no quote of that person in any format; the export log lists them")
    func withdrawnQuotes() throws {
        let cli = try prepared()
        try cli.ok(["consent", "withdraw", "boete-schuldhulp", "Sanne", "--purpose", "citaten"])
        let dossier =
            try JSONSerialization.jsonObject(
                with: Data(try cli.ok(["case", "show", "boete-schuldhulp", "--json"]).utf8)) as? [String: Any]
        let quotes = (dossier?["quotes"] as? [[String: Any]] ?? []).filter { $0["speakerId"] as? String == "P1" }
            .compactMap { $0["text"] as? String }
        #expect(!quotes.isEmpty)
        let log = cli.home.appendingPathComponent("export.log").path
        let md = try cli.run(["export", "boete-schuldhulp", "--report", "outside-in", "--format", "md", "--log", log])
        #expect(md.status == 0)
        #expect(md.err.contains("Weggelaten (toestemming)") && md.err.contains("van Sanne"))
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("citaat Q3 van Sanne"))
        let html = try cli.run(["export", "boete-schuldhulp", "--report", "casusbeschrijving", "--format", "html"])
        for quote in quotes {
            let words = quote.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!?")).lowercased()
            #expect(!md.out.lowercased().replacingOccurrences(of: "\\", with: "").contains(words), "\(quote)")
            #expect(!html.out.lowercased().contains(words), "\(quote)")
        }
    }

    @Test("a real name typed into the narrative stops the export and nothing is written")
    func realNameStops() throws {
        let cli = try prepared()
        let leaky = try cli.write("# Deur\n\nFatima el Amrani opende de deur. De Kredietbank belde.\n", to: "n.md")
        try cli.ok(["narrative", "set", "boete-schuldhulp", "--file", leaky])
        let out = cli.home.appendingPathComponent("lek.docx").path
        let run = try cli.run(["export", "boete-schuldhulp", "--report", "outside-in", "--output", out])
        #expect(run.status == 65 && run.err.contains("echte naam van Sanne"))
        #expect(!run.err.contains(Self.realNames[0]))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("the wederhoor version for one agency, concept status, and clear errors for bad options and templates")
    func optionsAndTemplates() throws {
        let cli = try prepared()
        let md = try cli.ok([
            "export", "boete-schuldhulp", "--report", "outside-in", "--format", "md", "--for", "cjib", "--status",
            "concept-ambtelijk",
        ])
        #expect(
            md.contains("Versie voor Centraal Justitieel Incassobureau")
                && md.contains("Concept voor ambtelijk wederhoor"))
        #expect(!md.contains("## Kredietbank Rijnstede"))
        #expect(
            try cli.run([
                "export", "boete-schuldhulp", "--report", "outside-in", "--format", "md", "--for", "belastingdienst",
            ]).status == 3)
        #expect(
            try cli.run(["export", "boete-schuldhulp", "--report", "outside-in", "--output", "x.rtf"]).status == 65)
        #expect(
            try cli.run([
                "export", "boete-schuldhulp", "--report", "outside-in", "--format", "md", "--date", "gisteren",
            ]).status == 65)

        // A copied template with an unknown section names the file and the line.
        let folder = cli.home.appendingPathComponent("huisstijl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in ["outside-in.yml", "casusbeschrijving.yml", "huisstijl.yml"] {
            try FileManager.default.copyItem(
                at: CLI.repository.appendingPathComponent("Templates/rapport/\(file)"),
                to: folder.appendingPathComponent(file))
        }
        var yaml = try String(contentsOf: folder.appendingPathComponent("outside-in.yml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "inhoud: knelpunten", with: "inhoud: knelpuntjes")
        try yaml.write(to: folder.appendingPathComponent("outside-in.yml"), atomically: true, encoding: .utf8)
        let line = yaml.components(separatedBy: "\n").firstIndex { $0.contains("knelpuntjes") }! + 1
        let bad = try cli.run([
            "export", "boete-schuldhulp", "--report", "outside-in", "--format", "md", "--template", folder.path,
        ])
        #expect(bad.status == 65)
        #expect(bad.err.contains("outside-in.yml, regel \(line): onbekende inhoud 'knelpuntjes'"), "\(bad.err)")
        // A house style with too little contrast is refused with its line.
        var style = try String(contentsOf: folder.appendingPathComponent("huisstijl.yml"), encoding: .utf8)
        style = style.replacingOccurrences(of: "hoofdkleur: \"#1F3A5F\"", with: "hoofdkleur: \"#F0C0C0\"")
        try style.write(to: folder.appendingPathComponent("huisstijl.yml"), atomically: true, encoding: .utf8)
        let pale = try cli.run([
            "export", "boete-schuldhulp", "--report", "casusbeschrijving", "--format", "md", "--template", folder.path,
        ])
        #expect(
            pale.status == 65 && pale.err.contains("huisstijl.yml, regel") && pale.err.contains("WCAG"), "\(pale.err)")
    }
}

extension ReportExportTests {
    @Test("the outside-in report of both samples names bottlenecks by the bundled catalogue's labels, nl and en")
    func bundledCatalogueLabels() throws {
        let cli = try prepared()
        let expected = [
            "boete-schuldhulp": [
                "Een fout reist mee door de gegevensuitwisseling", "An error travels through data exchange",
            ],
            "bezwaar-wmo": ["Papieren opnieuw gevraagd", "Paperwork asked again"],
        ]
        for (caseId, labels) in expected {
            let nl = try cli.ok(["export", caseId, "--report", "outside-in", "--format", "md"])
            let en = try cli.ok(["export", caseId, "--report", "outside-in", "--format", "md", "--report-lang", "en"])
            #expect(nl.contains(labels[0]), "\(caseId) nl")
            #expect(en.contains(labels[1]), "\(caseId) en")
            #expect(!nl.contains("Vraagt opnieuw") && !en.contains("Vraagt opnieuw"))
        }
    }
}

@Suite("journey maps on the command line")
struct JourneyCommandTests {
    @Test(
        "every view of both samples renders to PNG with rsvg-convert; HTML has the map and the table; the report embeds the map"
    )
    func render() throws {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        let converter = program("rsvg-convert")
        if converter == nil {
            if ProcessInfo.processInfo.environment["CASUS_SKIP_READERS"] == "1" {
                print("skipping rendering: rsvg-convert not installed")
            } else {
                Issue.record("rsvg-convert is not installed; ./scripts/test installs it")
            }
        }
        for caseId in ["boete-schuldhulp", "bezwaar-wmo"] {
            for view in ["overview", "blueprint", "agency:gemeente"]
            where !(caseId == "bezwaar-wmo" && view == "agency:gemeente") {
                let svg = cli.home.appendingPathComponent(
                    "\(caseId)-\(view.replacingOccurrences(of: ":", with: "-")).svg"
                ).path
                let run = try cli.run(["journey", caseId, "--view", view, "--output", svg])
                #expect(run.status == 0, "\(caseId) \(view): \(run.err)")
                if let converter {
                    let png = svg.replacingOccurrences(of: ".svg", with: ".png")
                    let (status, output) = try runProgram(converter, [svg, "-o", png])
                    #expect(status == 0, "\(output)")
                    #expect(FileManager.default.contents(atPath: png)?.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
                }
            }
        }
        let html = try cli.ok(["journey", "bezwaar-wmo", "--format", "html"])
        #expect(
            html.contains("<svg") && html.contains("<th scope=\"col\">Datum</th>")
                && html.contains("<html lang=\"nl\">"))
        let mermaid = try cli.ok(["journey", "bezwaar-wmo", "--format", "mermaid", "--view", "overview"])
        #expect(mermaid.contains("\njourney\n"))
        let csv = try cli.ok(["journey", "bezwaar-wmo", "--output", cli.home.appendingPathComponent("k.csv").path])
        #expect(csv.isEmpty)
        #expect(try String(contentsOf: cli.home.appendingPathComponent("k.csv"), encoding: .utf8).hasPrefix("id,datum"))
        let report = try cli.ok(["export", "bezwaar-wmo", "--report", "outside-in", "--format", "html"])
        // On screen the report holds the whole map once, inline and scrolling sideways, not the printed parts.
        #expect(
            report.contains("<figure class=\"figure wide\"><div class=\"scroll\"")
                && report.contains("<desc id=\"kaart-beschrijving\">Klantreis van Gerrit:"))
        #expect(!report.contains("<figure class=\"figure\"><img src=\"data:image/svg+xml"))
    }

    @Test("bad views, missing consent and real names give clear errors")
    func errors() throws {
        let cli = CLI()
        try cli.ok(["init", "--samples"])
        #expect(try cli.run(["journey", "bezwaar-wmo", "--view", "sideways"]).status == 64)
        #expect(try cli.run(["journey", "bezwaar-wmo", "--view", "agency:belastingdienst"]).status == 3)
        try cli.ok(["person", "identity", "bezwaar-wmo", "Gerrit", "--set-real-name", "Gerrit Jan Mulder"])
        try cli.ok([
            "event", "add", "bezwaar-wmo", "--date", "2023-05-01", "--actor", "Gerrit", "--what",
            "Gerrit Jan Mulder belt de gemeente.",
        ])
        let leaked = try cli.run(["journey", "bezwaar-wmo"])
        #expect(leaked.status == 65 && leaked.err.contains("echte naam van Gerrit") && !leaked.out.contains("Mulder"))
        try cli.ok(["consent", "withdraw", "bezwaar-wmo", "Gerrit", "--purpose", "narratief"])
        #expect(try cli.run(["journey", "bezwaar-wmo"]).status == 5)
    }
}
