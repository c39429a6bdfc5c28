import Foundation

/// Runs the built `casus` binary in a throw-away home with its own store and key vault.
final class CLI {
    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    let home: URL
    var store: URL { home.appendingPathComponent("store") }
    var vault: URL { home.appendingPathComponent("keys/vault.json") }
    var environment: [String: String]

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `casus` executable beside the test bundle in the build folder.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("casus")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/casus")
    }()

    init() {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("casus-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        environment = [
            "HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "CASUS_STORE": home.appendingPathComponent("store").path,
            "CASUS_KEYS": home.appendingPathComponent("keys/vault.json").path,
            "CASUS_USER": "tester", "LANG": "C.UTF-8", "TZ": "Europe/Amsterdam",
            "CASUS_SAMPLES": CLI.repository.appendingPathComponent("Samples").path,
        ]
    }

    deinit { try? FileManager.default.removeItem(at: home) }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = home
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes while the process runs, so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self))
    }

    /// Runs and requires success, returning standard output.
    @discardableResult
    func ok(_ arguments: [String], input: String? = nil) throws -> String {
        let result = try run(arguments, input: input)
        if result.status != 0 {
            throw Failure("casus \(arguments.joined(separator: " ")) exited \(result.status): \(result.err)")
        }
        return result.out
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Every byte of the store folder and the files given: database, WAL, attachments, exports.
    func allStoreBytes() throws -> Data {
        var data = Data()
        let enumerator = FileManager.default.enumerator(at: store, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let bytes = FileManager.default.contents(atPath: url.path) { data.append(bytes) }
        }
        return data
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A short mono WAV file of silence, for audio attachments.
func makeWAV(seconds: Double, sampleRate: Int = 8000) -> Data {
    let samples = Int(seconds * Double(sampleRate))
    var data = Data()
    func le32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { data.append(contentsOf: $0) } }
    func le16(_ v: Int) { withUnsafeBytes(of: UInt16(v).littleEndian) { data.append(contentsOf: $0) } }
    data.append(contentsOf: Array("RIFF".utf8)); le32(36 + samples * 2); data.append(contentsOf: Array("WAVE".utf8))
    data.append(contentsOf: Array("fmt ".utf8)); le32(16); le16(1); le16(1); le32(sampleRate); le32(sampleRate * 2);
    le16(2); le16(16)
    data.append(contentsOf: Array("data".utf8)); le32(samples * 2)
    data.append(Data(count: samples * 2))
    return data
}

/// Runs a program and returns its status and combined output.
@discardableResult
func runProgram(_ path: String, _ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: String)
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

/// Runs a Python script (a real reader or validator) and returns its exit status and output.
/// Scripts exit with 3 when a module they need is missing, so the test can say so and skip.
func runPython(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    try runProgram("/usr/bin/env", ["python3", script] + arguments)
}
