import CasusCore
import CasusDocuments
import Foundation
import ZIPFoundation

/// How a project counted the positions of its selections. REFI-QDA says characters; real exporters
/// differ in whether a character beyond U+FFFF counts as one or two (UTF-16) and whether a CRLF
/// line end counts as one or two.
public enum QDAOffsetScheme: String, Sendable, CaseIterable {
    case codePoints = "tekens"
    case codePointsCRLFOne = "tekens, CRLF als één"
    case utf16 = "UTF-16"
    case utf16CRLFOne = "UTF-16, CRLF als één"
}

/// Choices the user can force on import; nil lets casus detect them from each selection's text.
public struct QDAReadOptions: Sendable {
    public var counting: QDAOffsetScheme?
    public init(counting: QDAOffsetScheme? = nil) { self.counting = counting }
}

/// What reading a project found: the project (offsets already in code points of LF text) and what
/// could not be carried over, for the import report.
public struct QDAReadResult: Sendable {
    public var project: QDAProject
    public var report: [Localized]
}

/// Reads a `.qdpx` archive strictly: a damaged or hostile file (not a ZIP, paths that leave the
/// folder, entries that unpack too large, XML with a DOCTYPE) is refused with a message; nothing of
/// it is used.
public enum QDAReader {
    public static let maximumEntries = 20_000
    public static let maximumTotalBytes = 512 * 1_048_576
    public static let maximumDepth = 64

    public static func read(_ data: Data, options: QDAReadOptions = QDAReadOptions()) throws -> QDAReadResult {
        let files = try unpack(data)
        guard let projectFile = files.first(where: { $0.key.lowercased() == "project.qde" })?.value else {
            throw refused("project.qde ontbreekt", "project.qde is missing")
        }
        let root: XMLNode
        do {
            root = try XMLNode.parse(projectFile, maximumDepth: maximumDepth)
        } catch let error as XMLScanner.Malformed {
            throw refused(
                "project.qde is geen geldige XML: \(error.description)",
                "project.qde is not valid XML: \(error.description)")
        }
        guard root.name == "Project" else {
            throw refused("project.qde is geen REFI-QDA-project", "project.qde is not a REFI-QDA project")
        }
        var reader = ProjectReader(files: files, options: options)
        return try reader.read(root)
    }

    /// The archive's entries by path, each checked and unpacked within the limits.
    static func unpack(_ data: Data) throws -> [String: Data] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw refused("het is geen ZIP-bestand", "it is not a ZIP file")
        }
        var files: [String: Data] = [:]
        var total = 0
        var count = 0
        struct TooLarge: Error {}
        for entry in archive {
            count += 1
            guard count <= maximumEntries else {
                throw refused("meer dan \(maximumEntries) bestanden", "more than \(maximumEntries) files")
            }
            let path = entry.path
            guard isSafe(path) else {
                throw refused(
                    "het pad '\(path.excerpt)' wijst buiten de map",
                    "the path '\(path.excerpt)' points outside the folder")
            }
            guard entry.type == .file else { continue }
            var bytes = Data()
            let limit = min(InputLimits.textBytes, maximumTotalBytes - total)
            guard entry.uncompressedSize <= UInt64(limit) else {
                throw refused("'\(path.excerpt)' is te groot uitgepakt", "'\(path.excerpt)' is too large unpacked")
            }
            do {
                let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(chunk)
                    if bytes.count > limit { throw TooLarge() }
                }
                guard checksum == entry.checksum else {
                    throw refused("'\(path.excerpt)' is beschadigd (CRC-32)", "'\(path.excerpt)' is damaged (CRC-32)")
                }
            } catch is TooLarge {
                throw refused(
                    "'\(path.excerpt)' pakt uit tot te veel bytes", "'\(path.excerpt)' unpacks to too many bytes")
            } catch let error as CasusError {
                throw error
            } catch {
                throw refused("'\(path.excerpt)' kan niet uitgepakt worden", "'\(path.excerpt)' cannot be unpacked")
            }
            total += bytes.count
            files[path] = bytes
        }
        return files
    }

    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\") && !path.contains("\0")
            && !path.split(separator: "/").contains("..") && !(path.count > 1 && Array(path)[1] == ":")
    }

    static func refused(_ nl: String, _ en: String) -> CasusError {
        CasusError(
            .invalidInput, nl: "Dit QDA-project kan casus niet inlezen: \(nl). Er is niets opgeslagen.",
            en: "casus cannot import this QDA project: \(en). Nothing was stored.")
    }
}

/// An element of the project XML: its local name (without a prefix), attributes, children and text.
/// Read-only once parsed, so it may be read from several cores at once.
final class XMLNode: @unchecked Sendable {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }
    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// `w:t` → `t`, without splitting every name into an array; a name ending in `:` keeps its last part.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        let after = name[name.index(after: colon)...]
        return after.isEmpty ? name.split(separator: ":").last.map(String.init) ?? name : String(after)
    }

    static func parse(_ data: Data, maximumDepth: Int) throws -> XMLNode {
        var stack: [XMLNode] = []
        var root: XMLNode?
        try XMLScanner.scan(data) { event in
            switch event {
            case .start(let name, let attributes, let selfClosing):
                let local = localName(name)
                let node = XMLNode(name: local, attributes: attributes)
                if let parent = stack.last { parent.children.append(node) } else { root = node }
                guard stack.count < maximumDepth else {
                    throw XMLScanner.Malformed(description: "nested deeper than \(maximumDepth) elements")
                }
                _ = selfClosing  // the scanner sends an end for a self-closing element too
                stack.append(node)
            case .end:
                stack.removeLast()
            case .text(let text):
                stack.last?.text += text
            }
        }
        guard let root else { throw XMLScanner.Malformed(description: "no root element") }
        return root
    }
}

/// A source's text with LF line ends (and no BOM), and where each counting scheme's positions land in it.
struct SourceOffsets {
    let text: String
    let spans: ScalarText
    private var maps: [QDAOffsetScheme: [Int]] = [:]
    let hasCRLF: Bool
    let hasAstral: Bool

    init(_ original: String) {
        var input = Array(original.unicodeScalars)
        if input.first == "\u{FEFF}" { input.removeFirst() }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(input.count)
        var cp: [Int] = [], cp1: [Int] = [], u16: [Int] = [], u161: [Int] = []
        var crlf = false, astral = false
        var i = 0
        while i < input.count {
            let s = input[i]
            let n = out.count
            if s == "\r" && i + 1 < input.count && input[i + 1] == "\n" {
                crlf = true
                cp.append(n)
                cp.append(n)
                cp1.append(n)
                u16.append(n)
                u16.append(n)
                u161.append(n)
                out.append("\n")
                i += 2
                continue
            }
            let wide = s.value > 0xFFFF
            astral = astral || wide
            cp.append(n)
            cp1.append(n)
            u16.append(n)
            u161.append(n)
            if wide {
                u16.append(n)
                u161.append(n)
            }
            out.append(s == "\r" ? "\n" : s)
            i += 1
        }
        cp.append(out.count); cp1.append(out.count); u16.append(out.count); u161.append(out.count)
        maps = [.codePoints: cp, .codePointsCRLFOne: cp1, .utf16: u16, .utf16CRLFOne: u161]
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        text = String(view)
        spans = ScalarText(text)
        hasCRLF = crlf
        hasAstral = astral
    }

    /// The positions `start..<end` counted by `scheme`, in code points of `text`; nil when outside it.
    func range(_ start: Int, _ end: Int, _ scheme: QDAOffsetScheme) -> Range<Int>? {
        guard let map = maps[scheme], start >= 0, end > start, end < map.count else { return nil }
        let from = map[start], to = map[end]
        return to > from ? from..<to : nil
    }

    /// The scheme under which most selections' names are the text they select; `codePoints` when
    /// no name can tell (REFI-QDA's own definition).
    func detect(_ selections: [(start: Int, end: Int, name: String?)]) -> (QDAOffsetScheme, checked: Int, matched: Int)
    {
        // Names with line ends as the normalised text has them, once for all schemes.
        let named = selections.compactMap { s -> (start: Int, end: Int, name: String)? in
            guard let name = s.name, !name.isEmpty else { return nil }
            let lf = name.utf8.contains(13) ? name.replacingOccurrences(of: "\r\n", with: "\n") : name
            return (s.start, s.end, lf)
        }
        var best = (scheme: QDAOffsetScheme.codePoints, matches: 0)
        for scheme in QDAOffsetScheme.allCases {
            let matches = named.filter { s in
                guard let range = range(s.start, s.end, scheme) else { return false }
                let text = spans.slice(range) ?? ""
                return text == s.name || (s.name.unicodeScalars.count >= 10 && text.hasPrefix(s.name))
            }.count
            if matches > best.matches { best = (scheme, matches) }
            if !hasCRLF && !hasAstral { break }  // every scheme counts alike
        }
        let checked = named.count
        return (best.scheme, checked, best.matches)
    }
}
