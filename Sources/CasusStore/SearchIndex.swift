import CasusCore
import Foundation
import GRDB

/// A search result: where the words were found, with a short excerpt around them.
public struct SearchHit: Codable, Sendable, Equatable {
    public var caseId: String
    /// `transcript`, `narrative`, `event` or `finding`.
    public var kind: String
    /// The interview, narrative version, event or finding id.
    public var ref: String
    /// The text around the match, with matched words between `[` and `]`.
    public var excerpt: String
}

/// Full-text search over transcripts, the current narrative, events and findings.
/// Diacritics are folded (`cafe` finds `café`) and every word matches as a prefix, which suits
/// Dutch compounds and inflections better than an English stemmer.
enum SearchIndex {
    struct Document: Equatable {
        var kind: String
        var ref: String
        var body: String
    }

    static func documents(for dossier: Dossier) -> [Document] {
        var docs: [Document] = []
        for interview in dossier.interviews {
            if let transcript = interview.transcript, !transcript.isEmpty {
                docs.append(Document(kind: "transcript", ref: interview.id, body: transcript))
            }
        }
        if let narrative = dossier.currentNarrative {
            docs.append(Document(kind: "narrative", ref: String(narrative.number), body: narrative.text))
        }
        for event in dossier.events {
            docs.append(
                Document(
                    kind: "event", ref: event.id, body: [event.what, event.experience ?? ""].joined(separator: "\n")))
        }
        for finding in dossier.findings {
            docs.append(
                Document(
                    kind: "finding", ref: finding.id, body: [finding.claim, finding.note ?? ""].joined(separator: "\n"))
            )
        }
        return docs
    }

    /// Replaces the case's documents when they changed.
    static func update(_ db: Database, caseId: String, from old: Dossier?, to new: Dossier?) throws {
        let before = old.map(documents(for:)) ?? []
        let after = new.map(documents(for:)) ?? []
        guard before != after else { return }
        try db.execute(sql: "DELETE FROM searchDoc WHERE caseId = ?", arguments: [caseId])
        let insert = try db.cachedStatement(sql: "INSERT INTO searchDoc(caseId, kind, ref, body) VALUES (?, ?, ?, ?)")
        for doc in after {
            try insert.execute(arguments: [caseId, doc.kind, doc.ref, doc.body])
        }
    }

    /// Words that occur in nearly every text; left out of a query that has other words.
    static let stopwords: Set<String> = [
        "de", "het", "een", "en", "van", "in", "is", "op", "te", "dat", "die", "met", "er", "voor", "aan", "bij", "of",
        "om", "als",
        "the", "a", "an", "and", "of", "to", "in", "is", "on", "at", "for", "with",
    ]

    /// Turns what a person types into an FTS5 query: every word must occur, each as a prefix.
    /// Quotes and operators in the input are taken as plain text.
    static func matchExpression(for query: String) -> String? {
        let words = query.split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { !$0.isEmpty }
        let meaningful = words.filter { !stopwords.contains($0.lowercased()) }
        let chosen = meaningful.isEmpty ? words : meaningful
        guard !chosen.isEmpty else { return nil }
        return chosen.prefix(16).map { "\"\($0)\"*" }.joined(separator: " AND ")
    }

    /// Ranks first and cuts excerpts afterwards: `snippet()` costs far more than ranking, so it runs
    /// only for the hits that are shown.
    static func search(_ db: Database, query: String, caseId: String?, limit: Int) throws -> [SearchHit] {
        guard let match = matchExpression(for: query) else { return [] }
        var sql = "SELECT searchFts.rowid FROM searchFts"
        var arguments: StatementArguments = []
        if let caseId {
            sql += " JOIN searchDoc d ON d.rowid = searchFts.rowid WHERE searchFts MATCH ? AND d.caseId = ?"
            arguments += [match, caseId]
        } else {
            sql += " WHERE searchFts MATCH ?"
            arguments += [match]
        }
        sql += " ORDER BY rank LIMIT ?"
        arguments += [limit]
        let rowids = try Int64.fetchAll(db, sql: sql, arguments: arguments)
        let excerpt = try db.cachedStatement(
            sql: """
                SELECT d.caseId, d.kind, d.ref, snippet(searchFts, 0, '[', ']', '…', 12) AS excerpt
                FROM searchFts JOIN searchDoc d ON d.rowid = searchFts.rowid
                WHERE searchFts MATCH ? AND searchFts.rowid = ?
                """)
        return try rowids.compactMap { rowid in
            try Row.fetchOne(excerpt, arguments: [match, rowid]).map { row in
                SearchHit(
                    caseId: row["caseId"], kind: row["kind"], ref: row["ref"],
                    excerpt: (row["excerpt"] as String).replacingOccurrences(of: "\n", with: " "))
            }
        }
    }
}
