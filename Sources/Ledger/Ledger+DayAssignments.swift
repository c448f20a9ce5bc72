import Foundation
import GRDB
import InstroomDomain

extension Ledger {
    /// The current assignment (highest revision) of every case first assigned on `day`, by case id:
    /// the day's list as the triagepunt confirmed it and the commissie changed it since.
    public func assignments(day: Day) throws -> [AssignmentRecord] {
        try queue.read { db in
            try Ledger.fetchAll(
                db,
                AssignmentRecord.filter(AssignmentRecord.Columns.day == day.description).filter(literal: Ledger.currentRevision)
                    .order(AssignmentRecord.Columns.caseId)
            )
        }
    }
}
