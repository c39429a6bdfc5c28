import ArgumentParser
import CasusCore

// Domain words as option values: the Dutch word, an English alias or either label.

extension Vocabulary {
    init?(vocabularyArgument text: String) {
        guard let value = Self.parse(text) else { return nil }
        self = value
    }
    static var vocabularyValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ParticipantRole: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension EndUserKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension Pronoun: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension AgencyLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension ConsentMethod: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension LawfulBasisKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension InterviewMode: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension Channel: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension EvidenceStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension ContactStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension FindingStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension ReviewDecision: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension WederhoorKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension PublicationForm: ExpressibleByArgument {
    public init?(argument: String) { self.init(vocabularyArgument: argument) }
}
extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
}

extension ConsentPurpose: ExpressibleByArgument {
    public init?(argument: String) {
        guard let purpose = ConsentPurpose.parse(argument) else { return nil }
        self = purpose
    }
    public static var allValueStrings: [String] { fixed.map(\.rawValue) + ["delen:<instantie>", "alles"] }
}

extension FuzzyDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
