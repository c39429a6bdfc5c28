import Foundation

/// One word, number or punctuation mark, found once per text and shared by every rule.
struct Token {
    enum Kind: UInt8 { case word, number, punctuation, quote, ellipsis, dash }

    struct Flags: OptionSet {
        let rawValue: UInt8
        static let capitalized = Flags(rawValue: 1)
        static let inQuote = Flags(rawValue: 2)
        static let abbreviation = Flags(rawValue: 4)
        static let quoteMark = Flags(rawValue: 8)
        static let opensQuote = Flags(rawValue: 16)
        static let closesQuote = Flags(rawValue: 32)
    }

    /// Which quotation mark a `.quote` token is.
    enum Mark: UInt8 {
        case none, straightDouble, openDouble, closeDouble, lowDouble, straightSingle, openSingle, closeSingle,
            openGuillemet, closeGuillemet, openSingleGuillemet, closeSingleGuillemet
    }

    var start: Int32
    var end: Int32
    var kind: Kind
    var flags: Flags = []
    var mark: Mark = .none
    /// For punctuation: the ASCII character (`.`, `?`, `,` …), else 0.
    var ascii: UInt8 = 0
    /// Where the lower-case form lies in the analysis's `lowered` bytes: words, numbers and ASCII
    /// punctuation have one; quotation marks and other symbols have none. Offsets, not a String, so a
    /// token is plain data: arrays of tokens are copied and read without reference counting.
    var lowerStart: Int32 = 0
    var lowerCount: UInt16 = 0

    var isWord: Bool { kind == .word }
    var inQuote: Bool { flags.contains(.inQuote) }
}

/// Splits text into tokens: words keep inner apostrophes and hyphens (`zo'n`, `auto's`,
/// `Wmo-consulent`), numbers keep their separators (`1.200`, `3,5`, `2021-03-15`), known
/// abbreviations keep their dots (`o.a.`, `bijv.`), and quotation marks are told apart from apostrophes.
struct Tokenizer {
    let abbreviations: Set<String>
    /// Bytes of a word's lower-case form that are kept.
    static let longestWord = 96

    /// Adds the tokens of `bytes[start..<end]` to `tokens`, and their lower-case forms to `lowered`.
    func tokenize(_ bytes: [UInt8], from start: Int, to end: Int, into tokens: inout [Token], lowered: inout [UInt8]) {
        var p = start
        while p < end {
            let b = bytes[p]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { p += 1; continue }
            if b < 0x80 {
                if isASCIILetter(b) { p = word(bytes, p, end, &tokens, &lowered); continue }
                if isDigit(b) { p = number(bytes, p, end, &tokens, &lowered); continue }
                if b == UInt8(ascii: "'") {
                    p = apostropheOrQuote(bytes, p, end, width: 1, straight: true, &tokens, &lowered); continue
                }
                if b == UInt8(ascii: "\"") {
                    tokens.append(
                        Token(
                            start: Int32(p), end: Int32(p + 1), kind: .quote, flags: .quoteMark, mark: .straightDouble))
                    p += 1; continue
                }
                if b == UInt8(ascii: "."), p + 2 < end, bytes[p + 1] == b, bytes[p + 2] == b {
                    tokens.append(Token(start: Int32(p), end: Int32(p + 3), kind: .ellipsis, ascii: b))
                    p += 3; continue
                }
                if b == UInt8(ascii: "-"), p + 1 < end, bytes[p + 1] == b {
                    tokens.append(Token(start: Int32(p), end: Int32(p + 2), kind: .dash, ascii: b))
                    p += 2; continue
                }
                // Its own lower-case form, so patterns can name `,` or `:`.
                tokens.append(
                    Token(
                        start: Int32(p), end: Int32(p + 1), kind: b == UInt8(ascii: "-") ? .dash : .punctuation,
                        ascii: b, lowerStart: Int32(lowered.count), lowerCount: 1))
                lowered.append(b)
                p += 1
                continue
            }
            // A multi-byte character: a space, punctuation or a letter.
            let (scalar, width) = decode(bytes, p, end)
            switch scalar {
            case 0x00A0, 0x2000...0x200B, 0x202F, 0x3000, 0xFEFF: p += width
            // Invisible format characters (joiners, direction marks, soft hyphen) outside a word.
            case _ where Tokenizer.isFormatCharacter(scalar): p += width
            case 0x201C: push(.quote, .openDouble, p, width, &tokens); p += width
            case 0x201D: push(.quote, .closeDouble, p, width, &tokens); p += width
            case 0x201E: push(.quote, .lowDouble, p, width, &tokens); p += width
            case 0x00AB: push(.quote, .openGuillemet, p, width, &tokens); p += width
            case 0x00BB: push(.quote, .closeGuillemet, p, width, &tokens); p += width
            case 0x2039: push(.quote, .openSingleGuillemet, p, width, &tokens); p += width
            case 0x203A: push(.quote, .closeSingleGuillemet, p, width, &tokens); p += width
            case 0x2018, 0x201A:
                p = apostropheOrQuote(bytes, p, end, width: width, straight: false, &tokens, &lowered)
            case 0x2019:
                p = apostropheOrQuote(bytes, p, end, width: width, straight: false, closing: true, &tokens, &lowered)
            case 0x2026:
                tokens.append(Token(start: Int32(p), end: Int32(p + width), kind: .ellipsis, ascii: UInt8(ascii: ".")));
                p += width
            case 0x2010...0x2015:
                tokens.append(Token(start: Int32(p), end: Int32(p + width), kind: .dash, ascii: UInt8(ascii: "-")));
                p += width
            case 0x2016...0x206F, 0x20A0...0x20CF, 0x00A1...0x00BF, 0x00D7, 0x00F7, 0x2190...0x2BFF:
                tokens.append(Token(start: Int32(p), end: Int32(p + width), kind: .punctuation)); p += width
            default:
                // A character the word scanner does not take still moves the scan on: never an empty token.
                let next = word(bytes, p, end, &tokens, &lowered)
                p = next > p ? next : p + width
            }
        }
    }

    /// Joiners, direction marks, the soft hyphen and other invisible format characters.
    static func isFormatCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x00AD, 0x061C, 0x180E, 0x200C...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }

    private func push(_ kind: Token.Kind, _ mark: Token.Mark, _ p: Int, _ width: Int, _ tokens: inout [Token]) {
        tokens.append(Token(start: Int32(p), end: Int32(p + width), kind: kind, flags: .quoteMark, mark: mark))
    }

    @inline(__always) private func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Whether the character at `p` continues a word: a letter, digit or non-punctuation multi-byte character.
    private func isWordCharacter(_ bytes: [UInt8], _ p: Int, _ end: Int) -> Bool {
        guard p < end else { return false }
        let b = bytes[p]
        if b < 0x80 { return isASCIILetter(b) || isDigit(b) }
        return Tokenizer.isWordScalar(decode(bytes, p, end).0)
    }

    /// Whether a multi-byte character belongs in a word (not a space, punctuation or symbol).
    @inline(__always) static func isWordScalar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x00A0...0x00BF, 0x00D7, 0x00F7, 0x2000...0x206F, 0x20A0...0x20CF, 0x2190...0x2BFF, 0x3000, 0xFEFF:
            return false
        default: return true
        }
    }

    private func decode(_ bytes: [UInt8], _ p: Int, _ end: Int) -> (UInt32, Int) {
        let b = bytes[p]
        if b < 0xE0, p + 1 < end { return (UInt32(b & 0x1F) << 6 | UInt32(bytes[p + 1] & 0x3F), 2) }
        if b < 0xF0, p + 2 < end {
            return (UInt32(b & 0x0F) << 12 | UInt32(bytes[p + 1] & 0x3F) << 6 | UInt32(bytes[p + 2] & 0x3F), 3)
        }
        if p + 3 < end {
            return (
                UInt32(b & 0x07) << 18 | UInt32(bytes[p + 1] & 0x3F) << 12 | UInt32(bytes[p + 2] & 0x3F) << 6
                    | UInt32(bytes[p + 3] & 0x3F), 4
            )
        }
        return (0xFFFD, end - p)
    }

    private func word(
        _ bytes: [UInt8], _ start: Int, _ end: Int, _ tokens: inout [Token], _ lowered: inout [UInt8]
    ) -> Int {
        var p = start
        var ascii = true
        while p < end {
            let b = bytes[p]
            if b < 0x80 {
                if isASCIILetter(b) || isDigit(b) { p += 1; continue }
                // Inner apostrophe or hyphen between word characters: zo'n, auto's, Wmo-consulent.
                if (b == UInt8(ascii: "'") || b == UInt8(ascii: "-")), isWordCharacter(bytes, p + 1, end) {
                    p += 1; continue
                }
                break
            }
            if b == 0xE2, p + 2 < end, bytes[p + 1] == 0x80, bytes[p + 2] == 0x99, isWordCharacter(bytes, p + 3, end) {
                ascii = false
                p += 3
                continue
            }
            // A joiner or soft hyphen inside a word (Persian text, emoji families, hyphenation points).
            let (scalar, width) = decode(bytes, p, end)
            if Tokenizer.isFormatCharacter(scalar), p > start, isWordCharacter(bytes, p + width, end) {
                ascii = false
                p += width
                continue
            }
            guard Tokenizer.isWordScalar(scalar) else { break }
            ascii = false
            p += width
        }
        var token = Token(start: Int32(start), end: Int32(p), kind: .word)
        // No word is this long; its lower-case form is cut, so sets and dictionaries keyed by it stay cheap
        // even for thousands of combining marks (String hashing normalises, quadratically in such runs).
        var lowerEnd = p
        if p - start > Tokenizer.longestWord {
            lowerEnd = start + Tokenizer.longestWord
            while lowerEnd > start, bytes[lowerEnd] & 0xC0 == 0x80 { lowerEnd -= 1 }
        }
        let lowerStart = lowered.count
        lowercase(bytes, start, lowerEnd, ascii: ascii, into: &lowered)
        token.lowerStart = Int32(lowerStart)
        token.lowerCount = UInt16(lowered.count - lowerStart)
        let first = bytes[start]
        if first >= 0x41 && first <= 0x5A {
            token.flags.insert(.capitalized)
        } else if first >= 0x80, let scalar = Unicode.Scalar(decode(bytes, start, p).0), scalar.properties.isUppercase {
            token.flags.insert(.capitalized)
        }
        // Abbreviations keep their dots: "bijv.", "o.a.", "d.w.z.", initials.
        if p < end, bytes[p] == UInt8(ascii: "."), p - start <= 6 {
            var q = p
            var parts = 1
            while q + 2 < end, bytes[q] == UInt8(ascii: "."), isASCIILetter(bytes[q + 1]), q + 2 <= end {
                var r = q + 1
                while r < end, isASCIILetter(bytes[r]), r - q <= 3 { r += 1 }
                guard r < end, bytes[r] == UInt8(ascii: "."), r - q <= 4 else { break }
                q = r
                parts += 1
            }
            let singleLetterChain = parts >= 2 && p - start <= 3
            let initial = p - start == 1 && token.flags.contains(.capitalized)
            if singleLetterChain || initial || abbreviations.contains(lowercased(bytes, start, q + 1)) {
                // The word's form is replaced by the word with its dots.
                token.end = Int32(q + 1)
                lowered.removeSubrange(lowerStart...)
                lowercase(bytes, start, q + 1, ascii: ascii, into: &lowered)
                token.lowerCount = UInt16(lowered.count - lowerStart)
                token.flags.insert(.abbreviation)
                p = q + 1
            }
        }
        tokens.append(token)
        return p
    }

    private func number(
        _ bytes: [UInt8], _ start: Int, _ end: Int, _ tokens: inout [Token], _ lowered: inout [UInt8]
    ) -> Int {
        var p = start
        while p < end {
            let b = bytes[p]
            if isDigit(b) || isASCIILetter(b) { p += 1; continue }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-")
                || b == UInt8(ascii: "/"),
                p + 1 < end, isDigit(bytes[p + 1])
            {
                p += 1; continue
            }
            break
        }
        let lowerStart = lowered.count
        lowercase(bytes, start, p, ascii: true, into: &lowered)
        tokens.append(
            Token(
                start: Int32(start), end: Int32(p), kind: .number, lowerStart: Int32(lowerStart),
                lowerCount: UInt16(lowered.count - lowerStart)))
        return p
    }

    /// `'s nachts`, `zo'n` and `auto’s` hold apostrophes; other single marks are quotation marks.
    private func apostropheOrQuote(
        _ bytes: [UInt8], _ p: Int, _ end: Int, width: Int, straight: Bool, closing: Bool = false,
        _ tokens: inout [Token], _ lowered: inout [UInt8]
    ) -> Int {
        let next = p + width
        // 's / 't / 'n as a word of its own: 's avonds, 't is, 'n brief.
        if next < end,
            [UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "S"), UInt8(ascii: "T")].contains(
                bytes[next]),
            !isWordCharacter(bytes, next + 1, end)
        {
            let before = p > 0 ? bytes[p - 1] : 0x20
            if before == 0x20 || before == 0x0A || before == UInt8(ascii: "(") || p == 0 {
                tokens.append(
                    Token(
                        start: Int32(p), end: Int32(next + 1), kind: .word, lowerStart: Int32(lowered.count),
                        lowerCount: 2))
                lowered += [UInt8(ascii: "'"), bytes[next] | 0x20]
                return next + 1
            }
        }
        let mark: Token.Mark = straight ? .straightSingle : (closing ? .closeSingle : .openSingle)
        tokens.append(Token(start: Int32(p), end: Int32(next), kind: .quote, flags: .quoteMark, mark: mark))
        return next
    }

    /// The lower-case form of `bytes[start..<end]` as a String (short: an abbreviation to look up).
    private func lowercased(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        var lower: [UInt8] = []
        lowercase(bytes, start, end, ascii: !bytes[start..<end].contains { $0 >= 0x80 }, into: &lower)
        return String(decoding: lower, as: UTF8.self)
    }

    /// Appends the lower-case form of `bytes[start..<end]`, with ’ written as '.
    private func lowercase(_ bytes: [UInt8], _ start: Int, _ end: Int, ascii: Bool, into lowered: inout [UInt8]) {
        if ascii {
            for i in start..<end {
                let b = bytes[i]
                lowered.append((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
            }
            return
        }
        var text = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
        // Combining accents (U+0300–U+036F, lead bytes CC and CD) are composed, so a decomposed "é"
        // finds the same lexicon entry as a composed one. Words are cut short, so this stays cheap.
        if text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) { text = text.precomposedStringWithCanonicalMapping }
        let lower = Array(text.utf8)
        var i = 0
        while i < lower.count {
            // ’ is E2 80 99.
            if lower[i] == 0xE2, i + 2 < lower.count, lower[i + 1] == 0x80, lower[i + 2] == 0x99 {
                lowered.append(UInt8(ascii: "'"))
                i += 3
            } else {
                lowered.append(lower[i])
                i += 1
            }
        }
    }
}
