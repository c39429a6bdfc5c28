import CasusApp
import CasusCore
import CasusDocuments
import CasusQDA
import CasusStore
import CasusTestSupport
import Foundation
import Testing
import ZIPFoundation

/// REFI-QDA projects in and out: schema validity, round trips, exporters' quirks, consent, hostile files.
@Suite("Exchange with QDA software (REFI-QDA .qdpx)")
struct QDAExchangeTests {
    static let shared = TestRepository.root.deletingLastPathComponent().appendingPathComponent("shared/refi-qda")

    /// Codes and codings added to a sample: spans in a transcript, a quote and an event.
    func coded(_ fixture: ProtectedStore, _ caseId: String) throws -> Dossier {
        let work = fixture.operations
        var parent = CodeFields(name: "Wachten")
        parent.colour = "#1f77b4"
        parent.description = "Tijd die verstrijkt zonder dat iemand iets doet"
        _ = try work.addCode(caseId, parent)
        var child = CodeFields(name: "Post & brieven")
        child.parent = "Wachten"
        _ = try work.addCode(caseId, child)
        _ = try work.addCode(caseId, CodeFields(name: "Schaamte"))
        let dossier = try fixture.store.dossier(caseId)
        for interview in dossier.interviews {
            guard let transcript = interview.transcript, transcript.unicodeScalars.count > 200 else { continue }
            _ = try work.applyCode(
                caseId, "Post & brieven", to: .passage(interviewId: interview.id, .span(start: 10, end: 60)))
            _ = try work.applyCode(
                caseId, "Schaamte", to: .passage(interviewId: interview.id, .span(start: 100, end: 180)))
        }
        if let quote = dossier.quotes.first { _ = try work.applyCode(caseId, "Schaamte", to: .quote(quote.id)) }
        if let event = dossier.events.first { _ = try work.applyCode(caseId, "Wachten", to: .event(event.id)) }
        return try fixture.store.dossier(caseId)
    }

    func unzip(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files[entry.path] = bytes
        }
        return files
    }

    func caseCount(_ fixture: ProtectedStore) throws -> Int { try fixture.store.caseSummaries().count }

    @Test("every exported project.qde validates against the REFI-QDA schema", arguments: TestRepository.sampleNames)
    func schemaValid(name: String) throws {
        let xsd = Self.shared.appendingPathComponent("Project-mrt2019.xsd")
        guard FileManager.default.fileExists(atPath: xsd.path) else {
            print("skipped: \(xsd.path) is not here (the shared folder is absent)")
            return
        }
        let fixture = try ProtectedStore()
        _ = try coded(fixture, name)
        let (bytes, _) = try fixture.operations.exportQDA(name, includeNarrative: true)
        let qde = fixture.folder.appendingPathComponent("\(name).qde")
        try #require(try unzip(bytes)["project.qde"]).write(to: qde)
        let script = """
            import sys
            try:
                from lxml import etree
            except ImportError:
                print("SKIP lxml missing"); sys.exit(0)
            schema = etree.XMLSchema(etree.parse(sys.argv[1]))
            ok = schema.validate(etree.parse(sys.argv[2]))
            print("VALID" if ok else "INVALID " + str(schema.error_log)); sys.exit(0 if ok else 1)
            """
        let run = try python(script, [xsd.path, qde.path])
        if run.output.hasPrefix("SKIP") {
            print("skipped: python3 has no lxml (scripts/test installs it)")
            return
        }
        #expect(run.status == 0, "\(run.output)")
    }

    @Test("the blank ATLAS.ti project imports cleanly into a new case")
    func blankAtlas() throws {
        let file = Self.shared.appendingPathComponent("blank-atlas-project.qdpx")
        guard FileManager.default.fileExists(atPath: file.path) else {
            print("skipped: \(file.path) is not here (the shared folder is absent)")
            return
        }
        let fixture = try ProtectedStore()
        let (caseId, report) = try fixture.operations.importQDA(try Data(contentsOf: file), into: nil)
        let dossier = try fixture.store.dossier(caseId)
        #expect(dossier.casus.title == "blank-atlas-project")
        #expect(dossier.interviews.isEmpty && dossier.codes.isEmpty)
        #expect(report.contains { $0.en.contains("2 user(s)") })
    }

    @Test("export then import keeps every transcript, code, coding and quote", arguments: TestRepository.sampleNames)
    func roundTrip(name: String) throws {
        let fixture = try ProtectedStore()
        let original = try coded(fixture, name)
        let (bytes, _) = try fixture.operations.exportQDA(name, includeNarrative: true)
        let (caseId, _) = try fixture.operations.importQDA(bytes, into: nil)
        let copy = try fixture.store.dossier(caseId)
        let ledger = original.consentLedger
        let exported = original.interviews.filter {
            !($0.transcript ?? "").isEmpty && ledger.isGranted(.transcription, to: $0.participantId)
        }
        #expect(copy.interviews.map(\.transcript) == exported.map(\.transcript))
        let interviewMap = Dictionary(uniqueKeysWithValues: zip(exported.map(\.id), copy.interviews.map(\.id)))

        func path(_ code: Code, in d: Dossier) -> String {
            var names = [code.name]
            var parent = code.parentId
            while let id = parent, let p = d.codes.first(where: { $0.id == id }) {
                names.insert(p.name, at: 0)
                parent = p.parentId
            }
            return names.joined(separator: "/")
        }
        func book(_ d: Dossier) -> [String] {
            d.codes.map { "\(path($0, in: d))|\($0.colour ?? "")|\($0.description ?? "")" }.sorted()
        }
        #expect(book(copy) == book(original))

        func codeName(_ id: String, _ d: Dossier) -> String {
            d.codes.first { $0.id == id }.map { path($0, in: d) } ?? "?"
        }
        let spans = original.codings.compactMap { c -> String? in
            guard case .span(let i, let s, let e)? = c.target, let mapped = interviewMap[i] else { return nil }
            return "\(mapped) \(s)-\(e) \(codeName(c.codeId, original)) \(c.text ?? "")"
        }.sorted()
        let copiedSpans = copy.codings.compactMap { c -> String? in
            guard case .span(let i, let s, let e)? = c.target else { return nil }
            return "\(i) \(s)-\(e) \(codeName(c.codeId, copy)) \(c.text ?? "")"
        }.sorted()
        #expect(!spans.isEmpty)
        #expect(copiedSpans == spans)

        let quotes = original.quotes.filter {
            interviewMap[$0.interviewId] != nil && ledger.isGranted(.verbatimQuotes, to: $0.speakerId)
        }.map { q in
            "\(interviewMap[q.interviewId]!) \(q.start)-\(q.end) \(original.participant(q.speakerId)?.pseudonym ?? "") \(q.text)"
        }.sorted()
        let copiedQuotes = copy.quotes.map { q in
            "\(q.interviewId) \(q.start)-\(q.end) \(copy.participant(q.speakerId)?.pseudonym ?? "") \(q.text)"
        }.sorted()
        #expect(copiedQuotes == quotes)
        // The code on a quote comes back on the quote.
        let quoteCodings = copy.codings.filter { $0.quoteId != nil }.map { codeName($0.codeId, copy) }
        #expect(quoteCodings == original.codings.filter { $0.quoteId != nil }.map { codeName($0.codeId, original) })
        #expect(copy.narrative.map(\.text).count == original.narrative.count)
    }

    /// A project by hand: one source whose text and selections the test gives as bytes.
    func project(
        text: Data, selections: [(start: Int, end: Int, name: String?)], folder: String = "sources",
        bom: Bool = false, secondSourceSameName: Bool = false
    ) throws -> Data {
        var xml = bom ? "\u{FEFF}" : ""
        xml += """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Handwerk" origin="test">
            <CodeBook><Codes><Code guid="11111111-1111-1111-1111-111111111111" name="Thema" isCodable="true"/></Codes></CodeBook>
            <Sources>
            <TextSource guid="22222222-2222-2222-2222-222222222222" name="Gesprek" plainTextPath="internal://22222222-2222-2222-2222-222222222222.txt">

            """
        for (n, s) in selections.enumerated() {
            let name =
                s.name.map {
                    " name=\"\(XMLText.escape($0).replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\r", with: "&#13;"))\""
                } ?? ""
            xml +=
                "<PlainTextSelection guid=\"33333333-3333-3333-3333-33333333333\(n)\"\(name) startPosition=\"\(s.start)\" endPosition=\"\(s.end)\">"
            if n % 2 == 0 {
                xml +=
                    "<Coding guid=\"44444444-4444-4444-4444-44444444444\(n)\"><CodeRef targetGUID=\"11111111-1111-1111-1111-111111111111\"/></Coding>"
            }
            xml += "</PlainTextSelection>\n"
        }
        xml += "</TextSource>\n"
        if secondSourceSameName {
            xml +=
                "<TextSource guid=\"55555555-5555-5555-5555-555555555555\" name=\"Gesprek\"><PlainTextContent>Tweede gesprek.</PlainTextContent></TextSource>\n"
        }
        xml += "</Sources>\n</Project>\n"
        return try ZipPackage.build(
            [
                ZipPackage.Entry(path: "project.qde", data: Data(xml.utf8)),
                ZipPackage.Entry(path: "\(folder)/22222222-2222-2222-2222-222222222222.txt", data: text),
            ], date: Date(timeIntervalSince1970: 946_728_000))
    }

    func importedSpans(
        _ fixture: ProtectedStore, _ data: Data, counting: QDAOffsetScheme? = nil
    ) throws -> (Dossier, [String]) {
        let (caseId, _) = try fixture.operations.importQDA(data, into: nil, options: QDAReadOptions(counting: counting))
        let d = try fixture.store.dossier(caseId)
        let texts = (d.codings.compactMap(\.text) + d.quotes.map(\.text)).sorted()
        return (d, texts)
    }

    @Test("CRLF, a BOM, Sources/ in capitals, astral characters counted in UTF-16: the spans land on the right text")
    func exporterQuirks() throws {
        let fixture = try ProtectedStore()
        // CRLF counted as two (the file as it is), names given: detected.
        let crlf = "Eerste regel.\r\nTweede regel met de brief.\r\nDerde regel."
        let crlfPositions = Array(crlf.unicodeScalars)
        func cp(_ s: String) -> Int { crlfPositions.firstRange(of: Array(s.unicodeScalars))!.lowerBound }
        let tweede = cp("Tweede"), derde = cp("Derde")
        var (d, texts) = try importedSpans(
            fixture,
            try project(
                text: Data(crlf.utf8),
                selections: [(tweede, tweede + 26, "Tweede regel met de brief."), (derde, derde + 12, "Derde regel.")]))
        #expect(texts == ["Derde regel.", "Tweede regel met de brief."])
        #expect(d.interviews[0].transcript == "Eerste regel.\nTweede regel met de brief.\nDerde regel.")

        // CRLF counted as one (as after normalising line ends), with a BOM before <?xml and Sources/ in capitals.
        let lf = "Eerste regel.\nTweede regel met de brief.\nDerde regel."
        let one = Array(lf.unicodeScalars).firstRange(of: Array("Derde".unicodeScalars))!.lowerBound
        (d, texts) = try importedSpans(
            fixture,
            try project(
                text: Data(crlf.utf8), selections: [(one, one + 12, "Derde regel.")], folder: "Sources", bom: true))
        #expect(texts == ["Derde regel."])

        // Astral characters, positions in UTF-16 units.
        let astral = "Zij zei 👩‍👧 en 𝄞 — daarna kwam de brief van het CJIB."
        let utf16Start = Array(astral.utf16).count - Array("de brief van het CJIB.".utf16).count
        (d, texts) = try importedSpans(
            fixture,
            try project(text: Data(astral.utf8), selections: [(utf16Start, utf16Start + 22, "de brief van het CJIB.")]))
        #expect(texts == ["de brief van het CJIB."])

        // Without names casus cannot tell; the user says how positions were counted.
        (d, texts) = try importedSpans(
            fixture, try project(text: Data(astral.utf8), selections: [(utf16Start, utf16Start + 22, nil)]),
            counting: .utf16)
        #expect(texts == ["de brief van het CJIB."])

        // A selection without a code, and two sources with the same name: nothing dropped.
        let plain = "Een gesprek over de aanmaning en de beslaglegging."
        let scalars = Array(plain.unicodeScalars)
        func at(_ word: String) -> (Int, Int, String?) {
            let start = scalars.firstRange(of: Array(word.unicodeScalars))!.lowerBound
            return (start, start + word.unicodeScalars.count, word)
        }
        let (caseId, report) = try fixture.operations.importQDA(
            try project(
                text: Data(plain.utf8), selections: [at("aanmaning"), at("beslaglegging")], secondSourceSameName: true),
            into: nil)
        let mixed = try fixture.store.dossier(caseId)
        #expect(mixed.interviews.count == 2)
        #expect(mixed.codings.compactMap(\.text).sorted() == ["aanmaning", "beslaglegging"])
        #expect(mixed.codes.contains { $0.name == "ongecodeerde selectie" })
        #expect(report.contains { $0.en.contains("without a code") })
    }

    @Test("consent decides: a withdrawn transcription keeps that transcript out; no key-vault name in any byte")
    func consent() throws {
        let fixture = try ProtectedStore()
        let caseId = "boete-schuldhulp"
        _ = try coded(fixture, caseId)
        let dossier = try fixture.store.dossier(caseId)
        let names = ["Johanna Pietersen-Verbeek", "Marloes van der Zanden", "Ruud Kamphuis"]
        for (person, name) in zip(dossier.participants.prefix(3), names) {
            _ = try fixture.operations.setIdentity(caseId, person.id, realName: name, contact: nil)
        }
        let endUser = try #require(dossier.endUser)
        let transcript = try #require(dossier.interviews.first { $0.participantId == endUser.id }?.transcript)
        var withdrawal = ConsentDetails()
        withdrawal.at = .now()
        _ = try fixture.operations.withdrawConsent(
            caseId, participant: endUser.id, purposes: [.transcription], withdrawal)
        let (bytes, log) = try fixture.operations.exportQDA(caseId, includeNarrative: true)
        let files = try unzip(bytes)
        let sentence = String(transcript.prefix(80))
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(sentence), "\(path) holds the withdrawn transcript")
            for name in names { #expect(!text.contains(name), "\(path) holds a real name") }
        }
        #expect(log.contains { $0.en.contains("consent for transcription") })

        // A real name typed into a transcript stops the export.
        let other = try #require(
            dossier.interviews.first { $0.participantId != endUser.id && !($0.transcript ?? "").isEmpty })
        _ = try fixture.operations.replaceTranscript(
            caseId, other.id, with: (other.transcript ?? "") + "\nIk sprak met \(names[2]).")
        do {
            _ = try fixture.operations.exportQDA(caseId, includeNarrative: false)
            Issue.record("a real name went out in a QDA project")
        } catch let error as CasusError {
            #expect(error.kind == .invalidInput)
            #expect(!error.message.nl.contains(names[2]))
        }
    }

    @Test("erasing a withdrawn transcript takes its codings along; the coded words are gone from the store")
    func erasureTakesCodings() throws {
        let fixture = try ProtectedStore()
        let caseId = "boete-schuldhulp"
        let dossier = try coded(fixture, caseId)
        let endUser = try #require(dossier.endUser)
        let interview = try #require(dossier.interviews.first { $0.participantId == endUser.id })
        let coded = dossier.codings.filter { $0.interviewId == interview.id }
        #expect(!coded.isEmpty)
        var withdrawal = ConsentDetails()
        withdrawal.at = .now()
        _ = try fixture.operations.withdrawConsent(
            caseId, participant: endUser.id, purposes: [.transcription], withdrawal)
        let plan = try fixture.operations.preview(caseId, participant: endUser.id, purposes: [.transcription])
        #expect(Set(plan.codings).isSuperset(of: coded.map(\.id)))
        _ = try fixture.operations.erase(plan, ground: .withdrawal)
        let after = try fixture.store.dossier(caseId)
        #expect(!after.codings.contains { $0.interviewId == interview.id })
        #expect(after.codes.count == dossier.codes.count)
        let words = try #require(coded.compactMap(\.text).max { $0.count < $1.count })
        #expect(try fixture.contains(words).isEmpty, "the coded words are still in the store")
    }

    @Test("broken and hostile files are refused with a message, and nothing is stored")
    func hostile() throws {
        let fixture = try ProtectedStore()
        let before = try caseCount(fixture)
        let date = Date(timeIntervalSince1970: 946_728_000)
        func zip(_ entries: [(String, Data)]) throws -> Data {
            try ZipPackage.build(entries.map { ZipPackage.Entry(path: $0.0, data: $0.1) }, date: date)
        }
        let doctype = """
            <?xml version="1.0"?>
            <!DOCTYPE Project [<!ENTITY boom "boom">]>
            <Project xmlns="urn:QDA-XML:project:1.0" name="x">&boom;</Project>
            """
        let deep =
            "<Project name=\"x\">" + String(repeating: "<Sets>", count: 200) + String(repeating: "</Sets>", count: 200)
            + "</Project>"
        let cases: [(String, Data)] = [
            ("not a zip", Data("dit is geen zip".utf8)),
            ("no project.qde", try zip([("sources/a.txt", Data("tekst".utf8))])),
            ("doctype", try zip([("project.qde", Data(doctype.utf8))])),
            (
                "escaping path",
                try zip([("project.qde", Data("<Project name=\"x\"/>".utf8)), ("../buiten.txt", Data("x".utf8))])
            ),
            ("too deep", try zip([("project.qde", Data(deep.utf8))])),
            (
                "huge entry",
                try zip([
                    ("project.qde", Data("<Project name=\"x\"/>".utf8)),
                    ("sources/groot.txt", Data(count: InputLimits.textBytes + 1)),
                ])
            ),
            ("not a project", try zip([("project.qde", Data("<Html/>".utf8))])),
        ]
        for (label, data) in cases {
            do {
                _ = try fixture.operations.importQDA(data, into: nil)
                Issue.record("\(label): accepted")
            } catch let error as CasusError {
                #expect(error.kind == .invalidInput, "\(label)")
                #expect(error.message.nl.contains("Er is niets opgeslagen"), "\(label): \(error.message.nl)")
            }
        }
        #expect(try caseCount(fixture) == before)
    }
}

func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
