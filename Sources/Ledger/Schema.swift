import Foundation
import GRDB

/// The ledger's schema. Migrations are never edited once shipped: add a new one instead.
///
/// The database itself refuses what the convenant forbids: an assignment row can never be updated
/// or deleted, a final assignment can never be followed by another (geen werk retour), and the audit
/// log is append-only.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: intake, runs, assignments, escalations, decisions, audit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ruleSet (
                        hash TEXT PRIMARY KEY,
                        version TEXT NOT NULL,
                        title TEXT NOT NULL,
                        source TEXT NOT NULL,
                        firstUsedAt TEXT NOT NULL
                    );
                    CREATE TABLE intakeCase (
                        id TEXT PRIMARY KEY,
                        received TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('vi', 'advies', 'toezicht')),
                        weight REAL NOT NULL CHECK (weight >= 0),
                        facts TEXT NOT NULL,
                        sourceFile TEXT,
                        recordedAt TEXT NOT NULL
                    );
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        day TEXT NOT NULL,
                        startedAt TEXT NOT NULL,
                        ruleHash TEXT NOT NULL REFERENCES ruleSet(hash),
                        config TEXT NOT NULL,
                        intakeFile TEXT,
                        status TEXT NOT NULL,
                        objective REAL,
                        gap REAL,
                        seconds REAL NOT NULL,
                        nodes INTEGER NOT NULL,
                        caseCount INTEGER NOT NULL,
                        message TEXT NOT NULL
                    );
                    CREATE TABLE assignment (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        caseId TEXT NOT NULL REFERENCES intakeCase(id),
                        revision INTEGER NOT NULL CHECK (revision >= 1),
                        runId INTEGER REFERENCES run(id),
                        day TEXT NOT NULL,
                        ro TEXT NOT NULL CHECK (ro IN ('SVG', 'RN', 'LJR')),
                        weight REAL NOT NULL,
                        final INTEGER NOT NULL CHECK (final IN (0, 1)),
                        source TEXT NOT NULL CHECK (source IN ('model', 'commissie')),
                        bestFit TEXT,
                        scores TEXT NOT NULL,
                        ruleHash TEXT NOT NULL,
                        decisionId INTEGER,
                        createdAt TEXT NOT NULL,
                        UNIQUE (caseId, revision)
                    );
                    CREATE INDEX assignment_day ON assignment(day);
                    CREATE TRIGGER assignment_never_updated BEFORE UPDATE ON assignment
                    BEGIN SELECT RAISE(ABORT, 'geen werk retour: an assignment is never changed; record a decision instead'); END;
                    CREATE TRIGGER assignment_never_deleted BEFORE DELETE ON assignment
                    BEGIN SELECT RAISE(ABORT, 'geen werk retour: an assignment is never deleted'); END;
                    CREATE TRIGGER assignment_final_is_final BEFORE INSERT ON assignment
                    WHEN EXISTS (SELECT 1 FROM assignment WHERE caseId = NEW.caseId AND final = 1)
                    BEGIN SELECT RAISE(ABORT, 'geen werk retour: this case already has a final assignment'); END;
                    CREATE TRIGGER assignment_revisions_in_order BEFORE INSERT ON assignment
                    WHEN NEW.revision <> 1 + (SELECT COUNT(*) FROM assignment WHERE caseId = NEW.caseId)
                    BEGIN SELECT RAISE(ABORT, 'assignment revisions must follow each other'); END;
                    CREATE TABLE escalation (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        caseId TEXT NOT NULL REFERENCES intakeCase(id),
                        runId INTEGER REFERENCES run(id),
                        day TEXT NOT NULL,
                        reasons TEXT NOT NULL,
                        primaryReason TEXT NOT NULL,
                        provisionalRO TEXT CHECK (provisionalRO IN ('SVG', 'RN', 'LJR')),
                        status TEXT NOT NULL CHECK (status IN ('open', 'decided', 'resolved')),
                        deadline TEXT NOT NULL,
                        ruleHash TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        raisedBy TEXT NOT NULL
                    );
                    CREATE INDEX escalation_case ON escalation(caseId);
                    CREATE TABLE decision (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        escalationId INTEGER NOT NULL REFERENCES escalation(id),
                        caseId TEXT NOT NULL REFERENCES intakeCase(id),
                        action TEXT NOT NULL CHECK (action IN ('confirm', 'move')),
                        roBefore TEXT,
                        roAfter TEXT NOT NULL CHECK (roAfter IN ('SVG', 'RN', 'LJR')),
                        rationale TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
                        decidedBy TEXT NOT NULL CHECK (length(trim(decidedBy)) > 0),
                        decidedAt TEXT NOT NULL
                    );
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        caseId TEXT,
                        runId INTEGER,
                        detail TEXT NOT NULL
                    );
                    CREATE INDEX audit_case ON audit(caseId);
                    CREATE TRIGGER audit_never_updated BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER audit_never_deleted BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """
            )
        }
        migrator.registerMigration("v2: escalation context, band forecast alerts") { db in
            // The dossier shows the shares and bands as they stood when the case was escalated; a band
            // forecast is one alert per RO (not per case), so it gets its own table.
            try db.execute(
                sql: """
                    ALTER TABLE escalation ADD COLUMN context TEXT;
                    CREATE TABLE bandAlert (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        runId INTEGER REFERENCES run(id),
                        day TEXT NOT NULL,
                        ro TEXT NOT NULL CHECK (ro IN ('SVG', 'RN', 'LJR')),
                        periodStart TEXT NOT NULL,
                        periodEnd TEXT NOT NULL,
                        share REAL NOT NULL,
                        projectedShare REAL NOT NULL,
                        bandMin REAL NOT NULL,
                        bandMax REAL NOT NULL,
                        bandMode TEXT NOT NULL CHECK (bandMode IN ('hard', 'soft')),
                        direction TEXT NOT NULL CHECK (direction IN ('below', 'above')),
                        detail TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('open', 'resolved', 'superseded')),
                        deadline TEXT NOT NULL,
                        createdAt TEXT NOT NULL
                    );
                    CREATE INDEX bandAlert_ro ON bandAlert(ro, status);
                    """
            )
        }
        migrator.registerMigration("v3: typed run configuration, structured audit data") { db in
            // The audit trail gains the structured side of each event; older entries keep only their text.
            try db.execute(sql: "ALTER TABLE audit ADD COLUMN data TEXT")
            // run.config held AllocationConfig's own encoding; the ledger now owns the format
            // (RunConfiguration). Every row is converted; one that cannot be is an error, never dropped.
            let update = try db.makeStatement(sql: "UPDATE run SET config = ? WHERE id = ?")
            for row in try Row.fetchAll(db, sql: "SELECT id, config FROM run ORDER BY id") {
                let id: Int64 = row["id"]
                let text: String = row["config"]
                let legacy: LegacyRunConfiguration
                do {
                    legacy = try JSONDecoder().decode(LegacyRunConfiguration.self, from: Data(text.utf8))
                } catch {
                    throw LedgerError.unreadable(
                        table: "run",
                        row: "\(id)",
                        column: "config",
                        reason: Ledger.explain(error, pathStartsWithColumn: false).reason
                    )
                }
                try update.execute(arguments: [String(decoding: try Ledger.jsonEncoder.encode(legacy.converted), as: UTF8.self), id])
            }
        }
        migrator.registerMigration("v4: day proposals under review") { db in
            // A proposal is a draft: replaceable, nothing final, so it lives beside the assignments, not
            // in them. Confirming a day records its run and removes the proposal in one transaction.
            try db.execute(
                sql: """
                    CREATE TABLE proposal (
                        day TEXT PRIMARY KEY,
                        createdAt TEXT NOT NULL,
                        createdBy TEXT NOT NULL CHECK (length(trim(createdBy)) > 0),
                        updatedAt TEXT NOT NULL,
                        content TEXT NOT NULL
                    );
                    """
            )
        }
        registerAccounts(&migrator)
        registerOneWriter(&migrator)
        registerIntegrity(&migrator)
        return migrator
    }

    /// Brings the schema up to date, safely when several processes open a new file at once. GRDB reads
    /// which migrations are applied before each migration's own transaction, so two processes can both
    /// try to apply the same one; the second then fails in many ways ("table ... already exists",
    /// "duplicate column name", "no such table: grdb_migrations", a locked file). Each migration is one
    /// transaction, so a failed attempt left nothing behind, and the next attempt starts from what the
    /// other process applied: any database error is retried with a short pause. A migration that is
    /// really broken fails the same way every time and is reported after about five seconds.
    static func migrate(_ queue: DatabaseQueue) throws {
        let migrator = migrator
        var attempt = 0
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch is DatabaseError where attempt < 40 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.015 * Double(min(attempt, 10)))
            }
        }
    }
}
