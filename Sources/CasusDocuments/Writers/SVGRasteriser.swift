import CasusCore
import Foundation

/// Draws an SVG as PNG with `rsvg-convert` (librsvg), when it is installed. Word shows an SVG only beside
/// a bitmap of it, so the DOCX writer asks for one; the SVG stays the picture newer Word versions use.
public enum SVGRasteriser {
    /// `rsvg-convert` on the PATH (or `CASUS_RSVG`), if any.
    public static func tool(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment["CASUS_RSVG"] {
            return FileManager.default.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("rsvg-convert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// What a document says where a drawing could not be made into a bitmap.
    public static let missingNote = Localized(
        nl: "De tekening zelf staat in de ODT- en PDF-versie; voor DOCX is rsvg-convert nodig (Debian: librsvg2-bin).",
        en: "The drawing itself is in the ODT and PDF versions; DOCX needs rsvg-convert (Debian: librsvg2-bin).")

    /// A PNG of `svg`, `pixelsWide` wide with the drawing's own proportions, made in a private temporary
    /// folder that is removed afterwards. Nil when no rasteriser is installed.
    public static func png(svg: String, pixelsWide: Int, timeout: TimeInterval = 60) throws -> Data? {
        guard let tool = tool() else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("tekening.svg"),
            output = folder.appendingPathComponent("tekening.png")
        try Data(svg.utf8).write(to: input)
        let arguments = [
            "--width", String(max(16, min(pixelsWide, 8000))), "--keep-aspect-ratio", "--background-color", "white",
            "--format", "png", "--output", output.path, input.path,
        ]
        guard let status = try HelperProgram.run(tool, arguments, timeout: timeout) else {
            throw CasusError(
                .unavailable, nl: "rsvg-convert tekende de afbeelding niet binnen \(Int(timeout)) seconden.",
                en: "rsvg-convert did not draw the picture within \(Int(timeout)) seconds.")
        }
        let png = FileManager.default.contents(atPath: output.path)
        guard status == 0, let png, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            throw CasusError(
                .unavailable, nl: "rsvg-convert kon de afbeelding niet tekenen (status \(status)).",
                en: "rsvg-convert could not draw the picture (status \(status)).")
        }
        return png
    }
}
