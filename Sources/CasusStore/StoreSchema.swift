import GRDB

/// The database schema as frozen, named migrations. A migration that has shipped is never edited:
/// changes come as new migrations appended to the list.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-v1-dossier", migrate: createDossierTables)
        migrator.registerMigration("2026-11-v1-audit", migrate: createAuditLog)
        migrator.registerMigration("2026-11-v1-search", migrate: createSearchIndex)
        migrator.registerMigration("2026-11-v1-case-summary", migrate: createCaseSummary)
        migrator.registerMigration("2026-11-v2-workflow", migrate: addWorkflow)
        migrator.registerMigration("2026-11-v3-codes", migrate: addCodes)
        migrator.registerMigration(
            "2026-11-v4-pronoun",
            migrate: { db in
                try db.execute(sql: "ALTER TABLE participant ADD COLUMN pronoun TEXT")
            })
        migrator.registerMigration("2026-11-v5-accounts", migrate: addAccounts)
        migrator.registerMigration(
            "2026-11-v6-lint-confirmed",
            migrate: { db in
                try db.execute(sql: "ALTER TABLE narrativeVersion ADD COLUMN lintConfirmed TEXT")
            })
        migrator.registerMigration(
            "2026-12-v7-narrative-draft",
            migrate: { db in
                try db.execute(
                    sql: """
                        CREATE TABLE narrativeDraft (
                          caseId TEXT NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
                          login TEXT NOT NULL,
                          basedOn INTEGER NOT NULL,
                          text TEXT NOT NULL,
                          savedAt TEXT NOT NULL,
                          PRIMARY KEY (caseId, login)
                        ) WITHOUT ROWID
                        """)
            })
        migrator.registerMigration(
            "2026-12-v8-removal",
            migrate: { db in
                try db.execute(
                    sql: """
                        CREATE TABLE removal (
                          id INTEGER PRIMARY KEY AUTOINCREMENT,
                          caseId TEXT NOT NULL REFERENCES casus(id) ON DELETE CASCADE,
                          kind TEXT NOT NULL,
                          recordId TEXT NOT NULL,
                          before BLOB NOT NULL,
                          removedBy TEXT NOT NULL,
                          removedAt TEXT NOT NULL,
                          undoneAt TEXT
                        )
                        """)
            })
        return migrator
    }

    /// Child rows belong to a case and are removed with it. References between parts are
    /// checked at commit, so a transaction may write parts in any order.
    private static func caseChild(
        _ table: String, columns: String, primaryKey: String = "caseId, id", references: [String] = []
    ) -> String {
        let refs = references.map { ",\n  " + $0 + " DEFERRABLE INITIALLY DEFERRED" }.joined()
        return """
            CREATE TABLE \(table) (
              caseId TEXT NOT NULL REFERENCES casus(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
              \(columns),
              PRIMARY KEY (\(primaryKey))\(refs)
            ) WITHOUT ROWID
            """
    }

    private static func createDossierTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE casus (
                  id TEXT NOT NULL PRIMARY KEY,
                  title TEXT NOT NULL,
                  vraagstuk TEXT NOT NULL,
                  opdrachtgever TEXT,
                  language TEXT NOT NULL CHECK (language IN ('nl', 'en')),
                  researchers TEXT NOT NULL DEFAULT '[]',
                  coach TEXT,
                  summary TEXT,
                  currentNarrative INTEGER,
                  createdAt TEXT NOT NULL,
                  updatedAt TEXT NOT NULL
                );
                CREATE INDEX casus_updated ON casus(updatedAt);
                -- A case being erased on purpose: only then may its consent ledger go.
                CREATE TABLE caseErasure (caseId TEXT NOT NULL PRIMARY KEY);
                """)
        let tables = [
            caseChild(
                "selection",
                columns: """
                      number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 7),
                      met INTEGER NOT NULL, justification TEXT NOT NULL, answeredBy TEXT NOT NULL, at TEXT NOT NULL
                    """, primaryKey: "caseId, number"),
            caseChild(
                "agency",
                columns: """
                      id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT, contact TEXT NOT NULL, note TEXT
                    """),
            caseChild(
                "participant",
                columns: """
                      id TEXT NOT NULL, pseudonym TEXT NOT NULL, role TEXT NOT NULL, endUserKind TEXT, agencyId TEXT,
                      level TEXT, relation TEXT, description TEXT
                    """, references: ["FOREIGN KEY (caseId, agencyId) REFERENCES agency(caseId, id)"]),
            caseChild(
                "consentEntry",
                columns: """
                      id TEXT NOT NULL, participantId TEXT NOT NULL, granted TEXT NOT NULL, refused TEXT NOT NULL, withdrawn TEXT NOT NULL,
                      letterVersion TEXT, letterSha256 TEXT, at TEXT NOT NULL, method TEXT NOT NULL, evidence TEXT, obtainedBy TEXT NOT NULL,
                      support TEXT, copyGiven INTEGER NOT NULL, retainUntil TEXT, note TEXT
                    """, references: ["FOREIGN KEY (caseId, participantId) REFERENCES participant(caseId, id)"]),
            caseChild(
                "lawfulBasis",
                columns: """
                      id TEXT NOT NULL, participantId TEXT, basis TEXT NOT NULL, explanation TEXT NOT NULL, recordedBy TEXT NOT NULL, at TEXT NOT NULL
                    """, references: ["FOREIGN KEY (caseId, participantId) REFERENCES participant(caseId, id)"]),
            caseChild(
                "interview",
                columns: """
                      id TEXT NOT NULL, participantId TEXT NOT NULL, at TEXT NOT NULL, plannedMinutes INTEGER NOT NULL, actualMinutes INTEGER,
                      shortReason TEXT, place TEXT, mode TEXT NOT NULL, interviewers TEXT NOT NULL, safetyChecked INTEGER NOT NULL,
                      storyExplained INTEGER NOT NULL, transcript TEXT, audio TEXT, note TEXT
                    """, references: ["FOREIGN KEY (caseId, participantId) REFERENCES participant(caseId, id)"]),
            caseChild(
                "quote",
                columns: """
                      id TEXT NOT NULL, interviewId TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, speakerId TEXT NOT NULL,
                      text TEXT NOT NULL, note TEXT, CHECK ("end" > start AND start >= 0)
                    """,
                references: [
                    "FOREIGN KEY (caseId, interviewId) REFERENCES interview(caseId, id)",
                    "FOREIGN KEY (caseId, speakerId) REFERENCES participant(caseId, id)",
                ]),
            caseChild(
                "narrativeVersion",
                columns: """
                      number INTEGER NOT NULL, author TEXT NOT NULL, at TEXT NOT NULL, text TEXT NOT NULL, note TEXT
                    """, primaryKey: "caseId, number"),
            caseChild(
                "event",
                columns: """
                      id TEXT NOT NULL, date TEXT, endDate TEXT, actor TEXT NOT NULL, channel TEXT, what TEXT NOT NULL, experience TEXT,
                      quoteId TEXT, impact INTEGER CHECK (impact BETWEEN -2 AND 2), visibleToEndUser INTEGER NOT NULL, evidence TEXT NOT NULL,
                      phase TEXT, knelpunten TEXT NOT NULL, keyMoment INTEGER NOT NULL, note TEXT
                    """, references: ["FOREIGN KEY (caseId, quoteId) REFERENCES quote(caseId, id)"]),
            caseChild(
                "handoff",
                columns: """
                      id TEXT NOT NULL, fromAgencyId TEXT NOT NULL, toAgencyId TEXT NOT NULL, date TEXT, channel TEXT, what TEXT NOT NULL,
                      happened INTEGER NOT NULL, eventId TEXT, evidence TEXT NOT NULL, note TEXT
                    """,
                references: [
                    "FOREIGN KEY (caseId, fromAgencyId) REFERENCES agency(caseId, id)",
                    "FOREIGN KEY (caseId, toAgencyId) REFERENCES agency(caseId, id)",
                    "FOREIGN KEY (caseId, eventId) REFERENCES event(caseId, id)",
                ]),
            caseChild(
                "finding",
                columns: """
                      id TEXT NOT NULL, agencyId TEXT NOT NULL, level TEXT NOT NULL, claim TEXT NOT NULL, status TEXT NOT NULL, source TEXT,
                      respondentId TEXT, eventIds TEXT NOT NULL, note TEXT
                    """,
                references: [
                    "FOREIGN KEY (caseId, agencyId) REFERENCES agency(caseId, id)",
                    "FOREIGN KEY (caseId, respondentId) REFERENCES participant(caseId, id)",
                ]),
            caseChild(
                "leervraag",
                columns: "id TEXT NOT NULL, text TEXT NOT NULL, eventIds TEXT NOT NULL, findingIds TEXT NOT NULL"),
            caseChild(
                "dilemma",
                columns:
                    "id TEXT NOT NULL, text TEXT NOT NULL, explanation TEXT, eventIds TEXT NOT NULL, findingIds TEXT NOT NULL"
            ),
            caseChild(
                "review",
                columns: """
                      id TEXT NOT NULL, step INTEGER NOT NULL CHECK (step BETWEEN 0 AND 4), coach TEXT NOT NULL, at TEXT NOT NULL,
                      decision TEXT NOT NULL, comments TEXT, contentHash TEXT
                    """),
            caseChild(
                "wederhoor",
                columns: """
                      id TEXT NOT NULL, kind TEXT NOT NULL, agencyId TEXT NOT NULL, sentAt TEXT NOT NULL, dueDate TEXT, respondedAt TEXT,
                      response TEXT, declined INTEGER NOT NULL, changes TEXT
                    """, references: ["FOREIGN KEY (caseId, agencyId) REFERENCES agency(caseId, id)"]),
        ]
        for table in tables { try db.execute(sql: table) }
        // The consent ledger is append-only: entries are never changed, and removed only when the
        // whole case is erased.
        try db.execute(
            sql: """
                CREATE TRIGGER consentEntry_no_update BEFORE UPDATE ON consentEntry
                BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;
                CREATE TRIGGER consentEntry_no_delete BEFORE DELETE ON consentEntry
                WHEN NOT EXISTS (SELECT 1 FROM caseErasure WHERE caseId = OLD.caseId)
                BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;
                """)
    }

    private static func createAuditLog(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE auditLog (
                  seq INTEGER NOT NULL PRIMARY KEY,
                  at TEXT NOT NULL,
                  actor TEXT NOT NULL,
                  caseId TEXT NOT NULL,
                  entity TEXT NOT NULL,
                  entityId TEXT NOT NULL,
                  operation TEXT NOT NULL,
                  contentHash TEXT,
                  detail TEXT,
                  prevHash TEXT NOT NULL,
                  hash TEXT NOT NULL
                );
                CREATE INDEX auditLog_entity ON auditLog(caseId, entity, entityId, seq);
                CREATE TRIGGER auditLog_no_update BEFORE UPDATE ON auditLog
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER auditLog_no_delete BEFORE DELETE ON auditLog
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
    }

    private static func createSearchIndex(_ db: Database) throws {
        // searchDoc holds the text; searchFts indexes it (external content), folding diacritics.
        try db.execute(
            sql: """
                CREATE TABLE searchDoc (
                  rowid INTEGER PRIMARY KEY,
                  caseId TEXT NOT NULL,
                  kind TEXT NOT NULL,
                  ref TEXT NOT NULL,
                  body TEXT NOT NULL
                );
                CREATE INDEX searchDoc_case ON searchDoc(caseId);
                CREATE VIRTUAL TABLE searchFts USING fts5(
                  body, content='searchDoc', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER searchDoc_ai AFTER INSERT ON searchDoc BEGIN
                  INSERT INTO searchFts(rowid, body) VALUES (new.rowid, new.body);
                END;
                CREATE TRIGGER searchDoc_ad AFTER DELETE ON searchDoc BEGIN
                  INSERT INTO searchFts(searchFts, rowid, body) VALUES ('delete', old.rowid, old.body);
                END;
                """)
    }

    /// Counts per case for `casus case list`, kept up to date by every write; a cache that the
    /// listing can read in one scan instead of counting four tables per case.
    private static func createCaseSummary(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE caseSummary (
                  caseId TEXT NOT NULL PRIMARY KEY REFERENCES casus(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                  participants INTEGER NOT NULL,
                  interviews INTEGER NOT NULL,
                  events INTEGER NOT NULL,
                  narrativeVersions INTEGER NOT NULL
                ) WITHOUT ROWID
                """)
    }

    /// The guided route: the publication form of a case, coaches' overrides of gate checks, and
    /// Doetank gatekeepers reviews.
    private static func addWorkflow(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE casus ADD COLUMN publicationForm TEXT")
        try db.execute(
            sql: caseChild(
                "gateOverride",
                columns: """
                      id TEXT NOT NULL, step INTEGER NOT NULL CHECK (step BETWEEN 0 AND 4), "check" TEXT NOT NULL, reason TEXT NOT NULL,
                      by TEXT NOT NULL, at TEXT NOT NULL
                    """))
        try db.execute(
            sql: caseChild(
                "doetankReview",
                columns: """
                      id TEXT NOT NULL, phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 6), answers TEXT NOT NULL, coach TEXT NOT NULL,
                      at TEXT NOT NULL, note TEXT
                    """))
    }

    /// The codebook of a case and the codings of transcript spans, quotes and events (QDA).
    private static func addCodes(_ db: Database) throws {
        try db.execute(
            sql: caseChild(
                "code",
                columns: """
                      id TEXT NOT NULL, name TEXT NOT NULL, colour TEXT, description TEXT, parentId TEXT,
                      leervraagIds TEXT NOT NULL
                    """))
        try db.execute(
            sql: caseChild(
                "coding",
                columns: """
                      id TEXT NOT NULL, codeId TEXT NOT NULL, interviewId TEXT, start INTEGER, "end" INTEGER, text TEXT,
                      quoteId TEXT, eventId TEXT, note TEXT
                    """,
                references: ["FOREIGN KEY (caseId, codeId) REFERENCES code(caseId, id)"]))
    }
}
