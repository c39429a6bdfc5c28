import CasusCore
import Foundation
import Testing
import ZIPFoundation

@testable import CasusDocuments

/// Regressions from the hostile-input run on the DOCX and ODT readers.
@Suite("Hostile documents")
struct HostileDocumentTests {
    let reader = ReaderTests()

    @Test("a part whose bytes do not match its CRC-32 is refused, not read")
    func crcMismatch() throws {
        let url = try reader.zip(
            "kapot.docx", [("word/document.xml", Data(ReaderTests.documentXML.utf8))], storedFirst: true)
        var bytes = try Data(contentsOf: url)
        let marker = Data("Om tien voor acht".utf8)
        let found = try #require(bytes.range(of: marker))
        bytes[found.lowerBound] = UInt8(ascii: "X")
        try bytes.write(to: url)
        do {
            _ = try TextReader.read(fileAt: url)
            Issue.record("a damaged part was read")
        } catch let error as CasusError {
            #expect(error.text(.en).contains("CRC-32"))
        }
    }

    @Test("an ODT whose few bytes of markup expand past the text limit is refused")
    func spaceAmplification() throws {
        let body = String(repeating: "<text:s text:c=\"100\"/>", count: InputLimits.textBytes / 100 + 10)
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>\
            <text:p>\(body)</text:p></office:text></office:body></office:document-content>
            """
        let url = try reader.zip(
            "bom.odt",
            [
                ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)),
                ("content.xml", Data(content.utf8)),
            ], storedFirst: true)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        #expect(size < 1_000_000)
        do {
            _ = try TextReader.read(fileAt: url)
            Issue.record("the expansion was not stopped")
        } catch let error as CasusError {
            #expect(error.text(.en).contains("MB of text"))
        }
    }
}
