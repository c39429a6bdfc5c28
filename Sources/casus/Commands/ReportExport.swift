import ArgumentParser
import CasusApp
import CasusCore
import CasusDocuments
import CasusReports
import CasusStore
import Foundation

/// Every format `casus export` writes: the dossier (json), a report, or a QDA project (qdpx).
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, md, html, odt, docx, pdf, qdpx

    init?(fileName: String) { self.init(rawValue: URL(fileURLWithPath: fileName).pathExtension.lowercased()) }
}

extension ReportKind: ExpressibleByArgument {}
extension ReportStatus: ExpressibleByArgument {}

/// The options of `casus export --report …`.
struct ReportExportOptions: ParsableArguments {
    @Option(
        help: help(
            "Maak een rapport: casusbeschrijving of outside-in (anders het dossier als JSON).",
            "Make a report: casusbeschrijving or outside-in (else the dossier as JSON).")) var report: ReportKind?
    @Option(
        help: help(
            "Rapport: md, html, odt, docx of pdf (pdf met LibreOffice). Zonder --report: json (het dossier) of qdpx (REFI-QDA-project voor ATLAS.ti, MAXQDA, NVivo). Anders afgeleid van --output.",
            "Report: md, html, odt, docx or pdf (pdf through LibreOffice). Without --report: json (the dossier) or qdpx (REFI-QDA project for ATLAS.ti, MAXQDA, NVivo). Else taken from --output."
        )) var format: ExportFormat?
    @Option(
        help: help(
            "concept-ambtelijk, concept-bestuurlijk of definitief; op het omslag en in de voettekst.",
            "concept-ambtelijk, concept-bestuurlijk or definitief; on the cover and in the footer.")) var status:
        ReportStatus = .conceptAmbtelijk
    @Option(
        name: .customLong("for"),
        help: help(
            "De wederhoorversie voor één instantie: alleen de passages en bevindingen over die instantie.",
            "The wederhoor version for one agency: only the passages and findings about it.")) var agency: String?
    @Option(
        help: help(
            "Map met eigen sjabloonbestanden (structuur, teksten, huisstijl); wat ontbreekt komt uit de meegeleverde.",
            "Folder with your own template files (structure, texts, house style); what is missing comes bundled."))
    var template: String?
    @Option(
        name: .customLong("report-lang"),
        help: help(
            "Taal van het rapport: nl of en (standaard die van de casus).",
            "Language of the report: nl or en (default the case's).")) var reportLanguage: Language?
    @Option(
        help: help(
            "Datum op het rapport, JJJJ-MM-DD (standaard vandaag); dezelfde datum geeft dezelfde bytes.",
            "Date on the report, YYYY-MM-DD (default today); the same date gives the same bytes.")) var date: String?
    @Option(
        name: .customLong("report-version"),
        help: help("Versie op het omslag, bijvoorbeeld 0.3.", "Version on the cover, e.g. 0.3.")) var reportVersion:
        String?
    @Option(
        help: help(
            "Schrijf het exportlogboek (wat is weggelaten of ontbreekt) ook naar dit bestand.",
            "Also write the export log (what was left out or is missing) to this file.")) var log: String?

    /// The bundled templates, overridden by CASUS_TEMPLATES (a folder like Templates/) and --template
    /// (a folder like Templates/rapport), file by file.
    func templates() -> TemplateLibrary { TemplateLibrary.forTerminal(reportFolder: template) }

    func reportDate() throws -> String {
        guard let date else { return Timestamp.now().day }
        guard let parsed = FuzzyDate(date), parsed.day != nil, !parsed.approximate else {
            throw CasusError(
                .invalidInput, nl: "--date verwacht een dag als 2025-03-14, niet '\(date)'.",
                en: "--date expects a day like 2025-03-14, not '\(date)'.")
        }
        return parsed.description
    }
}

/// Builds a report from a dossier and writes it in the requested format.
enum ReportExport {
    static func run(
        _ kind: ReportKind, caseId: String, options: ReportExportOptions, output: String?, context: Context
    ) throws {
        let format =
            try options.format.map { chosen in
                try ReportFormat(rawValue: chosen.rawValue)
                    ?? {
                        throw CasusError(
                            .invalidInput, nl: "Een rapport is md, html, odt, docx of pdf, niet \(chosen.rawValue).",
                            en: "A report is md, html, odt, docx or pdf, not \(chosen.rawValue).")
                    }()
            } ?? output.flatMap { ReportFormat(fileName: $0) }
            ?? {
                throw CasusError(
                    .invalidInput, nl: "Geef --format (md, html, odt, docx, pdf) of een --output met zo'n extensie.",
                    en: "Give --format (md, html, odt, docx, pdf) or an --output with such an extension.")
            }()
        if [.odt, .docx, .pdf].contains(format) && (output == nil || output == "-") && isatty(STDOUT_FILENO) == 1 {
            throw CasusError(
                .invalidInput, nl: "Een \(format.rawValue)-bestand hoort niet in de terminal: geef --output.",
                en: "A \(format.rawValue) file does not belong in the terminal: give --output.")
        }
        let reportOptions = ReportOptions(
            kind: kind, status: options.status, language: options.reportLanguage,
            date: try options.reportDate(), version: options.reportVersion, agencyId: options.agency)
        let (bytes, _, logWriter) = try context.casework().report(
            caseId, options: reportOptions, format: format, templates: options.templates())
        if let output, output != "-" {
            try AtomicFile.write(bytes, to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(bytes)
        }
        let logText = logWriter(context.language)
        if let path = options.log {
            try AtomicFile.write(
                Data(
                    (logText.isEmpty
                        ? context.t("Niets weggelaten, niets ontbreekt.", "Nothing left out, nothing missing.")
                        : logText).utf8 + [10]), to: URL(fileURLWithPath: path))
        }
        if !logText.isEmpty { Output.error(logText) }
        if let output, output != "-" {
            Output.error(context.t("Rapport geschreven naar \(output).", "Report written to \(output)."))
        }
    }

}
