import CasusCore
import Foundation

/// Reads the length of an audio recording: WAV files from their header, other formats through
/// `ffprobe` when it is installed.
public enum AudioInfo {
    public static func duration(ofFileAt url: URL) -> Double? {
        if let seconds = wavDuration(url) { return seconds }
        return ffprobeDuration(url)
    }

    /// RIFF/WAVE: the `fmt ` chunk gives the byte rate, the `data` chunk the number of bytes.
    static func wavDuration(_ url: URL) -> Double? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 12), header.count == 12,
            header.prefix(4) == Data("RIFF".utf8), header.suffix(4) == Data("WAVE".utf8)
        else { return nil }
        var byteRate: UInt32?
        var offset: UInt64 = 12
        for _ in 0..<64 {
            guard (try? handle.seek(toOffset: offset)) != nil,
                let chunk = try? handle.read(upToCount: 8), chunk.count == 8
            else { return nil }
            let id = String(decoding: chunk.prefix(4), as: UTF8.self)
            let size = chunk.suffix(4).enumerated().reduce(UInt32(0)) {
                $0 | UInt32($1.element) << (8 * UInt32($1.offset))
            }
            if id == "fmt ", let fmt = try? handle.read(upToCount: 12), fmt.count == 12 {
                byteRate = fmt.dropFirst(8).prefix(4).enumerated().reduce(UInt32(0)) {
                    $0 | UInt32($1.element) << (8 * UInt32($1.offset))
                }
            } else if id == "data" {
                guard let byteRate, byteRate > 0 else { return nil }
                return Double(size) / Double(byteRate)
            }
            offset += 8 + UInt64(size) + UInt64(size & 1)
        }
        return nil
    }

    static func ffprobeDuration(_ url: URL) -> Double? {
        let candidates = ["/usr/bin/ffprobe", "/usr/local/bin/ffprobe"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [
            "-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", url.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
