import CasusCore
import CasusDocuments
import CasusLint
import CasusReports
import Foundation

/// The inputs casus takes from outside, each as one function of raw bytes. A target may throw a
/// `CasusError` (refusing bad input is right); it must not crash, hang or grow without bound.
enum FuzzTargets {
    static let names = ["lint", "markdown", "docx", "odt", "dossier", "rule", "template"]

    static func run(_ name: String, _ data: Data) {
        switch name {
        case "lint": lint(data)
        case "markdown": markdown(data)
        case "docx": officeFile(data, extension: "docx")
        case "odt": officeFile(data, extension: "odt")
        case "dossier": dossier(data)
        case "rule": rule(data)
        case "template": template(data)
        default: fatalError("unknown fuzz target '\(name)'; known: \(names.joined(separator: ", "))")
        }
    }

    nonisolated(unsafe) static var rules: [Language: RuleSet] = [:]

    static func ruleSet(_ language: Language) -> RuleSet {
        if let set = rules[language] { return set }
        let set = try! RuleSet.bundled(language)
        rules[language] = set
        return set
    }

    /// The text pipeline and every rule; the first line, when it is short, doubles as a transcript.
    static func lint(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let language: Language = data.first.map { $0 & 1 == 0 } ?? true ? .nl : .en
        let transcript = String(text.prefix(200))
        let linter = Linter(rules: ruleSet(language), transcripts: [transcript], speakers: ["sanne"])
        _ = linter.lint(SourceText(format: .markdown, text: text), path: "fuzz.md", interfaceLanguage: .nl)
        _ = LanguageDetector.detect(text)
    }

    /// Markdown into the document model and out through the writers.
    static func markdown(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let document = Document(
            meta: DocumentMeta(title: "fuzz", date: "2026-11-30", language: "nl"), blocks: MarkdownBlocks.parse(text))
        _ = MarkdownWriter.render(document)
        _ = HTMLWriter.render(document)
    }

    /// A DOCX or ODT file through the readers (which open files by path).
    static func officeFile(_ data: Data, extension ext: String) {
        let url = scratch.appendingPathComponent("input.\(ext)")
        try? data.write(to: url)
        _ = try? TextReader.read(fileAt: url)
    }

    static func dossier(_ data: Data) {
        guard let file = try? DossierFile.decode(data) else { return }
        _ = file.dossier.problems()
        _ = try? file.encoded()
    }

    static func rule(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        guard let set = try? RuleSet.compile(ruleYAML: text, beside: ruleSet(.nl)) else { return }
        _ = Linter(rules: set).lint(
            SourceText(format: .markdown, text: "Helaas is dit een schandalige zaak, vindt de schrijver."),
            path: "fuzz.md", interfaceLanguage: .nl)
    }

    static func template(_ data: Data) {
        let url = scratch.appendingPathComponent("outside-in.yml")
        try? data.write(to: url)
        _ = try? ReportTemplate.load(.outsideIn, from: scratch)
    }

    /// A private folder for targets that read files.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("casus-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
}

#if CASUS_FUZZING
/// libFuzzer's entry: the target is chosen once, from CASUS_FUZZ_TARGET.
nonisolated(unsafe) private var chosenTarget = ""

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    setenv("CASUS_NO_RULE_CACHE", "1", 1)
    chosenTarget = ProcessInfo.processInfo.environment["CASUS_FUZZ_TARGET"] ?? ""
    guard FuzzTargets.names.contains(chosenTarget) else {
        FileHandle.standardError.write(
            Data("casus-fuzz: set CASUS_FUZZ_TARGET to one of \(FuzzTargets.names.joined(separator: ", "))\n".utf8))
        exit(64)
    }
    _ = FuzzTargets.ruleSet(.nl)
    _ = FuzzTargets.ruleSet(.en)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    FuzzTargets.run(chosenTarget, Data(bytes: bytes, count: count))
    return 0
}

typealias FuzzerCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzerCallback
) -> Int32

/// SwiftPM links an executable's entry as `<target>_main`: hand it to libFuzzer's driver.
@_cdecl("casus_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    _ = fuzzerInitialize(&count, &arguments)
    return runFuzzerDriver(&count, &arguments) { bytes, size in fuzzerTestOneInput(bytes, size) }
}
#else
/// Without the fuzzer: replays files through a target, for regression tests and for a crash found.
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let target = arguments.first, FuzzTargets.names.contains(target) else {
            print(
                "usage: casus-fuzz <\(FuzzTargets.names.joined(separator: "|"))> FILE… (scripts/fuzz runs the fuzzer)")
            exit(64)
        }
        setenv("CASUS_NO_RULE_CACHE", "1", 1)
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8)); exit(66)
            }
            FuzzTargets.run(target, data)
            print("ok \(path)")
        }
    }
}
#endif
