import CasusCore
import Foundation

/// Printing for people and for programs.
enum Output {
    /// Pretty, key-sorted JSON on standard output.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Columns padded to the widest cell; the last column runs free.
    static func table(_ headers: [String], _ rows: [[String]]) {
        guard !headers.isEmpty else { return }
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        print(line(headers))
        for row in rows { print(line(row)) }
    }

    /// A long text cut to one line for listings.
    static func short(_ text: String?, _ length: Int = 60) -> String {
        guard let text else { return "" }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Finding the parts of a dossier that a user names, with messages that say what exists.
extension Dossier {
    func requireParticipant(_ nameOrID: String) throws -> Participant {
        guard let participant = participant(named: nameOrID) else {
            let known = participants.map(\.pseudonym).joined(separator: ", ")
            throw CasusError(.notFound, nl: "Geen persoon met pseudoniem of id '\(nameOrID)' in casus '\(casus.id)'. Bekend: \(known.isEmpty ? "nog niemand" : known).",
                             en: "No participant with pseudonym or id '\(nameOrID)' in case '\(casus.id)'. Known: \(known.isEmpty ? "nobody yet" : known).")
        }
        return participant
    }

    func requireAgency(_ id: String) throws -> Agency {
        guard let agency = agency(id) ?? agencies.first(where: { $0.name.caseInsensitiveCompare(id) == .orderedSame }) else {
            let known = agencies.map(\.id).joined(separator: ", ")
            throw CasusError(.notFound, nl: "Geen instantie '\(id)' in casus '\(casus.id)'. Bekend: \(known.isEmpty ? "nog geen" : known). Voeg toe met `casus agency add`.",
                             en: "No agency '\(id)' in case '\(casus.id)'. Known: \(known.isEmpty ? "none yet" : known). Add one with `casus agency add`.")
        }
        return agency
    }

    func requireInterview(_ id: String) throws -> Interview {
        guard let interview = interview(id.uppercased()) ?? interview(id) else {
            throw CasusError(.notFound, nl: "Geen interview '\(id)' in casus '\(casus.id)'. Bekend: \(interviews.map(\.id).joined(separator: ", ")).",
                             en: "No interview '\(id)' in case '\(casus.id)'. Known: \(interviews.map(\.id).joined(separator: ", ")).")
        }
        return interview
    }

    /// An actor by `agency:x`/`participant:P1`, else by agency id or name, else by pseudonym.
    func resolveActor(_ text: String) throws -> Actor {
        if let explicit = Actor(text) {
            switch explicit {
            case .agency(let id): return .agency(try requireAgency(id).id)
            case .participant(let id): return .participant(try requireParticipant(id).id)
            }
        }
        if let agency = agency(text) ?? agencies.first(where: { $0.name.caseInsensitiveCompare(text) == .orderedSame }) {
            return .agency(agency.id)
        }
        if let participant = participant(named: text) { return .participant(participant.id) }
        throw CasusError(.notFound, nl: "'\(text)' is geen instantie en geen persoon in casus '\(casus.id)'.",
                         en: "'\(text)' is neither an agency nor a participant in case '\(casus.id)'.")
    }

    /// Checks that every listed id is in the collection.
    func requireIDs(_ ids: [String], in existing: [String], what: Localized) throws -> [String] {
        for id in ids where !existing.contains(id) {
            throw CasusError(.notFound, nl: "\(what.nl) '\(id)' bestaat niet in casus '\(casus.id)'.", en: "\(what.en) '\(id)' does not exist in case '\(casus.id)'.")
        }
        return ids
    }
}

/// Reads a long text from a file path, or from standard input for `-`.
func readText(_ path: String) throws -> String {
    if path == "-" {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw CasusError(.invalidInput, nl: "De invoer is geen UTF-8-tekst.", en: "The input is not UTF-8 text.")
        }
        return text
    }
    return try InputParsing.text(fromFileAt: URL(fileURLWithPath: path))
}

/// Treats an empty or blank option as absent.
func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
    return text
}
