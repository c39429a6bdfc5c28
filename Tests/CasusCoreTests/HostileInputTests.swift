import CasusCore
import Foundation
import Testing

/// Regressions from the hostile-input run on the dossier model and its input.
@Suite("Hostile input to the dossier model")
struct CoreHostileInputTests {
    func sampleJSON() throws -> [String: Any] {
        let data = try Data(contentsOf: Repository.samples.appendingPathComponent("boete-schuldhulp.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func encode(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    @Test("the highest possible id is refused on import, and id allocation throws instead of overflowing")
    func idOverflow() throws {
        var object = try sampleJSON()
        var events = object["events"] as! [[String: Any]]
        events[events.count - 1]["id"] = "E9223372036854775807"
        object["events"] = events
        let file = try DossierFile.decode(try encode(object))
        #expect(file.dossier.problems().contains { $0.en.contains("larger than 999999999") })
        #expect(throws: CasusError.self) { try EntityID.next(prefix: "E", existing: ["E9223372036854775807"]) }
        #expect(throws: CasusError.self) { try EntityID.next(prefix: "E", existing: ["E99999999999999999999999"]) }
        #expect(throws: CasusError.self) { try EntityID.next(prefix: "E", existing: ["E999999999"]) }
        #expect(try EntityID.next(prefix: "E", existing: ["E999999998"]) == "E999999999")
    }

    @Test(
        "NUL and other control characters are refused in every text field, naming the field; tab and newline are kept",
        arguments: [
            ("title", "Een\u{0}titel"), ("transcript", "Sanne: ja\u{0}nee"), ("pseudonym", "San\u{7}ne"),
            ("what", "Brief\u{1B}[31m"),
        ])
    func controlCharacters(field: String, value: String) throws {
        var dossier = try Repository.sample("boete-schuldhulp").dossier
        switch field {
        case "title": dossier.casus.title = value
        case "transcript": dossier.interviews[0].transcript! += value
        case "pseudonym": dossier.participants[1].pseudonym = value
        default: dossier.events[0].what = value
        }
        let problems = dossier.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.en.contains(field) == true)
        dossier = try Repository.sample("boete-schuldhulp").dossier
        dossier.events[0].what = "Brief\tmet\nregels"
        #expect(dossier.problems().isEmpty)
    }

    @Test("a control character in any text field of a coding is refused, naming the coding and the field")
    func controlCharactersInCodings() throws {
        let clean = Coding(
            id: "M1", codeId: "K1", target: .span(interviewId: "I1", start: 0, end: 3), text: "Wat", note: "n")
        // Every text field the type has, also one added later: codings skip the encoder when checked.
        let textFields = Mirror(reflecting: clean).children.compactMap { child -> String? in
            child.value is String || child.value is String? ? child.label : nil
        }
        #expect(textFields.count == 7)
        for field in textFields {
            var coding = clean
            switch field {
            case "id": coding.id = "M\u{1}"
            case "codeId": coding.codeId = "K\u{1}"
            case "interviewId": coding.interviewId = "I\u{1}"
            case "text": coding.text = "W\u{1}at"
            case "quoteId": coding.quoteId = "Q\u{1}"
            case "eventId": coding.eventId = "E\u{1}"
            case "note": coding.note = "n\u{1}"
            default: Issue.record("text field \(field) of Coding is not checked")
            }
            var dossier = try Repository.sample("boete-schuldhulp").dossier
            dossier.codings = [clean, coding]
            let problems = dossier.problems().filter { $0.en.contains("control character") }
            #expect(problems.map(\.en).contains { $0.hasPrefix("codings[1].\(field): ") }, "\(problems)")
        }
    }

    @Test(
        "JSON syntax errors say line and column; duplicate keys and deep nesting are refused",
        arguments: [
            (
                "{\n  \"format\": \"casus-dossier\",\n  \"formatVersion\": 1,\n  \"case\": {\"id\": \"x\",}\n}",
                "line 4, column 22: expected a key in quotes"
            ),
            ("{\"format\": \"casus-dossier\", \"format\": \"other\"}", "occurs twice"),
            ("{\"a\": \"unterminated}", "never closed"),
            ("{\"a\": -}", "not a number"),
            (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "nested more than 64"),
            ("{\"a\": 1} trailing", "more text after"),
            ("", "empty"),
        ])
    func jsonErrors(text: String, expected: String) throws {
        do {
            _ = try DossierFile.decode(Data(text.utf8))
            Issue.record("accepted: \(text)")
        } catch let error as CasusError {
            #expect(error.text(.en).contains(expected), "\(error.text(.en))")
            #expect(!error.text(.en).contains("could not be completed"))
        }
    }

    @Test("the JSON check is linear: a document with 20,000 keys is checked, and a duplicate at its end is found")
    func manyKeys() throws {
        var text = "{" + (0..<20_000).map { "\"key\($0)\": \"value \($0)\"" }.joined(separator: ",\n")
        try JSONSyntaxCheck.check(Data((text + "}").utf8))
        text += ",\n\"key7\": 1}"
        do {
            try JSONSyntaxCheck.check(Data(text.utf8))
            Issue.record("the duplicate key was not found")
        } catch let problem as JSONSyntaxCheck.Problem {
            #expect(problem.line == 20_001 && problem.column == 1)
        }
    }

    @Test("messages never echo a 10,000-character value or a 65 kB line whole")
    func longValuesCut() throws {
        let id = String(repeating: "x", count: 10_000)
        let error = CasusError(
            .notFound, nl: "Geen casus '\(id)'.", en: "No case '\(id)'.",
            details: [Localized(nl: String(repeating: "woord ", count: 11_000), en: "-")])
        #expect(error.text(.nl).count < 1_000)
        #expect(error.text(.nl).contains("…"))
        #expect(Excerpt.forMessage("kort") == "kort")
    }

    @Test(
        "names are the same name whatever the spaces, invisible characters, width, case or accents",
        arguments: [
            "Mariëke\u{00A0}Jansen", "Mari\u{200B}ëke Jansen", "Mari\u{00AD}ëke Jansen", "Ｍａｒｉëｋｅ Ｊａｎｓｅｎ",
            "Marie\u{0308}ke Jansen", "MARIEKE   JANSEN", "mariëke\u{2009}jansen", "Mariëke\n  Jansen",
        ])
    func nameFolding(spelling: String) {
        #expect(NameFolding.sameName(spelling, "Mariëke Jansen"))
        #expect(NameFolding.fold(spelling) == "marieke jansen")
    }
}
