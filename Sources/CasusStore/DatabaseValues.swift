import CasusCore
import GRDB

// The model's value types are stored as plain text or integers, as their JSON form is.

extension Timestamp: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { text.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Timestamp? {
        String.fromDatabaseValue(dbValue).flatMap(Timestamp.init)
    }
}

extension FuzzyDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> FuzzyDate? {
        String.fromDatabaseValue(dbValue).flatMap(FuzzyDate.init)
    }
}

extension Actor: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Actor? {
        String.fromDatabaseValue(dbValue).flatMap(Actor.init)
    }
}

extension Step: DatabaseValueConvertible {}
extension Language: DatabaseValueConvertible {}
extension ParticipantRole: DatabaseValueConvertible {}
extension EndUserKind: DatabaseValueConvertible {}
extension AgencyLevel: DatabaseValueConvertible {}
extension ConsentMethod: DatabaseValueConvertible {}
extension LawfulBasisKind: DatabaseValueConvertible {}
extension InterviewMode: DatabaseValueConvertible {}
extension Channel: DatabaseValueConvertible {}
extension EvidenceStatus: DatabaseValueConvertible {}
extension ContactStatus: DatabaseValueConvertible {}
extension FindingStatus: DatabaseValueConvertible {}
extension ReviewDecision: DatabaseValueConvertible {}
extension WederhoorKind: DatabaseValueConvertible {}
extension PublicationForm: DatabaseValueConvertible {}
extension DoetankPhase: DatabaseValueConvertible {}
