import ArgumentParser
import CasusApp
import CasusCore
import CasusStore
import Foundation

/// Finds the sample dossiers shipped with casus.
enum Samples {
    /// `CASUS_SAMPLES`, `./Samples`, or `Samples` beside the source tree the binary was built in.
    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        ProjectFolder.find("Samples", override: environment["CASUS_SAMPLES"]) { url in
            (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.contains { $0.hasSuffix(".json") } == true
        }
    }

    static func files(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasSuffix(".keys.json") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Imports every sample not yet in the store; returns the ids imported.
    static func load(into store: DossierStore, context: Context) throws -> [String] {
        guard let folder = folder() else {
            throw CasusError(
                .cannotRead,
                nl: "Kan de map Samples niet vinden. Start casus vanuit de projectmap of zet CASUS_SAMPLES.",
                en: "Cannot find the Samples folder. Run casus from the project folder or set CASUS_SAMPLES.")
        }
        var imported: [String] = []
        for url in files(in: folder) {
            let file = try DossierFile.decode(try ImportCommand.read(url.path))
            if try store.caseExists(file.dossier.casus.id) { continue }
            try store.importFile(file)
            imported.append(file.dossier.casus.id)
        }
        return imported
    }
}

struct InitCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: say(
            "Een dossieropslag aanmaken (eventueel met de voorbeelddossiers).",
            "Create a dossier store (optionally with the sample dossiers)."))

    @OptionGroup var global: GlobalOptions
    @Flag(
        help: help("Lees ook de voorbeelddossiers uit Samples/ in.", "Also import the sample dossiers from Samples/."))
    var samples = false

    func execute(_ context: Context) throws {
        let existed = Workspace(folder: context.storeFolder).exists
        let store = try context.store(create: true)
        context.print(
            existed
                ? "De opslag bestond al: \(store.workspace.folder.path)"
                : "Opslag aangemaakt: \(store.workspace.folder.path)",
            existed
                ? "The store existed already: \(store.workspace.folder.path)"
                : "Store created: \(store.workspace.folder.path)")
        context.print(
            "Sleutelkluis (echte namen, apart bewaren): \(context.vault.url.path)",
            "Key vault (real names, keep apart): \(context.vault.url.path)")
        if samples {
            let imported = try Samples.load(into: store, context: context)
            context.print(
                "Voorbeelddossiers ingelezen: \(imported.isEmpty ? "geen nieuwe" : imported.joined(separator: ", "))",
                "Sample dossiers imported: \(imported.isEmpty ? "none new" : imported.joined(separator: ", "))")
        }
    }
}

struct DemoCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: say(
            "Maak de standaardopslag met de voorbeelddossiers aan en laat een rondleiding zien.",
            "Set up the default store with the sample dossiers and show a tour."))

    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws {
        let store = try context.store(create: true)
        let imported = try Samples.load(into: store, context: context)
        let cases = try store.caseSummaries()
        context.print(
            "casus — opslag in \(store.workspace.folder.path)", "casus — store in \(store.workspace.folder.path)")
        if !imported.isEmpty {
            context.print(
                "Voorbeelddossiers ingelezen: \(imported.joined(separator: ", "))",
                "Sample dossiers imported: \(imported.joined(separator: ", "))")
        }
        print("")
        context.print("== De casussen (casus case list) ==", "== The cases (casus case list) ==")
        Output.table(
            ["ID", context.t("GEBEURT.", "EVENTS"), context.t("TITEL", "TITLE")],
            cases.map { [$0.id, String($0.events), $0.title] })
        guard let first = cases.first(where: { $0.id == "boete-schuldhulp" }) ?? cases.first else { return }
        let dossier = try store.dossier(first.id)
        print("")
        context.print("== Eén casus (casus case show \(first.id)) ==", "== One case (casus case show \(first.id)) ==")
        CaseOverview(dossier: dossier, context: context).print()
        print("")
        context.print(
            "== De eerste gebeurtenissen (casus event list \(first.id)) ==",
            "== The first events (casus event list \(first.id)) ==")
        for event in dossier.chronologicalEvents.prefix(5) {
            print(
                "  \(event.date?.description ?? "?")  \(dossier.name(of: event.actor)): \(Output.short(event.what, 80))"
            )
        }
        print("")
        context.print(
            "== Waar de casus staat (casus status \(first.id)) ==",
            "== Where the case stands (casus status \(first.id)) ==")
        let (status, _) = try RouteStatus.evaluate(dossier)
        for step in status.steps { StatusPrinter(context: context).printStepLine(step) }
        print("")
        context.print("== Zoeken (casus search gijzeling) ==", "== Search (casus search gijzeling) ==")
        for hit in try store.search("gijzeling", limit: 3) {
            print("  \(hit.caseId) \(hit.kind) \(hit.ref): \(hit.excerpt)")
        }
        print("")
        context.print(
            "Verder: `swift run casus next` begint een nieuwe casus, stap voor stap; `swift run casus --help`; de gidsen in Guides/.",
            "Next: `swift run casus next` starts a new case, step by step; `swift run casus --help`; the guides in Guides/."
        )
    }
}
