import CasusCore
import CasusDocuments
import Foundation

/// Output formats for lint results. Each reporter is a pure function from reports to text.
public enum LintFormat: String, CaseIterable, Sendable {
    case line, json, sarif, checkstyle, github
}

public enum Reporters {
    public static func render(
        _ reports: [LintReport], format: LintFormat, rules: [RuleDefinition], language: Language,
        color: Bool = false, summary: Bool = true
    ) -> String {
        switch format {
        case .line: return LineReporter(language: language, color: color).render(reports, summary: summary)
        case .json: return json(reports)
        case .sarif: return SARIFReporter.render(reports, rules: rules, language: language)
        case .checkstyle: return checkstyle(reports)
        case .github: return github(reports)
        }
    }

    /// `{"files": [{path, language, figures, findings: [{path, line, column, endLine, endColumn, rule, category, severity, message}]}]}`
    /// The JSON report: what `JSONEncoder` writes with pretty printing and sorted keys, byte for byte
    /// (a test holds them together), but with the findings written directly: a long text has tens of
    /// thousands of them, and the encoder took longer than linting a tenth of the text.
    static func json(_ reports: [LintReport]) -> String {
        var summary: [String: Int] = [:]
        for report in reports { for finding in report.findings { summary[finding.category.rawValue, default: 0] += 1 } }
        var out = JSONBytes()
        out.append("{\n  \"files\" : [")
        for (index, report) in reports.enumerated() {
            out.append(index == 0 ? "\n    {\n" : ",\n    {\n")
            out.append("      \"figures\" : " + JSONText.encoded(report.figures, indent: 6) + ",\n")
            out.append("      \"findings\" : [")
            // The findings in slices written side by side: a long text has tens of thousands.
            let slices = stride(from: 0, to: report.findings.count, by: 2_000).map {
                $0..<min($0 + 2_000, report.findings.count)
            }
            let written =
                (try? slices.concurrentMap(minimumPerChunk: 1) { slice -> [UInt8] in
                    var part = JSONBytes()
                    for number in slice { part.finding(report.findings[number], first: number == 0) }
                    return part.bytes
                }) ?? []
            for part in written { out.bytes += part }
            out.append(report.findings.isEmpty ? "\n\n      ],\n" : "\n      ],\n")
            out.append("      \"language\" : ")
            out.string(report.language.rawValue)
            out.append(",\n      \"path\" : ")
            out.string(report.path)
            out.append(",\n      \"quotesVerified\" : " + (report.quotesVerified ? "true" : "false") + "\n    }")
        }
        out.append(reports.isEmpty ? "\n\n  ],\n" : "\n  ],\n")
        out.append("  \"summary\" : {")
        for (index, key) in summary.keys.sorted().enumerated() {
            out.append(index == 0 ? "\n    " : ",\n    ")
            out.string(key)
            out.append(" : " + String(summary[key]!))
        }
        out.append(summary.isEmpty ? "\n\n  }\n}\n" : "\n  }\n}\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func checkstyle(_ reports: [LintReport]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"8.0\">\n"
        for report in reports {
            out += "  <file name=\"\(xml(report.path))\">\n"
            for f in report.findings {
                let severity = f.severity == .suggestion ? "info" : f.severity.rawValue
                out +=
                    "    <error line=\"\(f.line)\" column=\"\(f.column)\" severity=\"\(severity)\" message=\"\(xml(f.message))\" source=\"casus.\(xml(f.category.rawValue)).\(xml(f.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }

    /// GitHub Actions workflow commands: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
    static func github(_ reports: [LintReport]) -> String {
        var out = ""
        for report in reports {
            for f in report.findings {
                let level = f.severity == .error ? "error" : (f.severity == .warning ? "warning" : "notice")
                out +=
                    "::\(level) file=\(property(f.path)),line=\(f.line),col=\(f.column),endLine=\(f.endLine),endColumn=\(f.endColumn),title=\(property(f.category.rawValue + "/" + f.rule))::\(data(f.message))\n"
            }
        }
        return out
    }

    /// XML escaping for attribute values: line breaks kept as character references.
    static func xml(_ text: String) -> String {
        XMLText.escape(text).replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\r", with: "&#13;")
    }

    private static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// Human output: `path:line:column: category/Rule: message`, the sentence with a marker under the
/// finding, and a summary per category with the readability figures.
struct LineReporter {
    let language: Language
    let color: Bool

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }

    func render(_ reports: [LintReport], summary: Bool) -> String {
        var out = ""
        for report in reports {
            for f in report.findings {
                let severityColor = f.severity == .error ? "31" : (f.severity == .warning ? "33" : "36")
                out +=
                    paint("\(f.path):\(f.line):\(f.column):", "1") + " "
                    + paint("\(f.category.rawValue)/\(f.rule):", severityColor) + " \(f.message)\n"
                if let suggestion = f.suggestion { out += "    " + t("Voorstel: ", "Suggestion: ") + suggestion + "\n" }
                if let sentence = f.sentence, let column = f.sentenceColumn, let length = f.length {
                    out += "    " + sentence + "\n"
                    out +=
                        "    "
                        + String(repeating: " ", count: displayWidth(String(sentence.unicodeScalars.prefix(column))))
                        + paint(String(repeating: "^", count: max(1, min(length, 200))), severityColor) + "\n"
                }
            }
            if summary { out += summarize(report) }
        }
        return out
    }

    private func displayWidth(_ text: String) -> Int { text.count }

    func summarize(_ report: LintReport) -> String {
        var out = ""
        let counts = LintCategory.allCases.compactMap { category -> String? in
            let n = report.count(category)
            return n > 0 ? "\(category.rawValue) \(n)" : nil
        }
        let total = report.findings.count
        out += paint(report.path, "1") + ": "
        out +=
            total == 0
            ? t("geen bevindingen", "no findings")
            : "\(total) " + t(total == 1 ? "bevinding" : "bevindingen", total == 1 ? "finding" : "findings") + " — "
                + counts.joined(separator: ", ")
        out += "\n"
        let f = report.figures
        var figures = [
            t(
                "\(f.words) woorden, \(f.sentences) zinnen, gemiddeld \(decimal(f.averageSentenceLength)) woorden per zin",
                "\(f.words) words, \(f.sentences) sentences, \(decimal(f.averageSentenceLength)) words per sentence on average"
            )
        ]
        if let douma = f.fleschDouma { figures.append("Flesch-Douma \(decimal(douma))") }
        if let brouwer = f.brouwer { figures.append("Brouwer \(decimal(brouwer))") }
        if let flesch = f.fleschReadingEase { figures.append("Flesch \(decimal(flesch))") }
        if let grade = f.fleschKincaidGrade { figures.append("Flesch-Kincaid \(decimal(grade))") }
        if let concrete = f.concreteNounShare {
            figures.append(
                t(
                    "concrete naamwoorden \(Int((concrete * 100).rounded()))%",
                    "concrete nouns \(Int((concrete * 100).rounded()))%"))
        }
        figures.append(
            t(
                "citaten \(f.quotes) (\(Int((f.quotedWordShare * 100).rounded()))% van de woorden)",
                "quotes \(f.quotes) (\(Int((f.quotedWordShare * 100).rounded()))% of the words)"))
        if !report.quotesVerified && f.quotes > 0 {
            figures.append(
                t(
                    "citaten niet gecontroleerd (geen transcript)",
                    "quotes not checked (no transcript)"))
        }
        out += "    " + figures.joined(separator: "; ") + "\n"
        return out
    }

    private func decimal(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return language == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// SARIF 2.1.0: one run, the rules that ran as `tool.driver.rules`, columns in Unicode code points.
enum SARIFReporter {
    static func render(_ reports: [LintReport], rules: [RuleDefinition], language: Language) -> String {
        var ruleIndex: [String: Int] = [:]
        var descriptors: [[String: Any]] = []
        for (i, rule) in rules.enumerated() {
            ruleIndex[rule.id] = i
            descriptors.append([
                "id": rule.id,
                "name": rule.id.split(separator: ".").last.map(String.init) ?? rule.id,
                "shortDescription": ["text": rule.name.text(language)],
                "fullDescription": ["text": rule.rationale.text(language)],
                "help": ["text": rule.rationale.text(language)],
                "defaultConfiguration": ["level": level(rule.severity)],
                "properties": ["category": rule.category.rawValue, "tags": [rule.category.rawValue]],
            ])
        }
        for meta in ["lint.RedenOntbreekt", "lint.OverbodigeUitzondering"] {
            ruleIndex[meta] = descriptors.count
            descriptors.append([
                "id": meta,
                "shortDescription": [
                    "text": meta == "lint.RedenOntbreekt"
                        ? (language == .en ? "Suppression without a reason" : "Uitzondering zonder reden")
                        : (language == .en ? "Suppression that silences nothing" : "Overbodige uitzondering")
                ],
                "defaultConfiguration": ["level": "warning"], "properties": ["category": "uitzondering"],
            ])
        }
        var results: [[String: Any]] = []
        var artifacts: [[String: Any]] = []
        for report in reports {
            artifacts.append(["location": ["uri": uri(report.path)], "sourceLanguage": "markdown", "encoding": "utf-8"])
            for f in report.findings {
                var result: [String: Any] = [
                    "ruleId": f.rule,
                    "level": level(f.severity),
                    "message": ["text": f.message + (f.suggestion.map { " " + $0 } ?? "")],
                    "locations": [
                        [
                            "physicalLocation": [
                                "artifactLocation": ["uri": uri(f.path), "index": artifacts.count - 1],
                                "region": [
                                    "startLine": f.line, "startColumn": f.column, "endLine": f.endLine,
                                    "endColumn": max(f.endColumn, f.column),
                                ],
                            ]
                        ]
                    ],
                    "properties": ["category": f.category.rawValue],
                ]
                if let index = ruleIndex[f.rule] { result["ruleIndex"] = index }
                results.append(result)
            }
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "casus-lint", "version": "0.1.0", "informationUri": "https://example.org/casus",
                            "language": language.rawValue, "rules": descriptors,
                        ]
                    ],
                    "columnKind": "unicodeCodePoints",
                    "artifacts": artifacts,
                    "results": results,
                ]
            ],
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ severity: LintSeverity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .suggestion: "note"
        }
    }

    /// A relative path stays relative; characters outside the URI grammar are percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

/// JSON text as `JSONEncoder` writes it (pretty, sorted keys, slashes unescaped).
/// JSON written as bytes, the way `JSONEncoder` writes it with pretty printing and sorted keys.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func append(_ text: String) { bytes += text.utf8 }

    mutating func number(_ value: Int) { bytes += String(value).utf8 }

    /// A string value with its escapes.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// One finding, its keys in sorted order, as an element of the findings array.
    mutating func finding(_ f: LintFinding, first: Bool) {
        append(first ? "\n        {\n" : ",\n        {\n")
        field("category", first: true)
        string(f.category.rawValue)
        field("column")
        number(f.column)
        field("endColumn")
        number(f.endColumn)
        field("endLine")
        number(f.endLine)
        if let length = f.length {
            field("length")
            number(length)
        }
        field("line")
        number(f.line)
        field("message")
        string(f.message)
        field("path")
        string(f.path)
        field("rule")
        string(f.rule)
        if let sentence = f.sentence {
            field("sentence")
            string(sentence)
        }
        if let column = f.sentenceColumn {
            field("sentenceColumn")
            number(column)
        }
        field("severity")
        string(f.severity.rawValue)
        if let suggestion = f.suggestion {
            field("suggestion")
            string(suggestion)
        }
        append("\n        }")
    }

    private mutating func field(_ name: String, first: Bool = false) {
        append(first ? "          \"" : ",\n          \"")
        append(name)
        append("\" : ")
    }
}

enum JSONText {
    /// A value through the encoder, its lines after the first indented to sit at `indent`.
    static func encoded(_ value: some Encodable, indent: Int) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map {
                $0.offset == 0 || $0.element.isEmpty
                    ? String($0.element) : String(repeating: " ", count: indent) + $0.element
            }
            .joined(separator: "\n")
    }
}
