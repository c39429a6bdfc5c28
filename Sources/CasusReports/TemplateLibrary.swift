import CasusCore
import CasusJourney
import Foundation

/// The templates that ship with casus (report structures, house style, the knelpunt catalogue, the
/// information letter), bundled as resources, and folders that override them file by file.
///
/// A team that wants its own house style copies only `rapport/huisstijl.yml` into its folder; every
/// file it leaves out comes from the bundled set.
public struct TemplateLibrary: Sendable {
    /// A folder laid out like the bundled one (`rapport/`, `klantreis/`), searched first.
    public let root: URL?
    /// A folder with report files (`outside-in.yml`, `huisstijl.yml`), searched before `root`.
    public let reportFolder: URL?

    public init(root: URL? = nil, reportFolder: URL? = nil) {
        self.root = root
        self.reportFolder = reportFolder
    }

    /// The bundled templates.
    public static var bundled: URL {
        Bundle.module.resourceURL?.appendingPathComponent("Templates")
            ?? Bundle.module.bundleURL.appendingPathComponent("Templates")
    }

    /// Every bundled file, as paths relative to the bundled folder, sorted.
    public static func bundledFiles() -> [String] {
        let base = bundled.standardizedFileURL.path
        let walker = FileManager.default.enumerator(at: bundled, includingPropertiesForKeys: [.isRegularFileKey])
        return
            (walker?.compactMap { item -> String? in
                guard let url = item as? URL,
                    (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
                else { return nil }
                return String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            } ?? []).sorted()
    }

    /// Where `path` (e.g. `rapport/huisstijl.yml`) comes from: an override when one has it, else the
    /// bundled file; nil when neither has it.
    public func url(_ path: String) -> URL? {
        var candidates: [URL] = []
        if let reportFolder, path.hasPrefix("rapport/") {
            candidates.append(reportFolder.appendingPathComponent(String(path.dropFirst("rapport/".count))))
        }
        if let root { candidates.append(root.appendingPathComponent(path)) }
        candidates.append(Self.bundled.appendingPathComponent(path))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The report template of `kind` with its house style.
    public func report(_ kind: ReportKind) throws -> ReportTemplate {
        guard let file = url("rapport/\(kind.rawValue).yml") else {
            throw CasusError(
                .cannotRead, nl: "Er is geen sjabloon voor het rapport '\(kind.rawValue)'.",
                en: "There is no template for the report '\(kind.rawValue)'.")
        }
        return try ReportTemplate.load(kind, file: file, style: url("rapport/huisstijl.yml"))
    }

    /// The catalogue of knelpunt types, with labels in both languages.
    public func knelpunten() throws -> KnelpuntCatalogue {
        guard let file = url("klantreis/knelpunten.yml") else { return KnelpuntCatalogue() }
        return try KnelpuntCatalogue.load(file)
    }

    /// The information letter for a person taking part, in `language` (Dutch when there is no other).
    public func informationLetter(_ language: Language) -> URL? {
        url("informatiebrief-\(language.rawValue).md") ?? url("informatiebrief-nl.md")
    }

    /// Copies the bundled templates into `folder` to adapt them; existing files are left alone.
    /// Returns the paths written.
    public static func copyBundled(to folder: URL) throws -> [String] {
        var written: [String] = []
        for path in bundledFiles() {
            let target = folder.appendingPathComponent(path)
            guard !FileManager.default.fileExists(atPath: target.path) else { continue }
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: bundled.appendingPathComponent(path), to: target)
            written.append(path)
        }
        return written
    }
}
