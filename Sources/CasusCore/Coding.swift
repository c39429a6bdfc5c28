import Foundation

/// A code of the case's codebook, as in qualitative data analysis (ATLAS.ti, MAXQDA, NVivo):
/// a name researchers tag passages of transcripts, quotes and events with.
public struct Code: Codable, Sendable, Hashable {
    /// `K1`, `K2`, …
    public var id: String
    public var name: String
    /// `#RRGGBB`, as QDA software shows it.
    public var colour: String?
    public var description: String?
    /// The code this one sits under in the codebook.
    public var parentId: String?
    /// Leervragen the code helps answer.
    public var leervraagIds: [String]

    public init(
        id: String, name: String, colour: String? = nil, description: String? = nil, parentId: String? = nil,
        leervraagIds: [String] = []
    ) {
        self.id = id
        self.name = name
        self.colour = colour
        self.description = description
        self.parentId = parentId
        self.leervraagIds = leervraagIds
    }

    enum CodingKeys: String, CodingKey { case id, name, colour, description, parentId, leervraagIds }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        colour = try c.decodeIfPresent(String.self, forKey: .colour)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        parentId = try c.decodeIfPresent(String.self, forKey: .parentId)
        leervraagIds = try c.decodeIfPresent([String].self, forKey: .leervraagIds) ?? []
    }

    /// Whether `text` is a colour as `#RRGGBB`.
    public static func isColour(_ text: String) -> Bool {
        let hex = text.utf8.dropFirst()
        return text.hasPrefix("#") && hex.count == 6
            && hex.allSatisfy { $0 < 128 && Character(UnicodeScalar($0)).isHexDigit }
    }
}

/// One application of a code: to a span of a transcript (code-point offsets, as quotes), to a
/// quote, or to an event.
public struct Coding: Codable, Sendable, Hashable {
    /// `M1`, `M2`, … (markering)
    public var id: String
    public var codeId: String
    public var interviewId: String?
    public var start: Int?
    public var end: Int?
    /// The coded words as they stand in the transcript at `start..<end` (spans only).
    public var text: String?
    public var quoteId: String?
    public var eventId: String?
    public var note: String?

    /// What a coding is on.
    public enum Target: Sendable, Hashable {
        case span(interviewId: String, start: Int, end: Int)
        case quote(String)
        case event(String)
    }

    public init(id: String, codeId: String, target: Target, text: String? = nil, note: String? = nil) {
        self.id = id
        self.codeId = codeId
        self.note = note
        switch target {
        case .span(let interviewId, let start, let end):
            self.interviewId = interviewId
            self.start = start
            self.end = end
            self.text = text
        case .quote(let quoteId): self.quoteId = quoteId
        case .event(let eventId): self.eventId = eventId
        }
    }

    /// The target, or nil when the fields do not name exactly one.
    public var target: Target? {
        switch (interviewId, start, end, quoteId, eventId) {
        case (let i?, let s?, let e?, nil, nil): .span(interviewId: i, start: s, end: e)
        case (nil, nil, nil, let q?, nil): .quote(q)
        case (nil, nil, nil, nil, let e?): .event(e)
        default: nil
        }
    }
}

extension Dossier {
    /// A code by id or by name (ignoring case).
    public func code(named nameOrID: String) -> Code? {
        let key = nameOrID.trimmingCharacters(in: .whitespaces)
        return codes.first { $0.id == key } ?? codes.first { $0.name.caseInsensitiveCompare(key) == .orderedSame }
    }

    /// The codes on an event or a quote, by name, for reports and maps.
    public func codeNames(onEvent eventId: String) -> [String] {
        codings.filter { $0.eventId == eventId }.compactMap { c in codes.first { $0.id == c.codeId }?.name }
    }

    /// Checks the codebook and the codings (called from `problems()`).
    func checkCodes(_ r: inout ProblemReport) {
        r.unique(codes.map(\.id), what: ("codes", "codes"))
        let ids = Set(codes.map(\.id))
        var siblings = Set<String>()
        for code in codes {
            let place = Localized(nl: "code \(code.id.excerpt)", en: "code \(code.id.excerpt)")
            if code.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                r.add(nl: "\(place.nl): de naam is leeg", en: "\(place.en): the name is empty")
            }
            if !siblings.insert((code.parentId ?? "") + "\u{0}" + code.name.lowercased()).inserted {
                r.add(
                    nl: "\(place.nl): de naam '\(code.name.excerpt)' komt al voor op dezelfde plek in het codeboek",
                    en: "\(place.en): the name '\(code.name.excerpt)' already occurs at the same place in the codebook")
            }
            if let colour = code.colour, !Code.isColour(colour) {
                r.add(
                    nl: "\(place.nl): '\(colour.excerpt)' is geen kleur als #1F3A5F",
                    en: "\(place.en): '\(colour.excerpt)' is not a colour like #1F3A5F")
            }
            if let parent = code.parentId, !ids.contains(parent) {
                r.add(
                    nl: "\(place.nl): bovenliggende code '\(parent.excerpt)' bestaat niet",
                    en: "\(place.en): parent code '\(parent.excerpt)' does not exist")
            }
            for id in code.leervraagIds where !leervragen.contains(where: { $0.id == id }) {
                r.add(
                    nl: "\(place.nl): leervraag '\(id.excerpt)' bestaat niet",
                    en: "\(place.en): learning question '\(id.excerpt)' does not exist")
            }
        }
        // A parent chain that comes back to itself would make the codebook a loop.
        let parents = Dictionary(codes.map { ($0.id, $0.parentId) }, uniquingKeysWith: { a, _ in a })
        for code in codes {
            var seen: Set<String> = [code.id]
            var next = code.parentId
            while let current = next, ids.contains(current) {
                if !seen.insert(current).inserted {
                    r.add(
                        nl: "code \(code.id.excerpt): de bovenliggende codes vormen een kring",
                        en: "code \(code.id.excerpt): the parent codes form a loop")
                    break
                }
                next = parents[current] ?? nil
            }
        }
        checkCodings(r: &r, codeIDs: ids)
    }

    private func checkCodings(r: inout ProblemReport, codeIDs: Set<String>) {
        r.unique(codings.map(\.id), what: ("markeringen", "codings"))
        // Each transcript as scalars once: a case may hold tens of thousands of codings.
        var scalars: [String: [Unicode.Scalar]] = [:]
        let quoteIDs = Set(quotes.map(\.id)), eventIDs = Set(events.map(\.id))
        for coding in codings {
            // Made only for a problem: a case may hold tens of thousands of codings.
            var place: Localized { Localized(nl: "markering \(coding.id.excerpt)", en: "coding \(coding.id.excerpt)") }
            if !codeIDs.contains(coding.codeId) {
                r.add(
                    nl: "\(place.nl): code '\(coding.codeId.excerpt)' bestaat niet",
                    en: "\(place.en): code '\(coding.codeId.excerpt)' does not exist")
            }
            switch coding.target {
            case nil:
                r.add(
                    nl: "\(place.nl): noem precies één plek: een stuk transcript, een citaat of een gebeurtenis",
                    en: "\(place.en): name exactly one place: a span of a transcript, a quote or an event")
            case .quote(let id) where !quoteIDs.contains(id):
                r.add(
                    nl: "\(place.nl): citaat '\(id.excerpt)' bestaat niet",
                    en: "\(place.en): quote '\(id.excerpt)' does not exist")
            case .event(let id) where !eventIDs.contains(id):
                r.add(
                    nl: "\(place.nl): gebeurtenis '\(id.excerpt)' bestaat niet",
                    en: "\(place.en): event '\(id.excerpt)' does not exist")
            case .span(let interviewId, let start, let end):
                guard let interview = interview(interviewId) else {
                    r.add(
                        nl: "\(place.nl): interview '\(interviewId.excerpt)' bestaat niet",
                        en: "\(place.en): interview '\(interviewId.excerpt)' does not exist")
                    continue
                }
                if scalars[interviewId] == nil {
                    scalars[interviewId] = Array((interview.transcript ?? "").unicodeScalars)
                }
                let text = scalars[interviewId] ?? []
                guard start >= 0, end > start, end <= text.count else {
                    r.add(
                        nl:
                            "\(place.nl): tekens \(start)–\(end) vallen buiten het transcript van \(interviewId.excerpt) (\(text.count) tekens)",
                        en:
                            "\(place.en): characters \(start)–\(end) fall outside the transcript of \(interviewId.excerpt) (\(text.count) characters)"
                    )
                    continue
                }
                if let coded = coding.text, !coded.unicodeScalars.elementsEqual(text[start..<end]) {
                    r.add(
                        nl: "\(place.nl): de tekst komt niet overeen met het transcript op tekens \(start)–\(end)",
                        en: "\(place.en): the text does not match the transcript at characters \(start)–\(end)")
                }
            default:
                break
            }
        }
    }
}
