import CasusCore
import Foundation

/// Loads the bundled rules of a language on a thread of its own while the process does other work
/// first (parsing its arguments, reading the files). Loading costs a `casus lint` of a short narrative
/// about as much as linting it; started early, it no longer adds to the time a writer waits.
/// `RuleSet.bundled` with settings that leave the rules as shipped takes the loaded set.
public enum RuleWarmUp {
    private static let condition = NSCondition()
    nonisolated(unsafe) private static var started: Set<Language> = []
    nonisolated(unsafe) private static var loaded: [Language: RuleSet?] = [:]

    /// Starts loading; a second call for the same language does nothing.
    public static func begin(_ language: Language) {
        condition.lock()
        let isNew = started.insert(language).inserted
        condition.unlock()
        guard isNew else { return }
        Thread.detachNewThread {
            // A failure is not kept: the caller loads again and sees the error itself.
            let set = try? RuleSet.load(language, configuration: LintConfiguration())
            condition.lock()
            loaded[language] = .some(set)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The set loaded in the background, waiting for it when it is on its way; nil when none was started.
    static func take(_ language: Language) -> RuleSet? {
        condition.lock()
        defer { condition.unlock() }
        guard started.contains(language) else { return nil }
        while loaded[language] == nil { condition.wait() }
        return loaded[language] ?? nil
    }
}
