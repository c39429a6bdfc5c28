import CasusDocuments

/// The quotations of a narrative as the linter finds them (every kind of quotation mark, quotation
/// blocks too), for the route's offer to register them as quotes of a transcript.
public enum NarrativeQuotations {
    /// The quoted words of a Markdown narrative, in order, without the marks.
    public static func texts(in markdown: String) -> [String] {
        let prepared = PreparedText(SourceText(format: .markdown, text: markdown))
        let analysis = TextAnalysis(prepared, abbreviations: [])
        return analysis.quotes.map { prepared.flatText($0.contentStart, $0.contentEnd) }
    }
}
