import Foundation

/// A sentence: a run of tokens within one block.
struct Sentence {
    var firstToken: Int
    /// One past the last token.
    var endToken: Int
    var block: Int
    var isHeading: Bool
}

/// A quotation: the words between a pair of quotation marks, or a whole quotation block.
struct QuoteSpan {
    /// Token index of the opening mark; nil for a quotation block.
    var openToken: Int?
    var closeToken: Int?
    /// Byte range of the quoted words, without the marks.
    var contentStart: Int
    var contentEnd: Int
    var firstToken: Int
    var endToken: Int
    var block: Int
    var sentence: Int
    var wordCount: Int
}

/// The tokens, sentences and quotations of a text, computed once and read by every rule.
struct TextAnalysis {
    let text: PreparedText
    var tokens: [Token] = []
    /// The lower-case forms of the tokens, one after another (see `Token.lowerStart`).
    var lowered: [UInt8] = []
    var sentences: [Sentence] = []
    var quotes: [QuoteSpan] = []
    /// Quotation marks that open and are never closed (token indices).
    var unbalancedMarks: [Int] = []
    /// The sentence each token belongs to.
    var sentenceOfToken: [Int32] = []

    init(_ text: PreparedText, abbreviations: Set<String>) {
        self.text = text
        // Runs of blocks are analysed side by side (tokens, quotations, sentences: none crosses a
        // block); joined here, each run's indices are moved past the runs before it. The large arrays
        // are filled side by side too, each run into its own slice.
        let runs = TextAnalysis.analyseRuns(text, abbreviations: abbreviations)
        var tokenBases: [Int] = [], lowerBases: [Int] = [], sentenceBases: [Int] = []
        var tokenCount = 0, lowerCount = 0
        for run in runs {
            tokenBases.append(tokenCount)
            lowerBases.append(lowerCount)
            sentenceBases.append(sentences.count)
            tokenCount += run.tokens.count
            lowerCount += run.lowered.count
            for var sentence in run.sentences {
                sentence.firstToken += tokenCount - run.tokens.count
                sentence.endToken += tokenCount - run.tokens.count
                sentences.append(sentence)
            }
            let tokenBase = tokenCount - run.tokens.count, sentenceBase = sentenceBases.last ?? 0
            for var quote in run.quotes {
                quote.openToken = quote.openToken.map { $0 + tokenBase }
                quote.closeToken = quote.closeToken.map { $0 + tokenBase }
                quote.firstToken += tokenBase
                quote.endToken += tokenBase
                quote.sentence += sentenceBase
                quotes.append(quote)
            }
            unbalancedMarks += run.unbalancedMarks.map { $0 + tokenBase }
        }
        let allSentences = sentences
        let tokenStarts = tokenBases, lowerStarts = lowerBases, sentenceStarts = sentenceBases
        var sentenceOfToken: [Int32] = []
        var lowered: [UInt8] = []
        let tokens = [Token](unsafeUninitializedCapacity: tokenCount) { tokenBuffer, tokensMade in
            lowered = [UInt8](unsafeUninitializedCapacity: lowerCount) { lowerBuffer, lowerMade in
                sentenceOfToken = [Int32](unsafeUninitializedCapacity: tokenCount) { ownerBuffer, ownersMade in
                    nonisolated(unsafe) let tokenOut = tokenBuffer, lowerOut = lowerBuffer, ownerOut = ownerBuffer
                    DispatchQueue.concurrentPerform(iterations: runs.count) { r in
                        let run = runs[r], tokenBase = tokenStarts[r], lowerBase = Int32(lowerStarts[r])
                        // A run of code blocks only has no tokens (and an empty buffer may have no address).
                        guard !run.tokens.isEmpty else { return }
                        run.tokens.withUnsafeBufferPointer { source in
                            for (i, var token) in source.enumerated() {
                                token.lowerStart += lowerBase
                                (tokenOut.baseAddress! + tokenBase + i).initialize(to: token)
                            }
                        }
                        run.lowered.withUnsafeBufferPointer { source in
                            guard let from = source.baseAddress, !source.isEmpty else { return }
                            (lowerOut.baseAddress! + lowerStarts[r]).initialize(from: from, count: source.count)
                        }
                        // Every token belongs to a sentence; one that would not says 0, as before.
                        (ownerOut.baseAddress! + tokenBase).initialize(repeating: 0, count: run.tokens.count)
                        let firstSentence = sentenceStarts[r]
                        for s in firstSentence..<(firstSentence + run.sentences.count) {
                            let sentence = allSentences[s]
                            for t in sentence.firstToken..<sentence.endToken { ownerOut[t] = Int32(s) }
                        }
                    }
                    ownersMade = tokenCount
                }
                lowerMade = lowerCount
            }
            tokensMade = tokenCount
        }
        self.tokens = tokens
        self.lowered = lowered
        self.sentenceOfToken = sentenceOfToken
    }

    /// One run of blocks, analysed on its own: token indices count from the run's first token.
    private init(_ text: PreparedText, blocks run: Range<Int>, tokenizer: Tokenizer) {
        self.text = text
        let blocks = text.blocks
        if let first = run.first, let last = run.last {
            let size = blocks[last].end - blocks[first].start
            tokens.reserveCapacity(size / 5)
            lowered.reserveCapacity(size)
        }
        for index in run where blocks[index].kind != .code {
            let first = tokens.count
            tokenizer.tokenize(
                text.masked, from: blocks[index].start, to: blocks[index].end, into: &tokens, lowered: &lowered)
            let end = tokens.count
            guard end > first else { continue }
            let quoteCountBefore = quotes.count
            pairQuotes(first, end, block: index, isQuoteBlock: blocks[index].kind == .quote)
            splitSentences(first, end, block: index, heading: blocks[index].kind == .heading)
            for q in quoteCountBefore..<quotes.count {
                quotes[q].sentence = sentenceIndex(containing: quotes[q].firstToken) ?? max(0, sentences.count - 1)
            }
        }
    }

    /// The lower-case form of token `t`.
    func lower(_ t: Int) -> String {
        let token = tokens[t]
        return String(
            decoding: lowered[Int(token.lowerStart)..<Int(token.lowerStart) + Int(token.lowerCount)], as: UTF8.self)
    }

    /// Calls `body` with the lower-case bytes of token `t`, without making a String.
    @inline(__always) func withLower<R>(_ t: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let token = tokens[t]
        return lowered.withUnsafeBufferPointer { all in
            body(
                UnsafeBufferPointer(
                    rebasing: all[Int(token.lowerStart)..<Int(token.lowerStart) + Int(token.lowerCount)]))
        }
    }

    /// Whether token `t`'s lower-case form begins with `prefix`.
    func lower(_ t: Int, startsWith prefix: [UInt8]) -> Bool { withLower(t) { $0.starts(with: prefix) } }

    /// Runs of blocks of about 256 KB, analysed on all cores (a short text on the calling thread).
    private static func analyseRuns(_ text: PreparedText, abbreviations: Set<String>) -> [TextAnalysis] {
        let tokenizer = Tokenizer(abbreviations: abbreviations)
        let blocks = text.blocks
        let runBytes = 256 * 1024
        var runs: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (index, block) in blocks.enumerated() {
            bytes += block.end - block.start
            if bytes >= runBytes {
                runs.append(start..<(index + 1))
                start = index + 1
                bytes = 0
            }
        }
        if start < blocks.count { runs.append(start..<blocks.count) }
        return (try? runs.concurrentMap(minimumPerChunk: 1) { TextAnalysis(text, blocks: $0, tokenizer: tokenizer) })
            ?? []
    }

    private func sentenceIndex(containing token: Int) -> Int? {
        var low = 0, high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if sentences[mid].endToken <= token {
                low = mid + 1
            } else if sentences[mid].firstToken > token {
                high = mid - 1
            } else {
                return mid
            }
        }
        return nil
    }

    // MARK: Sentences

    private static func isTerminal(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    private mutating func splitSentences(_ first: Int, _ end: Int, block: Int, heading: Bool) {
        if heading {
            sentences.append(Sentence(firstToken: first, endToken: end, block: block, isHeading: true))
            return
        }
        var start = first
        var i = first
        while i < end {
            let kind = tokens[i].kind
            let isTerminal = (kind == .punctuation && TextAnalysis.isTerminal(tokens[i].ascii)) || kind == .ellipsis
            if isTerminal {
                // Take closing marks and further terminal marks with the sentence.
                var j = i + 1
                while j < end,
                    (tokens[j].kind == .punctuation
                        && (TextAnalysis.isTerminal(tokens[j].ascii) || tokens[j].ascii == UInt8(ascii: ")")))
                        || (tokens[j].kind == .quote && isClosing(j)) || tokens[j].kind == .ellipsis
                { j += 1 }
                if j >= end || startsSentence(j) {
                    sentences.append(Sentence(firstToken: start, endToken: j, block: block, isHeading: false))
                    start = j
                }
                i = j
                continue
            }
            i += 1
        }
        if start < end { sentences.append(Sentence(firstToken: start, endToken: end, block: block, isHeading: false)) }
    }

    private func isClosing(_ index: Int) -> Bool { tokens[index].flags.contains(.closesQuote) }

    private func startsSentence(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .word: return token.flags.contains(.capitalized) || lower(index, startsWith: [UInt8(ascii: "'")])
        case .number, .dash: return true
        case .quote: return token.flags.contains(.opensQuote)
        case .punctuation: return token.ascii == UInt8(ascii: "(")
        case .ellipsis: return false
        }
    }

    // MARK: Quotations

    private enum Family: Int { case double, single, guillemet, singleGuillemet }

    /// The open quotation mark of each family (token index), without a dictionary per paragraph.
    private struct OpenMarks {
        private var marks = (-1, -1, -1, -1)

        subscript(family: Family) -> Int? {
            get {
                let index =
                    switch family {
                    case .double: marks.0
                    case .single: marks.1
                    case .guillemet: marks.2
                    case .singleGuillemet: marks.3
                    }
                return index < 0 ? nil : index
            }
            set {
                switch family {
                case .double: marks.0 = newValue ?? -1
                case .single: marks.1 = newValue ?? -1
                case .guillemet: marks.2 = newValue ?? -1
                case .singleGuillemet: marks.3 = newValue ?? -1
                }
            }
        }

        /// The marks still open, in family order.
        var stillOpen: [Int] {
            max(marks.0, marks.1, marks.2, marks.3) < 0 ? [] : [marks.0, marks.1, marks.2, marks.3].filter { $0 >= 0 }
        }
    }

    private mutating func pairQuotes(_ first: Int, _ end: Int, block: Int, isQuoteBlock: Bool) {
        if isQuoteBlock {
            var words = 0
            for t in first..<end {
                tokens[t].flags.insert(.inQuote)
                if tokens[t].isWord { words += 1 }
            }
            quotes.append(
                QuoteSpan(
                    openToken: nil, closeToken: nil, contentStart: Int(tokens[first].start),
                    contentEnd: Int(tokens[end - 1].end),
                    firstToken: first, endToken: end, block: block, sentence: 0, wordCount: words))
            return
        }
        var open = OpenMarks()
        for i in first..<end where tokens[i].kind == .quote {
            let mark = tokens[i].mark
            let family: Family
            var canOpen = true, canClose = true
            switch mark {
            case .straightDouble, .closeDouble: family = .double
            case .openDouble: family = .double
            case .lowDouble: family = .double; canClose = false
            case .straightSingle: family = .single
            case .openSingle: family = .single; canClose = false
            case .closeSingle: family = .single; canOpen = false
            case .openGuillemet: family = .guillemet; canClose = false
            case .closeGuillemet: family = .guillemet; canOpen = false
            case .openSingleGuillemet: family = .singleGuillemet; canClose = false
            case .closeSingleGuillemet: family = .singleGuillemet; canOpen = false
            case .none: continue
            }
            if let opened = open[family], canClose {
                close(opened, i, block: block)
                open[family] = nil
            } else if canOpen, open[family] == nil {
                open[family] = i
            } else if mark == .closeSingle || mark == .straightSingle {
                // An apostrophe after a word (the kids' bikes), not a quotation mark.
                tokens[i].flags.remove(.quoteMark)
            }
        }
        unbalancedMarks += open.stillOpen
    }

    private mutating func close(_ open: Int, _ close: Int, block: Int) {
        guard close > open + 1 else { return }
        var words = 0
        for t in (open + 1)..<close {
            tokens[t].flags.insert(.inQuote)
            if tokens[t].isWord { words += 1 }
        }
        tokens[open].flags.formUnion([.inQuote, .opensQuote])
        tokens[close].flags.formUnion([.inQuote, .closesQuote])
        // The quoted words, without the punctuation that only ends the sentence around them.
        var last = close - 1
        while last > open, tokens[last].kind == .punctuation, ",.;:".utf8.contains(tokens[last].ascii) {
            last -= 1
        }
        guard last > open else { return }
        quotes.append(
            QuoteSpan(
                openToken: open, closeToken: close, contentStart: Int(tokens[open + 1].start),
                contentEnd: Int(tokens[last].end),
                firstToken: open, endToken: close + 1, block: block, sentence: 0, wordCount: words))
    }

    // MARK: Helpers for rules

    /// Word count of the text outside headings.
    var wordCount: Int { tokens.reduce(0) { $0 + ($1.kind == .word || $1.kind == .number ? 1 : 0) } }

    func words(in sentence: Sentence) -> Int {
        var count = 0
        for t in sentence.firstToken..<sentence.endToken where tokens[t].kind == .word || tokens[t].kind == .number {
            count += 1
        }
        return count
    }

    /// The source text of a sentence, on one line.
    func text(of sentence: Sentence) -> String {
        let start = Int(tokens[sentence.firstToken].start), end = Int(tokens[sentence.endToken - 1].end)
        return text.text(start, end).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
