import InstroomDomain
import Ledger

/// Everyday mistakes caught before a day is allocated or proposed: a date before the cases came in, a
/// weekend, a Dutch public holiday or a date earlier than the ledger's latest run (each allowed only on
/// request), an id that differs from a known one only in upper/lower case, and a blank or garbled name.
extension DailyRun {
    /// Checked inside the write lock, so "the latest run" is the ledger's latest, not a stale one.
    func checkDay(_ day: Day, intake: [IntakeCase], intakeFile: String?, allow: Set<DayAllowance>, _ tx: LedgerTransaction) throws {
        let file = intakeFile ?? "the intake"
        if let late = intake.filter({ day < $0.received }).min(by: { ($0.received, $0.id) < ($1.received, $1.id) }) {
            throw TriageError.refused(
                "\(file): case \(late.id), field 'received': received on \(late.received), after the day being allocated (\(day)); "
                    + "a case is allocated on or after the day it came in"
            )
        }
        if day.isWeekend && !allow.contains(.weekend) {
            throw TriageError.refused(
                "\(day) is a \(day.weekday == 6 ? "Saturday" : "Sunday"): the triagepunt allocates on working days "
                    + "(give --allow weekend if this is meant)"
            )
        }
        if let holiday = DutchHoliday.on(day), !allow.contains(.holiday) {
            throw TriageError.refused("\(day) is \(holiday.rawValue), a public holiday (give --allow holiday if this is meant)")
        }
        if let latest = try tx.latestRunDay(), day < latest, !allow.contains(.outOfOrder) {
            throw TriageError.refused(
                "the ledger already has a run for \(latest), after \(day): allocating an earlier day now changes shares that "
                    + "later run was made with (give --allow out-of-order if this is meant)"
            )
        }
        try checkIds(intake, file: file, tx)
    }

    /// Ids are compared case-insensitively and a near-duplicate is refused rather than merged: source
    /// systems that differ only in case may really mean two cases, and guessing would join two dossiers.
    func checkIds(_ intake: [IntakeCase], file: String, _ tx: LedgerTransaction) throws {
        var seen: [String: String] = [:]
        for c in intake {
            let key = c.id.lowercased()
            if let other = seen[key], other != c.id {
                throw TriageError.refused(
                    "\(file): case \(c.id), field 'id': differs from case \(other) of the same intake only in upper/lower case"
                )
            }
            seen[key] = c.id
        }
        let known = try tx.idsIgnoringCase(intake.map(\.id))
        for c in intake {
            if let stored = known[c.id.lowercased()], stored != c.id {
                throw TriageError.refused(
                    "\(file): case \(c.id), field 'id': differs from the known case \(stored) only in upper/lower case; "
                        + "use the ledger's spelling if it is the same case"
                )
            }
        }
    }

    /// The name this run records as its actor (`--by`), checked as real text.
    func checkedActor() throws -> String {
        do { return try UserText.name(actor, field: "--by") } catch { throw TriageError.refused(error.description) }
    }
}
