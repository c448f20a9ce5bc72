import Foundation
import GRDB
import InstroomDomain

extension Ledger {
    /// The retention period `instroom purge` applies when no `--before` is given. A parameter, not a
    /// rule from the sources: they set no period (see DOMAIN.md); 7 years is a placeholder for the
    /// organisation's own choice.
    public static let defaultRetentionYears = 7

    /// The first day still within `years` of retention on `today`: the same calendar date `years` back
    /// (29 February falls on 1 March).
    public static func retentionCutoff(today: Day, years: Int) -> Day {
        let firstOfMonth = Day(year: today.year, month: today.month, day: 1)!
        return Day(year: today.year - years, month: today.month, day: 1)!.adding(days: firstOfMonth.days(until: today))
    }

    /// Removes what identifies a closed case past retention, in one transaction: its facts (offences,
    /// problems, age, ...) become a tombstone and its assignments lose their scores, explanations,
    /// flags and continuity. The case id, dates, kind, weight, ROs and the whole audit stay, so the
    /// shares, the history and the hash chain still verify. A case is closed when its current
    /// assignment is final and it has no open escalation. The purge itself is audited.
    public func purge(receivedBefore day: Day, by actor: String) throws -> PurgeResult {
        guard !actor.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw LedgerError.refused("a purge needs a name (--by)")
        }
        let now = timestamp()
        return try writeTransaction { db in
            let old = "received < ? AND facts <> ?"
            let closed = """
                EXISTS (SELECT 1 FROM assignment a WHERE a.caseId = intakeCase.id AND a.final = 1)
                AND NOT EXISTS (SELECT 1 FROM escalation e WHERE e.caseId = intakeCase.id AND e.status = 'open')
                """
            let arguments: StatementArguments = [day.description, Schema.purgedFacts]
            let ids = try String.fetchAll(db, sql: "SELECT id FROM intakeCase WHERE \(old) AND \(closed) ORDER BY id", arguments: arguments)
            let keptOpen =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intakeCase WHERE \(old) AND NOT (\(closed))", arguments: arguments) ?? 0
            let facts = try db.makeStatement(sql: "UPDATE intakeCase SET facts = ? WHERE id = ?")
            let scores = try db.makeStatement(
                sql: """
                    UPDATE assignment SET scores = json_set(scores, '$.scores', json('{}'), '$.reasons', json('{}'), '$.flags', json('[]'),
                        '$.continuity', NULL)
                    WHERE caseId = ?
                    """
            )
            for id in ids {
                try facts.execute(arguments: [Schema.purgedFacts, id])
                try scores.execute(arguments: [id])
            }
            try AuditEntry(
                at: now,
                actor: actor,
                action: .purge,
                detail: "Bewaartermijn: feiten en toelichtingen verwijderd van "
                    + DutchNumber.count(ids.count, "afgesloten zaak", "afgesloten zaken") + " ontvangen vóór \(day)",
                data: AuditData(purged: ids.count, receivedBefore: day.description)
            ).insert(db)
            return PurgeResult(receivedBefore: day, purgedCases: ids.count, keptOpen: keptOpen)
        }
    }
}
