import Foundation

/// Reads the values people type at the command line or a prompt, with messages that say what to type instead.
public enum InputParsing {
    /// A moment: full ISO 8601 with zone, or `2024-03-05 14:05` / `2024-03-05T14:05` / `2024-03-05`
    /// read in the given zone (a bare date is taken as 12:00).
    public static func timestamp(_ text: String, timeZone: TimeZone = .current) throws -> Timestamp {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let exact = Timestamp(trimmed) { return exact }
        let normalised = trimmed.replacingOccurrences(of: "T", with: " ")
        let parts = normalised.split(separator: " ", omittingEmptySubsequences: true)
        if (1...2).contains(parts.count), let day = FuzzyDate(String(parts[0])), day.precision == .day, !day.approximate
        {
            var hour = 12, minute = 0, second = 0
            if parts.count == 2 {
                let clock = parts[1].split(separator: ":").map { Int($0) }
                guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }),
                    let h = clock[0], let m = clock[1], (0...23).contains(h), (0...59).contains(m)
                else {
                    throw invalidMoment(text)
                }
                hour = h
                minute = m
                second = clock.count == 3 ? clock[2]! : 0
                guard (0...59).contains(second) else { throw invalidMoment(text) }
            }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let components = DateComponents(
                year: day.year, month: day.month, day: day.day, hour: hour, minute: minute, second: second)
            if let date = calendar.date(from: components) {
                return Timestamp(date: date, timeZone: timeZone)
            }
        }
        throw invalidMoment(text)
    }

    private static func invalidMoment(_ text: String) -> CasusError {
        CasusError(
            .invalidInput,
            nl:
                "'\(text)' is geen geldig moment. Schrijf bijvoorbeeld 2024-03-05, 2024-03-05 14:05 of 2024-03-05T14:05:00+01:00.",
            en:
                "'\(text)' is not a valid moment. Write for instance 2024-03-05, 2024-03-05 14:05 or 2024-03-05T14:05:00+01:00."
        )
    }

    /// A calendar date as precise as known: `2021-03-15`, `2021-03`, `2021`, `~2021-03`.
    public static func fuzzyDate(_ text: String) throws -> FuzzyDate {
        guard let date = FuzzyDate(text) else {
            throw CasusError(
                .invalidInput,
                nl:
                    "'\(text)' is geen geldige datum. Schrijf 2021-03-15, 2021-03 of 2021; zet er ~ voor als hij bij benadering is (~2021-03).",
                en:
                    "'\(text)' is not a valid date. Write 2021-03-15, 2021-03 or 2021; put ~ in front when approximate (~2021-03)."
            )
        }
        return date
    }

    /// A duration in minutes: `120`, `90m`, `2u`, `2h`, `1u30`, `1h30m`, `2:15`.
    public static func minutes(_ text: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "")
        func fail() -> CasusError {
            CasusError(
                .invalidInput,
                nl:
                    "'\(text)' is geen duur die casus kan lezen. Schrijf minuten als getal (120), of 2u, 1u30, 90m, 2:15.",
                en:
                    "'\(text)' is not a duration casus can read. Write minutes as a number (120), or 2h, 1h30, 90m, 2:15."
            )
        }
        var result: Int?
        if let plain = Int(t) {
            result = plain
        } else if t.contains(":") {
            let parts = t.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<60).contains(m) {
                result = h * 60 + m
            }
        } else if t.hasSuffix("m") || t.hasSuffix("min"),
            let m = Int(t.replacingOccurrences(of: "min", with: "").replacingOccurrences(of: "m", with: ""))
        {
            result = m
        } else if let split = t.firstIndex(where: { $0 == "u" || $0 == "h" }) {
            let hours = Int(t[..<split])
            var rest = t[t.index(after: split)...]
            if rest.hasSuffix("min") { rest = rest.dropLast(3) } else if rest.hasSuffix("m") { rest = rest.dropLast() }
            let mins = rest.isEmpty ? 0 : Int(rest)
            if let hours, let mins, (0..<60).contains(mins) { result = hours * 60 + mins }
        }
        guard let result, result > 0, result <= 24 * 60 else { throw fail() }
        return result
    }

    /// A length of time in seconds: `5400`, `1:30:00`, `90:00`.
    public static func seconds(_ text: String) throws -> Double {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let plain = Double(t), plain >= 0, plain.isFinite { return plain }
        let parts = t.split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
        if (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) {
            let values = parts.map { $0! }
            if values.dropFirst().allSatisfy({ $0 < 60 }) {
                return values.reduce(0) { $0 * 60 + $1 }
            }
        }
        throw CasusError(
            .invalidInput, nl: "'\(text)' is geen geldige lengte. Schrijf seconden (5400) of uu:mm:ss (1:30:00).",
            en: "'\(text)' is not a valid length. Write seconds (5400) or hh:mm:ss (1:30:00).")
    }

    /// Yes or no, in Dutch or English.
    public static func yesNo(_ text: String) throws -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "ja", "j", "yes", "y", "true", "1", "wel": return true
        case "nee", "n", "no", "false", "0", "niet": return false
        default:
            throw CasusError(.invalidInput, nl: "'\(text)' is geen ja of nee.", en: "'\(text)' is not yes or no.")
        }
    }

    /// Text read from a file: must be UTF-8.
    public static func text(fromFileAt url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CasusError(
                .cannotRead, nl: "Kan '\(url.path)' niet lezen: bestaat het bestand?",
                en: "Cannot read '\(url.path)': does the file exist?")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CasusError(
                .invalidInput,
                nl: "'\(url.path)' is geen UTF-8-tekst. Sla het op als UTF-8 (platte tekst of Markdown).",
                en: "'\(url.path)' is not UTF-8 text. Save it as UTF-8 (plain text or Markdown).")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
