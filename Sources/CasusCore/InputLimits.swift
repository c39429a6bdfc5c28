/// Every size and count budget casus holds input to, in one place. A reader, importer or map that
/// takes outside input checks it against these numbers, and says which one was passed.
///
/// Time is budgeted by construction rather than by a clock: every path that reads these inputs is
/// linear in their size (no per-character rescans; quotations are found through an index; words of
/// thousands of combining marks are cut before they are hashed), so the size limits bound the time
/// too. The fuzz targets (`scripts/fuzz`) run with a 10-second limit per input to find any path that
/// is not.
public enum InputLimits {
    /// A narrative, transcript or other text file, and the text extracted from a DOCX or ODT file.
    public static let textBytes = 50 * 1024 * 1024
    /// One unpacked XML part of a DOCX or ODT archive.
    public static let officePartBytes = 64 * 1024 * 1024
    /// Entries in a DOCX or ODT archive.
    public static let officeEntries = 20_000
    /// Nesting of XML elements in a DOCX or ODT part.
    public static let xmlDepth = 512
    /// A portable dossier file (JSON, attachments included).
    public static let dossierFileBytes = 512 * 1024 * 1024
    /// Nesting of JSON arrays and objects in a dossier file (the format itself needs fewer than 10).
    public static let jsonDepth = 64
    /// An attachment: an interview recording or a scanned consent form.
    public static let attachmentBytes = 4 << 30
    /// A rule, configuration, knelpunt catalogue or template YAML file.
    public static let yamlBytes = 4 * 1024 * 1024
    /// Events on one journey map; above this the map is unreadable and casus offers a narrower view.
    public static let journeyEvents = 2_000
    /// Characters of a one-line answer in a form (a title, a claim, what happened).
    public static let lineCharacters = 5_000
    /// Characters of a value (an id, a line of a file) repeated in an error message.
    public static let echoedCharacters = 80
}
