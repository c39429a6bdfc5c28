import Foundation

/// What a file of consent evidence is, read from its first bytes and never from its name: a signed
/// form as PDF, or a scan or photo of it.
public enum EvidenceFormat: String, CaseIterable, Sendable {
    case pdf, jpeg, png, tiff

    /// The largest evidence file a front end takes with a form: a scan of a few pages.
    public static let maximumBytes = 20 * 1024 * 1024

    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .jpeg: "jpg"
        case .png: "png"
        case .tiff: "tif"
        }
    }

    /// The format the bytes start with, or nil for anything else.
    public static func sniff(_ data: Data) -> EvidenceFormat? {
        let signatures: [(EvidenceFormat, [UInt8])] = [
            (.pdf, Array("%PDF-".utf8)), (.jpeg, [0xFF, 0xD8, 0xFF]), (.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]),
            (.tiff, [0x49, 0x49, 0x2A, 0x00]), (.tiff, [0x4D, 0x4D, 0x00, 0x2A]),
        ]
        return signatures.first { data.starts(with: $0.1) }?.0
    }

    /// Checks an uploaded evidence file and returns its format and the name to keep it under. That name
    /// is never the sender's: a scan is often named after the person ("toestemming Karim Echtenaam.pdf"),
    /// and a real name has no place in the store. The sender's name only appears in a refusal.
    public static func check(_ data: Data, name: String) throws -> (format: EvidenceFormat, fileName: String) {
        let given = String(URL(fileURLWithPath: name).lastPathComponent.prefix(120))
        let shown = given.isEmpty || given.hasPrefix(".") ? "bewijs" : given
        guard !data.isEmpty else {
            throw CasusError(.invalidInput, nl: "'\(shown)' is leeg.", en: "'\(shown)' is empty.")
        }
        guard data.count <= maximumBytes else {
            throw CasusError(
                .invalidInput,
                nl: "'\(shown)' is groter dan \(maximumBytes >> 20) MB; maak de scan kleiner of splits hem.",
                en: "'\(shown)' is larger than \(maximumBytes >> 20) MB; make the scan smaller or split it.")
        }
        guard let format = sniff(data) else {
            throw CasusError(
                .invalidInput,
                nl:
                    "'\(shown)' is geen PDF, JPEG, PNG of TIFF; lever het getekende formulier in een van die vormen aan.",
                en: "'\(shown)' is not a PDF, JPEG, PNG or TIFF; supply the signed form in one of those formats.")
        }
        return (format, "toestemmingsbewijs." + format.fileExtension)
    }
}
