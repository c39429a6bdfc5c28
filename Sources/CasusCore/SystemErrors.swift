import Foundation

/// Turns errors from the file system and Foundation into sentences a user can act on, instead of
/// "The operation could not be completed" or a raw `NSCocoaErrorDomain Code=516`.
public enum SystemErrors {
    public static func describe(_ error: Error) -> Localized {
        if let casus = error as? CasusError { return casus.message }
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let at = path.map { " ('\(Excerpt.cut($0, to: 120))')" } ?? ""
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case CocoaError.fileWriteFileExists.rawValue:
                return Localized(
                    nl: "er staat al een bestand of map met die naam\(at)",
                    en: "a file or folder with that name exists already\(at)")
            case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue:
                return Localized(
                    nl: "het bestand of de map bestaat niet\(at)", en: "the file or folder does not exist\(at)")
            case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue:
                return Localized(
                    nl: "geen toegang: de rechten op het bestand of de map laten dit niet toe\(at)",
                    en: "no access: the permissions of the file or folder do not allow this\(at)")
            case CocoaError.fileWriteOutOfSpace.rawValue:
                return Localized(nl: "de schijf is vol\(at)", en: "the disk is full\(at)")
            case CocoaError.fileWriteVolumeReadOnly.rawValue:
                return Localized(nl: "de schijf is alleen-lezen\(at)", en: "the disk is read-only\(at)")
            case CocoaError.fileReadCorruptFile.rawValue:
                return Localized(
                    nl: "het bestand is beschadigd of heeft een onverwachte vorm\(at)",
                    en: "the file is damaged or has an unexpected form\(at)")
            case CocoaError.fileReadInapplicableStringEncoding.rawValue:
                return Localized(nl: "het bestand is geen UTF-8-tekst\(at)", en: "the file is not UTF-8 text\(at)")
            default: break
            }
        }
        if ns.domain == NSPOSIXErrorDomain, let text = strerror(Int32(ns.code)).map({ String(cString: $0) }) {
            return Localized(nl: "systeemfout: \(text)\(at)", en: "system error: \(text)\(at)")
        }
        let text = Excerpt.cut("\(error)", to: 200)
        return Localized(nl: "onverwachte fout (\(text))", en: "unexpected error (\(text))")
    }
}
