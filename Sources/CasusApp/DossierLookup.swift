import CasusCore
import Foundation

/// Finding the parts of a dossier that a user names, with messages that say what exists.
extension Dossier {
    public func requireParticipant(_ nameOrID: String) throws -> Participant {
        guard let participant = participant(named: nameOrID) else {
            let known = participants.map(\.pseudonym).joined(separator: ", ")
            throw CasusError(
                .notFound,
                nl:
                    "Geen persoon met pseudoniem of id '\(nameOrID)' in casus '\(casus.id)'. Bekend: \(known.isEmpty ? "nog niemand" : known).",
                en:
                    "No participant with pseudonym or id '\(nameOrID)' in case '\(casus.id)'. Known: \(known.isEmpty ? "nobody yet" : known)."
            )
        }
        return participant
    }

    public func requireAgency(_ id: String) throws -> Agency {
        guard
            let agency = agency(id)
                ?? agencies.first(where: {
                    $0.id.caseInsensitiveCompare(id) == .orderedSame
                        || $0.name.caseInsensitiveCompare(id) == .orderedSame
                })
        else {
            let known = agencies.map(\.id).joined(separator: ", ")
            throw CasusError(
                .notFound,
                nl:
                    "Geen instantie '\(id)' in casus '\(casus.id)'. Bekend: \(known.isEmpty ? "nog geen" : known). Voeg haar eerst toe als instantie.",
                en:
                    "No agency '\(id)' in case '\(casus.id)'. Known: \(known.isEmpty ? "none yet" : known). Add it as an agency first."
            )
        }
        return agency
    }

    public func requireInterview(_ id: String) throws -> Interview {
        guard let interview = interview(id.uppercased()) ?? interview(id) else {
            throw CasusError(
                .notFound,
                nl:
                    "Geen interview '\(id)' in casus '\(casus.id)'. Bekend: \(interviews.map(\.id).joined(separator: ", ")).",
                en:
                    "No interview '\(id)' in case '\(casus.id)'. Known: \(interviews.map(\.id).joined(separator: ", "))."
            )
        }
        return interview
    }

    /// An actor by `agency:x`/`participant:P1`, else by agency id or name, else by pseudonym.
    public func resolveActor(_ text: String) throws -> Actor {
        if let explicit = Actor(text) {
            switch explicit {
            case .agency(let id): return .agency(try requireAgency(id).id)
            case .participant(let id): return .participant(try requireParticipant(id).id)
            }
        }
        if let agency = agency(text) ?? agencies.first(where: { $0.name.caseInsensitiveCompare(text) == .orderedSame })
        {
            return .agency(agency.id)
        }
        if let participant = participant(named: text) { return .participant(participant.id) }
        let known = (agencies.map(\.id) + participants.map(\.pseudonym)).joined(separator: ", ")
        throw CasusError(
            .notFound,
            nl:
                "'\(text)' is geen instantie en geen persoon in casus '\(casus.id)'. Bekend: \(known.isEmpty ? "nog niemand" : known).",
            en:
                "'\(text)' is neither an agency nor a participant in case '\(casus.id)'. Known: \(known.isEmpty ? "nobody yet" : known)."
        )
    }

    /// The listed ids as the collection spells them (case does not matter); throws for one it lacks,
    /// naming those that exist.
    public func requireIDs(_ ids: [String], in existing: [String], what: Localized) throws -> [String] {
        try ids.map { id in
            guard let found = existing.first(where: { $0.caseInsensitiveCompare(id) == .orderedSame }) else {
                let known = existing.joined(separator: ", ")
                throw CasusError(
                    .notFound,
                    nl:
                        "\(what.nl) '\(id)' bestaat niet in casus '\(casus.id)'. Bekend: \(known.isEmpty ? "nog geen" : known).",
                    en:
                        "\(what.en) '\(id)' does not exist in case '\(casus.id)'. Known: \(known.isEmpty ? "none yet" : known)."
                )
            }
            return found
        }
    }
}
