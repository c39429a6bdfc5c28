import ArgumentParser
import CasusApp
import CasusCore
import CasusJourney
import CasusReports
import CasusStore
import Foundation

extension JourneyFormat: ExpressibleByArgument {}

extension JourneyView: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

struct JourneyCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: say(
            "De klantreiskaart: de weg van de eindgebruiker langs alle instanties, uit tijdlijn, overdrachten en bevindingen.",
            "The customer-journey map: the end user's path through every agency, from timeline, hand-offs and findings."
        ),
        discussion: say(
            """
            Weergaven: overview (wat de eindgebruiker zag, met de beleving), blueprint (ook achter de schermen, overdrachten, bewijs,
            knelpunten), agency:<id> (het deel van één instantie, voor het wederhoor). Soorten knelpunten staan in
            Templates/klantreis/knelpunten.yml. Alleen pseudoniemen; citaten alleen met toestemming.
            """,
            """
            Views: overview (what the end user saw, with the experience), blueprint (also backstage, hand-offs, evidence,
            bottlenecks), agency:<id> (one agency's slice, for the wederhoor). Kinds of bottleneck are in
            Templates/klantreis/knelpunten.yml. Pseudonyms only; quotes only with consent.
            """))
    @OptionGroup var global: GlobalOptions
    @Argument(help: help("Id van de casus.", "Id of the case.")) var caseId: String
    @Option(
        help: help(
            "svg, html, mermaid of csv; anders afgeleid van --output, of svg.",
            "svg, html, mermaid or csv; else taken from --output, or svg.")) var format: JourneyFormat?
    @Option(help: help("overview, blueprint of agency:<id>.", "overview, blueprint or agency:<id>.")) var view:
        JourneyView = .blueprint
    @Option(
        name: [.short, .long],
        help: help("Schrijf naar dit bestand (anders standaarduitvoer).", "Write to this file (else standard output)."))
    var output: String?
    @Option(
        name: .customLong("map-lang"),
        help: help(
            "Taal van de kaart: nl of en (standaard die van de casus).",
            "Language of the map: nl or en (default the case's).")) var mapLanguage: Language?
    @Option(
        help: help(
            "Bestand met de soorten knelpunten (standaard de meegeleverde klantreis/knelpunten.yml).",
            "File with the kinds of bottleneck (default the bundled klantreis/knelpunten.yml).")) var knelpunten:
        String?

    func execute(_ context: Context) throws {
        let chosen = format ?? output.flatMap { JourneyFormat(fileName: $0) } ?? .svg
        let (text, omitted) = try context.casework().journey(
            caseId, view: view, format: chosen, language: mapLanguage,
            catalogue: try knelpunten.map { try KnelpuntCatalogue.load(URL(fileURLWithPath: $0)) },
            templates: .forTerminal())
        if let output, output != "-" {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output))
            Output.error(context.t("Klantreis geschreven naar \(output).", "Journey written to \(output)."))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if !omitted.isEmpty {
            Output.error(
                context.t("Weggelaten (toestemming):", "Left out (consent):") + "\n"
                    + omitted.map { "  - " + context.t($0) }.joined(separator: "\n"))
        }
    }
}
