import ArgumentParser
import CasusReports
import Foundation

extension TemplateLibrary {
    /// The bundled templates, overridden by CASUS_TEMPLATES (a folder like Templates/) and, for reports,
    /// by --template (a folder like Templates/rapport).
    static func forTerminal(reportFolder: String? = nil) -> TemplateLibrary {
        TemplateLibrary(
            root: ProcessInfo.processInfo.environment["CASUS_TEMPLATES"].map { URL(fileURLWithPath: $0) },
            reportFolder: reportFolder.map { URL(fileURLWithPath: $0) })
    }
}

/// The bundled templates: list them, or copy them into a folder to adapt the house style or texts.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: say(
            "De meegeleverde sjablonen: tonen, of kopiëren om aan te passen.",
            "The bundled templates: list them, or copy them to adapt."),
        discussion: say(
            """
            Een map met eigen sjabloonbestanden gaat voor de meegeleverde, bestand voor bestand: zet CASUS_TEMPLATES
            op die map (zelfde indeling: rapport/, klantreis/) of geef export --template <map>/rapport.
            """,
            """
            A folder with your own template files goes before the bundled ones, file by file: set CASUS_TEMPLATES
            to that folder (same layout: rapport/, klantreis/) or give export --template <folder>/rapport.
            """),
        subcommands: [List.self, Copy.self])

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: say(
                "Toon elk sjabloonbestand en waar het vandaan komt.",
                "Show every template file and where it comes from."))
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws {
            let library = TemplateLibrary.forTerminal()
            for path in TemplateLibrary.bundledFiles() {
                let url = library.url(path)
                let bundled = url?.path.hasPrefix(TemplateLibrary.bundled.path) ?? true
                print(path + "  " + (bundled ? context.t("(meegeleverd)", "(bundled)") : (url?.path ?? "")))
            }
        }
    }

    struct Copy: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: say(
                "Kopieer de meegeleverde sjablonen naar een map; bestaande bestanden blijven staan.",
                "Copy the bundled templates into a folder; existing files stay as they are."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: help("De map.", "The folder.")) var folder: String

        func execute(_ context: Context) throws {
            let written = try TemplateLibrary.copyBundled(to: URL(fileURLWithPath: folder))
            for path in written { print(path) }
            Output.error(
                context.t(
                    "\(written.count) bestand(en) gekopieerd. Gebruik de map met CASUS_TEMPLATES=\(folder).",
                    "\(written.count) file(s) copied. Use the folder with CASUS_TEMPLATES=\(folder)."))
        }
    }
}
