import Foundation

/// What a participant may or may not agree to. Sharing with an agency is one purpose per agency
/// (`delen:<agency-id>`); `alles` stands for every purpose and is used to withdraw at once.
public struct ConsentPurpose: RawRepresentable, Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let interview = ConsentPurpose(rawValue: "interview")
    public static let audioRecording = ConsentPurpose(rawValue: "geluidsopname")
    public static let transcription = ConsentPurpose(rawValue: "transcriptie")
    public static let verbatimQuotes = ConsentPurpose(rawValue: "citaten")
    public static let narrative = ConsentPurpose(rawValue: "narratief")
    public static let report = ConsentPurpose(rawValue: "rapport")
    public static let publicationAnonymised = ConsentPurpose(rawValue: "publicatie-anoniem")
    public static let publicationPseudonymised = ConsentPurpose(rawValue: "publicatie-pseudoniem")
    public static let publicationNamed = ConsentPurpose(rawValue: "publicatie-naam")
    public static let archiving = ConsentPurpose(rawValue: "archief")
    public static let reuse = ConsentPurpose(rawValue: "hergebruik")
    /// Every purpose at once; only meaningful for withdrawal or refusal.
    public static let all = ConsentPurpose(rawValue: "alles")

    /// Sharing the story with one named agency.
    public static func sharing(with agencyId: String) -> ConsentPurpose {
        ConsentPurpose(rawValue: "delen:" + agencyId)
    }

    /// The fixed purposes, in the order a consent form lists them.
    public static let fixed: [ConsentPurpose] = [
        .interview, .audioRecording, .transcription, .verbatimQuotes, .narrative, .report,
        .publicationAnonymised, .publicationPseudonymised, .publicationNamed, .archiving, .reuse,
    ]

    /// The agency this purpose shares with, for `delen:<agency>`.
    public var sharedAgency: String? {
        rawValue.hasPrefix("delen:") ? String(rawValue.dropFirst("delen:".count)) : nil
    }

    public var label: Localized {
        if let agency = sharedAgency {
            return Localized(nl: "delen met \(agency)", en: "sharing with \(agency)")
        }
        switch rawValue {
        case "interview": return Localized(nl: "interview", en: "interview")
        case "geluidsopname": return Localized(nl: "geluidsopname", en: "audio recording")
        case "transcriptie": return Localized(nl: "transcriptie", en: "transcription")
        case "citaten": return Localized(nl: "letterlijke citaten", en: "verbatim quotes")
        case "narratief": return Localized(nl: "narratief", en: "narrative")
        case "rapport":
            return Localized(nl: "rapport aan opdrachtgever/rekenkamer", en: "report to the commissioner/audit office")
        case "publicatie-anoniem": return Localized(nl: "publicatie, geanonimiseerd", en: "publication, anonymised")
        case "publicatie-pseudoniem":
            return Localized(nl: "publicatie, onder pseudoniem", en: "publication, pseudonymised")
        case "publicatie-naam": return Localized(nl: "publicatie, met naam", en: "publication, by name")
        case "archief": return Localized(nl: "archivering", en: "archiving")
        case "hergebruik": return Localized(nl: "hergebruik voor ander onderzoek", en: "re-use in other research")
        case "alles": return Localized(nl: "alle doelen", en: "all purposes")
        default: return Localized(nl: rawValue, en: rawValue)
        }
    }

    private static let englishAliases: [String: ConsentPurpose] = [
        "audio": .audioRecording, "audio-recording": .audioRecording, "recording": .audioRecording,
        "transcription": .transcription, "quotes": .verbatimQuotes, "verbatim-quotes": .verbatimQuotes,
        "narrative": .narrative, "report": .report, "publication-anonymised": .publicationAnonymised,
        "publication-pseudonymised": .publicationPseudonymised, "publication-named": .publicationNamed,
        "archiving": .archiving, "archive": .archiving, "reuse": .reuse, "re-use": .reuse, "all": .all,
    ]

    /// Reads a purpose from input: the Dutch word, an English alias, or `delen:<agency>` / `share:<agency>`.
    /// Returns nil for anything else.
    public static func parse(_ text: String) -> ConsentPurpose? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        for prefix in ["delen:", "share:", "sharing:"] where key.hasPrefix(prefix) {
            let agency = String(key.dropFirst(prefix.count))
            return Casus.isValidID(agency) ? .sharing(with: agency) : nil
        }
        if key == ConsentPurpose.all.rawValue { return .all }
        if let known = fixed.first(where: { $0.rawValue == key }) { return known }
        return englishAliases[key]
    }

    public var description: String { rawValue }
    public static func < (lhs: ConsentPurpose, rhs: ConsentPurpose) -> Bool {
        let l = fixed.firstIndex(of: lhs) ?? Int.max, r = fixed.firstIndex(of: rhs) ?? Int.max
        return l != r ? l < r : lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let purpose = ConsentPurpose.parse(raw), purpose.rawValue == raw else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(raw)' is not a consent purpose")
        }
        self = purpose
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// How consent was obtained.
public enum ConsentMethod: String, Vocabulary {
    case schriftelijk, mondeling, opname

    public var label: Localized {
        switch self {
        case .schriftelijk: Localized(nl: "schriftelijk", en: "written")
        case .mondeling: Localized(nl: "mondeling", en: "oral")
        case .opname: Localized(nl: "op de opname", en: "recorded")
        }
    }

    public var aliases: [String] {
        switch self {
        case .schriftelijk: ["written"]
        case .mondeling: ["oral", "verbal"]
        case .opname: ["recorded", "recording"]
        }
    }
}

/// A file kept in the store's attachments folder, named by its SHA-256.
public struct AttachmentRef: Codable, Sendable, Hashable {
    public var sha256: String
    /// The name the file had when it was added; shown to the user, never used to find it.
    public var fileName: String
    public var byteSize: Int

    public init(sha256: String, fileName: String, byteSize: Int) {
        self.sha256 = sha256
        self.fileName = fileName
        self.byteSize = byteSize
    }
}

/// One entry in a participant's consent ledger. The ledger is append-only: a withdrawal is a new
/// entry, and no entry is ever changed or removed while the case exists.
public struct ConsentEntry: Codable, Sendable, Hashable {
    /// `C1`, `C2`, … in the order the entries were recorded.
    public var id: String
    public var participantId: String
    public var granted: [ConsentPurpose]
    public var refused: [ConsentPurpose]
    public var withdrawn: [ConsentPurpose]
    /// The version of the information letter shown, and the SHA-256 of that letter's file.
    public var letterVersion: String?
    public var letterSha256: String?
    public var at: Timestamp
    public var method: ConsentMethod
    /// The signed form or the recording in which consent was given.
    public var evidence: AttachmentRef?
    public var obtainedBy: String
    /// Support present, or notes on the person's capacity to consent.
    public var support: String?
    public var copyGiven: Bool
    /// The date until which the material may be kept.
    public var retainUntil: FuzzyDate?
    public var note: String?

    public init(
        id: String, participantId: String, granted: [ConsentPurpose] = [], refused: [ConsentPurpose] = [],
        withdrawn: [ConsentPurpose] = [], letterVersion: String? = nil, letterSha256: String? = nil,
        at: Timestamp, method: ConsentMethod, evidence: AttachmentRef? = nil, obtainedBy: String,
        support: String? = nil, copyGiven: Bool = false, retainUntil: FuzzyDate? = nil, note: String? = nil
    ) {
        self.id = id
        self.participantId = participantId
        self.granted = granted
        self.refused = refused
        self.withdrawn = withdrawn
        self.letterVersion = letterVersion
        self.letterSha256 = letterSha256
        self.at = at
        self.method = method
        self.evidence = evidence
        self.obtainedBy = obtainedBy
        self.support = support
        self.copyGiven = copyGiven
        self.retainUntil = retainUntil
        self.note = note
    }

    /// The decision this entry records for a purpose, if it speaks of it (directly or through `alles`).
    public func decision(for purpose: ConsentPurpose) -> ConsentDecision? {
        if withdrawn.contains(purpose) || withdrawn.contains(.all) { return .withdrawn }
        if refused.contains(purpose) || refused.contains(.all) { return .refused }
        if granted.contains(purpose) { return .granted }
        return nil
    }
}

/// What the ledger says about one purpose.
public enum ConsentDecision: String, Vocabulary {
    case granted = "gegeven"
    case refused = "geweigerd"
    case withdrawn = "ingetrokken"

    public var label: Localized {
        switch self {
        case .granted: Localized(nl: "gegeven", en: "granted")
        case .refused: Localized(nl: "geweigerd", en: "refused")
        case .withdrawn: Localized(nl: "ingetrokken", en: "withdrawn")
        }
    }

    public var aliases: [String] {
        switch self {
        case .granted: ["granted", "grant", "yes", "ja"]
        case .refused: ["refused", "refuse", "no", "nee"]
        case .withdrawn: ["withdrawn", "withdraw"]
        }
    }
}

/// The current state of one purpose for one participant, with the entry that decided it.
public struct ConsentStatus: Sendable, Hashable {
    public let purpose: ConsentPurpose
    /// nil when the participant was never asked.
    public let decision: ConsentDecision?
    public let decidedBy: ConsentEntry?

    public var isGranted: Bool { decision == .granted }
}

/// The legal ground for processing the personal data, recorded apart from consent
/// (consent is one possible ground; a public task is another).
public enum LawfulBasisKind: String, Vocabulary {
    case toestemming
    case publiekeTaak = "publieke-taak"
    case gerechtvaardigdBelang = "gerechtvaardigd-belang"
    case wettelijkeVerplichting = "wettelijke-verplichting"
    case vitaalBelang = "vitaal-belang"

    public var label: Localized {
        switch self {
        case .toestemming: Localized(nl: "toestemming (AVG art. 6 lid 1a)", en: "consent (GDPR art. 6(1)(a))")
        case .publiekeTaak:
            Localized(nl: "taak van algemeen belang (AVG art. 6 lid 1e)", en: "public task (GDPR art. 6(1)(e))")
        case .gerechtvaardigdBelang:
            Localized(nl: "gerechtvaardigd belang (AVG art. 6 lid 1f)", en: "legitimate interest (GDPR art. 6(1)(f))")
        case .wettelijkeVerplichting:
            Localized(nl: "wettelijke verplichting (AVG art. 6 lid 1c)", en: "legal obligation (GDPR art. 6(1)(c))")
        case .vitaalBelang: Localized(nl: "vitaal belang (AVG art. 6 lid 1d)", en: "vital interest (GDPR art. 6(1)(d))")
        }
    }

    public var aliases: [String] {
        switch self {
        case .toestemming: ["consent"]
        case .publiekeTaak: ["public-task"]
        case .gerechtvaardigdBelang: ["legitimate-interest"]
        case .wettelijkeVerplichting: ["legal-obligation"]
        case .vitaalBelang: ["vital-interest"]
        }
    }
}

/// A recorded lawful basis, for the whole case or for one participant.
public struct LawfulBasis: Codable, Sendable, Hashable {
    /// `G1`, `G2`, …; later entries supersede earlier ones for the same scope.
    public var id: String
    /// nil: the basis for the whole case.
    public var participantId: String?
    public var basis: LawfulBasisKind
    public var explanation: String
    public var recordedBy: String
    public var at: Timestamp

    public init(
        id: String, participantId: String? = nil, basis: LawfulBasisKind, explanation: String, recordedBy: String,
        at: Timestamp = .now()
    ) {
        self.id = id
        self.participantId = participantId
        self.basis = basis
        self.explanation = explanation
        self.recordedBy = recordedBy
        self.at = at
    }
}

/// Answers consent questions from a participant's ledger entries.
public struct ConsentLedger: Sendable {
    public let entries: [ConsentEntry]

    /// Entries in the order they take effect: by moment, then by recording order.
    public init(entries: [ConsentEntry]) {
        self.entries = entries.sorted { a, b in
            a.at != b.at ? a.at < b.at : (EntityID.number(a.id) ?? 0) < (EntityID.number(b.id) ?? 0)
        }
    }

    /// The state of a purpose for a participant, as of `moment` (now when nil).
    public func status(of participantId: String, for purpose: ConsentPurpose, asOf moment: Date? = nil) -> ConsentStatus
    {
        var decided: (ConsentDecision, ConsentEntry)?
        for entry in entries where entry.participantId == participantId {
            if let moment, entry.at.date > moment { break }
            if let decision = entry.decision(for: purpose) { decided = (decision, entry) }
        }
        return ConsentStatus(purpose: purpose, decision: decided?.0, decidedBy: decided?.1)
    }

    public func isGranted(_ purpose: ConsentPurpose, to participantId: String, asOf moment: Date? = nil) -> Bool {
        status(of: participantId, for: purpose, asOf: moment).isGranted
    }

    /// Every purpose the participant's ledger speaks of, plus the fixed ones, each with its state.
    public func overview(of participantId: String) -> [ConsentStatus] {
        var purposes = Set(ConsentPurpose.fixed)
        for entry in entries where entry.participantId == participantId {
            for purpose in entry.granted + entry.refused + entry.withdrawn where purpose != .all {
                purposes.insert(purpose)
            }
        }
        return purposes.sorted().map { status(of: participantId, for: $0) }
    }

    public func history(of participantId: String) -> [ConsentEntry] {
        entries.filter { $0.participantId == participantId }
    }
}
