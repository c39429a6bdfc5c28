import CasusDocuments
import Foundation

/// A run of text the linter treats as one unit: a paragraph, heading, quotation block or list item.
struct Block {
    enum Kind: UInt8 { case paragraph, heading, quote, listItem, code }
    var kind: Kind
    /// Byte offsets into the text, end exclusive.
    var start: Int
    var end: Int
}

/// An inline instruction such as `<!-- casus-lint disable-next-line NL.Stellingname: reden -->`.
struct Directive {
    enum Action: Equatable { case disableNextLine, disable, enable }
    var action: Action
    /// Rule ids or category names; empty means every rule.
    var targets: [String]
    var reason: String?
    /// Byte offset of the comment and its (0-based) line.
    var offset: Int
    var line: Int
}

/// The text the rules read: the source bytes with markup blanked out (so every offset still points
/// at the same place in the file), divided into blocks, with the line starts for positions.
struct PreparedText {
    let original: [UInt8]
    var masked: [UInt8]
    var blocks: [Block] = []
    var directives: [Directive] = []
    /// Byte offset where each line starts.
    let lineStarts: [Int]

    init(_ source: SourceText) {
        original = Array(source.text.utf8)
        masked = original
        var starts = [0]
        for (i, byte) in original.enumerated() where byte == 0x0A { starts.append(i + 1) }
        lineStarts = starts
        switch source.format {
        case .markdown: prepareMarkdown()
        case .plain: preparePlain()
        case .docx, .odt: prepareParagraphs(source.paragraphStyles)
        }
    }

    /// Line (1-based) and column (1-based, in Unicode scalars) of a byte offset in the source.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var i = lineStarts[low]
        while i < min(offset, original.count) {
            if original[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (low + 1, column)
    }

    /// The position of `offset`, counting on from a known earlier position.
    func position(of offset: Int, from known: (line: Int, column: Int, offset: Int)) -> (line: Int, column: Int) {
        guard known.offset <= offset else { return position(of: offset) }
        var line = known.line, column = known.column
        var i = known.offset
        let end = min(offset, original.count)
        while i < end {
            let byte = original[i]
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    /// The source text of a byte range.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: original[max(0, start)..<min(end, original.count)], as: UTF8.self)
    }

    /// The source text of a byte range on one line: line breaks become spaces.
    func flatText(_ start: Int, _ end: Int) -> String {
        let range = max(0, start)..<min(end, original.count)
        guard original[range].contains(0x0A) else { return String(decoding: original[range], as: UTF8.self) }
        return String(decoding: original[range].map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }

    /// The number of Unicode scalars in a byte range.
    func scalarCount(_ start: Int, _ end: Int) -> Int {
        var count = 0
        for i in max(0, start)..<min(end, original.count) where original[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    func lineRange(_ line: Int) -> (start: Int, end: Int) {
        let start = lineStarts[line]
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : original.count
        return (start, end)
    }

    // MARK: Markdown

    private mutating func prepareMarkdown() {
        // The lines whose inline markup is blanked after the pass over the lines (`InlineMarkup`).
        var inline: [Range<Int>] = []
        var fence: [UInt8]?
        var current: Block?
        var line = 0
        var inComment = false
        func close(_ current: inout Block?, into blocks: inout [Block]) {
            if let block = current, block.end > block.start { blocks.append(block) }
            current = nil
        }
        // Front matter between --- lines at the very start.
        if lineStarts.count > 1, lineText(0) == "---" {
            var l = 1
            while l < lineStarts.count, lineText(l) != "---" && lineText(l) != "..." { l += 1 }
            if l < lineStarts.count {
                blank(lineStarts[0], lineRange(l).end)
                line = l + 1
            }
        }
        while line < lineStarts.count {
            let (start, end) = lineRange(line)
            defer { line += 1 }
            if inComment {
                inComment = !scanComments(start, end, line: line, continuing: true)
                continue
            }
            let trimmedStart = firstNonSpace(start, end)
            let first = trimmedStart < end ? original[trimmedStart] : 0
            let isFence =
                (first == UInt8(ascii: "`") || first == UInt8(ascii: "~")) && trimmedStart + 2 < end
                && original[trimmedStart + 1] == first && original[trimmedStart + 2] == first
            // Fenced code.
            if let open = fence {
                blank(start, end)
                if isFence && first == open.first { fence = nil }
                continue
            }
            if isFence {
                close(&current, into: &blocks)
                fence = [first, first, first]
                blank(start, end)
                continue
            }
            // Comments may hold directives; they are blanked wherever they are.
            if original[start..<end].contains(0x3C) {
                inComment = !scanComments(start, end, line: line, continuing: false)
            }
            let rest = firstNonSpace(start, end)
            if rest >= end {
                close(&current, into: &blocks)
                continue
            }
            // Thematic breaks and setext underlines.
            if isRule(rest, end) {
                blank(start, end)
                close(&current, into: &blocks)
                continue
            }
            if rest - start >= 4 && current == nil {
                // Indented code block.
                blank(start, end)
                continue
            }
            if masked[rest] == UInt8(ascii: "#") {
                var hashes = rest
                while hashes < end, masked[hashes] == UInt8(ascii: "#") { hashes += 1 }
                if hashes - rest <= 6, hashes == end || masked[hashes] == 0x20 {
                    close(&current, into: &blocks)
                    blank(rest, hashes)
                    inline.append(hashes..<end)
                    blocks.append(Block(kind: .heading, start: hashes, end: end))
                    continue
                }
            }
            if masked[rest] == UInt8(ascii: ">") {
                var p = rest
                while p < end, masked[p] == UInt8(ascii: ">") || masked[p] == 0x20 { masked[p] = 0x20; p += 1 }
                if current?.kind != .quote {
                    close(&current, into: &blocks); current = Block(kind: .quote, start: p, end: end)
                }
                current?.end = end
                inline.append(p..<end)
                continue
            }
            if let marker = listMarkerEnd(rest, end) {
                close(&current, into: &blocks)
                blank(rest, marker)
                inline.append(marker..<end)
                current = Block(kind: .listItem, start: marker, end: end)
                continue
            }
            if masked[rest] == UInt8(ascii: "|") {
                close(&current, into: &blocks)
                for p in rest..<end where masked[p] == UInt8(ascii: "|") { masked[p] = 0x20 }
                inline.append(rest..<end)
                blocks.append(Block(kind: .paragraph, start: rest, end: end))
                continue
            }
            inline.append(rest..<end)
            if current == nil || current?.kind == .heading {
                close(&current, into: &blocks)
                current = Block(kind: .paragraph, start: rest, end: end)
            } else {
                current?.end = end
            }
        }
        if let block = current, block.end > block.start { blocks.append(block) }
        InlineMarkup.blank(inline, in: &masked)
        // A block that is only blanks after masking is dropped.
        blocks.removeAll { block in
            (block.start..<block.end).allSatisfy { masked[$0] == 0x20 || masked[$0] == 0x0A || masked[$0] == 0x09 }
        }
    }

    private func lineText(_ line: Int) -> String {
        let (start, end) = lineRange(line)
        return String(decoding: original[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    private func firstNonSpace(_ start: Int, _ end: Int) -> Int {
        var p = start
        while p < end, masked[p] == 0x20 || masked[p] == 0x09 { p += 1 }
        return p
    }

    private func isRule(_ start: Int, _ end: Int) -> Bool {
        let first = original[start]
        guard
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
                || first == UInt8(ascii: "=")
        else { return false }
        var count = 0
        for byte in original[start..<end] where byte != 0x20 {
            guard byte == first else { return false }
            count += 1
        }
        return count >= 3
    }

    private func listMarkerEnd(_ start: Int, _ end: Int) -> Int? {
        guard start < end else { return nil }
        let b = masked[start]
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") {
            return start + 1 < end && masked[start + 1] == 0x20 ? start + 2 : nil
        }
        var p = start
        while p < end, p - start < 3, masked[p] >= 0x30, masked[p] <= 0x39 { p += 1 }
        if p > start, p + 1 < end, masked[p] == UInt8(ascii: ".") || masked[p] == UInt8(ascii: ")"),
            masked[p + 1] == 0x20
        {
            return p + 2
        }
        return nil
    }

    mutating func blank(_ start: Int, _ end: Int) {
        for p in start..<min(end, masked.count) where masked[p] != 0x0A { masked[p] = 0x20 }
    }

    /// Blanks `<!-- … -->` comments on a line and reads directives from them. Returns whether
    /// every comment opened on the line was also closed there.
    private mutating func scanComments(_ start: Int, _ end: Int, line: Int, continuing: Bool) -> Bool {
        var p = start
        var openAt: Int? = continuing ? start : nil
        while p < end {
            if openAt == nil, p + 4 <= end, masked[p..<(p + 4)].elementsEqual(Array("<!--".utf8)) {
                openAt = p
                p += 4
                continue
            }
            if let opened = openAt, p + 3 <= end, masked[p..<(p + 3)].elementsEqual(Array("-->".utf8)) {
                let inner = String(
                    decoding: original[(opened + (continuing && opened == start ? 0 : 4))..<p], as: UTF8.self)
                if let directive = Directive.parse(inner, offset: opened, line: line) { directives.append(directive) }
                blank(opened, p + 3)
                openAt = nil
                p += 3
                continue
            }
            p += 1
        }
        if let opened = openAt { blank(opened, end); return false }
        return true
    }

    // MARK: Plain text and word-processor paragraphs

    private mutating func preparePlain() {
        var line = 0
        var current: Block?
        while line < lineStarts.count {
            let (start, end) = lineRange(line)
            _ = scanComments(start, end, line: line, continuing: false)
            if firstNonSpace(start, end) >= end {
                if let block = current { blocks.append(block) }
                current = nil
            } else if current == nil {
                current = Block(kind: .paragraph, start: start, end: end)
            } else {
                current?.end = end
            }
            line += 1
        }
        if let block = current { blocks.append(block) }
    }

    private mutating func prepareParagraphs(_ styles: [SourceText.ParagraphStyle]) {
        for line in 0..<lineStarts.count {
            let (start, end) = lineRange(line)
            _ = scanComments(start, end, line: line, continuing: false)
            guard firstNonSpace(start, end) < end else { continue }
            let style = line < styles.count ? styles[line] : .paragraph
            let kind: Block.Kind
            switch style {
            case .heading: kind = .heading
            case .quote: kind = .quote
            case .listItem: kind = .listItem
            case .paragraph: kind = .paragraph
            }
            blocks.append(Block(kind: kind, start: start, end: end))
        }
    }
}

extension Directive {
    /// Reads `casus-lint disable-next-line NL.A, NL.B: reason` and its siblings.
    static func parse(_ comment: String, offset: Int, line: Int) -> Directive? {
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.lowercased().hasPrefix("casus-lint") else { return nil }
        var rest = text.dropFirst("casus-lint".count).trimmingCharacters(in: .whitespaces)
        let words: [(String, Action)] = [
            ("disable-next-line", .disableNextLine), ("disable", .disable), ("enable", .enable),
        ]
        guard let (word, action) = words.first(where: { rest.lowercased().hasPrefix($0.0) }) else { return nil }
        rest = String(rest.dropFirst(word.count))
        var reason: String?
        if let colon = rest.firstIndex(of: ":") {
            let text = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            reason = text.isEmpty ? nil : text
            rest = String(rest[..<colon])
        }
        let targets = rest.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { !$0.isEmpty }
        return Directive(action: action, targets: targets, reason: reason, offset: offset, line: line)
    }
}

/// Inline Markdown markup blanked line by line: code spans, link targets, images, HTML tags, emphasis
/// markers, escapes. Each line only within itself, through the bytes' buffer: element by element
/// through `self` this cost a third of preparing a long text. (Blanking the lines on several cores
/// was measured slower: the lines are short.)
enum InlineMarkup {
    static func blank(_ lines: [Range<Int>], in masked: inout [UInt8]) {
        masked.withUnsafeMutableBufferPointer { bytes in
            for line in lines { blankLine(line.lowerBound, line.upperBound, bytes) }
        }
    }

    private static func blank(_ start: Int, _ end: Int, _ masked: UnsafeMutableBufferPointer<UInt8>) {
        for p in start..<min(end, masked.count) where masked[p] != 0x0A { masked[p] = 0x20 }
    }

    /// Blanks inline markup: code spans, link targets, images, HTML tags, emphasis markers, escapes.
    static func blankLine(_ start: Int, _ end: Int, _ masked: UnsafeMutableBufferPointer<UInt8>) {
        var p = start
        while p < end {
            let b = masked[p]
            switch b {
            case UInt8(ascii: "`"):
                var q = p + 1
                while q < end, masked[q] != UInt8(ascii: "`") { q += 1 }
                if q < end { blank(p, q + 1, masked); p = q + 1 } else { masked[p] = 0x20; p += 1 }
            case UInt8(ascii: "!") where p + 1 < end && masked[p + 1] == UInt8(ascii: "["):
                if let close = linkEnd(p + 1, end, masked) { blank(p, close, masked); p = close } else { p += 1 }
            case UInt8(ascii: "["):
                if p + 1 < end, masked[p + 1] == UInt8(ascii: "^") {
                    var q = p
                    while q < end, masked[q] != UInt8(ascii: "]") { q += 1 }
                    blank(p, min(q + 1, end), masked)
                    p = q + 1
                } else if let close = linkEnd(p, end, masked) {
                    masked[p] = 0x20
                    var q = p + 1
                    while q < close, masked[q] != UInt8(ascii: "]") { q += 1 }
                    blank(q, close, masked)
                    p = q
                } else {
                    p += 1
                }
            case UInt8(ascii: "<"):
                var q = p + 1
                while q < end, masked[q] != UInt8(ascii: ">"), q - p < 200 { q += 1 }
                let inner = q > p + 1 ? masked[p + 1] : 0
                if q < end,
                    inner == UInt8(ascii: "/") || (inner >= 0x61 && inner <= 0x7A) || (inner >= 0x41 && inner <= 0x5A)
                {
                    blank(p, q + 1, masked)
                    p = q + 1
                } else {
                    p += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                // Emphasis markers, not underscores or stars inside words.
                let before = p > start ? masked[p - 1] : 0x20
                let after = p + 1 < end ? masked[p + 1] : 0x20
                if b == UInt8(ascii: "*") || !isWordByte(before) || !isWordByte(after) { masked[p] = 0x20 }
                p += 1
            case UInt8(ascii: "\\") where p + 1 < end && masked[p + 1] < 0x80 && masked[p + 1] > 0x20:
                masked[p] = 0x20
                p += 2
            default:
                p += 1
            }
        }
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }

    /// For `[text](target)`, the offset just past `)`.
    private static func linkEnd(_ open: Int, _ end: Int, _ masked: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var q = open + 1
        var depth = 1
        while q < end, depth > 0 {
            if masked[q] == UInt8(ascii: "[") { depth += 1 }
            if masked[q] == UInt8(ascii: "]") { depth -= 1 }
            q += 1
        }
        guard depth == 0, q < end, masked[q] == UInt8(ascii: "(") else { return nil }
        var r = q + 1
        while r < end, masked[r] != UInt8(ascii: ")") { r += 1 }
        return r < end ? r + 1 : nil
    }

}
