import Foundation

/// A report as a tree that every writer renders: builders make it, writers never decide content.
public struct Document: Sendable, Equatable {
    public var meta: DocumentMeta
    public var style: HouseStyle
    public var blocks: [Block]

    public init(meta: DocumentMeta, style: HouseStyle = HouseStyle(), blocks: [Block] = []) {
        self.meta = meta
        self.style = style
        self.blocks = blocks
    }

    /// The document as one medium shows it: the figures meant only for another left out.
    public func shown(on medium: FigureMedium) -> Document {
        var copy = self
        copy.blocks = blocks.filter { block in
            guard case .figure(let figure) = block else { return true }
            return figure.medium == .all || figure.medium == medium
        }
        return copy
    }

    /// The headings, in order, for a table of contents.
    public var outline: [(level: Int, text: String, anchor: String)] {
        blocks.compactMap { block in
            if case .heading(let level, let text, let anchor) = block, level <= 3 {
                return (level, Inline.plain(text), anchor)
            }
            return nil
        }
    }
}

/// What the cover, the header and the footer say.
public struct DocumentMeta: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    /// "Concept voor ambtelijk wederhoor", printed on the cover and in every footer.
    public var status: String?
    public var version: String?
    /// The report date, `YYYY-MM-DD`; also the timestamp inside the files, so output is reproducible.
    public var date: String
    /// BCP 47: `nl` or `en`.
    public var language: String
    public var authors: [String]
    public var organisation: String?
    /// Extra lines on the cover (commissioner, coach, publication form).
    public var coverLines: [String]
    public var headerText: String?
    public var footerText: String?

    public init(
        title: String, subtitle: String? = nil, status: String? = nil, version: String? = nil, date: String,
        language: String,
        authors: [String] = [], organisation: String? = nil, coverLines: [String] = [], headerText: String? = nil,
        footerText: String? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.status = status
        self.version = version
        self.date = date
        self.language = language
        self.authors = authors
        self.organisation = organisation
        self.coverLines = coverLines
        self.headerText = headerText
        self.footerText = footerText
    }

    /// The date as a moment at noon UTC, for ZIP entries and document metadata.
    public var moment: Date {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents(timeZone: TimeZone(identifier: "UTC"), year: 2000, month: 1, day: 1, hour: 12)
        if parts.count == 3 { components.year = parts[0]; components.month = parts[1]; components.day = parts[2] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 946_728_000)
    }
}

/// The look of a report: fonts, colours and an optional logo. Templates set it; writers apply it.
public struct HouseStyle: Sendable, Equatable {
    public var bodyFont: String
    public var headingFont: String
    /// `#RRGGBB`, for headings and table headers.
    public var primaryColour: String
    /// `#RRGGBB`, for rules and the status band.
    public var accentColour: String
    public var logo: Logo?

    public struct Logo: Sendable, Equatable {
        public enum Kind: String, Sendable { case png, svg }
        public var kind: Kind
        public var data: Data
        public var widthMillimetres: Double
        public var heightMillimetres: Double
        public var alt: String

        public init(kind: Kind, data: Data, widthMillimetres: Double, heightMillimetres: Double, alt: String) {
            self.kind = kind
            self.data = data
            self.widthMillimetres = widthMillimetres
            self.heightMillimetres = heightMillimetres
            self.alt = alt
        }
    }

    public init(
        bodyFont: String = "Liberation Serif", headingFont: String = "Liberation Sans",
        primaryColour: String = "#1F3A5F",
        accentColour: String = "#B5472A", logo: Logo? = nil
    ) {
        self.bodyFont = bodyFont
        self.headingFont = headingFont
        self.primaryColour = primaryColour
        self.accentColour = accentColour
        self.logo = logo
    }
}

/// A block of a document.
public enum Block: Sendable, Equatable {
    /// Level 1–4, with a stable anchor for links and the table of contents.
    case heading(level: Int, text: [Inline], anchor: String)
    case paragraph([Inline])
    /// Someone's own words, with who said it and where it comes from.
    case quote(text: [Inline], speaker: String?, source: String?)
    case list(ordered: Bool, items: [[Inline]])
    case table(Table)
    case figure(Figure)
    /// Where the table of contents goes.
    case tableOfContents(title: String)
    /// Something the author still has to supply; shown so it cannot be missed.
    case gap(String)
    case pageBreak
}

/// Text within a block.
public enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case footnote([Inline])
    case lineBreak

    /// The text without markup or footnotes.
    public static func plain(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): text
            case .emphasis(let inner), .strong(let inner): plain(inner)
            case .footnote: ""
            case .lineBreak: " "
            }
        }.joined()
    }
}

/// A table with a header row; cells are inline text.
public struct Table: Sendable, Equatable {
    public var caption: String?
    public var header: [String]
    public var rows: [[[Inline]]]
    /// Relative column widths; empty for equal widths.
    public var widths: [Double]

    public init(caption: String? = nil, header: [String], rows: [[[Inline]]], widths: [Double] = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.widths = widths
    }

    /// A table of plain-text cells.
    public init(caption: String? = nil, header: [String], plainRows: [[String]], widths: [Double] = []) {
        self.init(caption: caption, header: header, rows: plainRows.map { $0.map { [.text($0)] } }, widths: widths)
    }
}

/// Where a figure is shown: everywhere, only in paged documents (ODT, DOCX, the PDF made from them, and
/// Markdown, which is for pandoc), or only on screen (HTML).
public enum FigureMedium: Sendable, Equatable {
    case all, paged, screen
}

/// A picture given as SVG, always with a text alternative.
public struct Figure: Sendable, Equatable {
    public var svg: String
    public var alt: String
    public var caption: String
    public var widthMillimetres: Double
    public var heightMillimetres: Double
    /// Wider than a page (a journey map): on screen it keeps its size and scrolls sideways.
    public var wide: Bool
    /// On a landscape page of its own in paged documents (ODT, and the PDF made from it).
    public var landscapePage: Bool
    public var medium: FigureMedium

    public init(
        svg: String, alt: String, caption: String, widthMillimetres: Double = 160, heightMillimetres: Double = 90,
        wide: Bool = false, landscapePage: Bool = false, medium: FigureMedium = .all
    ) {
        self.medium = medium
        self.wide = wide
        self.landscapePage = landscapePage
        self.svg = svg
        self.alt = alt
        self.caption = caption
        self.widthMillimetres = widthMillimetres
        self.heightMillimetres = heightMillimetres
    }
}
