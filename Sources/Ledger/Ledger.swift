import Foundation
import GRDB
import InstroomDomain

/// The SQLite ledger: what came in, what each run decided, what the commissie changed, and who did what.
///
/// Every write is one transaction: a failed run or a refused decision leaves the ledger as it was.
public final class Ledger: Sendable {
    let queue: DatabaseQueue
    public let path: String
    let clock: @Sendable () -> Date

    /// Opens (or creates) the ledger at `path` and brings its schema up to date.
    public init(path: String, clock: @escaping @Sendable () -> Date = Date.init) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        // Write-ahead log: a commit is one fsync of the log instead of several of the database, and
        // readers (the commissie's lists) never block a running allocation. Durability stays FULL.
        configuration.journalMode = .wal
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Schema.migrator.migrate(queue)
        } catch {
            throw LedgerError.cannotOpen(path: path, reason: "\(error)")
        }
        self.path = path
        self.clock = clock
    }

    func timestamp() -> String { Ledger.iso.string(from: clock()) }

    nonisolated(unsafe) static let iso: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    /// A case's facts exactly as the ledger stores them: an intake that changes a known case is
    /// detected by comparing these strings.
    public static func facts(_ intake: IntakeCase) -> String { json(intake) }

    static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    // MARK: - Reading

    /// Ids among `ids` that the ledger already holds.
    public func knownCaseIds(_ ids: [String]) throws -> Set<String> {
        try queue.read { db in
            var known = Set<String>()
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let found = try String.fetchAll(db, sql: "SELECT id FROM intakeCase WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))", arguments: StatementArguments(chunk))
                known.formUnion(found)
            }
            return known
        }
    }

    public func intakeCase(id: String) throws -> IntakeCase? {
        try queue.read { db in
            try IntakeCaseRecord.fetchOne(db, key: id).map { try JSONDecoder().decode(IntakeCase.self, from: Data($0.facts.utf8)) }
        }
    }

    /// The stored facts of the given cases, to detect an intake that changed a known case.
    public func storedFacts(_ ids: [String]) throws -> [String: String] {
        try queue.read { db in
            var result: [String: String] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let rows = try Row.fetchAll(db, sql: "SELECT id, facts FROM intakeCase WHERE id IN (\(databaseQuestionMarks(count: chunk.count)))", arguments: StatementArguments(chunk))
                for row in rows { result[row["id"]] = row["facts"] }
            }
            return result
        }
    }

    /// Cases that came in but have no RO yet (they waited for capacity): they go first next run.
    public func backlog(until day: Day) throws -> [IntakeCase] {
        try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT facts FROM intakeCase c
                WHERE received <= ? AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.caseId = c.id)
                ORDER BY received, id
                """, arguments: [day.description])
                .map { try JSONDecoder().decode(IntakeCase.self, from: Data($0.utf8)) }
        }
    }

    /// Weighted intake per RO in [from, to], counting each case once at its current RO.
    public func periodWeights(from: Day, to: Day) throws -> [RO: Double] {
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.ro, SUM(a.weight) AS w FROM assignment a
                WHERE a.day BETWEEN ? AND ?
                  AND a.revision = (SELECT MAX(b.revision) FROM assignment b WHERE b.caseId = a.caseId)
                GROUP BY a.ro
                """, arguments: [from.description, to.description])
            var result: [RO: Double] = [:]
            for row in rows { if let ro = RO(rawValue: row["ro"]) { result[ro] = row["w"] } }
            return result
        }
    }

    /// Workload points already given out on `day` (capacity is per day).
    public func capacityUsed(on day: Day) throws -> [RO: Double] {
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT ro, SUM(weight) AS w FROM assignment WHERE day = ? AND revision = 1 GROUP BY ro
                """, arguments: [day.description])
            var result: [RO: Double] = [:]
            for row in rows { if let ro = RO(rawValue: row["ro"]) { result[ro] = row["w"] } }
            return result
        }
    }

    /// The current assignment (highest revision) of each of the given cases.
    public func currentAssignments(_ ids: [String]) throws -> [String: AssignmentRecord] {
        try queue.read { db in
            var result: [String: AssignmentRecord] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let records = try AssignmentRecord.fetchAll(db, sql: """
                    SELECT * FROM assignment a WHERE caseId IN (\(databaseQuestionMarks(count: chunk.count)))
                      AND revision = (SELECT MAX(b.revision) FROM assignment b WHERE b.caseId = a.caseId)
                    """, arguments: StatementArguments(chunk))
                for r in records { result[r.caseId] = r }
            }
            return result
        }
    }

    public func history(caseId: String) throws -> [AssignmentRecord] {
        try queue.read { db in
            try AssignmentRecord.fetchAll(db, sql: "SELECT * FROM assignment WHERE caseId = ? ORDER BY revision", arguments: [caseId])
        }
    }

    public func runs() throws -> [RunRecord] {
        try queue.read { db in try RunRecord.fetchAll(db, sql: "SELECT * FROM run ORDER BY id") }
    }

    public func run(id: Int64) throws -> RunRecord? {
        try queue.read { db in try RunRecord.fetchOne(db, key: id) }
    }

    public func ruleSet(hash: String) throws -> RuleSetRecord? {
        try queue.read { db in try RuleSetRecord.fetchOne(db, key: hash) }
    }

    public func escalations(openOnly: Bool = false) throws -> [EscalationRecord] {
        try queue.read { db in
            try EscalationRecord.fetchAll(db, sql: "SELECT * FROM escalation \(openOnly ? "WHERE status = 'open'" : "") ORDER BY id")
        }
    }

    public func escalation(id: Int64) throws -> EscalationRecord? {
        try queue.read { db in try EscalationRecord.fetchOne(db, key: id) }
    }

    public func escalations(caseId: String) throws -> [EscalationRecord] {
        try queue.read { db in try EscalationRecord.fetchAll(db, sql: "SELECT * FROM escalation WHERE caseId = ? ORDER BY id", arguments: [caseId]) }
    }

    public func decisions() throws -> [DecisionRecord] {
        try queue.read { db in try DecisionRecord.fetchAll(db, sql: "SELECT * FROM decision ORDER BY id") }
    }

    public func audit(caseId: String? = nil) throws -> [AuditEntry] {
        try queue.read { db in
            if let caseId {
                return try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit WHERE caseId = ? OR (caseId IS NULL AND runId IN (SELECT runId FROM assignment WHERE caseId = ?)) ORDER BY id", arguments: [caseId, caseId])
            }
            return try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id")
        }
    }

    public func counts() throws -> (cases: Int, assignments: Int, runs: Int, escalations: Int, audit: Int) {
        try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intakeCase") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assignment") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM escalation") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? 0)
        }
    }
}

public enum LedgerError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case conflictingFacts(caseId: String)
    case notFound(String)
    case refused(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the ledger \(path): \(reason)"
        case .conflictingFacts(let id): "case \(id) is already in the ledger with other facts; an intake may not change a known case"
        case .notFound(let what): "\(what) not found in the ledger"
        case .refused(let why): why
        }
    }
}
