import Foundation

/// A moment as ISO 8601 text with its time zone, kept exactly as recorded
/// (consent given at 14:05 in Amsterdam stays `2024-03-05T14:05:00+01:00`).
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let text: String
    public let date: Date

    /// Parses `2024-03-05T14:05:00+01:00`, `2024-03-05T13:05:00Z`, with optional fractional seconds.
    /// A zone is required: a moment without one cannot be placed.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let date = Timestamp.parse(trimmed) else { return nil }
        self.text = trimmed
        self.date = date
    }

    /// The given moment rendered in the given zone (the local zone by default), to the second.
    public init(date: Date, timeZone: TimeZone = .current) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = timeZone
        let text = formatter.string(from: date)
        self.text = text
        self.date = Timestamp.parse(text) ?? date
    }

    public static func now() -> Timestamp { Timestamp(date: Date()) }

    /// Reads `yyyy-MM-ddTHH:mm[:ss[.fff]](Z|±HH:mm|±HHmm)`; a space may stand for the `T`.
    /// Hand-written because it runs for every moment read from the store.
    static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                value = value * 10 + Int(b[k] - 48)
            }
            i += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < b.count, b[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
            (1...12).contains(month), day >= 1, day <= FuzzyDate.daysIn(month: month, year: year),
            i < b.count, b[i] == 84 || b[i] == 32
        else { return nil }
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2), hour <= 23, minute <= 59 else { return nil }
        var seconds = 0.0
        if expect(58) {
            guard let whole = number(2), whole <= 60 else { return nil }
            seconds = Double(whole)
            if expect(46) {
                var scale = 0.1
                let before = i
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    seconds += Double(b[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > before else { return nil }
            }
        }
        var offset = 0
        if expect(90) {
            offset = 0
        } else if i < b.count, b[i] == 43 || b[i] == 45 {
            let sign = b[i] == 45 ? -1 : 1
            i += 1
            guard let hours = number(2), hours <= 18 else { return nil }
            _ = expect(58)
            guard let minutes = number(2), minutes <= 59 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = FuzzyDate.dayNumber(year: year, month: month, day: day)
        let local = Double(days * 86_400 + hour * 3600 + minute * 60) + seconds
        return Date(timeIntervalSince1970: local - Double(offset))
    }

    /// The calendar day of this moment in its own zone, `yyyy-MM-dd`.
    public var day: String { String(text.prefix(10)) }

    /// The day and the minute, as people read a moment: `yyyy-MM-dd HH:mm` (in its own zone).
    public var minute: String { String(text.prefix(16)).replacingOccurrences(of: "T", with: " ") }

    public var description: String { text }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Timestamp(raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not an ISO 8601 moment with a time zone")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
