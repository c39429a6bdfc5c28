import CasusCore
import CasusDocuments
import Foundation

/// Recall and false alarms of the linter on a labelled set of sentences: the sentences a coach
/// would send back (labelled with their categories) and those a coach would leave alone (`schoon`),
/// hard cases included. The set lives in tab-separated files: language, labels, kind, sentence.
public enum LintEvaluation {
    /// The categories a coach checks; findings of other categories (readability, quotations) neither
    /// catch a sentence nor count as a false alarm.
    public static let coachCategories: [LintCategory] = [.mening, .oordeel, .abstract, .perspectief]

    public struct Sample: Sendable {
        public var language: Language
        /// Empty for a clean sentence.
        public var labels: [LintCategory]
        public var kind: String
        public var sentence: String
    }

    /// Reads every `.tsv` file in `folder`; lines starting with `#` are comments.
    public static func load(folder: URL) throws -> [Sample] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "tsv" }.sorted { $0.path < $1.path }
        var samples: [Sample] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", maxSplits: 3).map(String.init)
                guard fields.count == 4, let language = Language(rawValue: fields[0]) else {
                    throw CasusError(
                        .invalidInput,
                        nl: "\(file.lastPathComponent) regel \(number + 1): verwacht taal, labels, soort, zin.",
                        en: "\(file.lastPathComponent) line \(number + 1): expected language, labels, kind, sentence.")
                }
                let labels =
                    fields[1] == "schoon"
                    ? []
                    : try fields[1].split(separator: ",").map { label -> LintCategory in
                        guard let category = LintCategory(rawValue: String(label)) else {
                            throw CasusError(
                                .invalidInput,
                                nl: "\(file.lastPathComponent) regel \(number + 1): onbekend label '\(label)'.",
                                en: "\(file.lastPathComponent) line \(number + 1): unknown label '\(label)'.")
                        }
                        return category
                    }
                samples.append(Sample(language: language, labels: labels, kind: fields[2], sentence: fields[3]))
            }
        }
        return samples
    }

    /// Counts for one language, per label and for the clean sentences.
    public struct Figures: Sendable {
        /// Bad sentences per label: how many, how many flagged in a coach category, how many in that very category.
        public var labelled: [LintCategory: (total: Int, caught: Int, rightCategory: Int)] = [:]
        public var bad = 0
        public var badCaught = 0
        public var clean = 0
        public var falseAlarms = 0
        /// The sentences missed and the clean sentences flagged, for whoever tunes the rules.
        public var missed: [Sample] = []
        public var flagged: [(sample: Sample, rules: [String])] = []

        public var recall: Double { bad == 0 ? 1 : Double(badCaught) / Double(bad) }
        public var falseAlarmRate: Double { clean == 0 ? 0 : Double(falseAlarms) / Double(clean) }
    }

    /// Lints every sentence on its own and counts.
    public static func run(_ samples: [Sample], session: LintSession) throws -> [Language: Figures] {
        var figures: [Language: Figures] = [:]
        for sample in samples {
            let report = try session.lint(
                SourceText(format: .plain, text: sample.sentence), path: "eval.txt", language: sample.language)
            let findings = report.findings.filter { coachCategories.contains($0.category) }
            let categories = Set(findings.map(\.category))
            var f = figures[sample.language] ?? Figures()
            if sample.labels.isEmpty {
                f.clean += 1
                if !findings.isEmpty {
                    f.falseAlarms += 1
                    f.flagged.append((sample, findings.map(\.rule)))
                }
            } else {
                f.bad += 1
                if !findings.isEmpty { f.badCaught += 1 } else { f.missed.append(sample) }
                for label in sample.labels {
                    var counts = f.labelled[label] ?? (0, 0, 0)
                    counts.total += 1
                    if !findings.isEmpty { counts.caught += 1 }
                    if categories.contains(label) { counts.rightCategory += 1 }
                    f.labelled[label] = counts
                }
            }
            figures[sample.language] = f
        }
        return figures
    }
}
