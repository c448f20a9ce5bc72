import Foundation
import GRDB
import InstroomDomain

/// The SQLite ledger: what came in, what each run decided, what the commissie changed, and who did what.
///
/// Every write is one transaction: a failed run or a refused decision leaves the ledger as it was.
/// Every read is typed and strict: a stored value that does not decode is a `LedgerError.unreadable`.
public final class Ledger: Sendable {
    let queue: DatabaseQueue
    public let path: String
    let clock: @Sendable () -> Date

    /// How long a command waits for another instroom process that is writing, unless told otherwise:
    /// long enough for a 10,000-case allocation (about 1.5 s of solving under the lock) several times over.
    public static let defaultBusyTimeout: TimeInterval = 60

    /// Opens (or creates) the ledger at `path` and brings its schema up to date; see `LedgerAccess`. While
    /// another process holds the write lock this waits up to `busyTimeout` seconds (logging once that it
    /// waits), then fails with `LedgerError.busy`.
    public init(
        path: String,
        busyTimeout: TimeInterval = Ledger.defaultBusyTimeout,
        clock: @escaping @Sendable () -> Date = Date.init,
        access: LedgerAccess = .create
    ) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .callback(LedgerBusyWait(path: path, timeout: busyTimeout).callback)
        // Write-ahead log: a commit is one fsync of the log instead of several of the database, and
        // readers (the commissie's lists) never block a running allocation.
        configuration.journalMode = .wal
        configuration.readonly = access == .readOnly
        try Ledger.prepareFile(path, access: access)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Ledger.bringUpToDate(queue, path: path, access: access)
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw LedgerError.busy(path: path)
        } catch {
            throw LedgerError.cannotOpen(path: path, reason: "\(error)")
        }
        self.path = path
        self.clock = clock
    }

    /// One write transaction (BEGIN IMMEDIATE: the write lock is taken before anything is read), with a
    /// busy ledger reported as `LedgerError.busy` instead of SQLite's "database is locked".
    func writeTransaction<T>(_ updates: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try updates(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw LedgerError.busy(path: path)
        }
    }

    func timestamp() -> String { Ledger.iso.string(from: clock()) }

    nonisolated(unsafe) static let iso: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()

    /// The JSON columns' format: sorted keys, so equal values are equal text. Shared because a run
    /// encodes thousands of cells and an encoder per cell is measurable.
    static let jsonEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .throw
        return e
    }()

    /// A JSON column's text, in the format GRDB writes for Codable properties of these records.
    static func jsonText<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try jsonEncoder.encode(value), as: UTF8.self)
    }

    // MARK: - Reading

    /// Ids among `ids` that the ledger already holds.
    public func knownCaseIds(_ ids: [String]) throws -> Set<String> {
        try queue.read { db in
            Set(
                try Ledger.inSlices(ids) { slice in
                    try String.fetchAll(
                        db,
                        IntakeCaseRecord.select(IntakeCaseRecord.Columns.id).filter(slice.contains(IntakeCaseRecord.Columns.id))
                    )
                }
            )
        }
    }

    /// The case's facts; nil when the case is unknown or its facts were purged (`knownCaseIds` tells which).
    public func intakeCase(id: String) throws -> IntakeCase? {
        try queue.read { db in try Ledger.fetchOne(db, IntakeCaseRecord.filter(key: id).filter(IntakeCaseRecord.notPurged))?.facts }
    }

    /// The stored facts of the given cases, to detect an intake that changed a known case.
    public func storedFacts(_ ids: [String]) throws -> [String: IntakeCase] {
        try queue.read { db in try Ledger.storedFacts(ids, db) }
    }

    static func storedFacts(_ ids: [String], _ db: Database) throws -> [String: IntakeCase] {
        let records = try inSlices(ids) { slice in
            try fetchAll(db, IntakeCaseRecord.filter(slice.contains(IntakeCaseRecord.Columns.id)).filter(IntakeCaseRecord.notPurged))
        }
        return Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.facts) })
    }

    /// Cases that came in but have no RO yet (they waited for capacity): they go first next run.
    public func backlog(until day: Day) throws -> [IntakeCase] {
        try queue.read { db in try Ledger.backlog(until: day, db) }
    }

    static func backlog(until day: Day, _ db: Database) throws -> [IntakeCase] {
        try Ledger.fetchAll(
            db,
            IntakeCaseRecord
                .filter(IntakeCaseRecord.Columns.received <= day.description)
                .filter(IntakeCaseRecord.notPurged)
                .filter(sql: "NOT EXISTS (SELECT 1 FROM assignment a WHERE a.caseId = intakeCase.id)")
                .order(IntakeCaseRecord.Columns.received, IntakeCaseRecord.Columns.id)
        )
        .map(\.facts)
    }

    /// Weighted intake per RO in [from, to], counting each case once at its current RO.
    public func periodWeights(from: Day, to: Day) throws -> [RO: Double] {
        try queue.read { db in try Ledger.periodWeights(from: from, to: to, db) }
    }

    static func periodWeights(from: Day, to: Day, _ db: Database) throws -> [RO: Double] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.ro, SUM(a.weight) AS w FROM assignment a
                WHERE a.day BETWEEN ? AND ?
                  AND a.revision = (SELECT MAX(b.revision) FROM assignment b WHERE b.caseId = a.caseId)
                GROUP BY a.ro
                """,
            arguments: [from.description, to.description]
        )
        return try Dictionary(uniqueKeysWithValues: rows.map { (try Ledger.ro($0), $0["w"] as Double) })
    }

    /// Workload points already given out on `day` (capacity is per day).
    public func capacityUsed(on day: Day) throws -> [RO: Double] {
        try queue.read { db in try Ledger.capacityUsed(on: day, db) }
    }

    static func capacityUsed(on day: Day, _ db: Database) throws -> [RO: Double] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT ro, SUM(weight) AS w FROM assignment WHERE day = ? AND revision = 1 GROUP BY ro
                """,
            arguments: [day.description]
        )
        return try Dictionary(uniqueKeysWithValues: rows.map { (try Ledger.ro($0), $0["w"] as Double) })
    }

    /// An RO read from an aggregate row: the schema's CHECK makes anything else corruption, reported as such.
    static func ro(_ row: Row) throws -> RO {
        let code: String = row["ro"]
        guard let ro = RO(rawValue: code) else {
            throw LedgerError.unreadable(table: AssignmentRecord.databaseTableName, row: "?", column: "ro", reason: "unknown RO '\(code)'")
        }
        return ro
    }

    /// Restricts an assignment request to each case's current (highest) revision.
    static let currentRevision: SQL = "revision = (SELECT MAX(b.revision) FROM assignment b WHERE b.caseId = assignment.caseId)"

    /// The current assignment (highest revision) of each of the given cases.
    public func currentAssignments(_ ids: [String]) throws -> [String: AssignmentRecord] {
        try queue.read { db in try Ledger.currentAssignments(ids, db) }
    }

    static func currentAssignments(_ ids: [String], _ db: Database) throws -> [String: AssignmentRecord] {
        let records = try Ledger.inSlices(ids) { slice in
            try Ledger.fetchAll(
                db,
                AssignmentRecord.filter(slice.contains(AssignmentRecord.Columns.caseId)).filter(literal: Ledger.currentRevision)
            )
        }
        return Dictionary(uniqueKeysWithValues: records.map { ($0.caseId, $0) })
    }

    public func history(caseId: String) throws -> [AssignmentRecord] {
        try queue.read { db in
            try Ledger.fetchAll(
                db,
                AssignmentRecord.filter(AssignmentRecord.Columns.caseId == caseId).order(AssignmentRecord.Columns.revision)
            )
        }
    }

    public func runs() throws -> [RunRecord] {
        try queue.read { db in try Ledger.fetchAll(db, RunRecord.order(RunRecord.Columns.id)) }
    }

    public func run(id: Int64) throws -> RunRecord? {
        try queue.read { db in try Ledger.fetchOne(db, RunRecord.filter(key: id)) }
    }

    public func ruleSet(hash: String) throws -> RuleSetRecord? {
        try queue.read { db in try Ledger.fetchOne(db, RuleSetRecord.filter(key: hash)) }
    }

    public func escalations(openOnly: Bool = false) throws -> [EscalationRecord] {
        try queue.read { db in
            let all = EscalationRecord.order(EscalationRecord.Columns.id)
            return try Ledger.fetchAll(
                db,
                openOnly ? all.filter(EscalationRecord.Columns.status == EscalationRecord.Status.open.rawValue) : all
            )
        }
    }

    public func escalation(id: Int64) throws -> EscalationRecord? {
        try queue.read { db in try Ledger.fetchOne(db, EscalationRecord.filter(key: id)) }
    }

    public func escalations(caseId: String) throws -> [EscalationRecord] {
        try queue.read { db in try Ledger.escalations(caseId: caseId, db) }
    }

    /// The escalation a number or case id names (`escalations show`): a case's open escalation, or its
    /// latest when none is open; a number that is no escalation but a case's id counts as that case.
    /// Nil when there is none; band forecasts (`B3`) have their own lookup, `bandAlert(id:)`.
    public func escalation(_ reference: EscalationReference) throws -> EscalationRecord? {
        try queue.read { db in
            func latestOf(_ caseId: String) throws -> EscalationRecord? {
                let all = try Ledger.escalations(caseId: caseId, db)
                return all.last { $0.status == .open } ?? all.last
            }
            switch reference {
            case .escalation(let id): return try Ledger.fetchOne(db, EscalationRecord.filter(key: id)) ?? latestOf(String(id))
            case .caseId(let caseId): return try latestOf(caseId)
            case .bandAlert: return try latestOf(reference.description)
            }
        }
    }

    /// Escalations (all, or only open ones) raised in [from, to], oldest first: the commissie's filters
    /// on the day narrow the query itself, so a long ledger is not read whole for one meeting's list.
    public func escalations(openOnly: Bool, from: Day?, to: Day?) throws -> [EscalationRecord] {
        try queue.read { db in
            var request = EscalationRecord.order(EscalationRecord.Columns.id)
            if openOnly { request = request.filter(EscalationRecord.Columns.status == EscalationRecord.Status.open.rawValue) }
            if let from { request = request.filter(Column("day") >= from.description) }
            if let to { request = request.filter(Column("day") <= to.description) }
            return try Ledger.fetchAll(db, request)
        }
    }

    public func decisions() throws -> [DecisionRecord] {
        try queue.read { db in try Ledger.fetchAll(db, DecisionRecord.order(DecisionRecord.Columns.id)) }
    }

    /// The whole trail, or a case's own entries plus those of the runs that allocated it.
    public func audit(caseId: String? = nil) throws -> [AuditEntry] {
        try queue.read { db in
            var request = AuditEntry.order(AuditEntry.Columns.id)
            if let caseId {
                request = request.filter(
                    literal: """
                        caseId = \(caseId) OR (caseId IS NULL AND runId IN (SELECT runId FROM assignment WHERE caseId = \(caseId)))
                        """
                )
            }
            return try Ledger.fetchAll(db, request)
        }
    }

    public func counts() throws -> (cases: Int, assignments: Int, runs: Int, escalations: Int, audit: Int) {
        try queue.read { db in
            (
                try IntakeCaseRecord.fetchCount(db), try AssignmentRecord.fetchCount(db), try RunRecord.fetchCount(db),
                try EscalationRecord.fetchCount(db), try AuditEntry.fetchCount(db)
            )
        }
    }
}
