import Foundation
import GRDB
import InstroomTesting
import Testing

/// Issue 14's acceptance: an attacker with the ledger file bypasses instroom with raw SQL. With the
/// schema's triggers in place every REPLACE, UPDATE and DELETE on a table of record is refused; with
/// the triggers dropped (an attacker can), `instroom verify` reports each change and exits 1.
struct TamperingCommandTests {
    struct Tampering: CustomTestStringConvertible, Sendable {
        var table: String
        var operation: String
        /// SQL that finds the row to tamper with (its key replaces KEY in `sql`).
        var target: String
        var sql: String
        /// What the schema's trigger says when it refuses.
        var refusal: String
        /// What `verify` must print once the triggers are gone, given the key.
        var report: @Sendable (String) -> String

        var testDescription: String { "\(operation) \(table)" }
    }

    static let finalModelAssignment = "SELECT MIN(id) FROM assignment WHERE final = 1 AND source = 'model'"
    static let swapRO = "CASE ro WHEN 'SVG' THEN 'RN' ELSE 'SVG' END"
    static let assignmentColumns =
        "id, caseId, revision, runId, day, ro, weight, final, source, bestFit, scores, ruleHash, decisionId, createdAt"
    static let auditColumns = "id, at, actor, action, caseId, runId, detail, data, factsHash, prevHash, hash"
    static let escalationColumns =
        "id, caseId, runId, day, reasons, primaryReason, provisionalRO, status, deadline, ruleHash, createdAt, raisedBy, context"
    static let decisionColumns = "id, escalationId, caseId, action, roBefore, roAfter, rationale, decidedBy, decidedAt"
    static let runColumns = "id, day, startedAt, ruleHash, config, intakeFile, status, objective, gap, seconds, nodes, caseCount, message"

    /// `REPLACE` of row KEY with itself, one column (`column`, as it appears in `columns`) replaced by `value`.
    static func replace(_ table: String, _ columns: String, _ column: String, by value: String) -> String {
        "REPLACE INTO \(table) (\(columns)) SELECT \(columns.replacingOccurrences(of: column, with: value)) FROM \(table) WHERE id = KEY"
    }

    static let tamperings: [Tampering] = [
        Tampering(
            table: "assignment",
            operation: "UPDATE",
            target: finalModelAssignment,
            sql: "UPDATE assignment SET ro = \(swapRO) WHERE id = KEY",
            refusal: "geen werk retour",
            report: { "assignment \($0): (case" }
        ),
        Tampering(
            table: "assignment",
            operation: "REPLACE",
            target: finalModelAssignment,
            sql:
                replace("assignment", assignmentColumns, " ro,", by: " \(swapRO),"),
            refusal: "geen werk retour: an assignment is never replaced",
            report: { "assignment \($0): (case" }
        ),
        Tampering(
            table: "assignment",
            operation: "DELETE",
            target: finalModelAssignment,
            sql: "DELETE FROM assignment WHERE id = KEY",
            refusal: "geen werk retour: an assignment is never deleted",
            report: { _ in "records an assignment of case" }
        ),
        Tampering(
            table: "audit",
            operation: "UPDATE",
            target: "SELECT MIN(id) FROM audit WHERE action = 'assign'",
            sql: "UPDATE audit SET detail = 'Definitief toegewezen aan LJ&R' WHERE id = KEY",
            refusal: "append-only",
            report: { "audit \($0): its hash does not match its contents" }
        ),
        Tampering(
            table: "audit",
            operation: "REPLACE",
            target: "SELECT MIN(id) FROM audit WHERE action = 'assign'",
            sql:
                replace("audit", auditColumns, "detail", by: "'Definitief toegewezen aan LJ&R'"),
            refusal: "append-only",
            report: { "audit \($0): its hash does not match its contents" }
        ),
        Tampering(
            table: "audit",
            operation: "DELETE",
            target: "SELECT MIN(id) FROM audit WHERE action = 'assign'",
            sql: "DELETE FROM audit WHERE id = KEY",
            refusal: "append-only",
            report: { "audit \(Int($0)! + 1): its prevHash is not the hash of entry \(Int($0)! - 1)" }
        ),
        Tampering(
            table: "intakeCase",
            operation: "UPDATE",
            target: "SELECT caseId FROM assignment WHERE final = 1 ORDER BY id LIMIT 1",
            sql: "UPDATE intakeCase SET facts = json_set(facts, '$.age', 99) WHERE id = 'KEY'",
            refusal: "facts never change",
            report: { "intakeCase \($0): its facts are not those audit entry" }
        ),
        Tampering(
            table: "intakeCase",
            operation: "REPLACE",
            target: "SELECT caseId FROM assignment WHERE final = 1 ORDER BY id LIMIT 1",
            sql: """
                REPLACE INTO intakeCase (id, received, kind, weight, facts, sourceFile, recordedAt)
                SELECT id, received, kind, weight, json_set(facts, '$.age', 99), sourceFile, recordedAt FROM intakeCase WHERE id = 'KEY'
                """,
            refusal: "already in the ledger",
            report: { "intakeCase \($0): its facts are not those audit entry" }
        ),
        Tampering(
            table: "intakeCase",
            operation: "DELETE",
            target: "SELECT caseId FROM assignment WHERE final = 1 ORDER BY id LIMIT 1",
            sql: "DELETE FROM intakeCase WHERE id = 'KEY'",
            refusal: "a case is never deleted",
            report: { "(case \($0), revision 1) names a case that is not in the ledger" }
        ),
        Tampering(
            table: "escalation",
            operation: "UPDATE",
            target: "SELECT MIN(escalationId) FROM decision",
            sql: "UPDATE escalation SET status = 'open' WHERE id = KEY",
            refusal: "never changes",
            report: { "escalation \($0): has a decision but is open" }
        ),
        Tampering(
            table: "escalation",
            operation: "REPLACE",
            target: "SELECT MIN(escalationId) FROM decision",
            sql:
                replace("escalation", escalationColumns, "status", by: "'open'"),
            refusal: "an escalation is never replaced",
            report: { "escalation \($0): has a decision but is open" }
        ),
        Tampering(
            table: "escalation",
            operation: "DELETE",
            target: "SELECT MIN(escalationId) FROM decision",
            sql: "DELETE FROM escalation WHERE id = KEY",
            refusal: "an escalation is never deleted",
            report: { "records escalation \($0), which is not in the ledger" }
        ),
        Tampering(
            table: "decision",
            operation: "UPDATE",
            target: "SELECT MIN(id) FROM decision",
            sql: "UPDATE decision SET rationale = 'Anders besloten' WHERE id = KEY",
            refusal: "is never changed",
            report: { "decision \($0): differs from its audit entry" }
        ),
        Tampering(
            table: "decision",
            operation: "REPLACE",
            target: "SELECT MIN(id) FROM decision",
            sql:
                replace("decision", decisionColumns, "rationale", by: "'Anders besloten'"),
            refusal: "is never replaced",
            report: { "decision \($0): differs from its audit entry" }
        ),
        Tampering(
            table: "decision",
            operation: "DELETE",
            target: "SELECT MIN(id) FROM decision",
            sql: "DELETE FROM decision WHERE id = KEY",
            refusal: "is never deleted",
            report: { "records decision \($0), which is not in the ledger" }
        ),
        Tampering(
            table: "run",
            operation: "UPDATE",
            target: "SELECT MIN(id) FROM run",
            sql: "UPDATE run SET status = 'feasible' WHERE id = KEY",
            refusal: "a recorded run is never changed",
            report: { "run \($0): its solver status differs" }
        ),
        Tampering(
            table: "run",
            operation: "REPLACE",
            target: "SELECT MIN(id) FROM run",
            sql:
                replace("run", runColumns, "status", by: "'feasible'"),
            refusal: "a recorded run is never replaced",
            report: { "run \($0): its solver status differs" }
        ),
        Tampering(
            table: "run",
            operation: "DELETE",
            target: "SELECT MIN(id) FROM run",
            sql: "DELETE FROM run WHERE id = KEY",
            refusal: "a recorded run is never deleted",
            report: { "records run \($0), which is not in the ledger" }
        ),
        Tampering(
            table: "ruleSet",
            operation: "UPDATE",
            target: "SELECT hash FROM ruleSet LIMIT 1",
            sql: "UPDATE ruleSet SET source = source || ' ' WHERE hash = 'KEY'",
            refusal: "a stored wegingskader is never changed",
            report: { "ruleSet \($0.prefix(12)): its stored source does not hash to its key" }
        ),
        Tampering(
            table: "ruleSet",
            operation: "REPLACE",
            target: "SELECT hash FROM ruleSet LIMIT 1",
            sql:
                "REPLACE INTO ruleSet (hash, version, title, source, firstUsedAt) "
                + "SELECT hash, version, title, source || ' ', firstUsedAt FROM ruleSet WHERE hash = 'KEY'",
            refusal: "a stored wegingskader is never replaced",
            report: { "ruleSet \($0.prefix(12)): its stored source does not hash to its key" }
        ),
        Tampering(
            table: "ruleSet",
            operation: "DELETE",
            target: "SELECT hash FROM ruleSet LIMIT 1",
            sql: "DELETE FROM ruleSet WHERE hash = 'KEY'",
            refusal: "a stored wegingskader is never deleted",
            report: { "records wegingskader \($0.prefix(12)), which is not in the ledger" }
        ),
    ]

    struct SetupFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// One day allocated with tight capacities (final and provisional cases, escalations, waiting
    /// cases), an escalation moved by the commissie and a contest, all through the binary. Built once.
    static let template: Result<String, any Error> = Result {
        let dir = Fixtures.temporaryFolder()
        let db = dir.appendingPathComponent("template.sqlite").path
        let config = dir.appendingPathComponent("tight.yaml")
        try "capacity:\n  SVG: 40\n  RN: 45\n  LJR: 20\n".write(to: config, atomically: true, encoding: .utf8)
        func run(_ arguments: [String]) throws {
            let r = try CLI.run(arguments + ["--db", db])
            guard r.status == 0 else { throw SetupFailed(description: "\(arguments): \(r.stderr)") }
        }
        try run(["allocate", "--config", config.path])
        let open = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, caseId, provisionalRO FROM escalation WHERE status = 'open' AND provisionalRO IS NOT NULL ORDER BY id"
            )
        }
        guard open.count >= 2 else { throw SetupFailed(description: "the template day has \(open.count) provisional escalations") }
        let from: String = open[0]["provisionalRO"]
        try run([
            "decide", "\(open[0]["id"] as Int64)", "--ro", from == "SVG" ? "RN" : "SVG", "--rationale", "Continuïteit", "--by",
            "Voorzitter",
        ])
        try run(["contest", open[1]["caseId"], "--reason", "Dakloos", "--by", "Triagist", "--date", "2026-03-02"])
        try run(["verify"])
        return db
    }

    @Test(arguments: tamperings)
    func theSchemaRefusesAndVerifyReports(_ tampering: Tampering) throws {
        let db = Fixtures.temporaryFolder().appendingPathComponent("ledger.sqlite").path
        try FileManager.default.copyItem(atPath: try Self.template.get(), toPath: db)
        // An attacker's connection: no foreign keys (sqlite3's default), recursive triggers on.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let attacker = try DatabaseQueue(path: db, configuration: configuration)
        let key = try #require(try attacker.read { try String.fetchOne($0, sql: tampering.target) })
        let sql = tampering.sql.replacingOccurrences(of: "KEY", with: key)

        let refused = try #require(throws: DatabaseError.self) {
            try attacker.write { db in
                try db.execute(sql: "PRAGMA recursive_triggers = ON")
                try db.execute(sql: sql)
            }
        }
        #expect(refused.message?.contains(tampering.refusal) == true, "\(refused)")
        let intact = try CLI.run(["verify", "--db", db])
        #expect(intact.status == 0, "\(intact.stdout)")
        #expect(intact.stdout.hasPrefix("ledger intact: "), "\(intact.stdout)")

        try attacker.writeWithoutTransaction { db in
            for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: sql)
            #expect(db.changesCount == 1)
        }
        let verify = try CLI.run(["verify", "--db", db])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains(tampering.report(key)), "\(verify.stdout)")
        #expect(verify.stdout.contains("ledger NOT intact"), "\(verify.stdout)")
    }

    @Test func readingCommandsRefuseAMissingLedgerAndCreateNone() throws {
        let db = Fixtures.temporaryFolder().appendingPathComponent("typo.sqlite").path
        for arguments in [["escalations", "list"], ["escalations", "show", "1"], ["audit"], ["verify"], ["backup", db + ".bak"]] {
            let r = try CLI.run(arguments + ["--db", db])
            #expect(r.status != 0, "\(arguments)")
            #expect(r.stderr.contains("no ledger at \(db); allocate or propose first, or check --db"), "\(arguments): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func readOnlyReportsPurgeBackupAndRestoreThroughTheBinary() throws {
        let dir = Fixtures.temporaryFolder()
        let db = dir.appendingPathComponent("ledger.sqlite").path
        try FileManager.default.copyItem(atPath: try Self.template.get(), toPath: db)
        let list = try CLI.run(["escalations", "list", "--read-only", "--db", db])
        #expect(list.status == 0, "\(list.stderr)")
        let audit = try CLI.run(["audit", "--read-only", "--db", db])
        #expect(audit.status == 0, "\(audit.stderr)")

        let backup = dir.appendingPathComponent("backup.sqlite").path
        let b = try CLI.run(["backup", backup, "--db", db])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(b.stdout.contains("wrote \(backup): ledger intact"), "\(b.stdout)")

        let purge = try CLI.run(["purge", "--before", "2026-03-03", "--by", "Beheerder", "--db", db])
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(purge.stdout.contains("purged "), "\(purge.stdout)")
        #expect(try CLI.run(["verify", "--db", db]).status == 0)
        let refused = try CLI.run(["restore", backup, "--db", db])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
        let restore = try CLI.run(["restore", backup, "--force", "--db", db])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(restore.stdout.contains("kept the replaced ledger as \(db).before-restore-"), "\(restore.stdout)")
        let trail = try CLI.run(["audit", "--json", "--db", db])
        #expect(!trail.stdout.contains("\"purge\""), "the restored ledger is the one from before the purge")
    }
}
