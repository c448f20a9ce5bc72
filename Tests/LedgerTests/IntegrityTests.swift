import Foundation
import GRDB
import InstroomDomain
import InstroomTesting
import Synchronization
import Testing

@testable import Ledger

/// Issue 14, the ledger's integrity: the audit hash chain, `verify`, privacy (file mode, read-only,
/// missing files, purge) and backup/restore. The raw-SQL tampering of every table is in the CLI's
/// `TamperingCommandTests`, which runs `instroom verify` as a process.
struct IntegrityTests {
    /// A ledger with a final case A, a provisional escalated case B decided by the commissie (moved),
    /// and a provisional escalated case C left open.
    func ledger(_ path: String = Fixtures.ledgerPath()) throws -> Ledger {
        let ledger = try Ledger(path: path)
        try ledger.record(Self.draft([("A", .SVG, true), ("B", .RN, false), ("C", .LJR, false)]))
        let b = try #require(try ledger.escalations(caseId: "B").first)
        try ledger.decide(escalationId: b.id!, moveTo: .SVG, rationale: "Continuïteit", by: "Voorzitter")
        return ledger
    }

    /// `LedgerTests`' draft with a rule set whose hash is that of its source, as `verify` checks.
    static func draft(_ cases: [(String, RO, Bool)]) -> RunDraft {
        var draft = LedgerTests().draft(cases)
        draft.ruleSet = RuleSetRecord(hash: AuditChain.hex("rules"), version: "t", title: "test", source: "rules", firstUsedAt: "")
        return draft
    }

    @Test func everyAuditEntryIsChainedToThePreviousOne() throws {
        let ledger = try ledger()
        let entries = try ledger.audit()
        #expect(entries.count > 5)
        #expect(entries[0].prevHash == nil)
        for (previous, entry) in zip(entries, entries.dropFirst()) {
            #expect(entry.prevHash == previous.hash)
            #expect(entry.hash?.count == 64)
        }
        #expect(entries.filter { $0.caseId == "A" }.allSatisfy { $0.factsHash?.count == 64 })
        let verification = try ledger.verify()
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(verification.auditEntries == entries.count)
        #expect(verification.assignments == 4 && verification.decisions == 1 && verification.escalations == 2)
        #expect(verification.summary.hasPrefix("ledger intact: \(entries.count) audit entries chained"))
    }

    /// Band forecasts are history too: only an open one may be closed, and `verify` checks them against the audit.
    @Test func bandForecastsAreProtectedAndVerified() throws {
        let ledger = try ledger()
        func alert(_ ro: RO) -> BandAlertRecord {
            BandAlertRecord(
                day: LedgerTests.day.description,
                ro: ro,
                periodStart: "2026-01-01",
                periodEnd: "2026-03-31",
                share: 0.4,
                projectedShare: 0.45,
                bandMin: 0.5,
                bandMax: 0.7,
                bandMode: .hard,
                direction: .below,
                detail: "onder de band",
                deadline: "2026-03-09"
            )
        }
        var first = Self.draft([("D", .SVG, true)])
        first.bandAlerts = [alert(.SVG)]
        try ledger.record(first)
        var second = Self.draft([("E", .SVG, true)])
        second.bandAlerts = [alert(.SVG)]
        try ledger.record(second)  // supersedes B1
        let before = try ledger.verify()
        #expect(before.isIntact, "\(before.problems)")
        for sql in [
            "UPDATE bandAlert SET status = 'open' WHERE id = 1", "UPDATE bandAlert SET detail = 'x' WHERE id = 2",
            "DELETE FROM bandAlert WHERE id = 1", "REPLACE INTO bandAlert SELECT * FROM bandAlert WHERE id = 1",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try ledger.queue.write { try $0.execute(sql: sql) } }
        }
        try ledger.queue.write { db in
            try db.execute(sql: "DROP TRIGGER bandAlert_only_status_changes; DROP TRIGGER bandAlert_never_deleted")
            try db.execute(sql: "UPDATE bandAlert SET status = 'open' WHERE id = 1; UPDATE bandAlert SET detail = 'x' WHERE id = 2")
        }
        let problems = try ledger.verify().problems.map(\.description)
        #expect(problems.contains("bandAlert 1: is open, but its audit entries closed it"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("bandAlert 2: differs from its audit entry") }, "\(problems)")
    }

    /// A case inserted again with the same facts (`INSERT OR IGNORE`, or `REPLACE` by a tool) changes
    /// nothing; with other facts it is refused.
    @Test func aKnownCaseIsKeptAsItIs() throws {
        let ledger = try ledger()
        let copy = "INSERT INTO intakeCase SELECT id, received, kind, weight, facts, 'other.csv', 'later' FROM intakeCase WHERE id = 'A'"
        for sql in [
            copy, copy.replacingOccurrences(of: "INSERT", with: "INSERT OR IGNORE"),
            copy.replacingOccurrences(of: "INSERT", with: "REPLACE"),
        ] {
            try ledger.queue.write { try $0.execute(sql: sql) }
        }
        #expect(try ledger.queue.read { try String.fetchOne($0, sql: "SELECT sourceFile FROM intakeCase WHERE id = 'A'") } == nil)
        let other = copy.replacingOccurrences(of: "facts,", with: "json_set(facts, '$.age', 30),")
        for sql in [other, other.replacingOccurrences(of: "INSERT", with: "REPLACE")] {
            #expect(throws: DatabaseError.self) { try ledger.queue.write { try $0.execute(sql: sql) } }
        }
        #expect(try ledger.verify().isIntact)
    }

    @Test func anEntryThatDoesNotChainToTheNewestIsRefused() throws {
        let ledger = try ledger()
        #expect(throws: DatabaseError.self) {
            try ledger.queue.write { db in
                try db.execute(
                    sql: "INSERT INTO audit (at, actor, action, detail, prevHash, hash) VALUES ('x', 'x', 'run', 'x', NULL, 'h')"
                )
            }
        }
    }

    /// Ledgers written before v6 get their chain in the migration, over the entries in id order.
    @Test func theMigrationChainsAnExistingAudit() throws {
        let path = Fixtures.ledgerPath()
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "accounts: users, sessions, api tokens")
        try queue.write { db in
            for n in 1...3 {
                try db.execute(
                    sql: "INSERT INTO audit (at, actor, action, detail, data) VALUES (?, 'oud', 'run', ?, NULL)",
                    arguments: ["2025-01-0\(n)T00:00:00Z", "Verdeling \(n)"]
                )
            }
        }
        let ledger = try Ledger(path: path)
        let entries = try ledger.audit()
        #expect(entries.count == 3)
        #expect(entries[0].prevHash == nil && entries[1].prevHash == entries[0].hash && entries[2].prevHash == entries[1].hash)
        try ledger.record(Self.draft([("A", .SVG, true)]))
        #expect(try ledger.audit()[3].prevHash == entries[2].hash)
        // The old "run" entries name no run row: verify says so (they were written by hand here).
        #expect(try ledger.verify().problems.allSatisfy { $0.table == "audit" })
    }

    @Test func theLedgerFileAndItsLogAreOnlyReadableByItsOwner() throws {
        let path = Fixtures.ledgerPath()
        let ledger = try ledger(path)
        for file in [path, path + "-wal", path + "-shm"] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
            #expect(mode & 0o777 == 0o600, "\(file): \(String(mode, radix: 8))")
        }
        _ = ledger
    }

    /// A ledger from before the 0600 rule (or copied with a wider mode): a reading opening leaves it, a
    /// writing one restricts it and its log files to the owner, and the data stays.
    @Test func anOlderLedgerReadableByOthersIsRestrictedWhenOpenedForWriting() throws {
        let path = Fixtures.ledgerPath()
        let entries = try ledger(path).audit().count
        func mode(_ file: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) & 0o777
        }
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        }
        _ = try Ledger(path: path, access: .readOnly)
        #expect(try mode(path) == 0o644)
        let reopened = try Ledger(path: path, access: .existing)
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        #expect(try reopened.audit().count == entries && entries > 0)
    }

    @Test func aMissingLedgerIsRefusedForReadingAndNeverCreated() throws {
        let path = Fixtures.ledgerPath()
        for access in [LedgerAccess.existing, .readOnly] {
            #expect {
                try Ledger(path: path, access: access)
            } throws: { error in
                "\(error)" == "no ledger at \(path); allocate or propose first, or check --db"
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aReadOnlyLedgerReadsButNeverWritesNorMigrates() throws {
        let path = Fixtures.ledgerPath()
        _ = try ledger(path)
        let reader = try Ledger(path: path, access: .readOnly)
        #expect(try reader.currentAssignments(["A"])["A"]?.ro == .SVG)
        #expect(try reader.verify().isIntact)
        #expect(throws: (any Error).self) {
            try reader.contest(caseId: "C", reason: "r", by: "x", on: LedgerTests.day, deadline: LedgerTests.day)
        }

        let old = Fixtures.ledgerPath()
        try Schema.migrator.migrate(try DatabaseQueue(path: old), upTo: "v4: day proposals under review")
        #expect {
            try Ledger(path: old, access: .readOnly)
        } throws: { error in
            "\(error)".contains("needs a schema update") && "\(error)".contains(old)
        }
        #expect(try DatabaseQueue(path: old).read { try Schema.migrator.hasCompletedMigrations($0) } == false)
    }

    @Test func purgeRemovesFactsAndExplanationsOfClosedCasesOnlyAndKeepsTheChain() throws {
        let ledger = try ledger()
        let auditBefore = try ledger.audit()
        let result = try ledger.purge(receivedBefore: LedgerTests.day.adding(days: 1), by: "Beheerder")
        #expect(result.purgedCases == 2)  // A (final) and B (decided); C's escalation is open
        #expect(result.keptOpen == 1)
        #expect(try ledger.intakeCase(id: "A") == nil)
        #expect(try ledger.intakeCase(id: "C") != nil)
        for caseId in ["A", "B"] {
            for assignment in try ledger.history(caseId: caseId) {
                #expect(assignment.scores.scores.isEmpty && assignment.scores.reasons.isEmpty && assignment.scores.flags.isEmpty)
                #expect(assignment.scores.bestFit == assignment.bestFit)
            }
        }
        #expect(try ledger.history(caseId: "C")[0].scores == LedgerTests.scores(.LJR))
        #expect(try ledger.currentAssignments(["A", "B"]).mapValues(\.ro) == ["A": .SVG, "B": .SVG])
        let auditAfter = try ledger.audit()
        #expect(Array(auditAfter.prefix(auditBefore.count)) == auditBefore)
        #expect(auditAfter.last?.action == .purge && auditAfter.last?.data?.purged == 2)
        #expect(
            auditAfter.last?.detail
                == "Bewaartermijn: feiten en toelichtingen verwijderd van 2 afgesloten zaken ontvangen vóór 2026-03-03"
        )
        let verification = try ledger.verify()
        #expect(verification.isIntact, "\(verification.problems)")
        // A second purge finds nothing new, and a case's facts cannot be changed other than by purge.
        #expect(try ledger.purge(receivedBefore: LedgerTests.day.adding(days: 1), by: "Beheerder").purgedCases == 0)
        #expect(throws: DatabaseError.self) {
            try ledger.queue.write { try $0.execute(sql: "UPDATE intakeCase SET facts = '{}' WHERE id = 'C'") }
        }
    }

    @Test func theRetentionCutoffIsTheSameDateYearsBack() {
        #expect(Ledger.retentionCutoff(today: Day("2026-11-26")!, years: 7) == Day("2019-11-26")!)
        #expect(Ledger.retentionCutoff(today: Day("2028-02-29")!, years: 1) == Day("2027-03-01")!)
    }

    /// A backup taken while another connection keeps writing is a consistent ledger that verifies, and
    /// a restore keeps the ledger it replaces.
    @Test func backupWhileWritingAndRestore() throws {
        let path = Fixtures.ledgerPath()
        let ledger = try ledger(path)
        let writer = try Ledger(path: path)
        let stop = Atomic(false)
        let written = Atomic(0)
        let thread = Thread {
            var n = 0
            while !stop.load(ordering: .relaxed) {
                n += 1
                _ = try? writer.record(IntegrityTests.draft([("W\(n)", .RN, true)]))
                written.store(n, ordering: .relaxed)
            }
        }
        thread.start()
        while written.load(ordering: .relaxed) < 3 { usleep(1000) }
        let backups = Fixtures.temporaryFolder()
        var copies: [String] = []
        for n in 1...3 {
            let copy = backups.appendingPathComponent("backup\(n).sqlite").path
            let verification = try ledger.backup(to: copy)
            #expect(verification.isIntact, "\(verification.problems)")
            copies.append(copy)
        }
        stop.store(true, ordering: .relaxed)
        while !thread.isFinished { usleep(1000) }
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: copies[0])[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)
        #expect(throws: LedgerError.self) { try ledger.backup(to: copies[0]) }

        let casesInBackup = try Ledger(path: copies[0], access: .readOnly).counts().cases
        #expect(casesInBackup < (try ledger.counts().cases))
        #expect(throws: LedgerError.self) { try Ledger.restore(from: copies[0], to: path, replacing: false) }
        let restored = try Ledger.restore(from: copies[0], to: path, replacing: true)
        #expect(restored.verification.isIntact)
        #expect(try ledger.counts().cases == casesInBackup)
        let kept = try #require(restored.previousKeptAt)
        #expect(try Ledger(path: kept, access: .readOnly).counts().cases > casesInBackup)
    }

    @Test func aBackupThatDoesNotVerifyIsNotRestored() throws {
        let path = Fixtures.ledgerPath()
        let ledger = try ledger(path)
        let copy = Fixtures.temporaryFolder().appendingPathComponent("bad.sqlite").path
        try ledger.backup(to: copy)
        try DatabaseQueue(path: copy).write { db in
            try db.execute(sql: "DROP TRIGGER audit_never_updated; UPDATE audit SET detail = 'anders' WHERE id = 2")
        }
        let before = try ledger.counts()
        #expect {
            try Ledger.restore(from: copy, to: path, replacing: true)
        } throws: { error in
            "\(error)".contains("does not verify, nothing was restored") && "\(error)".contains("audit 2: its hash does not match")
        }
        #expect(try ledger.counts() == before)
    }
}
