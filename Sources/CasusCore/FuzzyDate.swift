import Foundation

/// A calendar date as precise as the story allows: a day (`2021-03-15`), a month (`2021-03`)
/// or a year (`2021`), optionally approximate (`~2021-03`, "around March 2021").
public struct FuzzyDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable { case day, month, year }

    public let year: Int
    public let month: Int?
    public let day: Int?
    public let approximate: Bool

    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    public init?(_ text: String) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var approximate = false
        if body.hasPrefix("~") || body.hasPrefix("ca.") || body.hasPrefix("±") {
            approximate = true
            body = body.hasPrefix("ca.") ? body.dropFirst(3) : body.dropFirst()
            body = Substring(body.trimmingCharacters(in: .whitespaces))
        }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        guard parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), let month,
                (1...FuzzyDate.daysIn(month: month, year: year)).contains(d)
            else { return nil }
            day = d
        }
        self.init(year: year, month: month, day: day, approximate: approximate)
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil, approximate: Bool = false) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
        self.approximate = approximate
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO text: `2021-03-15`, `2021-03`, `2021`, with a leading `~` when approximate.
    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return approximate ? "~" + text : text
    }

    /// The first day the date may stand for, as a count of days since 1970-01-01 (UTC calendar).
    public var firstDay: Int { FuzzyDate.dayNumber(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day the date may stand for.
    public var lastDay: Int {
        let m = month ?? 12
        return FuzzyDate.dayNumber(year: year, month: m, day: day ?? FuzzyDate.daysIn(month: m, year: year))
    }

    /// Today in the local calendar, to the day.
    public static var today: FuzzyDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return FuzzyDate(year: parts.year ?? 1970, month: parts.month, day: parts.day)
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (civil-from-days inverse).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Dates order by the first day they may stand for; a more precise date goes first on a tie.
    public static func < (lhs: FuzzyDate, rhs: FuzzyDate) -> Bool {
        if lhs.firstDay != rhs.firstDay { return lhs.firstDay < rhs.firstDay }
        return lhs.lastDay < rhs.lastDay
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = FuzzyDate(raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not a date like 2021-03-15, 2021-03, 2021 or ~2021-03")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
