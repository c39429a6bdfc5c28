import CasusCore
import CasusQDA
import CasusStore
import Foundation

extension Casework {
    /// A REFI-QDA project (`.qdpx`) of a case's interview material for QDA software. Consent decides
    /// what goes (see `QDAExport`); the real-name guard reads every byte of the project and each text.
    /// Returns the archive and the log of what was left out.
    public func exportQDA(_ caseId: String, includeNarrative: Bool) throws -> (bytes: Data, log: [Localized]) {
        try require(.export, caseId: caseId)
        let dossier = try store.dossier(caseId)
        let (project, log) = QDAExport.project(of: dossier, includeNarrative: includeNarrative, origin: "casus")
        let parts = QDAWriter.parts(project)
        try guardExport(parts.xml, dossier: dossier)
        for source in parts.sources { try guardExport(source.text, dossier: dossier) }
        let bytes = try QDAWriter.archive(parts)
        if !store.isReadOnly {
            try store.logEvent(caseId: caseId, operation: "export", detail: "qdpx, \(project.sources.count) sources")
        }
        return (bytes, log)
    }

    /// Reads a REFI-QDA project into a new case (nil) or as new interviews of an existing one. The
    /// whole file is read and checked before anything is stored; the report lists what could not be
    /// carried over. Returns the case's id and the report.
    public func importQDA(
        _ data: Data, into caseId: String?, options: QDAReadOptions = QDAReadOptions()
    ) throws -> (caseId: String, report: [Localized]) {
        try require(caseId == nil ? .administer : .edit, caseId: caseId ?? "-")
        let read = try QDAReader.read(data, options: options)
        if let caseId {
            var report: [Localized] = []
            try store.modify(caseId) { dossier in
                let result = try QDAImport.apply(read.project, to: dossier, actor: actor.name)
                dossier = result.dossier
                report = result.report
            }
            return (caseId, report + read.report)
        }
        let name = read.project.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let title = name.isEmpty ? "QDA-project" : name
        let casus = Casus(
            id: try freeCaseID(for: title), title: title,
            vraagstuk: "Ingelezen uit het QDA-project '\(name)'" + (read.project.origin.map { " (\($0))" } ?? "") + ".",
            researchers: [actor.name])
        // The whole case in one transaction: a bad project leaves no empty case behind.
        let draft = try QDAImport.apply(read.project, to: Dossier(casus: casus), actor: actor.name)
        try store.create(draft.dossier)
        return (casus.id, draft.report + read.report)
    }
}
