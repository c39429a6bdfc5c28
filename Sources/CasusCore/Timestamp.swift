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

    private static func parse(_ text: String) -> Date? {
        // Accept a space between date and time as SQLite and people write it.
        let normalised = text.count > 10 && text[text.index(text.startIndex, offsetBy: 10)] == " "
            ? text.prefix(10) + "T" + text.dropFirst(11) : Substring(text)
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: String(normalised)) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: String(normalised))
    }

    /// The calendar day of this moment in its own zone, `yyyy-MM-dd`.
    public var day: String { String(text.prefix(10)) }

    public var description: String { text }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.date < rhs.date }
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Timestamp(raw) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(raw)' is not an ISO 8601 moment with a time zone")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
