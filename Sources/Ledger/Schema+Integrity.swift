import GRDB

extension Schema {
    /// The tombstone `purge` writes over a case's facts (valid JSON, so any JSON tool still reads the column).
    static let purgedFacts = #"{"purged":true}"#

    /// Tamper protection for every table that records what happened, and the audit hash chain.
    /// Registered after every other migration by `migrator`; never edited once shipped.
    ///
    /// `INSERT OR REPLACE` deletes the old row without firing delete triggers (unless
    /// `recursive_triggers` is on), so each table also refuses an insert whose key already exists
    /// (a case inserted again with the very same facts is skipped instead: nothing changes).
    /// The only updates left are those the application makes: an open escalation's lifecycle, an open
    /// band alert's status, and `purge` replacing a closed case's facts and explanations by a tombstone.
    static func registerIntegrity(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6: tamper protection and audit hash chain") { db in
            try db.execute(
                sql: """
                    ALTER TABLE audit ADD COLUMN factsHash TEXT;
                    ALTER TABLE audit ADD COLUMN prevHash TEXT;
                    ALTER TABLE audit ADD COLUMN hash TEXT;
                    DROP TRIGGER audit_never_updated;
                    """
            )
            try backfillAuditChain(db)
            try db.execute(sql: integrityTriggers)
        }
    }

    /// Chains the entries written before v6, in id order, with the facts as they stand now.
    private static func backfillAuditChain(_ db: Database) throws {
        let sha = DatabaseFunction("sha256hex", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map(AuditChain.hex)
        }
        db.add(function: sha)
        defer { db.remove(function: sha) }
        try db.execute(
            sql: "UPDATE audit SET factsHash = (SELECT sha256hex(facts) FROM intakeCase WHERE intakeCase.id = audit.caseId)"
        )
        let update = try db.makeStatement(sql: "UPDATE audit SET prevHash = ?, hash = ? WHERE id = ?")
        let select = "SELECT id, " + AuditChain.columns.joined(separator: ", ") + " FROM audit ORDER BY id"
        var prevHash: String?
        let rows = try Row.fetchAll(db, sql: select)
        for row in rows {
            let hash = AuditChain.hash(values: AuditChain.columns.map { row[$0] as DatabaseValue }, prevHash: prevHash)
            try update.execute(arguments: [prevHash, hash, row["id"] as Int64])
            prevHash = hash
        }
    }

    /// `a IS b` for every listed column: true when none of them changed (NULL-safe).
    private static func unchanged(_ columns: [String]) -> String {
        columns.map { "NEW.\($0) IS OLD.\($0)" }.joined(separator: " AND ")
    }

    private static func refuse(_ name: String, _ when: String, _ table: String, _ event: String, _ message: String) -> String {
        "CREATE TRIGGER \(name) BEFORE \(event) ON \(table) WHEN \(when)\nBEGIN SELECT RAISE(ABORT, '\(message)'); END;\n"
    }

    private static func neverReplaced(_ table: String, key: String, _ message: String) -> String {
        refuse("\(table)_never_replaced", "EXISTS (SELECT 1 FROM \(table) WHERE \(key) = NEW.\(key))", table, "INSERT", message)
    }

    private static func neverChanged(_ table: String, _ what: String) -> String {
        refuse("\(table)_never_updated", "1", table, "UPDATE", "\(what) is never changed")
            + refuse("\(table)_never_deleted", "1", table, "DELETE", "\(what) is never deleted")
    }

    private static var integrityTriggers: String {
        let scoresPurged = """
            json_valid(NEW.scores) AND json_extract(NEW.scores, '$.scores') = '{}' AND json_extract(NEW.scores, '$.reasons') = '{}'
              AND json_array_length(NEW.scores, '$.flags') = 0 AND json_extract(NEW.scores, '$.continuity') IS NULL
              AND json_extract(NEW.scores, '$.bestFit') IS json_extract(OLD.scores, '$.bestFit')
              AND json_extract(NEW.scores, '$.ruleHash') IS json_extract(OLD.scores, '$.ruleHash')
              AND json_extract(NEW.scores, '$.ruleVersion') IS json_extract(OLD.scores, '$.ruleVersion')
            """
        let assignmentFixed = unchanged([
            "id", "caseId", "revision", "runId", "day", "ro", "weight", "final", "source", "bestFit", "ruleHash", "decisionId", "createdAt",
        ])
        let intakeFixed = unchanged(["id", "received", "kind", "weight", "sourceFile", "recordedAt"])
        let escalationFixed = unchanged(["id", "caseId", "runId", "day", "deadline", "ruleHash", "createdAt", "raisedBy"])
        let bandAlertFixed = unchanged([
            "id", "runId", "day", "ro", "periodStart", "periodEnd", "share", "projectedShare", "bandMin", "bandMax", "bandMode",
            "direction", "detail", "deadline", "createdAt",
        ])
        return """
            CREATE TRIGGER audit_never_updated BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            \(neverReplaced("audit", key: "id", "the audit log is append-only: an entry is never replaced"))
            \(refuse("audit_chained", "NEW.hash IS NULL OR NEW.prevHash IS NOT (SELECT hash FROM audit ORDER BY id DESC LIMIT 1)",
                "audit", "INSERT", "the audit log is append-only: a new entry must chain to the newest one (prevHash, hash)"))
            DROP TRIGGER assignment_never_updated;
            \(refuse("assignment_never_updated", "NOT (\(assignmentFixed) AND \(scoresPurged))", "assignment", "UPDATE",
                "geen werk retour: an assignment is never changed; record a decision instead"))
            \(refuse("assignment_never_replaced",
                "EXISTS (SELECT 1 FROM assignment WHERE id = NEW.id OR (caseId = NEW.caseId AND revision = NEW.revision))",
                "assignment", "INSERT", "geen werk retour: an assignment is never replaced"))
            \(refuse("intakeCase_facts_never_change", "NOT (\(intakeFixed) AND NEW.facts = '\(purgedFacts)')", "intakeCase", "UPDATE",
                "a case''s facts never change (only purge removes them)"))
            \(refuse("intakeCase_never_deleted", "1", "intakeCase", "DELETE", "a case is never deleted (purge removes its facts)"))
            CREATE TRIGGER intakeCase_known_is_kept BEFORE INSERT ON intakeCase
            WHEN EXISTS (SELECT 1 FROM intakeCase WHERE id = NEW.id AND facts IS NEW.facts)
            BEGIN SELECT RAISE(IGNORE); END;
            \(refuse("intakeCase_never_replaced", "EXISTS (SELECT 1 FROM intakeCase WHERE id = NEW.id AND facts IS NOT NEW.facts)",
                "intakeCase", "INSERT", "this case is already in the ledger with other facts; its facts never change"))
            \(refuse("escalation_closed_is_closed", "OLD.status <> 'open'", "escalation", "UPDATE",
                "a decided or resolved escalation never changes"))
            \(refuse("escalation_identity_fixed", "NOT (\(escalationFixed))", "escalation", "UPDATE",
                "an escalation''s case, run, day, deadline, rules and author never change"))
            \(refuse("escalation_never_deleted", "1", "escalation", "DELETE", "an escalation is never deleted"))
            \(neverReplaced("escalation", key: "id", "an escalation is never replaced"))
            \(neverChanged("decision", "a decision of the begeleidingscommissie"))
            \(neverReplaced("decision", key: "id", "a decision of the begeleidingscommissie is never replaced"))
            \(neverChanged("run", "a recorded run"))
            \(neverReplaced("run", key: "id", "a recorded run is never replaced"))
            \(neverChanged("ruleSet", "a stored wegingskader"))
            \(neverReplaced("ruleSet", key: "hash", "a stored wegingskader is never replaced"))
            \(refuse("bandAlert_only_status_changes", "NOT (\(bandAlertFixed)) OR OLD.status <> 'open'", "bandAlert", "UPDATE",
                "a band forecast never changes, except an open one being resolved or superseded"))
            \(refuse("bandAlert_never_deleted", "1", "bandAlert", "DELETE", "a band forecast is never deleted"))
            \(neverReplaced("bandAlert", key: "id", "a band forecast is never replaced"))
            """
    }
}
