import Foundation
import GRDB
import InstroomDomain

/// The ledger as one writer sees it inside `Ledger.exclusive`: every read here is of the state that the
/// writes made in the same transaction will change, and no other process can change it in between.
///
/// Only what a decision needs is exposed (the backlog, capacity used, the period's weights, known
/// ids, contested ids, the proposals) plus the writes that record it; reads for reports stay on `Ledger`.
public struct LedgerTransaction {
    let db: Database
    let ledger: Ledger

    // MARK: - Reading

    /// The stored facts of the given cases, to detect an intake that changed a known case.
    public func storedFacts(_ ids: [String]) throws -> [String: IntakeCase] { try Ledger.storedFacts(ids, db) }

    /// Ids among `ids` that the ledger already holds.
    public func knownCaseIds(_ ids: [String]) throws -> Set<String> { Set(try storedFacts(ids).keys) }

    /// Cases received up to `day` that have no RO yet, oldest first.
    public func backlog(until day: Day) throws -> [IntakeCase] { try Ledger.backlog(until: day, db) }

    /// Weighted intake per RO in [from, to], each case once at its current RO.
    public func periodWeights(from: Day, to: Day) throws -> [RO: Double] { try Ledger.periodWeights(from: from, to: to, db) }

    /// Weighted intake per day and RO in [from, to]: the trend for band forecasts.
    public func dailyWeights(from: Day, to: Day) throws -> [Day: [RO: Double]] { try Ledger.dailyWeights(from: from, to: to, db) }

    /// Workload points already given out on `day`.
    public func capacityUsed(on day: Day) throws -> [RO: Double] { try Ledger.capacityUsed(on: day, db) }

    /// The cases among `ids` with an open escalation that a triage expert contested.
    public func contestedCaseIds(_ ids: [String]) throws -> Set<String> {
        var contested = Set<String>()
        for id in ids where try Ledger.escalations(caseId: id, db).contains(where: { $0.isOpenContest }) {
            contested.insert(id)
        }
        return contested
    }

    /// Stored ids matching any of `ids` when upper/lower case is ignored, keyed by the lowercased id.
    public func idsIgnoringCase(_ ids: [String]) throws -> [String: String] {
        let stored = try Ledger.inSlices(ids.map { $0.lowercased() }) { slice in
            try String.fetchAll(
                db,
                sql: "SELECT id FROM intakeCase WHERE lower(id) IN (\(slice.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(slice)
            )
        }
        return Dictionary(stored.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func escalations(caseId: String) throws -> [EscalationRecord] { try Ledger.escalations(caseId: caseId, db) }

    public func currentAssignments(_ ids: [String]) throws -> [String: AssignmentRecord] { try Ledger.currentAssignments(ids, db) }

    public func run(id: Int64) throws -> RunRecord? { try Ledger.fetchOne(db, RunRecord.filter(key: id)) }

    /// The latest day any run was recorded for: a run for an earlier day is out of order.
    public func latestRunDay() throws -> Day? {
        try String.fetchOne(db, sql: "SELECT MAX(day) FROM run").flatMap(Day.init)
    }

    public func proposals() throws -> [ProposalRecord] { try Ledger.proposals(db) }

    public func proposal(day: Day) throws -> ProposalRecord? { try Ledger.proposal(day: day, db) }

    // MARK: - Writing

    /// Records a whole run (see `Ledger.record(_:)`), in this transaction.
    @discardableResult
    public func record(_ draft: RunDraft) throws -> Int64 { try Ledger.record(draft, now: ledger.timestamp(), db) }

    /// Stores the day's proposal (see `Ledger.propose`), in this transaction.
    public func propose(day: Day, content: ProposalContent, by actor: String, detail: String) throws {
        try Ledger.propose(day: day, content: content, by: actor, detail: detail, now: ledger.timestamp(), db)
    }

    /// Changes the day's proposal and audits the change (see `Ledger.reviseProposal`), in this transaction.
    public func reviseProposal(
        day: Day,
        by actor: String,
        action: AuditAction,
        caseId: String?,
        detail: String,
        data: AuditData? = nil,
        _ change: (inout ProposalContent) throws -> Void
    ) throws {
        try Ledger.reviseProposal(
            day: day,
            by: actor,
            action: action,
            caseId: caseId,
            detail: detail,
            data: data,
            now: ledger.timestamp(),
            db,
            change
        )
    }
}
