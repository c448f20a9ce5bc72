import Foundation
import GRDB
import InstroomDomain

extension Ledger {
    /// Band forecasts, oldest first; `openOnly` leaves out resolved and superseded ones.
    public func bandAlerts(openOnly: Bool = false) throws -> [BandAlertRecord] {
        try queue.read { db in
            let all = BandAlertRecord.order(BandAlertRecord.Columns.id)
            return try Ledger.fetchAll(
                db,
                openOnly ? all.filter(BandAlertRecord.Columns.status == BandAlertRecord.Status.open.rawValue) : all
            )
        }
    }

    public func bandAlert(id: Int64) throws -> BandAlertRecord? {
        try queue.read { db in try Ledger.fetchOne(db, BandAlertRecord.filter(key: id)) }
    }

    /// The decision on an escalation, if it was decided.
    public func decision(escalationId: Int64) throws -> DecisionRecord? {
        try queue.read { db in
            try Ledger.fetchOne(
                db,
                DecisionRecord.filter(DecisionRecord.Columns.escalationId == escalationId).order(DecisionRecord.Columns.id.desc)
            )
        }
    }

    /// Weighted intake per day and RO in [from, to] (each case once, at its current RO): the trend
    /// from which band forecasts are made.
    public func dailyWeights(from: Day, to: Day) throws -> [Day: [RO: Double]] {
        try queue.read { db in try Ledger.dailyWeights(from: from, to: to, db) }
    }

    static func dailyWeights(from: Day, to: Day, _ db: Database) throws -> [Day: [RO: Double]] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.day, a.ro, SUM(a.weight) AS w FROM assignment a
                WHERE a.day BETWEEN ? AND ?
                  AND a.revision = (SELECT MAX(b.revision) FROM assignment b WHERE b.caseId = a.caseId)
                GROUP BY a.day, a.ro
                """,
            arguments: [from.description, to.description]
        )
        var result: [Day: [RO: Double]] = [:]
        for row in rows {
            let text: String = row["day"]
            guard let day = Day(text) else {
                throw LedgerError.unreadable(
                    table: AssignmentRecord.databaseTableName,
                    row: "?",
                    column: "day",
                    reason: "not a day: '\(text)'"
                )
            }
            result[day, default: [:]][try Ledger.ro(row)] = row["w"]
        }
        return result
    }
}
