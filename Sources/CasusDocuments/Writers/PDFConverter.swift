import CasusCore
import Foundation

/// Turns an ODT into PDF with LibreOffice headless, when it is installed.
public enum PDFConverter {
    /// `soffice` or `libreoffice` on the PATH (or `CASUS_SOFFICE`), if any.
    public static func office(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment["CASUS_SOFFICE"], FileManager.default.isExecutableFile(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Converts ODT bytes to PDF bytes in a private temporary folder that is removed afterwards.
    public static func convert(odt: Data, timeout: TimeInterval = 180) throws -> Data {
        guard let office = office() else {
            throw CasusError(
                .unavailable,
                nl:
                    "Voor PDF is LibreOffice nodig en dat is niet gevonden (soffice). Installeer het (Debian: `apt-get install libreoffice-writer`) of exporteer als odt en maak de PDF zelf.",
                en:
                    "PDF needs LibreOffice, which was not found (soffice). Install it (Debian: `apt-get install libreoffice-writer`) or export as odt and make the PDF yourself."
            )
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casus-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("rapport.odt")
        try odt.write(to: input)
        // A profile of its own, so a running LibreOffice of the user does not take the job over.
        let arguments = [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore", "--convert-to", "pdf",
            "--outdir", folder.path, input.path,
        ]
        guard let status = try HelperProgram.run(office, arguments, timeout: timeout) else {
            throw CasusError(
                .unavailable, nl: "LibreOffice maakte de PDF niet binnen \(Int(timeout)) seconden.",
                en: "LibreOffice did not make the PDF within \(Int(timeout)) seconds.")
        }
        guard status == 0,
            let pdf = FileManager.default.contents(atPath: folder.appendingPathComponent("rapport.pdf").path),
            pdf.starts(with: Data("%PDF".utf8))
        else {
            throw CasusError(
                .unavailable, nl: "LibreOffice kon de PDF niet maken (status \(status)).",
                en: "LibreOffice could not make the PDF (status \(status)).")
        }
        return pdf
    }
}
