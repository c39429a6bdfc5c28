import CasusCore
import Foundation
import Testing

@Suite("Dates, moments and ids")
struct ValueTypeTests {
    @Test(
        "fuzzy dates read day, month, year and approximate forms",
        arguments: [
            ("2021-03-15", "2021-03-15"), ("2021-03", "2021-03"), ("2021", "2021"), ("~2021-03", "~2021-03"),
            ("ca. 2020", "~2020"), ("2020-02-29", "2020-02-29"),
        ])
    func fuzzyDateParses(input: String, expected: String) throws {
        let date = try #require(FuzzyDate(input))
        #expect(date.description == expected)
    }

    @Test(
        "impossible dates are refused",
        arguments: ["2021-02-29", "2021-13", "2021-00-10", "21-03-15", "maart 2021", "", "2021-3-5", "2021-03-32"])
    func fuzzyDateRefuses(input: String) {
        #expect(FuzzyDate(input) == nil)
    }

    @Test("fuzzy dates order by first possible day, the precise one first")
    func fuzzyDateOrder() throws {
        let dates = ["2021", "2021-03-15", "~2021-03", "2020-12-31", "2021-01"].compactMap(FuzzyDate.init)
        #expect(dates.sorted().map(\.description) == ["2020-12-31", "2021-01", "2021", "~2021-03", "2021-03-15"])
        #expect(try #require(FuzzyDate("2021-03")).lastDay - (try #require(FuzzyDate("2021-03"))).firstDay == 30)
    }

    @Test("a moment keeps its zone and needs one")
    func timestampZone() throws {
        let moment = try #require(Timestamp("2024-03-05T14:05:00+01:00"))
        #expect(moment.text == "2024-03-05T14:05:00+01:00")
        #expect(moment.date == Date(timeIntervalSince1970: 1_709_643_900))
        #expect(Timestamp("2024-03-05T14:05:00") == nil)
        #expect(Timestamp("2024-03-05T13:05:00Z")?.date == moment.date)
    }

    @Test(
        "moments in every ISO 8601 form casus accepts",
        arguments: [
            ("2024-03-05T14:05:00.250+01:00", 1_709_643_900.25), ("2024-03-05 14:05+0100", 1_709_643_900),
            ("2024-03-05T13:05Z", 1_709_643_900),
            ("2024-02-29T23:59:59-05:30", 1_709_270_999),
        ])
    func timestampForms(text: String, seconds: Double) throws {
        let moment = try #require(Timestamp(text))
        #expect(abs(moment.date.timeIntervalSince1970 - seconds) < 0.001)
    }

    @Test(
        "malformed moments are refused",
        arguments: [
            "2024-03-05T14:05:00+1", "2024-02-30T10:00Z", "2024-03-05T24:00Z", "2024-03-05T14:05:00+01:00x",
            "2024-03-05", "14:05",
        ])
    func badTimestamps(text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test("people's ways of writing a moment are read in the local zone")
    func lenientTimestamp() throws {
        let amsterdam = try #require(TimeZone(identifier: "Europe/Amsterdam"))
        #expect(try InputParsing.timestamp("2024-03-05 14:05", timeZone: amsterdam).text == "2024-03-05T14:05:00+01:00")
        #expect(try InputParsing.timestamp("2024-07-05", timeZone: amsterdam).text == "2024-07-05T12:00:00+02:00")
        #expect(throws: CasusError.self) { try InputParsing.timestamp("2024-02-30 10:00", timeZone: amsterdam) }
        #expect(throws: CasusError.self) { try InputParsing.timestamp("gisteren", timeZone: amsterdam) }
        #expect(throws: CasusError.self) { try InputParsing.timestamp("2024-03-05 25:00", timeZone: amsterdam) }
    }

    @Test(
        "durations in the forms researchers type",
        arguments: [
            ("120", 120), ("2u", 120), ("2h", 120), ("1u30", 90), ("1h30m", 90), ("90m", 90), ("90 min", 90),
            ("2:15", 135),
        ])
    func minutes(input: String, expected: Int) throws {
        #expect(try InputParsing.minutes(input) == expected)
    }

    @Test("durations that are not durations are explained", arguments: ["twee uur", "0", "-5", "2:75", "25u", ""])
    func badMinutes(input: String) {
        #expect(throws: CasusError.self) { try InputParsing.minutes(input) }
    }

    @Test("ids order by prefix, then number")
    func idOrder() throws {
        let ids = ["E10", "E2", "cjib", "E1", "agency2", "agency10", "P3"]
        #expect(ids.sorted(by: EntityID.precedes) == ["E1", "E2", "E10", "P3", "agency2", "agency10", "cjib"])
        #expect(try EntityID.next(prefix: "E", existing: ["E1", "E9", "E3"]) == "E10")
        #expect(try EntityID.next(prefix: "Q", existing: []) == "Q1")
        // Odd shapes, ASCII (the byte path) beside non-ASCII (the Unicode path), in one strict order.
        let odd = ["E1a", "E", "E99999999999999999999", "E01", "E1", "é2", "é10", "E٣", "M40000", "M399"]
        #expect(
            odd.sorted(by: EntityID.precedes) == [
                "E", "E1a", "E99999999999999999999", "E٣", "E01", "E1", "M399", "M40000", "é2", "é10",
            ])
    }

    @Test("a concurrent map keeps the order and throws the first error")
    func concurrentMap() throws {
        let numbers = Array(0..<10_000)
        #expect(try numbers.concurrentMap(minimumPerChunk: 100) { $0 * 2 } == numbers.map { $0 * 2 })
        struct Odd: Error {}
        #expect(throws: Odd.self) { try numbers.concurrentMap(minimumPerChunk: 100) { if $0 == 7_777 { throw Odd() } } }
    }

    @Test("spans by code point, also past astral characters")
    func scalarText() {
        let text = ScalarText("a😀bé\r\nc")
        #expect(text.count == 7)
        #expect(text.slice(1..<3) == "😀b")
        #expect(text.slice(3..<6) == "é\r\n")
        #expect(text.slice(5..<8) == nil)
        #expect(text.slice(-1..<2) == nil)
    }

    @Test("slugs from Dutch titles")
    func slugs() {
        #expect(Casus.slug(from: "Een oude boete aan de deur — tijdens de schuldhulp") == "een-oude-boete-aan-de-deur")
        #expect(
            Casus.slug(from: "Bezwaar tegen Wmo-beschikking (Rijnstede)") == "bezwaar-tegen-wmo-beschikking-rijnstede")
        #expect(Casus.slug(from: "“…”") == "casus")
        #expect(Casus.isValidID("boete-schuldhulp"))
        #expect(!Casus.isValidID("../etc"))
        #expect(!Casus.isValidID(""))
    }

    @Test("quote spans count Unicode scalars, end exclusive")
    func quoteSpans() throws {
        let transcript = "Zij zei: “Ik schrok me kapot.” Daarna café."
        let ranges = Quote.locate("Ik schrok me kapot.", in: transcript)
        #expect(ranges == [10..<29])
        #expect(Quote.span(of: transcript, start: 10, end: 29) == "Ik schrok me kapot.")
        #expect(Quote.span(of: transcript, start: 38, end: 42) == "café")
        #expect(Quote.span(of: transcript, start: 40, end: 50) == nil)
        #expect(Quote.span(of: transcript, start: 5, end: 5) == nil)
    }

    @Test("domain words accept Dutch, English aliases and labels")
    func vocabulary() {
        #expect(Channel.parse("letter") == .brief)
        #expect(Channel.parse("Bezoek aan de deur") == .huisbezoek)
        #expect(FindingStatus.parse("contradicted") == .weersproken)
        #expect(ConsentPurpose.parse("share:cjib") == .sharing(with: "cjib"))
        #expect(ConsentPurpose.parse("verbatim-quotes") == .verbatimQuotes)
        #expect(ConsentPurpose.parse("delen:../x") == nil)
        #expect(ConsentPurpose.parse("iets") == nil)
    }
}
