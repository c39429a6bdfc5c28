import Foundation

/// What a user can do about an error, without naming a front end's commands: the terminal shows its
/// command for it, a browser a link or a button. Library messages say what is wrong; the remedy says
/// which action helps.
public enum Remedy: Sendable, Equatable {
    /// See which cases exist.
    case listCases
    /// Create a store where none is.
    case createStore
    /// Point casus at another store folder.
    case chooseStore
    /// Put a backup of the store back.
    case restoreBackup
    /// Record a withdrawal of consent in the ledger.
    case recordWithdrawal(caseId: String?)
    /// Record a narrative for the case.
    case recordNarrative(caseId: String)
    /// Choose how the report appears (anoniem, pseudoniem, naam).
    case choosePublicationForm(caseId: String)
    /// Export the dossier again with its attachments inside.
    case exportWithAttachments
    /// Replace the case that exists already.
    case replaceExisting
    /// Search the dossier for a text.
    case searchText
    /// See the linter's rules.
    case listLintRules
    /// Draw one agency's part of the map (the named views), or take the table instead.
    case narrowJourney(views: [String])
}
