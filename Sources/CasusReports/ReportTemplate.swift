import CasusCore
import CasusDocuments
import Foundation
import Mustache
import Yams

/// The two reports casus writes.
public enum ReportKind: String, CaseIterable, Sendable {
    /// The case description: colophon, the case in short, the narrative, timeline, quotes, consent basis.
    case casusbeschrijving
    /// The outside-in report for a rekenkamer.
    case outsideIn = "outside-in"
}

/// Where a report is in its life: the two wederhoor drafts, then the final version.
public enum ReportStatus: String, CaseIterable, Sendable {
    case conceptAmbtelijk = "concept-ambtelijk"
    case conceptBestuurlijk = "concept-bestuurlijk"
    case definitief
}

/// What a section of a report holds. Builders know these; a template orders, titles and introduces them.
public enum SectionContent: String, CaseIterable, Sendable {
    case colofon, inhoudsopgave, casusKort = "casus-kort", samenvatting, leeswijzer, verantwoording, verhaal, klantreis,
        tijdlijn
    case citaten, grondslag, feiten, knelpunten, leervragen, dilemmas, reacties, nawoord, bronnen, gesprekspartners,
        wederhoorlog, begrippen
    /// Only the section's own standard text.
    case tekst
}

/// A text in both languages, with `{{placeholders}}` (Mustache) filled from the dossier.
public struct TemplateText: Sendable {
    let nl: MustacheTemplate
    let en: MustacheTemplate

    func render(_ language: Language, _ values: [String: Any]) -> String {
        (language == .en ? en : nl).render(values).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One section of a report template.
public struct TemplateSection: Sendable {
    public let content: SectionContent
    let heading: TemplateText?
    let text: TemplateText?
    /// 1 for a chapter, 2 for a section within the previous chapter.
    public let level: Int
}

/// A report template: structure, standard texts and house style (see `TemplateLibrary`).
/// Errors name the file and the line, so a rekenkamer can adapt a copy without reading code.
public struct ReportTemplate: Sendable {
    public let kind: ReportKind
    let title: TemplateText
    let subtitle: TemplateText?
    let footer: TemplateText?
    let statusLabels: [ReportStatus: TemplateText]
    public let sections: [TemplateSection]
    let glossary: [(term: TemplateText, explanation: TemplateText)]
    public let style: HouseStyle
    let organisation: String?
    public let file: URL

    /// Loads `<folder>/<kind>.yml` and `<folder>/huisstijl.yml`.
    public static func load(_ kind: ReportKind, from folder: URL) throws -> ReportTemplate {
        let styleFile = folder.appendingPathComponent("huisstijl.yml")
        return try load(
            kind, file: folder.appendingPathComponent("\(kind.rawValue).yml"),
            style: FileManager.default.fileExists(atPath: styleFile.path) ? styleFile : nil)
    }

    /// Loads a report structure and, when given, a house style (a logo is found beside the style file).
    public static func load(_ kind: ReportKind, file: URL, style styleFile: URL?) throws -> ReportTemplate {
        let root = try TemplateFile(url: file)
        let (style, organisation) =
            try styleFile.map { try houseStyle(TemplateFile(url: $0), folder: $0.deletingLastPathComponent()) }
            ?? (HouseStyle(), nil)
        guard let declared = root.node["rapport"]?.string, declared == kind.rawValue else {
            throw root.error(
                root.node, nl: "'rapport: \(kind.rawValue)' ontbreekt of klopt niet",
                en: "'rapport: \(kind.rawValue)' is missing or wrong")
        }
        var statusLabels: [ReportStatus: TemplateText] = [:]
        if let mapping = root.node["status"]?.mapping {
            for (key, value) in mapping {
                guard let status = ReportStatus(rawValue: key.string ?? "") else {
                    throw root.error(
                        key,
                        nl:
                            "onbekende status '\(key.string ?? "")'; kies uit \(ReportStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                        en:
                            "unknown status '\(key.string ?? "")'; choose from \(ReportStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                statusLabels[status] = try root.text(value)
            }
        }
        guard let list = root.node["secties"]?.sequence, !list.isEmpty else {
            throw root.error(root.node, nl: "'secties' ontbreekt of is leeg", en: "'secties' is missing or empty")
        }
        var sections: [TemplateSection] = []
        for item in list {
            guard item.mapping != nil else {
                throw root.error(
                    item, nl: "een sectie is een lijst van sleutels (inhoud, kop, tekst)",
                    en: "a section is a map of keys (inhoud, kop, tekst)")
            }
            guard let name = item["inhoud"]?.string else {
                throw root.error(item, nl: "de sectie heeft geen 'inhoud'", en: "the section has no 'inhoud'")
            }
            guard let content = SectionContent(rawValue: name) else {
                throw root.error(
                    item["inhoud"] ?? item,
                    nl:
                        "onbekende inhoud '\(name)'; kies uit \(SectionContent.allCases.map(\.rawValue).joined(separator: ", "))",
                    en:
                        "unknown content '\(name)'; choose from \(SectionContent.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let heading = try item["kop"].map(root.text)
            let text = try item["tekst"].map(root.text)
            if content == .tekst && text == nil {
                throw root.error(
                    item, nl: "een sectie met 'inhoud: tekst' heeft een 'tekst' nodig",
                    en: "a section with 'inhoud: tekst' needs a 'tekst'")
            }
            let level = item["niveau"]?.int ?? 1
            guard (1...2).contains(level) else {
                throw root.error(item["niveau"] ?? item, nl: "niveau is 1 of 2", en: "niveau is 1 or 2")
            }
            sections.append(TemplateSection(content: content, heading: heading, text: text, level: level))
        }
        var glossary: [(TemplateText, TemplateText)] = []
        for entry in root.node["begrippen"]?.sequence ?? [] {
            guard let term = entry["term"], let explanation = entry["uitleg"] else {
                throw root.error(
                    entry, nl: "een begrip heeft 'term' en 'uitleg'", en: "a glossary entry has 'term' and 'uitleg'")
            }
            glossary.append((try root.text(term), try root.text(explanation)))
        }
        guard let titleNode = root.node["titel"] else {
            throw root.error(root.node, nl: "'titel' ontbreekt", en: "'titel' is missing")
        }
        return ReportTemplate(
            kind: kind, title: try root.text(titleNode), subtitle: try root.node["ondertitel"].map(root.text),
            footer: try root.node["voettekst"].map(root.text), statusLabels: statusLabels, sections: sections,
            glossary: glossary, style: style, organisation: organisation, file: file)
    }

    static func houseStyle(_ file: TemplateFile, folder: URL) throws -> (HouseStyle, String?) {
        var style = HouseStyle()
        let node = file.node
        if let font = node["lettertype"]?.string { style.bodyFont = font }
        if let font = node["koplettertype"]?.string { style.headingFont = font }
        for (key, minimum) in [("hoofdkleur", 4.5), ("accentkleur", 3.0)] {
            guard let value = node[key] else { continue }
            guard let colour = value.string, let ratio = Contrast.ratioOnWhite(colour) else {
                throw file.error(
                    value, nl: "\(key) is geen kleur als #1F3A5F", en: "\(key) is not a colour like #1F3A5F")
            }
            guard ratio >= minimum else {
                throw file.error(
                    value,
                    nl: String(
                        format:
                            "\(key) \(colour) heeft op wit een contrast van %.1f:1; WCAG 2.1 AA vraagt minstens %.1f:1",
                        ratio, minimum),
                    en: String(
                        format: "\(key) \(colour) has a contrast of %.1f:1 on white; WCAG 2.1 AA asks at least %.1f:1",
                        ratio, minimum))
            }
            if key == "hoofdkleur" {
                style.primaryColour = colour.uppercased()
            } else {
                style.accentColour = colour.uppercased()
            }
        }
        if let logoNode = node["logo"], let path = logoNode.string, !path.isEmpty {
            let url = folder.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw file.error(
                    logoNode, nl: "het logo '\(path)' bestaat niet (naast huisstijl.yml)",
                    en: "the logo '\(path)' does not exist (beside huisstijl.yml)")
            }
            let width = node["logo-breedte-mm"]?.float ?? 40
            let alt = node["logo-tekst"]?.string ?? ""
            guard !alt.isEmpty else {
                throw file.error(
                    logoNode, nl: "geef het logo een 'logo-tekst' (tekstalternatief)",
                    en: "give the logo a 'logo-tekst' (text alternative)")
            }
            if url.pathExtension.lowercased() == "png" {
                guard let size = PNGSize.read(data) else {
                    throw file.error(
                        logoNode, nl: "'\(path)' is geen leesbaar PNG-bestand",
                        en: "'\(path)' is not a readable PNG file")
                }
                style.logo = HouseStyle.Logo(
                    kind: .png, data: data, widthMillimetres: width,
                    heightMillimetres: width * Double(size.height) / Double(size.width), alt: alt)
            } else if url.pathExtension.lowercased() == "svg" {
                let height = node["logo-hoogte-mm"]?.float ?? width / 3
                style.logo = HouseStyle.Logo(
                    kind: .svg, data: data, widthMillimetres: width, heightMillimetres: height, alt: alt)
            } else {
                throw file.error(
                    logoNode, nl: "het logo moet een .png of .svg zijn", en: "the logo must be a .png or .svg")
            }
        }
        return (style, node["organisatie"]?.string)
    }

    func statusLabel(_ status: ReportStatus, _ language: Language, _ values: [String: Any]) -> String {
        if let label = statusLabels[status] { return label.render(language, values) }
        switch status {
        case .conceptAmbtelijk:
            return language == .en ? "Draft for factual check by officials" : "Concept voor ambtelijk wederhoor"
        case .conceptBestuurlijk:
            return language == .en ? "Draft for the executive's response" : "Concept voor bestuurlijk wederhoor"
        case .definitief: return language == .en ? "Final" : "Definitief"
        }
    }
}

/// A parsed YAML template file that can say where in itself something is wrong.
struct TemplateFile {
    let url: URL
    let node: Node

    init(url: URL) throws {
        self.url = url
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CasusError(
                .cannotRead, nl: "Het sjabloon \(url.path) bestaat niet of is onleesbaar.",
                en: "The template \(url.path) does not exist or cannot be read.")
        }
        guard data.count <= InputLimits.yamlBytes else {
            throw CasusError(
                .invalidInput, nl: "Het sjabloon \(url.path) is groter dan \(InputLimits.yamlBytes / 1_048_576) MB.",
                en: "The template \(url.path) is larger than \(InputLimits.yamlBytes / 1_048_576) MB.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CasusError(
                .invalidInput, nl: "Het sjabloon \(url.path) is geen UTF-8-tekst.",
                en: "The template \(url.path) is not UTF-8 text.")
        }
        do {
            guard let node = try Yams.compose(yaml: text), node.mapping != nil else {
                throw CasusError(
                    .invalidInput, nl: "Het sjabloon \(url.path) is leeg of geen lijst van sleutels.",
                    en: "The template \(url.path) is empty or not a map of keys.")
            }
            self.node = node
        } catch let error as YamlError {
            throw CasusError(
                .invalidInput, nl: "Het sjabloon \(url.path) is geen geldige YAML: \(error)",
                en: "The template \(url.path) is not valid YAML: \(error)")
        }
    }

    func error(_ node: Node, nl: String, en: String) -> CasusError {
        let line = node.mark.map { ", regel \($0.line)" } ?? ""
        let lineEn = node.mark.map { ", line \($0.line)" } ?? ""
        return CasusError(
            .invalidInput, nl: "Sjabloon \(url.path)\(line): \(nl).", en: "Template \(url.path)\(lineEn): \(en).")
    }

    /// A text: one string for both languages, or `nl:` and `en:`.
    func text(_ node: Node) throws -> TemplateText {
        func compile(_ value: Node?) throws -> MustacheTemplate? {
            guard let value else { return nil }
            guard let string = value.string else { throw error(value, nl: "hier hoort tekst", en: "text belongs here") }
            do {
                return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + string)
            } catch {
                throw self.error(
                    value, nl: "de {{…}}-plaatshouders kloppen niet (\(error))",
                    en: "the {{…}} placeholders are wrong (\(error))")
            }
        }
        if node.mapping != nil {
            guard let nl = try compile(node["nl"]) else {
                throw error(node, nl: "de Nederlandse tekst ('nl:') ontbreekt", en: "the Dutch text ('nl:') is missing")
            }
            return TemplateText(nl: nl, en: try compile(node["en"]) ?? nl)
        }
        let both = try compile(node)!
        return TemplateText(nl: both, en: both)
    }
}

/// WCAG 2.1 contrast of a colour against white.
public enum Contrast {
    public static func ratioOnWhite(_ hex: String) -> Double? {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return 1.05 / (luminance + 0.05)
    }
}

/// The pixel size of a PNG, from its header.
enum PNGSize {
    static func read(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func be32(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let width = be32(16), height = be32(20)
        return width > 0 && height > 0 ? (width, height) : nil
    }
}
