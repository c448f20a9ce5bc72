import Foundation
import GRDB
import InstroomDomain

extension Ledger {
    /// Proposals under review, oldest day first.
    public func proposals() throws -> [ProposalRecord] {
        try queue.read { db in try Ledger.proposals(db) }
    }

    static func proposals(_ db: Database) throws -> [ProposalRecord] {
        try Ledger.fetchAll(db, ProposalRecord.order(ProposalRecord.Columns.day))
    }

    public func proposal(day: Day) throws -> ProposalRecord? {
        try queue.read { db in try Ledger.proposal(day: day, db) }
    }

    static func proposal(day: Day, _ db: Database) throws -> ProposalRecord? {
        try Ledger.fetchOne(db, ProposalRecord.filter(key: day.description))
    }

    /// Stores the day's proposal, replacing an earlier one for the same day (its judgements are gone:
    /// a new proposal is a new draft). Refused while another day's proposal is under review, because
    /// that day's cases are not yet in the shares and capacity this one was made with.
    /// Written only through `LedgerTransaction.propose`: the proposal is made from what the ledger holds
    /// inside the same write lock.
    static func propose(day: Day, content: ProposalContent, by actor: String, detail: String, now: String, _ db: Database) throws {
        if let other = try Ledger.fetchOne(db, ProposalRecord.filter(ProposalRecord.Columns.day != day.description)) {
            throw LedgerError.proposalUnderReview(day: other.day)
        }
        try ProposalRecord(day: day.description, createdAt: now, createdBy: actor, updatedAt: now, content: content).save(db)
        try AuditEntry(
            at: now,
            actor: actor,
            action: .propose,
            detail: detail,
            data: AuditData(newCases: content.newCaseIds.count)
        ).insert(db)
    }

    /// Changes the day's proposal and audits the change; through `LedgerTransaction.reviseProposal`, so the
    /// read, the change and the write happen under one write lock.
    static func reviseProposal(
        day: Day,
        by actor: String,
        action: AuditAction,
        caseId: String?,
        detail: String,
        data: AuditData?,
        now: String,
        _ db: Database,
        _ change: (inout ProposalContent) throws -> Void
    ) throws {
        guard var record = try Ledger.fetchOne(db, ProposalRecord.filter(key: day.description)) else {
            throw LedgerError.notFound("a proposal for \(day)")
        }
        try change(&record.content)
        record.updatedAt = now
        try record.update(db)
        try AuditEntry(at: now, actor: actor, action: action, caseId: caseId, detail: detail, data: data).insert(db)
    }

    /// The moment a judgement on the draft is recorded, as the ledger writes timestamps.
    public func now() -> String { timestamp() }
}
