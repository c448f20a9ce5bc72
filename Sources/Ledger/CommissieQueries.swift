import Foundation
import GRDB
import InstroomDomain

extension Ledger {
    /// Band forecasts, newest last; `openOnly` leaves out resolved and superseded ones.
    public func bandAlerts(openOnly: Bool = false) throws -> [BandAlertRecord] {
        try queue.read { db in
            try BandAlertRecord.fetchAll(db, sql: "SELECT * FROM bandAlert \(openOnly ? "WHERE status = 'open'" : "") ORDER BY id")
        }
    }

    public func bandAlert(id: Int64) throws -> BandAlertRecord? {
        try queue.read { db in try BandAlertRecord.fetchOne(db, key: id) }
    }

    /// The decision on an escalation, if it was decided.
    public func decision(escalationId: Int64) throws -> DecisionRecord? {
        try queue.read { db in
            try DecisionRecord.fetchOne(db, sql: "SELECT * FROM decision WHERE escalationId = ? ORDER BY id DESC LIMIT 1", arguments: [escalationId])
        }
    }

    /// Weighted intake per day and RO in [from, to] (each case once, at its current RO): the trend
    /// from which band forecasts are made.
    public func dailyWeights(from: Day, to: Day) throws -> [Day: [RO: Double]] {
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.day, a.ro, SUM(a.weight) AS w FROM assignment a
                WHERE a.day BETWEEN ? AND ?
                  AND a.revision = (SELECT MAX(b.revision) FROM assignment b WHERE b.caseId = a.caseId)
                GROUP BY a.day, a.ro
                """, arguments: [from.description, to.description])
            var result: [Day: [RO: Double]] = [:]
            for row in rows {
                guard let day = Day(row["day"] as String), let ro = RO(rawValue: row["ro"]) else { continue }
                result[day, default: [:]][ro] = row["w"]
            }
            return result
        }
    }
}
