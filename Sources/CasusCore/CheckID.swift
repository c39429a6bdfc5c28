/// Every check of the route, by id: one declaration that the gates, the status, the prompts of
/// `casus next` and the tests all use. The raw values are the ids users see in `casus status` and
/// type after `casus override --check`; they never change once shipped.
public enum CheckID: String, CaseIterable, Sendable {
    case endUser = "1.eindgebruiker"
    case interview = "1.interview"
    case interviewConsent = "1.toestemming-interview"
    case recordingConsent = "1.toestemming-opname"
    case transcriptionConsent = "1.toestemming-transcriptie"
    case duration = "1.duur"
    case safety = "1.veiligheid"
    case explained = "1.uitleg"
    case transcript = "1.transcript"
    case narrative = "2.narratief"
    case quotesTraceable = "2.citaten-herleidbaar"
    case narrativeConsent = "2.toestemming-narratief"
    case quoteConsent = "2.toestemming-citaten"
    case lint = "2.linter"
    case agenciesContacted = "3.instanties-benaderd"
    case findings = "3.bevindingen"
    case surroundings = "3.omgeving"
    case sharingConsent = "3.toestemming-delen"
    case leervraag = "4.leervraag"
    case leervragenLinked = "4.leervragen-gekoppeld"
    case summary = "4.samenvatting"
    case publicationForm = "4.publicatievorm"
    case reportConsent = "4.toestemming-rapport"
    case wederhoorDone = "4.wederhoor-afgerond"

    /// `0.voorwaarde-<n>`: the check of precondition `n` of case selection.
    public static func precondition(_ number: Int) -> String { preconditionPrefix + String(number) }

    /// The precondition a check id stands for, if it is one.
    public static func preconditionNumber(_ id: String) -> Int? {
        id.hasPrefix(preconditionPrefix) ? Int(id.dropFirst(preconditionPrefix.count)) : nil
    }

    static let preconditionPrefix = "0.voorwaarde-"
}
