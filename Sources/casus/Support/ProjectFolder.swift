import Foundation

/// Finds a folder that ships with casus (Samples, Templates): an explicit setting, the current
/// folder, or beside the source tree the binary was built in.
enum ProjectFolder {
    static func find(_ name: String, override: String?, accept: (URL) -> Bool) -> URL? {
        var candidates: [URL] = []
        if let override { candidates.append(URL(fileURLWithPath: override)) }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name))
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent(name))
            folder = folder.deletingLastPathComponent()
        }
        return candidates.first(where: accept)
    }
}
