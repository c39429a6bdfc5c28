import Foundation

/// Runs a helper program (LibreOffice, rsvg-convert) quietly and waits for it, at most `timeout` seconds.
enum HelperProgram {
    /// The program's exit status; nil when it ran out of time (it is then stopped).
    static func run(_ program: URL, _ arguments: [String], timeout: TimeInterval) throws -> Int32? {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard !process.isRunning else {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }
}
