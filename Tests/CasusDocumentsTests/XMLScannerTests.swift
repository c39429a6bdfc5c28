import Foundation
import Testing

@testable import CasusDocuments

@Suite("XML scanner")
struct XMLScannerTests {
    func events(_ xml: String) throws -> [String] {
        var out: [String] = []
        try XMLScanner.scan(Data(xml.utf8)) { event in
            switch event {
            case let .start(name, attributes, _):
                out.append(
                    "<\(name)\(attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined())>")
            case let .end(name): out.append("</\(name)>")
            case let .text(text): out.append(text)
            }
        }
        return out
    }

    @Test("elements, attributes, entities, CDATA and comments")
    func wellFormed() throws {
        let xml =
            "<?xml version=\"1.0\"?>\n<w:document a='1'><!-- c --><w:t>Zo&apos;n &amp; &#233;&#x20AC;</w:t><x/><![CDATA[<b>]]></w:document>"
        #expect(
            try events(xml) == [
                "<w:document a=1>", "<w:t>", "Zo'n & é€", "</w:t>", "<x>", "</x>", "<b>", "</w:document>",
            ])
    }

    @Test("attribute values and text with and without entities, entities at either end, and an empty value")
    func entitiesInValues() throws {
        let xml = "<a x=\"&lt;b&gt;\" y='plain' z=\"\" w=\"a &amp; b\">&amp;x<b/>y &#233;<c/>&lt;</a>"
        #expect(
            try events(xml) == [
                "<a w=a & b x=<b> y=plain z=>", "&x", "<b>", "</b>", "y é", "<c>", "</c>", "<", "</a>",
            ])
    }

    @Test(
        "malformed input is refused, never crashes",
        arguments: [
            "", "   ", "<a>", "<a></b>", "<a x=1/>", "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "<a>&bogus;</a>",
            "<a>&#0;</a>",
            "text", "<a></a><b></b>", "<a><!-- unterminated", "<a \u{0}>", "<", "<a b=\"x></a>", "<a b=\"x&amp;",
            "<a>x&amp;", "<a b=\"x\"",
        ])
    func malformed(xml: String) {
        #expect(throws: XMLScanner.Malformed.self) { _ = try events(xml) }
    }
}
