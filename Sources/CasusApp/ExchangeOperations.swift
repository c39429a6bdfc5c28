import CasusCore
import CasusDocuments
import CasusJourney
import CasusReports
import CasusStore
import Foundation

/// The formats casus writes reports in, with their file extensions: one registry for every front end.
public enum ReportFormat: String, Sendable, CaseIterable {
    case md, html, odt, docx, pdf

    /// The format a file name asks for, by its extension.
    public init?(fileName: String) {
        self.init(rawValue: URL(fileURLWithPath: fileName).pathExtension.lowercased())
    }

    /// Writes a document in this format (PDF through LibreOffice, DOCX figures drawn by rsvg-convert).
    public func render(_ document: Document) throws -> Data {
        switch self {
        case .md: return MarkdownWriter.render(document)
        case .html: return HTMLWriter.render(document)
        case .odt: return try ODTWriter.render(document)
        case .docx:
            // Figures printed at 200 dots per inch: sharp on paper, a few hundred kilobytes each.
            return try DOCXWriter.render(document) { figure in
                try SVGRasteriser.png(svg: figure.svg, pixelsWide: Int(figure.widthMillimetres / 25.4 * 200))
            }
        case .pdf: return try PDFConverter.convert(odt: try ODTWriter.render(document))
        }
    }
}

/// The formats of a journey map, with their file extensions.
public enum JourneyFormat: String, Sendable, CaseIterable {
    case svg, html, mermaid, csv

    public init?(fileName: String) {
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "svg": self = .svg
        case "html", "htm": self = .html
        case "mmd", "mermaid", "md": self = .mermaid
        case "csv": self = .csv
        default: return nil
        }
    }
}

extension Casework {
    /// The dossier as a portable file, refused when any byte holds a real name from the key vault.
    /// The export is in the audit log.
    public func exportDossier(_ caseId: String, embedAttachments: Bool) throws -> Data {
        try require(.export, caseId: caseId)
        let dossier = try store.dossier(caseId)
        try guardExport(String(decoding: try DossierFile(dossier: dossier).encoded(), as: UTF8.self), dossier: dossier)
        return try store.exportFile(caseId, embedAttachments: embedAttachments).encoded()
    }

    /// Reads a dossier file into the store (validated whole, with every rule a change must meet).
    public func importDossier(_ data: Data, replace: Bool) throws -> Dossier {
        let file = try DossierFile.decode(data)
        try require(.administer, caseId: file.dossier.casus.id)
        return try store.importFile(file, replace: replace)
    }

    /// Builds a report and writes it in `format`. Consent decides what is in it (the builder leaves
    /// out what it does not cover and says so in the log); the export guard refuses any real name;
    /// the log names people by pseudonym or id only.
    /// The template and the knelpunt catalogue come from `templates` (bundled, or a folder's own).
    public func report(
        _ caseId: String, options: ReportOptions, format: ReportFormat, templates: TemplateLibrary = TemplateLibrary()
    ) throws -> (bytes: Data, log: ExportLog, logText: (Language) -> String) {
        guard try mayHaveReport(caseId, status: options.status, agencyId: options.agencyId) else {
            try require(.export, caseId: caseId)
            throw CasusError(.notPermitted, nl: "Dit rapport is niet vrijgegeven.", en: "This report is not released.")
        }
        let dossier = try store.dossier(caseId)
        let template = try templates.report(options.kind)
        var options = options
        if options.catalogue.types.isEmpty { options.catalogue = try templates.knelpunten() }
        let result = try ReportBuilder.build(dossier, template: template, options: options)
        let markdown = MarkdownWriter.render(result.document)
        let identities = try guardExport(String(decoding: markdown, as: UTF8.self), dossier: dossier)
        let bytes = format == .md ? markdown : try format.render(result.document)
        // Accountable like every export; a read-only store (a copy on a read-only disk) can still report.
        if !store.isReadOnly {
            try store.logEvent(
                caseId: caseId, operation: "export",
                detail: "report \(options.kind.rawValue) \(format.rawValue)"
                    + (options.agencyId.map { " for \($0)" } ?? ""))
        }
        let log = result.log
        return (
            bytes, log,
            { language in ExportGuard.redacted(log.text(language), identities: identities, dossier: dossier) }
        )
    }

    /// Draws a journey map in `format`; a table (CSV) has no size limit, a drawing does. Returns the
    /// text and what consent kept off the map.
    /// Without a `catalogue`, the knelpunt labels come from `templates`.
    public func journey(
        _ caseId: String, view: JourneyView, format: JourneyFormat, language: Language?,
        catalogue: KnelpuntCatalogue? = nil, templates: TemplateLibrary = TemplateLibrary()
    ) throws -> (text: String, omitted: [Localized]) {
        if !may(.overview) { try require(.export, caseId: caseId) }
        let dossier = try store.dossier(caseId)
        let catalogue = try catalogue ?? templates.knelpunten()
        let map = try JourneyMap.build(
            dossier, view: view, language: language ?? dossier.casus.language, catalogue: catalogue,
            eventLimit: format == .csv ? nil : InputLimits.journeyEvents)
        let text: String
        switch format {
        case .svg: text = SVGJourneyWriter.render(map)
        case .html: text = JourneyText.html(map)
        case .mermaid: text = JourneyText.mermaid(map)
        case .csv: text = JourneyText.csv(map)
        }
        try guardExport(text, dossier: dossier)
        return (text, map.omitted)
    }

    /// The journey map itself, drawn (SVG) and as table rows, for a page that shows both.
    public func journeyMap(
        _ caseId: String, language: Language?, templates: TemplateLibrary = TemplateLibrary()
    )
        throws -> (map: JourneyMap, svg: String)
    {
        if !may(.overview) { try require(.export, caseId: caseId) }
        return try drawJourneyMap(try store.dossier(caseId), language: language, templates: templates)
    }

    /// The journey map as it would be with a record form's answers saved, while the researcher types:
    /// nothing is stored. Answers that cannot be saved yet draw the map as it is, with the reason.
    public func previewJourneyMap(
        _ caseId: String, kind: RecordForms.Kind, answers: StepAnswers, language: Language?
    ) throws -> (svg: String, problem: CasusError?) {
        guard kind.drawnOnMap else {
            throw CasusError(
                .invalidInput, nl: "Dit formulier staat niet op de klantreis.",
                en: "This form is not on the journey map.")
        }
        let stored = try store.dossier(caseId)
        let form = RecordForms.form(kind, for: stored)
        for capability in form.capabilities { try require(capability, caseId: caseId) }
        var dossier = stored
        var problem: CasusError?
        do {
            if case .changed(let changed, _) = try form.apply(answers, to: stored, by: actor.name) { dossier = changed }
        } catch let error as CasusError {
            problem = error
        }
        return (try drawJourneyMap(dossier, language: language, templates: TemplateLibrary()).svg, problem)
    }

    private func drawJourneyMap(
        _ dossier: Dossier, language: Language?, templates: TemplateLibrary
    ) throws -> (map: JourneyMap, svg: String) {
        let map = try JourneyMap.build(
            dossier, view: .blueprint, language: language ?? dossier.casus.language,
            catalogue: try templates.knelpunten(), eventLimit: InputLimits.journeyEvents)
        let svg = SVGJourneyWriter.render(map)
        try guardExport(svg + JourneyText.csv(map), dossier: dossier)
        return (map, svg)
    }

    /// The last check before anything leaves: no real name from the key vault in `text`.
    @discardableResult
    func guardExport(_ text: String, dossier: Dossier) throws -> [Identity] {
        let identities = try vault.identities().filter { $0.caseId == dossier.casus.id }
        try ExportGuard.check(text, identities: identities, dossier: dossier)
        return identities
    }
}
