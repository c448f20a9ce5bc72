import Foundation
import GRDB
import InstroomDomain

extension Ledger {
    /// The commissie decides several escalations at once, as it does in a meeting: one rationale, one name,
    /// and for each escalation its own decision row, final assignment revision and audit entry.
    ///
    /// All or nothing: the batch is one transaction, and if any item cannot be decided (unknown, already
    /// decided, final, waiting, named twice, decided before it was raised) nothing is written and
    /// `DecisionsRefused` lists every refused item with its reason. `moveTo == nil` confirms each case at its
    /// provisional RO; a move of several cases moves every one of them, so a case already at `moveTo` is
    /// refused rather than silently confirmed. `decidedOn` is the meeting's date, recorded as the decision
    /// date (`decidedAt`); the audit entries keep the real time of recording.
    @discardableResult
    public func decide(
        _ references: [EscalationReference],
        moveTo: RO?,
        rationale: String,
        by actor: String,
        decidedOn meeting: Day? = nil
    ) throws -> [DecisionRecord] {
        guard !references.isEmpty else { throw LedgerError.refused("a decision needs at least one escalation number or case id") }
        guard !rationale.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LedgerError.refused("a decision needs a rationale (--rationale)")
        }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LedgerError.refused("a decision needs the decider's name (--by)")
        }
        let now = timestamp()
        if let meeting, meeting > today() {
            throw LedgerError.refused(
                "the decision date \(meeting) is in the future (today is \(today())); --date is the day the commissie met"
            )
        }
        return try writeTransaction { db in
            var refused: [DecisionsRefused.Item] = []
            var accepted: [(escalation: EscalationRecord, current: AssignmentRecord)] = []
            var seen: [Int64: String] = [:]
            for reference in references {
                func refuse(_ reason: String) { refused.append(DecisionsRefused.Item(reference: reference.description, reason: reason)) }
                let escalation: EscalationRecord
                switch try Ledger.escalationToDecide(reference, db) {
                case .refused(let reason):
                    refuse(reason)
                    continue
                case .found(let found): escalation = found
                }
                let id = escalation.id!
                if let earlier = seen[id] {
                    refuse("escalation \(id) is already in this batch (as \(earlier))")
                    continue
                }
                seen[id] = reference.description
                let waits = "case \(escalation.caseId) waits for capacity and has no RO yet; it is assigned by the next run"
                do throws(EscalationLifecycle.Refusal) {
                    _ = try EscalationLifecycle.next(escalation.state, on: .decided)
                } catch {
                    switch error {
                    case .closed: refuse(Ledger.alreadyClosed(escalation))
                    case .waitingHasNoRO: refuse(waits)
                    case .alreadyPlaced: refuse("\(error)")
                    }
                    continue
                }
                guard let current = try Ledger.currentAssignment(caseId: escalation.caseId, db) else {
                    refuse(waits)
                    continue
                }
                if current.final {
                    refuse(
                        "case \(escalation.caseId) is definitively assigned to \(current.ro.displayName); it cannot be moved (geen werk retour)"
                    )
                    continue
                }
                if let meeting, let raised = Day(escalation.day), meeting < raised {
                    refuse("the decision date \(meeting) is before escalation \(id) was raised (\(raised))")
                    continue
                }
                if references.count > 1, let moveTo, moveTo == current.ro {
                    refuse(
                        "case \(escalation.caseId) is provisionally at \(moveTo.displayName) already; a move of several cases moves every one "
                            + "of them: confirm this one on its own (--confirm)"
                    )
                    continue
                }
                accepted.append((escalation, current))
            }
            if !refused.isEmpty { throw DecisionsRefused(items: refused, batchSize: references.count) }
            return try accepted.map { item in
                try Ledger.recordDecision(
                    item.escalation,
                    current: item.current,
                    moveTo: moveTo,
                    rationale: rationale,
                    actor: actor,
                    decidedAt: meeting?.description ?? now,
                    meeting: meeting,
                    batchSize: accepted.count,
                    now: now,
                    db
                )
            }
        }
    }

    /// Today in the triagepunt's calendar, by the ledger's clock (so tests can set it).
    func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: clock())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    fileprivate enum Lookup {
        case found(EscalationRecord)
        case refused(String)
    }

    /// The escalation a reference puts before the commissie: a number as such, a case id as that case's
    /// open escalation (or, when it has none, its latest, which the caller then refuses as closed).
    fileprivate static func escalationToDecide(_ reference: EscalationReference, _ db: Database) throws -> Lookup {
        switch reference {
        case .escalation(let id):
            if let escalation = try fetchOne(db, EscalationRecord.filter(key: id)) { return .found(escalation) }
            // A case whose id happens to be a number.
            if try IntakeCaseRecord.exists(db, key: String(id)) { return try caseEscalation(String(id), db) }
            return .refused("escalation \(id) not found in the ledger")
        case .bandAlert(let id):
            if try IntakeCaseRecord.exists(db, key: reference.description) { return try caseEscalation(reference.description, db) }
            return .refused("B\(id) is a band forecast: a band is the directies' call, not a case the commissie decides")
        case .caseId(let caseId):
            return try caseEscalation(caseId, db)
        }
    }

    fileprivate static func caseEscalation(_ caseId: String, _ db: Database) throws -> Lookup {
        let all = try escalations(caseId: caseId, db)
        let open = all.filter { $0.status == .open }
        if open.count == 1 { return .found(open[0]) }
        if open.count > 1 {
            return .refused(
                "case \(caseId) has \(open.count) open escalations (\(open.map { String($0.id!) }.joined(separator: ", "))): give the number"
            )
        }
        if let latest = all.last { return .found(latest) }
        return .refused(
            try IntakeCaseRecord.exists(db, key: caseId) ? "case \(caseId) has no escalation" : "case \(caseId) not found in the ledger"
        )
    }

    static func escalations(caseId: String, _ db: Database) throws -> [EscalationRecord] {
        try fetchAll(db, EscalationRecord.filter(EscalationRecord.Columns.caseId == caseId).order(EscalationRecord.Columns.id))
    }

    static func alreadyClosed(_ escalation: EscalationRecord) -> String {
        "escalation \(escalation.id!) (case \(escalation.caseId)) is already \(escalation.status == .decided ? "decided" : "resolved"); "
            + "a final assignment never moves (geen werk retour)"
    }

    /// One decision of a batch: the decision row, the case's final assignment revision, the escalation
    /// closed, and its own audit entry (at the real time; the meeting date in its text).
    static func recordDecision(
        _ escalation: EscalationRecord,
        current: AssignmentRecord,
        moveTo: RO?,
        rationale: String,
        actor: String,
        decidedAt: String,
        meeting: Day?,
        batchSize: Int,
        now: String,
        _ db: Database
    ) throws -> DecisionRecord {
        let escalationId = escalation.id!
        let target = moveTo ?? current.ro
        var decision = DecisionRecord(
            id: nil,
            escalationId: escalationId,
            caseId: escalation.caseId,
            action: target == current.ro ? .confirm : .move,
            roBefore: current.ro,
            roAfter: target,
            rationale: rationale,
            decidedBy: actor,
            decidedAt: decidedAt
        )
        try decision.insert(db)
        var final = current
        final.id = nil
        final.revision = current.revision + 1
        final.runId = nil
        final.ro = target
        final.final = true
        final.source = .commissie
        final.decisionId = decision.id
        final.createdAt = now
        try final.insert(db)
        var closed = escalation
        try closed.step(.decided)
        try closed.update(db)
        let what =
            target == current.ro
            ? "bevestigd bij \(target.displayName)" : "verplaatst van \(current.ro.displayName) naar \(target.displayName)"
        var context = ["escalatie \(escalationId)"]
        if batchSize > 1 {
            context.append("in één besluit met \(DutchNumber.count(batchSize - 1, "andere escalatie", "andere escalaties"))")
        }
        if let meeting { context.append("vergadering van \(meeting)") }
        try AuditEntry(
            at: now,
            actor: actor,
            action: .decide,
            caseId: current.caseId,
            detail: "Besluit begeleidingscommissie (\(context.joined(separator: "; "))): \(what). Motivering: \(rationale)",
            data: AuditData(
                escalationId: escalationId,
                decisionId: decision.id,
                roBefore: current.ro,
                roAfter: target,
                final: true
            )
        ).insert(db)
        return decision
    }
}
