import ArgumentParser
import CasusApp
import CasusCore
import CasusDocuments
import CasusLint
import CasusQDA
import CasusReports
import CasusStore
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: say("Metingen van snelheid (voor ontwikkelaars).", "Speed measurements (for developers)."),
        subcommands: [
            StoreBench.self, LintBench.self, LintEvalBench.self, ReportBench.self, JourneyBench.self, QDABench.self,
            WriteLoop.self,
        ])

    /// Imports many generated dossiers and times the everyday reads, in-process and as whole processes.
    struct StoreBench: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "store",
            abstract: say(
                "Importeer N gegenereerde dossiers en meet list, show en search.",
                "Import N generated dossiers and time list, show and search."))
        @OptionGroup var global: GlobalOptions
        @Option(help: help("Aantal dossiers.", "Number of dossiers.")) var dossiers = 10_000
        @Option(help: help("Woorden transcript per dossier.", "Transcript words per dossier.")) var words = 100
        @Option(help: help("Herhalingen per meting.", "Repetitions per measurement.")) var runs = 20
        @Option(
            help: help(
                "Bewaar de gegenereerde opslag in deze map (anders tijdelijk).",
                "Keep the generated store in this folder (else temporary).")) var keep: String?

        func execute(_ context: Context) throws {
            let folder =
                keep.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("casus-bench-\(UUID().uuidString)")
            defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
            let store = try DossierStore(workspace: Workspace(folder: folder), actor: "bench", create: true)
            var generator = DossierGenerator(seed: 42)
            let clock = ContinuousClock()
            var totalWords = 0
            let importTime = try clock.measure {
                for n in 0..<dossiers {
                    let dossier = generator.dossier(number: n, transcriptWords: words)
                    totalWords += dossier.interviews.reduce(0) {
                        $0 + ($1.transcript?.split(separator: " ").count ?? 0)
                    }
                    try store.create(dossier)
                }
            }
            let ids = try store.caseSummaries().map(\.id)
            print(
                "dossiers: \(ids.count), transcript words: \(totalWords), database: \(fileSize(store.workspace.databaseURL) / 1_048_576) MiB"
            )
            print(
                String(
                    format: "import: %.1f s total, %.2f ms per dossier", importTime.seconds,
                    importTime.seconds * 1000 / Double(max(1, dossiers))))
            // Words a researcher looks for, from rare to common in the generated corpus; "de" is the worst case.
            let queries = ["gijzeling", "deurwaarder brief", "beschikking", "wijkagent"]
            let list = try median(runs) { _ in _ = try store.caseSummaries(limit: 100) }
            let listAll = try median(runs) { _ in _ = try store.caseSummaries() }
            let show = try median(runs) { i in _ = try store.dossier(ids[(i * 7919) % ids.count]) }
            let search = try median(runs) { i in _ = try store.search(queries[i % queries.count], limit: 20) }
            let worst = try median(runs) { _ in _ = try store.search("brief", limit: 20) }
            print(
                String(
                    format:
                        "in-process median: case list %.2f ms (all %d: %.2f ms) · case show %.2f ms · search %.2f ms (a word in most texts: %.2f ms)",
                    list, ids.count, listAll, show, search, worst))
            let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
            let base = ["--store", folder.path]
            let listP = try median(5) { _ in try StoreBench.run(me, ["case", "list"] + base) }
            let showP = try median(5) { i in
                try StoreBench.run(me, ["case", "show", ids[(i * 7919) % ids.count]] + base)
            }
            let searchP = try median(5) { i in try StoreBench.run(me, ["search", queries[i % queries.count]] + base) }
            print(
                String(
                    format: "whole process median: case list %.1f ms · case show %.1f ms · search %.1f ms", listP,
                    showP, searchP))
        }

        private func median(_ count: Int, _ body: (Int) throws -> Void) throws -> Double {
            let clock = ContinuousClock()
            var times: [Double] = []
            for i in 0..<max(1, count) { times.append(try clock.measure { try body(i) }.seconds * 1000) }
            return times.sorted()[times.count / 2]
        }

        /// Seconds a whole process takes, started with posix_spawn.
        static func time(_ executable: String, _ arguments: [String]) throws -> Double {
            let clock = ContinuousClock()
            return try clock.measure { try run(executable, arguments) }.seconds
        }

        /// Starts a process with posix_spawn, output to /dev/null, and waits for it. Foundation's
        /// Process adds tens of milliseconds of its own, which would hide what casus costs.
        static func run(_ executable: String, _ arguments: [String]) throws {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid = pid_t()
            let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            guard status == 0 else {
                throw CasusError(
                    .internalError, nl: "Kan \(executable) niet starten.", en: "Cannot start \(executable).")
            }
            var exit: Int32 = 0
            waitpid(pid, &exit, 0)
        }

        private func fileSize(_ url: URL) -> Int {
            (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        }
    }

    /// Lints a corpus of 10+ MB of Dutch case text in-process and a 2,000-word narrative as a whole
    /// process, and times proselint on the same corpus when it is installed.
    struct LintBench: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: say("Meet de snelheid van de linter, naast proselint.", "Time the linter, beside proselint."))
        @OptionGroup var global: GlobalOptions
        @Option(help: help("Grootte van het corpus in MB.", "Size of the corpus in MB.")) var megabytes = 10
        @Option(help: help("Herhalingen voor het bestand van 2.000 woorden.", "Repetitions for the 2,000-word file."))
        var runs = 20
        @Flag(name: .customLong("skip-proselint"), help: help("Sla proselint over.", "Skip proselint."))
        var skipProselint = false

        func execute(_ context: Context) throws {
            guard let samples = Samples.folder() else {
                throw CasusError(
                    .cannotRead, nl: "De map Samples is niet gevonden.", en: "The Samples folder was not found.")
            }
            // Every narrative version of the sample dossiers, the drafts a coach sent back included.
            var pieces: [String] = []
            for url in Samples.files(in: samples) {
                let dossier = try DossierFile.decode(try ImportCommand.read(url.path)).dossier
                pieces += dossier.narrative.map(\.text)
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "casus-lint-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }

            // The corpus: those narratives, repeated with a numbered heading.
            var corpus = ""
            var round = 0
            while corpus.utf8.count < megabytes * 1_000_000 {
                round += 1
                for piece in pieces { corpus += "## Deel \(round)\n\n" + piece + "\n\n" }
            }
            let corpusURL = folder.appendingPathComponent("corpus.md")
            try Data(corpus.utf8).write(to: corpusURL)
            let bytes = Double(corpus.utf8.count)

            // A narrative of about 2,000 words from the current versions.
            var narrative = ""
            var index = 0
            let currents = pieces
            while narrative.split(whereSeparator: \.isWhitespace).count < 2_000 {
                narrative += currents[index % currents.count] + "\n\n"
                index += 1
            }
            let narrativeURL = folder.appendingPathComponent("narratief-2000.md")
            try Data(narrative.utf8).write(to: narrativeURL)

            let clock = ContinuousClock()
            let session = LintSession(configuration: LintConfiguration(), interfaceLanguage: context.language)
            _ = try session.rules(for: .nl)
            var report: LintReport?
            let source = SourceText(format: .markdown, text: corpus)
            var lintTimes: [Double] = []
            for _ in 0..<3 {
                lintTimes.append(
                    try clock.measure { report = try session.lint(source, path: "corpus.md", language: .nl) }.seconds)
            }
            lintTimes.sort()
            let lintTime = lintTimes[1]
            let words = report?.figures.words ?? 0
            print(
                String(
                    format: "corpus: %.1f MB, %d words, %d findings", bytes / 1_000_000, words,
                    report?.findings.count ?? 0))
            print(
                String(
                    format:
                        "casus lint in-process (all cores, median of 3): %.2f s, %.1f MB/s (best %.1f MB/s), %.0f words/s",
                    lintTime, bytes / 1_000_000 / lintTime, bytes / 1_000_000 / lintTimes[0], Double(words) / lintTime))
            let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
            let corpusProcess = try StoreBench.time(
                me, ["lint", corpusURL.path, "--format", "json", "--fail-on", "none", "--text-lang", "nl"])
            print(
                String(
                    format: "casus lint whole process on the corpus: %.2f s, %.1f MB/s", corpusProcess,
                    bytes / 1_000_000 / corpusProcess))
            var times: [Double] = []
            for _ in 0..<max(1, runs) {
                times.append(
                    try StoreBench.time(me, ["lint", narrativeURL.path, "--no-color", "--fail-on", "none"]) * 1000)
            }
            times.sort()
            print(
                String(
                    format: "2,000-word narrative as a whole process: median %.1f ms (min %.1f, max %.1f, %d runs)",
                    times[times.count / 2], times.first!, times.last!, times.count))
            guard !skipProselint else { return }
            guard
                let proselint = [
                    "/usr/local/bin/proselint", "/usr/bin/proselint", NSHomeDirectory() + "/.local/bin/proselint",
                    NSHomeDirectory() + "/.pyenv/shims/proselint",
                ].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
            else {
                print("proselint: not installed (pip install proselint); no comparison")
                return
            }
            // proselint stops after 1,000 findings unless told otherwise; it must read the whole corpus.
            let peerConfig = folder.appendingPathComponent("proselintrc.json")
            try Data("{\"max_errors\": 100000000}".utf8).write(to: peerConfig)
            let peer = try StoreBench.time(proselint, ["check", "--config", peerConfig.path, corpusURL.path])
            print(
                String(format: "proselint check on the same corpus: %.2f s, %.2f MB/s", peer, bytes / 1_000_000 / peer))
            print(
                String(
                    format: "ratio: casus lint is %.0f× faster in-process and %.0f× faster as a whole process",
                    peer / lintTime, peer / corpusProcess))
        }
    }

    /// Recall and false alarms of the linter on the labelled sentences of `Tests/CasusLintTests/Fixtures/eval`.
    struct LintEvalBench: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint-eval",
            abstract: say(
                "Meet hoeveel zinnen die een coach terugstuurt de linter vindt, en hoeveel goede zinnen hij ten onrechte meldt.",
                "Measure how many sentences a coach would send back the linter finds, and how many good ones it flags.")
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: help("Map met de .tsv-bestanden.", "Folder with the .tsv files.")) var set: String?
        @Flag(help: help("Toon gemiste en ten onrechte gemelde zinnen.", "Show missed and wrongly flagged sentences."))
        var details = false

        func execute(_ context: Context) throws {
            guard
                let folder = set.map({ URL(fileURLWithPath: $0) })
                    ?? ProjectFolder.find(
                        "Tests/CasusLintTests/Fixtures/eval", override: nil,
                        accept: { url in
                            FileManager.default.fileExists(atPath: url.appendingPathComponent("nl-fout.tsv").path)
                        })
            else {
                throw CasusError(
                    .cannotRead, nl: "De evaluatieset is niet gevonden; geef --set <map>.",
                    en: "The evaluation set was not found; pass --set <folder>.")
            }
            let session = LintSession(configuration: LintConfiguration(), interfaceLanguage: context.language)
            print("A bad sentence counts as caught when any finding is mening, oordeel, abstract or perspectief")
            print("('right category': a finding of its own label).")
            try report(folder, title: "The set", session: session)
            let holdout = folder.appendingPathComponent("holdout")
            if FileManager.default.fileExists(atPath: holdout.path) {
                try report(holdout, title: "Held out (never used to tune the rules)", session: session)
            }
        }

        private func report(_ folder: URL, title: String, session: LintSession) throws {
            let samples = try LintEvaluation.load(folder: folder)
            let figures = try LintEvaluation.run(samples, session: session)
            print("\n\(title): \(samples.count) sentences")
            for language in [Language.nl, .en] {
                guard let f = figures[language] else { continue }
                print(
                    String(
                        format: "%@: recall %.1f%% (%d of %d bad), false alarms %.1f%% (%d of %d clean)",
                        language.rawValue, f.recall * 100, f.badCaught, f.bad, f.falseAlarmRate * 100, f.falseAlarms,
                        f.clean))
                for category in LintEvaluation.coachCategories {
                    guard let c = f.labelled[category] else { continue }
                    print(
                        String(
                            format: "  %-12@ %3d bad, caught %5.1f%%, right category %5.1f%%", category.rawValue,
                            c.total, Double(c.caught) / Double(c.total) * 100,
                            Double(c.rightCategory) / Double(c.total) * 100))
                }
                if details {
                    for sample in f.missed { print("  missed [\(sample.kind)] \(sample.sentence)") }
                    for (sample, rules) in f.flagged {
                        print("  flagged [\(sample.kind)] \(sample.sentence) — \(rules.joined(separator: ", "))")
                    }
                }
            }
        }
    }

    /// Appends events to one case as fast as it can and prints `ack N` after each commit: the
    /// writer that the crash-safety test kills mid-write.
    struct WriteLoop: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "write-loop",
            abstract: say(
                "Schrijf gebeurtenissen in een lus en meld elke vastgelegde (voor de crashtest).",
                "Write events in a loop and report each committed one (for the crash test)."))
        @OptionGroup var global: GlobalOptions
        @Option var count = 1_000
        @Option(name: .customLong("case")) var caseId = "crash-test"

        func execute(_ context: Context) throws {
            let store = try context.store(create: true)
            if try !store.caseExists(caseId) {
                var dossier = Dossier(casus: Casus(id: caseId, title: "Crash test", vraagstuk: "Survives a kill?"))
                dossier.agencies.append(Agency(id: "gemeente", name: "Gemeente"))
                try store.create(dossier)
            }
            let casework = try context.casework()
            var generator = DossierGenerator(seed: UInt64(ProcessInfo.processInfo.processIdentifier))
            for _ in 0..<count {
                var fields = EventFields()
                fields.date = FuzzyDate("2024-01-01")
                fields.actor = "agency:gemeente"
                fields.channel = .brief
                fields.what = generator.sentence(words: 40)
                let id = try casework.addEvent(caseId, fields)
                FileHandle.standardOutput.write(Data("ack \(id)\n".utf8))
            }
        }
    }
}

/// Times a REFI-QDA export and import of a large case: many long transcripts, many codings each.
struct QDABench: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "qda",
        abstract: say(
            "Meet export en import van een QDA-project (.qdpx) van een grote casus.",
            "Time export and import of a QDA project (.qdpx) of a large case."))
    @OptionGroup var global: GlobalOptions
    @Option(help: help("Aantal transcripten.", "Number of transcripts.")) var transcripts = 20
    @Option(help: help("Woorden per transcript.", "Words per transcript.")) var words = 10_000
    @Option(help: help("Markeringen per transcript.", "Codings per transcript.")) var codings = 2_000
    @Option(help: help("Herhalingen (de mediaan telt).", "Repetitions (the median counts).")) var runs = 3

    func execute(_ context: Context) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DossierStore(workspace: Workspace(folder: folder), actor: "bench", create: true)
        let vault = KeyVault(url: folder.appendingPathComponent("vault.json"))
        let work = Casework(store: store, vault: vault, actor: .owner("bench"))
        var generator = DossierGenerator(seed: 7)
        var d = generator.dossier(number: 1, transcriptWords: 10)
        d.codes = (1...40).map {
            Code(id: "K\($0)", name: "Code \($0)", parentId: $0 > 10 ? "K\(($0 - 1) % 10 + 1)" : nil)
        }
        var number = 0
        d.interviews = (1...transcripts).map { n in
            Interview(
                id: "I\(n)", participantId: "P1", at: d.interviews[0].at, interviewers: ["bench"],
                transcript: generator.sentence(words: words))
        }
        for interview in d.interviews {
            let scalars = Array((interview.transcript ?? "").unicodeScalars)
            for k in 0..<codings {
                number += 1
                let start = (k * 7919) % max(1, scalars.count - 80)
                let end = start + 20 + k % 60
                var words = String.UnicodeScalarView()
                words.append(contentsOf: scalars[start..<end])
                d.codings.append(
                    Coding(
                        id: "M\(number)", codeId: "K\(k % 40 + 1)",
                        target: .span(interviewId: interview.id, start: start, end: end), text: String(words)))
            }
        }
        try store.create(d)
        let clock = ContinuousClock()
        var exports: [Double] = [], imports: [Double] = []
        var bytes = Data()
        for _ in 0..<max(1, runs) {
            exports.append(
                try clock.measure { bytes = try work.exportQDA(d.casus.id, includeNarrative: false).bytes }.seconds)
            imports.append(try clock.measure { _ = try work.importQDA(bytes, into: nil) }.seconds)
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        // The parts of an import that do not touch the store: reading the archive and mapping it.
        let pure = try clock.measure {
            let read = try QDAReader.read(bytes)
            _ = try QDAImport.apply(
                read.project, to: Dossier(casus: Casus(id: "x", title: "x", vraagstuk: "x")), actor: "bench")
        }.seconds
        let build = clock.measure { _ = QDAWriter.parts(QDAExport.project(of: d, includeNarrative: false).project) }
            .seconds
        print(
            "\(transcripts) transcripts × \(words) words, \(codings) codings each (\(number) in all); .qdpx \(bytes.count / 1024) KiB"
        )
        print(String(format: "export: %.3f s (median of %d)", median(exports), exports.count))
        print(
            String(
                format: "import: %.3f s (median of %d), including validation and the store write", median(imports),
                imports.count))
        print(String(format: "export + import: %.3f s", median(exports) + median(imports)))
        print(String(format: "of which building the project XML: %.3f s; reading and mapping it: %.3f s", build, pure))
        if ProcessInfo.processInfo.environment["CASUS_BENCH_DETAIL"] == "1" {
            var loaded = d
            let load = try clock.measure { loaded = try store.dossier(d.casus.id) }.seconds
            var project = QDAProject(name: "")
            let map = clock.measure { project = QDAExport.project(of: loaded, includeNarrative: false).project }.seconds
            var parts: (xml: String, sources: [(path: String, text: String)]) = ("", [])
            let xml = clock.measure { parts = QDAWriter.parts(project) }.seconds
            let guardTime = try clock.measure {
                try ExportGuard.check(parts.xml, identities: [], dossier: loaded)
            }.seconds
            let zip = try clock.measure { _ = try QDAWriter.archive(project) }.seconds
            var read: QDAReadResult?
            let readTime = try clock.measure { read = try QDAReader.read(bytes) }.seconds
            var mapped = d
            let apply = try clock.measure {
                mapped = try QDAImport.apply(
                    read!.project, to: Dossier(casus: Casus(id: "y", title: "y", vraagstuk: "y")), actor: "b"
                ).dossier
            }.seconds
            let validate = try clock.measure { try mapped.validate() }.seconds
            let write = try clock.measure { try store.create(mapped) }.seconds
            print(
                String(
                    format:
                        "detail: load %.3f, map %.3f, xml %.3f, guard %.3f, archive %.3f | read %.3f, apply %.3f, validate %.3f, store create %.3f",
                    load, map, xml, guardTime, zip, readTime, apply, validate, write))
        }
    }
}

/// Times every report format for a generated dossier with a report of about 50,000 words, each as a
/// whole process, beside pandoc converting the same content from Markdown to DOCX and ODT.
struct ReportBench: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: say("Meet het maken van rapporten, naast pandoc.", "Time making reports, beside pandoc."))
    @OptionGroup var global: GlobalOptions
    @Option(help: help("Woorden in het narratief.", "Words in the narrative.")) var words = 42_000
    @Option(help: help("Herhalingen per meting.", "Repetitions per measurement.")) var runs = 5

    func execute(_ context: Context) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casus-bench-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DossierStore(
            workspace: Workspace(folder: folder.appendingPathComponent("store")), actor: "bench", create: true)
        guard let samples = Samples.folder() else {
            throw CasusError(
                .cannotRead, nl: "De map Samples is nodig voor deze meting.",
                en: "This benchmark needs the Samples folder.")
        }
        let file = try DossierFile.decode(Data(contentsOf: samples.appendingPathComponent("boete-schuldhulp.json")))
        let dossier = ReportBench.enlarged(file.dossier, words: words)
        _ = try store.importFile(DossierFile(dossier: dossier, attachments: file.attachments), replace: false)
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let base = [
            "export", dossier.casus.id, "--report", "outside-in", "--date", "2026-11-29", "--store",
            folder.appendingPathComponent("store").path,
        ]
        let markdown = out.appendingPathComponent("rapport.md")
        try BenchCommand.StoreBench.run(me, base + ["--output", markdown.path])
        let reportWords = (try String(contentsOf: markdown, encoding: .utf8)).split(whereSeparator: { $0.isWhitespace })
            .count
        print(
            "report: \(reportWords) words of Markdown, \(dossier.events.count) events, \(dossier.findings.count) findings"
        )
        var casusTimes: [String: Double] = [:]
        for format in ["md", "html", "odt", "docx"] {
            casusTimes[format] = try median(runs) {
                try BenchCommand.StoreBench.run(
                    me, base + ["--output", out.appendingPathComponent("r.\(format)").path])
            }
            print(String(format: "casus %@: %.0f ms (whole process, median of %d)", format, casusTimes[format]!, runs))
        }
        guard
            let pandoc = ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].first(where: FileManager.default.isExecutableFile)
        else {
            return print("pandoc is not installed: no comparison")
        }
        for format in ["docx", "odt"] {
            let time = try median(max(1, runs / 2)) {
                try BenchCommand.StoreBench.run(
                    pandoc, [markdown.path, "-o", out.appendingPathComponent("p.\(format)").path])
            }
            print(
                String(
                    format: "pandoc md → %@: %.0f ms · casus is %.1f× faster", format, time, time / casusTimes[format]!)
            )
        }
    }

    private func median(_ count: Int, _ body: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<max(1, count) { times.append(try clock.measure { try body() }.seconds * 1000) }
        return times.sorted()[times.count / 2]
    }

    /// The sample grown to a long report: its narrative repeated with generated passages, and many more events and findings.
    static func enlarged(_ sample: Dossier, words: Int) -> Dossier {
        var d = sample
        d.casus.id = "bench-rapport"
        var generator = DossierGenerator(seed: 7)
        let original = d.currentNarrative?.text ?? ""
        var text = original
        var chapter = 1
        while text.split(whereSeparator: { $0.isWhitespace }).count < words {
            chapter += 1
            text += "\n\n## Deel \(chapter)\n\n"
            for _ in 0..<12 {
                text +=
                    generator.sentence(words: 18).capitalizedFirst + ". " + generator.sentence(words: 14)
                    + ". De Kredietbank belde.\n\n"
            }
        }
        let number = (d.narrative.map(\.number).max() ?? 0) + 1
        d.narrative.append(NarrativeVersion(number: number, author: "bench", text: text))
        d.casus.currentNarrative = number
        let agencies = d.agencies.map(\.id)
        for n in 1...300 {
            d.events.append(
                TimelineEvent(
                    id: "E\(1000 + n)", date: FuzzyDate(String(format: "2022-%02d-%02d", n % 12 + 1, n % 28 + 1)),
                    actor: .agency(agencies[n % agencies.count]), channel: .brief, what: generator.sentence(words: 16),
                    knelpunten: n % 10 == 0 ? ["gegenereerd-knelpunt-\(n % 7)"] : []))
        }
        for n in 1...100 {
            d.findings.append(
                Finding(
                    id: "F\(1000 + n)", agencyId: agencies[n % agencies.count], level: .uitvoering,
                    claim: generator.sentence(words: 14), status: .bevestigd, source: "gegenereerd"))
        }
        return d
    }
}

/// Times a 500-event journey map over ten agencies as a whole process, for each format.
struct JourneyBench: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: say(
            "Meet het tekenen van een klantreis met 500 gebeurtenissen.", "Time drawing a 500-event journey map."))
    @OptionGroup var global: GlobalOptions
    @Option(help: help("Aantal gebeurtenissen.", "Number of events.")) var events = 500
    @Option(help: help("Herhalingen per meting.", "Repetitions per measurement.")) var runs = 7
    @Option(
        help: help(
            "Bewaar de blueprint-SVG in dit bestand, om te bekijken.",
            "Keep the blueprint SVG in this file, to look at.")) var svg: String?

    func execute(_ context: Context) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casus-bench-journey-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DossierStore(
            workspace: Workspace(folder: folder.appendingPathComponent("store")), actor: "bench", create: true)
        guard let samples = Samples.folder() else {
            throw CasusError(
                .cannotRead, nl: "De map Samples is nodig voor deze meting.",
                en: "This benchmark needs the Samples folder.")
        }
        let file = try DossierFile.decode(Data(contentsOf: samples.appendingPathComponent("boete-schuldhulp.json")))
        var d = file.dossier
        d.casus.id = "bench-klantreis"
        var generator = DossierGenerator(seed: 11)
        d.agencies += (0..<10).map { Agency(id: "a\($0)", name: "Instantie \($0)", contact: .gesproken) }
        d.findings = []
        d.leervragen = []
        d.dilemmas = []
        d.wederhoor = []
        d.quotes = []
        d.events = (0..<events).map { n in
            let date = FuzzyDate(
                year: 2019 + n * 4 / max(1, events), month: (n * 48 / max(1, events)) % 12 + 1, day: n % 27 + 1)
            let actor: Actor = n % 11 == 0 ? .participant(d.endUser!.id) : .agency("a\(n % 10)")
            return TimelineEvent(
                id: "E\(n + 1)", date: date, actor: actor, channel: .brief, what: generator.sentence(words: 12),
                impact: n % 6 == 0 ? n % 5 - 2 : nil, visibleToEndUser: n % 3 != 0,
                knelpunten: n % 13 == 0 ? ["fout-reist-mee"] : [])
        }
        d.handoffs = (0..<60).map { n in
            Handoff(
                id: "H\(n + 1)", fromAgencyId: "a\(n % 10)", toAgencyId: "a\((n + 3) % 10)",
                date: FuzzyDate(year: 2019 + n / 15, month: n % 12 + 1), what: generator.sentence(words: 5),
                happened: n % 5 != 0)
        }
        d.overrides = []
        d.doetank = []
        d.reviews = []
        _ = try store.importFile(DossierFile(dossier: d, attachments: file.attachments), replace: false)
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).path
        let base = ["journey", d.casus.id, "--store", folder.appendingPathComponent("store").path]
        if let svg { try BenchCommand.StoreBench.run(me, base + ["--output", svg]) }
        print("journey map: \(events) events over 10 agencies, 60 hand-offs")
        for (format, view) in [
            ("svg", "blueprint"), ("svg", "overview"), ("html", "blueprint"), ("mermaid", "blueprint"),
            ("csv", "blueprint"),
        ] {
            let clock = ContinuousClock()
            var times: [Double] = []
            for _ in 0..<max(1, runs) {
                times.append(
                    try clock.measure {
                        try BenchCommand.StoreBench.run(
                            me,
                            base + [
                                "--format", format, "--view", view, "--output",
                                folder.appendingPathComponent("out").path,
                            ])
                    }.seconds * 1000)
            }
            print(
                String(
                    format: "%@ %@: %.0f ms (whole process, median of %d)", format, view,
                    times.sorted()[times.count / 2], times.count))
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Makes plausible, fictional dossiers from a fixed seed, for benchmarks and load tests.
struct DossierGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    private mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        var x = state
        x ^= x >> 33
        x = x &* 0xff51afd7ed558ccd
        x ^= x >> 33
        return x
    }

    /// Dutch function words first, then words of case stories, then made-up words, drawn with
    /// Zipf's law (the r-th word about 1/r as often as the first), as words are in real text.
    private static let vocabulary: [String] = {
        let function =
            "de het een en van ik dat die in is was niet ze op te met er voor maar aan hij zij om ook als dan bij nog wel naar had werd kwam zei toen geen of wat door over"
            .split(separator: " ").map(String.init)
        let story = """
            brief gemeente schuld schuldhulp boete aanmaning betaling toeslag huur afspraak loket balie formulier bezwaar termijn \
            regeling bedrag euro maand week dag ochtend avond dochter zoon buurvrouw consulent incassobureau bank rekening \
            beslag loon uitkering envelop telefoon wachtmuziek nummer dossier kantoor deur bel trap keuken tafel kinderen school \
            beschikking deurwaarder wijkagent gijzeling casemanager kredietbank hoorzitting thuiszorg wijkteam indicatie
            """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init)
        let syllables = [
            "ka", "lo", "ver", "mi", "den", "sto", "ra", "be", "ni", "gel", "ho", "tu", "wen", "ar", "zo", "pel",
        ]
        var made: [String] = []
        for a in syllables { for b in syllables { for c in syllables.prefix(20) { made.append(a + b + c) } } }
        return function + story + made.prefix(4_000)
    }()

    private static let cumulative: [Double] = {
        var total = 0.0
        return vocabulary.indices.map { rank in
            total += 1 / Double(rank + 1); return total
        }
    }()

    private mutating func word() -> String {
        let target = Double(next() % 1_000_000) / 1_000_000 * DossierGenerator.cumulative.last!
        var low = 0, high = DossierGenerator.cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if DossierGenerator.cumulative[mid] < target { low = mid + 1 } else { high = mid }
        }
        return DossierGenerator.vocabulary[low]
    }

    mutating func sentence(words count: Int) -> String {
        (0..<count).map { _ in word() }.joined(separator: " ")
    }

    mutating func dossier(number: Int, transcriptWords: Int) -> Dossier {
        let id = String(format: "gen-%05d", number)
        let at = Timestamp("2024-03-05T10:00:00+01:00")!
        var d = Dossier(
            casus: Casus(
                id: id, title: "Gegenereerde casus \(number)", vraagstuk: sentence(words: 12), language: .nl,
                researchers: ["bench"], createdAt: at))
        d.agencies = [Agency(id: "gemeente", name: "Gemeente"), Agency(id: "cjib", name: "CJIB")]
        d.participants = [
            Participant(id: "P1", pseudonym: "Persoon \(number)", role: .eindgebruiker, endUserKind: .burger),
            Participant(
                id: "P2", pseudonym: "Consulent \(number)", role: .medewerker, agencyId: "gemeente", level: .uitvoering),
        ]
        d.consent = [
            ConsentEntry(
                id: "C1", participantId: "P1", granted: [.interview, .transcription, .verbatimQuotes, .narrative],
                at: at, method: .schriftelijk, obtainedBy: "bench")
        ]
        d.interviews = [
            Interview(
                id: "I1", participantId: "P1", at: at, actualMinutes: 130, mode: .aantekeningen,
                interviewers: ["bench"],
                safetyChecked: true, storyExplained: true, transcript: sentence(words: transcriptWords))
        ]
        d.narrative = [NarrativeVersion(number: 1, author: "bench", at: at, text: sentence(words: 60))]
        d.casus.currentNarrative = 1
        d.events = (1...3).map { e in
            TimelineEvent(
                id: "E\(e)", date: FuzzyDate("2023-0\(e)-1\(e)"), actor: .agency(e == 2 ? "cjib" : "gemeente"),
                channel: .brief,
                what: sentence(words: 15), impact: e == 2 ? -2 : 0)
        }
        return d
    }
}
