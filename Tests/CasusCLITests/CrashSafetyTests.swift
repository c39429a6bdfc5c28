import Foundation
import Testing

@Suite("Crash safety")
struct CrashSafetyTests {
    /// Starts a writer, waits for its first acknowledged write (a loaded machine may take a while to
    /// start a process), kills it with SIGKILL a random moment later, and returns the ids it acknowledged.
    func killWriterMidway(_ cli: CLI, after milliseconds: Int) throws -> [String] {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["bench", "write-loop", "--count", "100000", "--case", "crash"]
        process.environment = cli.environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var first = Data()
        let started = Date()
        while !String(decoding: first, as: UTF8.self).contains("\n"), Date().timeIntervalSince(started) < 30 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        let reader = Task.detached { out.fileHandleForReading.readDataToEndOfFile() }
        usleep(useconds_t(milliseconds * 1000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let data = first + (try awaitResult(reader))
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            line.hasPrefix("ack ") ? String(line.dropFirst(4)) : nil
        }
    }

    private func awaitResult(_ task: Task<Data, Never>) throws -> Data {
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result = Data()
        Task {
            result = await task.value; semaphore.signal()
        }
        semaphore.wait()
        return result
    }

    @Test("a writer killed mid-write again and again leaves an intact database with every acknowledged write")
    func killedWriters() throws {
        let cli = CLI()
        try cli.ok(["init"])
        var acknowledged: [String] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<10 {
            let delay = 150 + Int.random(in: 0..<500, using: &generator)
            let acks = try killWriterMidway(cli, after: delay)
            acknowledged += acks
            if round == 0 { #expect(!acks.isEmpty, "the writer acknowledged nothing in \(delay) ms") }
        }
        #expect(acknowledged.count > 20)
        #expect(try cli.ok(["store", "check"]).contains("heel"))
        let listed = try cli.ok(["event", "list", "crash", "--json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let stored = Set(events.compactMap { $0["id"] as? String })
        let lost = acknowledged.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "acknowledged but lost: \(lost)")
        #expect(Set(acknowledged).count == acknowledged.count, "an id was acknowledged twice")
        #expect(try cli.run(["audit", "verify"]).status == 0)
    }
}
