import Foundation

/// Everything recorded about one case. This is the unit that is stored, exported and imported.
public struct Dossier: Codable, Sendable, Equatable {
    public var casus: Casus
    public var selection: [PreconditionAnswer]
    public var participants: [Participant]
    public var consent: [ConsentEntry]
    public var lawfulBasis: [LawfulBasis]
    public var interviews: [Interview]
    public var quotes: [Quote]
    public var narrative: [NarrativeVersion]
    public var events: [TimelineEvent]
    public var handoffs: [Handoff]
    public var agencies: [Agency]
    public var findings: [Finding]
    public var leervragen: [Leervraag]
    public var dilemmas: [Dilemma]
    public var reviews: [Review]
    public var wederhoor: [WederhoorRound]
    public var overrides: [GateOverride]
    public var doetank: [DoetankReview]
    /// The codebook (QDA codes) and where the codes were applied.
    public var codes: [Code]
    public var codings: [Coding]

    enum CodingKeys: String, CodingKey {
        case casus = "case"
        case selection, participants, consent, lawfulBasis, interviews, quotes, narrative, events, handoffs, agencies,
            findings, leervragen, dilemmas, reviews, wederhoor, overrides, doetank, codes, codings
    }

    public init(
        casus: Casus, selection: [PreconditionAnswer] = [], participants: [Participant] = [],
        consent: [ConsentEntry] = [],
        lawfulBasis: [LawfulBasis] = [], interviews: [Interview] = [], quotes: [Quote] = [],
        narrative: [NarrativeVersion] = [],
        events: [TimelineEvent] = [], handoffs: [Handoff] = [], agencies: [Agency] = [], findings: [Finding] = [],
        leervragen: [Leervraag] = [], dilemmas: [Dilemma] = [], reviews: [Review] = [],
        wederhoor: [WederhoorRound] = [],
        overrides: [GateOverride] = [], doetank: [DoetankReview] = [], codes: [Code] = [], codings: [Coding] = []
    ) {
        self.casus = casus
        self.selection = selection
        self.participants = participants
        self.consent = consent
        self.lawfulBasis = lawfulBasis
        self.interviews = interviews
        self.quotes = quotes
        self.narrative = narrative
        self.events = events
        self.handoffs = handoffs
        self.agencies = agencies
        self.findings = findings
        self.leervragen = leervragen
        self.dilemmas = dilemmas
        self.reviews = reviews
        self.wederhoor = wederhoor
        self.overrides = overrides
        self.doetank = doetank
        self.codes = codes
        self.codings = codings
    }

    /// Missing collections read as empty, so a hand-written dossier may leave them out.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        casus = try c.decode(Casus.self, forKey: .casus)
        selection = try c.decodeIfPresent([PreconditionAnswer].self, forKey: .selection) ?? []
        participants = try c.decodeIfPresent([Participant].self, forKey: .participants) ?? []
        consent = try c.decodeIfPresent([ConsentEntry].self, forKey: .consent) ?? []
        lawfulBasis = try c.decodeIfPresent([LawfulBasis].self, forKey: .lawfulBasis) ?? []
        interviews = try c.decodeIfPresent([Interview].self, forKey: .interviews) ?? []
        quotes = try c.decodeIfPresent([Quote].self, forKey: .quotes) ?? []
        narrative = try c.decodeIfPresent([NarrativeVersion].self, forKey: .narrative) ?? []
        events = try c.decodeIfPresent([TimelineEvent].self, forKey: .events) ?? []
        handoffs = try c.decodeIfPresent([Handoff].self, forKey: .handoffs) ?? []
        agencies = try c.decodeIfPresent([Agency].self, forKey: .agencies) ?? []
        findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        leervragen = try c.decodeIfPresent([Leervraag].self, forKey: .leervragen) ?? []
        dilemmas = try c.decodeIfPresent([Dilemma].self, forKey: .dilemmas) ?? []
        reviews = try c.decodeIfPresent([Review].self, forKey: .reviews) ?? []
        wederhoor = try c.decodeIfPresent([WederhoorRound].self, forKey: .wederhoor) ?? []
        overrides = try c.decodeIfPresent([GateOverride].self, forKey: .overrides) ?? []
        doetank = try c.decodeIfPresent([DoetankReview].self, forKey: .doetank) ?? []
        codes = try c.decodeIfPresent([Code].self, forKey: .codes) ?? []
        codings = try c.decodeIfPresent([Coding].self, forKey: .codings) ?? []
    }

    /// Writes every collection; the codebook and codings only when there are any, so a dossier
    /// without codes reads the same in a casus that predates them.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(casus, forKey: .casus)
        try c.encode(selection, forKey: .selection)
        try c.encode(participants, forKey: .participants)
        try c.encode(consent, forKey: .consent)
        try c.encode(lawfulBasis, forKey: .lawfulBasis)
        try c.encode(interviews, forKey: .interviews)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(narrative, forKey: .narrative)
        try c.encode(events, forKey: .events)
        try c.encode(handoffs, forKey: .handoffs)
        try c.encode(agencies, forKey: .agencies)
        try c.encode(findings, forKey: .findings)
        try c.encode(leervragen, forKey: .leervragen)
        try c.encode(dilemmas, forKey: .dilemmas)
        try c.encode(reviews, forKey: .reviews)
        try c.encode(wederhoor, forKey: .wederhoor)
        try c.encode(overrides, forKey: .overrides)
        try c.encode(doetank, forKey: .doetank)
        if !codes.isEmpty { try c.encode(codes, forKey: .codes) }
        if !codings.isEmpty { try c.encode(codings, forKey: .codings) }
    }

    // MARK: Lookups

    public var consentLedger: ConsentLedger { ConsentLedger(entries: consent) }

    public func participant(_ id: String) -> Participant? { participants.first { $0.id == id } }
    public func agency(_ id: String) -> Agency? { agencies.first { $0.id == id } }
    public func interview(_ id: String) -> Interview? { interviews.first { $0.id == id } }

    /// A participant by pseudonym (ignoring case) or by id.
    public func participant(named nameOrID: String) -> Participant? {
        let key = nameOrID.trimmingCharacters(in: .whitespaces)
        return participants.first { $0.id == key }
            ?? participants.first { $0.pseudonym.caseInsensitiveCompare(key) == .orderedSame }
    }

    /// The end user (the first, when a case has more than one).
    public var endUser: Participant? { participants.first { $0.role == .eindgebruiker } }

    /// The narrative version that counts: the chosen one, else the latest.
    public var currentNarrative: NarrativeVersion? {
        if let number = casus.currentNarrative, let chosen = narrative.first(where: { $0.number == number }) {
            return chosen
        }
        return narrative.max { $0.number < $1.number }
    }

    public var chronologicalEvents: [TimelineEvent] { events.sorted(by: TimelineEvent.chronological) }

    /// The display name of an actor: a pseudonym or an agency name.
    public func name(of actor: Actor) -> String {
        switch actor {
        case .participant(let id): participant(id)?.pseudonym ?? id
        case .agency(let id): agency(id)?.name ?? id
        }
    }

    /// Every attachment the dossier refers to.
    public var attachmentRefs: [AttachmentRef] {
        var refs: [AttachmentRef] = []
        for entry in consent { if let evidence = entry.evidence { refs.append(evidence) } }
        for interview in interviews { if let audio = interview.audio { refs.append(audio.file) } }
        var seen = Set<String>()
        return refs.filter { seen.insert($0.sha256).inserted }
    }
}
