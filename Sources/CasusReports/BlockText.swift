import CasusCore
import CasusDocuments
import Foundation

/// Reading and rewriting the text inside document blocks.
enum BlockText {
    static func plain(_ block: Block) -> String {
        switch block {
        case .heading(_, let text, _), .paragraph(let text): return Inline.plain(text)
        case .quote(let text, let speaker, let source):
            return ([Inline.plain(text)] + [speaker, source].compactMap { $0 }).joined(separator: " ")
        case .list(_, let items): return items.map(Inline.plain).joined(separator: " ")
        case .table(let table):
            return (table.header + table.rows.flatMap { $0.map(Inline.plain) }).joined(separator: " ")
        case .figure(let figure): return figure.alt + " " + figure.caption
        case .gap(let text), .tableOfContents(let text): return text
        case .pageBreak: return ""
        }
    }

    /// The block with `needle` replaced in one text run (case-insensitive), or nil if no single run holds it.
    static func replacing(_ needle: String, with replacement: String, in block: Block) -> Block? {
        var found = false
        let result = mapText(block) { text in
            guard !found, let range = text.range(of: needle, options: [.caseInsensitive]) else { return text }
            found = true
            return text.replacingCharacters(in: range, with: replacement)
        }
        return found ? result : nil
    }

    /// Applies `transform` to every piece of text in a block.
    static func mapText(_ block: Block, _ transform: (String) -> String) -> Block {
        func inline(_ items: [Inline]) -> [Inline] {
            items.map { item in
                switch item {
                case .text(let text): return .text(transform(text))
                case .emphasis(let inner): return .emphasis(inline(inner))
                case .strong(let inner): return .strong(inline(inner))
                case .footnote(let inner): return .footnote(inline(inner))
                case .lineBreak: return .lineBreak
                }
            }
        }
        switch block {
        case .heading(let level, let text, let anchor):
            return .heading(level: level, text: inline(text), anchor: anchor)
        case .paragraph(let text): return .paragraph(inline(text))
        case .quote(let text, let speaker, let source):
            return .quote(text: inline(text), speaker: speaker.map(transform), source: source.map(transform))
        case .list(let ordered, let items): return .list(ordered: ordered, items: items.map(inline))
        case .table(var table):
            table.header = table.header.map(transform)
            table.caption = table.caption.map(transform)
            table.rows = table.rows.map { $0.map(inline) }
            return .table(table)
        case .figure(var figure):
            figure.alt = transform(figure.alt)
            figure.caption = transform(figure.caption)
            return .figure(figure)
        case .gap(let text): return .gap(transform(text))
        case .tableOfContents(let title): return .tableOfContents(title: transform(title))
        case .pageBreak: return .pageBreak
        }
    }
}

/// For a case published anonymised: every pseudonym becomes a description of the person's role.
struct Anonymiser {
    let replacements: [(name: String, label: String)]

    init(dossier: Dossier, language: Language) {
        let en = language == .en
        replacements = dossier.participants.map { person in
            let label: String
            switch person.role {
            case .eindgebruiker:
                switch person.endUserKind ?? .burger {
                case .burger: label = en ? "the resident" : "de bewoner"
                case .ondernemer: label = en ? "the entrepreneur" : "de ondernemer"
                case .professional: label = en ? "the professional" : "de professional"
                }
            case .omgeving:
                label =
                    person.relation.map { en ? "her \($0)" : "haar \($0)" }
                    ?? (en ? "someone around her" : "iemand uit haar omgeving")
            case .medewerker:
                let agency = person.agencyId.flatMap(dossier.agency)?.name
                label =
                    (en ? "a staff member" : "een medewerker") + (agency.map { en ? " of \($0)" : " van \($0)" } ?? "")
            }
            return (person.pseudonym, label)
        }.sorted { $0.name.count > $1.name.count }
    }

    func apply(_ document: Document) -> Document {
        var result = document
        result.blocks = document.blocks.map { BlockText.mapText($0, replace) }
        result.meta.title = replace(document.meta.title)
        result.meta.subtitle = document.meta.subtitle.map(replace)
        return result
    }

    func replace(_ text: String) -> String {
        var out = text
        for (name, label) in replacements where name.count >= 2 { out = Self.replaceWord(name, with: label, in: out) }
        return out
    }

    /// Replaces whole-word occurrences only (a pseudonym inside a longer word stays).
    static func replaceWord(_ word: String, with replacement: String, in text: String) -> String {
        var out = ""
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == rest.startIndex ? (out.last) : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
            out += rest[..<range.lowerBound]
            let isWord = !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
            out += isWord ? replacement : String(rest[range])
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
