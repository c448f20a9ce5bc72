import GRDB

extension Schema {
    /// Migration v5: what one writer at a time guarantees, the schema now guarantees too. A case is placed
    /// by the model once (every later revision is a commissie decision), has at most one open
    /// escalation, and has an id no other case has in other upper/lower case. Before v5 two allocations at once could do either; such a ledger is reported, case by
    /// case, instead of being silently repaired. Never edited once shipped.
    static func registerOneWriter(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5: one current assignment per case") { db in
            try refuseDuplicates(
                db,
                sql: "SELECT caseId, COUNT(*) FROM assignment WHERE source = 'model' GROUP BY caseId HAVING COUNT(*) > 1 ORDER BY caseId",
                what: "assigned by the model more than once"
            )
            try refuseDuplicates(
                db,
                sql: "SELECT caseId, COUNT(*) FROM escalation WHERE status = 'open' GROUP BY caseId HAVING COUNT(*) > 1 ORDER BY caseId",
                what: "with more than one open escalation"
            )
            try refuseDuplicates(
                db,
                sql: "SELECT lower(id), COUNT(*) FROM intakeCase GROUP BY lower(id) HAVING COUNT(*) > 1 ORDER BY lower(id)",
                what: "whose ids differ only in upper/lower case"
            )
            try db.execute(
                sql: """
                    CREATE UNIQUE INDEX intakeCase_id_ignoring_case ON intakeCase(id COLLATE NOCASE);
                    CREATE UNIQUE INDEX assignment_one_model_placement ON assignment(caseId) WHERE source = 'model';
                    CREATE UNIQUE INDEX escalation_one_open_per_case ON escalation(caseId) WHERE status = 'open';
                    """
            )
        }
    }

    /// A ledger written by concurrent runs before v5: named, so the beheerder can repair it from the audit.
    private static func refuseDuplicates(_ db: Database, sql: String, what: String) throws {
        let rows = try Row.fetchAll(db, sql: sql)
        guard !rows.isEmpty else { return }
        let ids = rows.prefix(10).map { "\($0[0] as String) (\($0[1] as Int)x)" }.joined(separator: ", ")
        throw LedgerError.refused(
            "this ledger holds \(rows.count) case(s) \(what), written by two runs at once before schema v5: \(ids)"
                + (rows.count > 10 ? ", ..." : "") + "; it needs repair before this version of instroom can use it"
        )
    }
}
