import CasusCore
import Foundation

/// Applies `casus-lint` comments: `disable-next-line` silences the next line with text,
/// `disable` … `enable` a block. Each needs a reason after a colon; a comment without one silences
/// nothing and is reported, and so is a comment that silences nothing.
struct Suppressions {
    let directives: [Directive]
    let rules: [RuleDefinition]

    func apply(to findings: [LintFinding], text: PreparedText, path: String, language: Language) -> [LintFinding] {
        guard !directives.isEmpty else { return findings }
        var kept: [LintFinding] = []
        var used = Set<Int>()
        var remarks: [LintFinding] = []
        // Lines (1-based) each directive covers.
        var regions: [(directive: Int, lines: ClosedRange<Int>)] = []
        for (index, directive) in directives.enumerated() {
            guard directive.reason != nil else {
                remarks.append(
                    remark(
                        directive, text: text, path: path, language: language, rule: "lint.RedenOntbreekt",
                        severity: .warning,
                        nl:
                            "Deze uitzondering noemt geen reden en geldt daarom niet. Schrijf na een dubbele punt waarom de regel hier niet geldt.",
                        en:
                            "This suppression gives no reason and therefore does not apply. Write after a colon why the rule does not apply here."
                    ))
                continue
            }
            switch directive.action {
            case .disableNextLine:
                var line = directive.line + 1
                while line < text.lineStarts.count {
                    let (start, end) = text.lineRange(line)
                    if text.masked[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) { break }
                    line += 1
                }
                regions.append((index, (line + 1)...(line + 1)))
            case .disable:
                let end =
                    directives[(index + 1)...].first {
                        $0.action == .enable && ($0.targets.isEmpty || $0.targets == directive.targets)
                    }?.line ?? Int.max - 1
                regions.append((index, (directive.line + 1)...(end + 1)))
            case .enable:
                used.insert(index)
            }
        }
        for finding in findings {
            let silencing = regions.first { region in
                region.lines.contains(finding.line) && covers(directives[region.directive].targets, finding)
            }
            if let silencing { used.insert(silencing.directive) } else { kept.append(finding) }
        }
        for (index, directive) in directives.enumerated()
        where directive.reason != nil && !used.contains(index) && directive.action != .enable {
            remarks.append(
                remark(
                    directive, text: text, path: path, language: language, rule: "lint.OverbodigeUitzondering",
                    severity: .warning,
                    nl:
                        "Deze uitzondering (\(directive.targets.joined(separator: ", "))) onderdrukt niets; haal haar weg.",
                    en: "This suppression (\(directive.targets.joined(separator: ", "))) silences nothing; remove it."))
        }
        return kept + remarks
    }

    private func covers(_ targets: [String], _ finding: LintFinding) -> Bool {
        if targets.isEmpty { return true }
        return targets.contains { target in
            let t = target.lowercased()
            return t == "all" || t == "alles" || t == finding.rule.lowercased() || t == finding.category.rawValue
                || finding.rule.lowercased().hasSuffix("." + t)
        }
    }

    private func remark(
        _ directive: Directive, text: PreparedText, path: String, language: Language, rule: String,
        severity: LintSeverity,
        nl: String, en: String
    ) -> LintFinding {
        let (line, column) = text.position(of: directive.offset)
        return LintFinding(
            path: path, line: line, column: column, endLine: line, endColumn: column + 4, rule: rule,
            category: .uitzondering, severity: severity, message: language == .en ? en : nl)
    }

}
