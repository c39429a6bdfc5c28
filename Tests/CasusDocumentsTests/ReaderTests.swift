import CasusCore
import Foundation
import Testing
import ZIPFoundation

@testable import CasusDocuments

@Suite("Reading narratives from files")
struct ReaderTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("casus-readers-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func zip(_ name: String, _ parts: [(String, Data)], storedFirst: Bool = false) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (index, (path, data)) in parts.enumerated() {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: storedFirst && index == 0 ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return url
    }

    static let documentXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Om tien voor acht</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">In juni kreeg ze </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>helaas</w:t></w:r><w:r><w:t xml:space="preserve"> een boete</w:t></w:r><w:del><w:r><w:delText>geschrapt</w:delText></w:r></w:del><w:r><w:tab/><w:t>&amp; meer.</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t>Ik schrok me kapot.</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>In een tabel.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        </w:body></w:document>
        """

    @Test("DOCX: paragraphs in order, styles kept, deleted text left out; a line is a paragraph")
    func docx() throws {
        let url = try zip(
            "verhaal.docx",
            [("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data(Self.documentXML.utf8))])
        let source = try TextReader.read(fileAt: url)
        #expect(source.format == .docx)
        #expect(
            source.text
                == "Om tien voor acht\nIn juni kreeg ze helaas een boete\t& meer.\nIk schrok me kapot.\nIn een tabel.")
        #expect(source.paragraphStyles == [.heading, .paragraph, .quote, .paragraph])
    }

    @Test("ODT: headings, quotation style through its parent, spaces, notes left out, list items")
    func odt() throws {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">
            <office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Quotations"/></office:automatic-styles>
            <office:body><office:text>
            <text:h text:outline-level="1">Om tien voor acht</text:h>
            <text:p>In juni<text:s text:c="2"/>kreeg ze helaas<text:note><text:note-body><text:p>voetnoot</text:p></text:note-body></text:note> een boete.</text:p>
            <text:p text:style-name="P1">Ik schrok me kapot.</text:p>
            <text:list><text:list-item><text:p>Eerste punt</text:p></text:list-item></text:list>
            </office:text></office:body></office:document-content>
            """
        let url = try zip(
            "verhaal.odt",
            [("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Data(content.utf8))],
            storedFirst: true)
        let source = try TextReader.read(fileAt: url)
        #expect(source.format == .odt)
        #expect(
            source.text == "Om tien voor acht\nIn juni  kreeg ze helaas een boete.\nIk schrok me kapot.\nEerste punt")
        #expect(source.paragraphStyles == [.heading, .paragraph, .quote, .listItem])
    }

    @Test("an upload is read by its bytes, not its name: DOCX, ODT and text read, PDF and binary refused")
    func uploads() throws {
        let docx = try Data(
            contentsOf: try zip(
                "a.docx",
                [("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data(Self.documentXML.utf8))]))
        // Named .txt, but a DOCX inside: read as DOCX, in memory.
        #expect(try TextReader.read(uploaded: docx, name: "transcript.txt").format == .docx)
        let odt = try Data(
            contentsOf: try zip(
                "b.odt",
                [
                    ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)),
                    (
                        "content.xml",
                        Data("<office:document-content><text:p>Hallo</text:p></office:document-content>".utf8)
                    ),
                ], storedFirst: true))
        #expect(try TextReader.read(uploaded: odt, name: "b.docx").format == .odt)
        #expect(try TextReader.read(uploaded: Data("Zoë zei: “ja”.".utf8), name: "t.md").text == "Zoë zei: “ja”.")
        for bytes in [Data("%PDF-1.7 ...".utf8), Data([0xD0, 0xCF, 0x11, 0xE0, 1, 2]), Data([0x41, 0x00, 0x42])] {
            #expect(throws: CasusError.self) { try TextReader.read(uploaded: bytes, name: "x.txt") }
        }
        let otherZip = try Data(contentsOf: try zip("c.zip", [("foto.jpg", Data([1, 2, 3]))]))
        do {
            _ = try TextReader.read(uploaded: otherZip, name: "c.docx")
            Issue.record("a zip that is no document was read")
        } catch let error as CasusError {
            #expect(error.message.nl.contains(".docx, .odt, .md of .txt"))
        }
    }

    @Test("broken files get a clear error and never crash")
    func broken() throws {
        func expectError(_ url: URL, contains text: String, sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                _ = try TextReader.read(fileAt: url)
                Issue.record("no error for \(url.lastPathComponent)", sourceLocation: sourceLocation)
            } catch let error as CasusError {
                #expect(error.message.nl.contains(text), "\(error.message.nl)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
            }
        }
        let garbage = folder.appendingPathComponent("kapot.docx")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: garbage)
        expectError(garbage, contains: "geen bruikbaar DOCX-bestand")
        expectError(
            try zip("leeg.docx", [("[Content_Types].xml", Data("<Types/>".utf8))]),
            contains: "word/document.xml is missing")
        expectError(
            try zip("fout.docx", [("word/document.xml", Data("<w:document><w:p></w:document>".utf8))]),
            contains: "does not match")
        expectError(try zip("leegxml.docx", [("word/document.xml", Data())]), contains: "empty XML")
        expectError(
            try zip(
                "doctype.docx", [("word/document.xml", Data("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>".utf8))]),
            contains: "DOCTYPE")
        expectError(
            try zip(
                "ander.odt",
                [
                    ("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)),
                    ("content.xml", Data("<a/>".utf8)),
                ], storedFirst: true),
            contains: "geen ODF-tekstdocument")
        let invalid = folder.appendingPathComponent("latin1.md")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x0A]).write(to: invalid)
        expectError(invalid, contains: "geen UTF-8")
        let nul = folder.appendingPathComponent("nul.txt")
        try Data([0x41, 0x00, 0x42]).write(to: nul)
        expectError(nul, contains: "geen UTF-8")
        expectError(folder.appendingPathComponent("bestaat-niet.md"), contains: "bestaat niet")
        let doc = folder.appendingPathComponent("oud.doc")
        try Data("x".utf8).write(to: doc)
        expectError(doc, contains: "leest geen .doc")
    }

    @Test("a 200 MB file is refused at once, before it is read")
    func huge() throws {
        let url = folder.appendingPathComponent("groot.md")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 200 * 1024 * 1024)
        try handle.close()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: CasusError.self) { _ = try TextReader.read(fileAt: url) }
        }
        #expect(elapsed < .seconds(2))
        try FileManager.default.removeItem(at: url)
    }

    @Test("a zip bomb is stopped at the size limit")
    func zipBomb() throws {
        let size = OfficeReader.maximumPartSize + 1_000_000
        let url = folder.appendingPathComponent("bom.docx")
        let archive = try Archive(url: url, accessMode: .create)
        let chunk = Data(count: 1 << 20)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate
        ) { position, length in
            chunk.prefix(length)
        }
        let bytes = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        #expect(bytes < 1_000_000)
        #expect(throws: CasusError.self) { _ = try TextReader.read(fileAt: url) }
    }

    @Test("an empty file reads as empty text, and CRLF line ends become LF")
    func emptyAndCRLF() throws {
        let empty = folder.appendingPathComponent("leeg.md")
        try Data().write(to: empty)
        #expect(try TextReader.read(fileAt: empty).text == "")
        let crlf = folder.appendingPathComponent("windows.txt")
        try Data("\u{FEFF}Regel een\r\nRegel twee\r\n".utf8).write(to: crlf)
        #expect(try TextReader.read(fileAt: crlf).text == "Regel een\nRegel twee\n")
    }
}
