import Foundation
import GRDB
import InstroomDomain

extension Ledger {
    /// Writes a whole run in one transaction and returns its id. Nothing is written if any part is refused.
    @discardableResult
    public func record(_ draft: RunDraft) throws -> Int64 {
        let now = timestamp()
        return try writeTransaction { db in try Ledger.record(draft, now: now, db) }
    }

    static func record(_ draft: RunDraft, now: String, _ db: Database) throws -> Int64 {
        let actor = draft.actor
        let day = draft.run.day
        if try RuleSetRecord.exists(db, key: draft.ruleSet.hash) == false {
            var rules = draft.ruleSet
            rules.firstUsedAt = now
            try rules.insert(db)
            try AuditEntry(
                at: now,
                actor: actor,
                action: .wegingskader,
                detail: "Wegingskader \(rules.version) (\(rules.hash.prefix(12))) voor het eerst gebruikt",
                data: AuditData(ruleVersion: rules.version, ruleHash: rules.hash)
            ).insert(db)
        }
        // A day holds thousands of rows: what is already known is read in a few IN queries, not one per case.
        let known = try Ledger.storedFacts(draft.newCases.map(\.intake.id), db)
        for new in draft.newCases {
            if let existing = known[new.intake.id] {
                if existing != new.intake { throw LedgerError.conflictingFacts(caseId: new.intake.id) }
                continue
            }
            try IntakeCaseRecord(
                id: new.intake.id,
                received: new.intake.received.description,
                kind: new.intake.kind,
                weight: new.weight,
                facts: new.intake,
                sourceFile: draft.run.intakeFile,
                recordedAt: now
            ).insert(db)
        }
        var run = draft.run
        run.startedAt = now
        run.ruleHash = draft.ruleSet.hash
        run.caseCount = draft.assignments.count
        try run.insert(db)
        let runId = run.id!
        try AuditEntry(
            at: now,
            actor: actor,
            action: .run,
            runId: runId,
            detail:
                "Verdeling \(day): \(draft.newCases.count) nieuwe zaken, \(draft.assignments.count) toegewezen, \(draft.escalations.count) geëscaleerd; solver \(run.status.rawValue); wegingskader \(draft.ruleSet.version) (\(draft.ruleSet.hash.prefix(12)))",
            data: AuditData(
                ruleVersion: draft.ruleSet.version,
                ruleHash: draft.ruleSet.hash,
                solverStatus: run.status,
                newCases: draft.newCases.count,
                assigned: draft.assignments.count,
                escalated: draft.escalations.count
            )
        ).insert(db)
        var mergedIntoContest = Set<String>()
        let revisions = try Ledger.revisionCounts(draft.assignments.map(\.caseId), db)
        // Cases that waited for capacity (few): read once, not once per assignment.
        let waitingEscalations = Dictionary(
            grouping: try Ledger.fetchAll(
                db,
                EscalationRecord
                    .filter(
                        EscalationRecord.Columns.status == EscalationRecord.Status.open.rawValue
                            && EscalationRecord.Columns.provisionalRO == nil
                    )
                    .order(EscalationRecord.Columns.id)
            ),
            by: \.caseId
        )
        let scoresText = JSONTextMemo<StoredScores>()
        let dataText = JSONTextMemo<AuditData>()
        for a in draft.assignments {
            var assignment = AssignmentRecord(
                caseId: a.caseId,
                revision: 1 + (revisions[a.caseId] ?? 0),
                runId: runId,
                day: day,
                ro: a.ro,
                weight: a.weight,
                final: a.final,
                source: .model,
                bestFit: a.bestFit,
                scores: a.scores,
                ruleHash: draft.ruleSet.hash,
                decisionId: nil,
                createdAt: now
            )
            assignment.scoresJSON = try scoresText.text(a.scores)
            try assignment.insert(db)
            var entry = AuditEntry(
                at: now,
                actor: actor,
                action: .assign,
                caseId: a.caseId,
                runId: runId,
                detail: "\(a.final ? "Definitief" : "Voorlopig") toegewezen aan \(a.ro.displayName)",
                data: AuditData(ro: a.ro, final: a.final)
            )
            entry.dataJSON = try entry.data.map(dataText.text)
            try entry.insert(db)
            // A case that waited for capacity and now has an RO: its waiting escalation is resolved,
            // unless a triage expert contested it while it waited: then it stays open with this RO as
            // the provisional one, and today's reasons (if any) join it.
            for var open in waitingEscalations[a.caseId] ?? [] {
                if try open.step(.placed) == .contestedProvisional {
                    open.provisionalRO = a.ro
                    let today = draft.escalations.first { $0.caseId == a.caseId }
                    open.reasons = open.reasons.filter { $0.code != .noCapacity } + (today?.reasons ?? [])
                    open.primaryReason = open.reasons.map(\.code).min() ?? .contested
                    if open.context == nil { open.context = today?.context }
                    try open.update(db)
                    mergedIntoContest.insert(a.caseId)
                    try AuditEntry(
                        at: now,
                        actor: actor,
                        action: .escalate,
                        caseId: a.caseId,
                        runId: runId,
                        detail: "Escalatie \(open.id!) blijft open (betwist): voorlopig toegewezen aan \(a.ro.displayName)",
                        data: AuditData(escalationId: open.id, ro: a.ro, reasons: open.reasons.map(\.code))
                    ).insert(db)
                    continue
                }
                try open.update(db)
                try AuditEntry(
                    at: now,
                    actor: actor,
                    action: .resolve,
                    caseId: a.caseId,
                    runId: runId,
                    detail: "Escalatie \(open.id!) opgelost: de zaak is toegewezen aan \(a.ro.displayName)",
                    data: AuditData(escalationId: open.id, ro: a.ro)
                ).insert(db)
            }
        }
        for e in draft.escalations {
            guard let primary = e.reasons.map(\.code).min(), !mergedIntoContest.contains(e.caseId) else { continue }
            // A waiting case keeps one open escalation, not one per run.
            if e.provisionalRO == nil,
                try EscalationRecord.filter(
                    EscalationRecord.Columns.caseId == e.caseId
                        && EscalationRecord.Columns.status == EscalationRecord.Status.open.rawValue
                ).isEmpty(db) == false
            {
                continue
            }
            var record = EscalationRecord(
                caseId: e.caseId,
                runId: runId,
                day: day,
                reasons: e.reasons,
                primaryReason: primary,
                provisionalRO: e.provisionalRO,
                status: .open,
                deadline: draft.escalationDeadline.description,
                ruleHash: draft.ruleSet.hash,
                createdAt: now,
                raisedBy: e.raisedBy ?? actor,
                context: e.context
            )
            try record.insert(db)
            try AuditEntry(
                at: now,
                actor: actor,
                action: .escalate,
                caseId: e.caseId,
                runId: runId,
                detail: "Escalatie \(record.id!): " + e.reasons.map { "\($0.label) — \($0.detail)" }.joined(separator: "; "),
                data: AuditData(escalationId: record.id, ro: e.provisionalRO, reasons: e.reasons.map(\.code))
            ).insert(db)
        }
        if let alerts = draft.bandAlerts {
            try Self.recordBandAlerts(alerts, runId: runId, actor: actor, now: now, db: db)
        }
        if let confirmation = draft.confirmation {
            guard try ProposalRecord.deleteOne(db, key: confirmation.day.description) else {
                throw LedgerError.refused("no proposal for \(confirmation.day) is under review any more: nothing was confirmed")
            }
            try AuditEntry(
                at: now,
                actor: actor,
                action: .confirm,
                runId: runId,
                detail: confirmation.detail,
                data: AuditData(assigned: draft.assignments.count, escalated: draft.escalations.count)
            ).insert(db)
        }
        return runId
    }

    /// How many assignment rows each case already has: the next revision number follows them.
    static func revisionCounts(_ ids: [String], _ db: Database) throws -> [String: Int] {
        let rows = try inSlices(ids) { slice in
            try Row.fetchAll(
                db,
                AssignmentRecord
                    .select(AssignmentRecord.Columns.caseId, count(AssignmentRecord.Columns.revision).forKey("n"))
                    .filter(slice.contains(AssignmentRecord.Columns.caseId))
                    .group(AssignmentRecord.Columns.caseId)
            )
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["caseId"] as String, $0["n"] as Int) })
    }

    /// One open alert per RO: a fresh forecast supersedes the previous one; a forecast back within the
    /// band resolves it. Every change is audited.
    static func recordBandAlerts(_ alerts: [BandAlertRecord], runId: Int64, actor: String, now: String, db: Database) throws {
        let fresh = Dictionary(alerts.map { ($0.ro, $0) }, uniquingKeysWith: { a, _ in a })
        for ro in RO.allCases {
            let open = try fetchAll(
                db,
                BandAlertRecord
                    .filter(
                        BandAlertRecord.Columns.ro == ro.rawValue && BandAlertRecord.Columns.status == BandAlertRecord.Status.open.rawValue
                    )
                    .order(BandAlertRecord.Columns.id)
            )
            var inserted: BandAlertRecord?
            if var alert = fresh[ro] {
                alert.id = nil
                alert.runId = runId
                alert.status = .open
                alert.createdAt = now
                try alert.insert(db)
                inserted = alert
                try AuditEntry(
                    at: now,
                    actor: actor,
                    action: .bandForecast,
                    runId: runId,
                    detail: "Bandprognose B\(alert.id!) (\(ro.displayName)): \(alert.detail)",
                    data: AuditData(bandAlertId: alert.id, ro: ro)
                ).insert(db)
            }
            for var old in open {
                old.status = inserted == nil ? .resolved : .superseded
                try old.update(db)
                try AuditEntry(
                    at: now,
                    actor: actor,
                    action: .resolve,
                    runId: runId,
                    detail: inserted.map { "Bandprognose B\(old.id!) (\(ro.displayName)) vervangen door B\($0.id!)" }
                        ?? "Bandprognose B\(old.id!) (\(ro.displayName)) opgelost: de prognose ligt weer binnen de band",
                    data: AuditData(bandAlertId: old.id, supersededBy: inserted?.id, ro: ro)
                ).insert(db)
            }
        }
    }

    /// The case's newest assignment row, if it has one.
    static func currentAssignment(caseId: String, _ db: Database) throws -> AssignmentRecord? {
        try fetchOne(db, AssignmentRecord.filter(AssignmentRecord.Columns.caseId == caseId).order(AssignmentRecord.Columns.revision.desc))
    }

    /// A triage expert contests a case: it gets an open escalation, its assignment stays provisional.
    /// Refused when the case's assignment is already final (geen werk retour).
    @discardableResult
    public func contest(
        caseId: String,
        reason: String,
        by actor: String,
        on day: Day,
        deadline: Day,
        context: EscalationContext? = nil
    ) throws -> EscalationRecord {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw LedgerError.refused("a contest needs a reason (--reason)") }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw LedgerError.refused("a contest needs a name (--by)") }
        let now = timestamp()
        return try writeTransaction { db in
            guard try IntakeCaseRecord.exists(db, key: caseId) else { throw LedgerError.notFound("case \(caseId)") }
            let current = try Ledger.currentAssignment(caseId: caseId, db)
            if let current, current.final {
                throw LedgerError.refused(
                    "case \(caseId) is definitively assigned to \(current.ro.displayName) and cannot be contested (geen werk retour)"
                )
            }
            let reasons = [EscalationReason(.contested, reason)]
            let open = try Ledger.fetchOne(
                db,
                EscalationRecord
                    .filter(
                        EscalationRecord.Columns.caseId == caseId
                            && EscalationRecord.Columns.status == EscalationRecord.Status.open.rawValue
                    )
                    .order(EscalationRecord.Columns.id.desc)
            )
            if var open {
                try open.step(.contested)
                open.reasons += reasons
                open.primaryReason = open.reasons.map(\.code).min()!
                try open.update(db)
                try AuditEntry(
                    at: now,
                    actor: actor,
                    action: .contest,
                    caseId: caseId,
                    detail: "Betwist (escalatie \(open.id!)): \(reason)",
                    data: AuditData(escalationId: open.id, ro: current?.ro, reasons: [.contested])
                ).insert(db)
                return open
            }
            var record = EscalationRecord(
                caseId: caseId,
                runId: nil,
                day: day.description,
                reasons: reasons,
                primaryReason: .contested,
                provisionalRO: current?.ro,
                status: .open,
                deadline: deadline.description,
                ruleHash: current?.ruleHash ?? "",
                createdAt: now,
                raisedBy: actor,
                context: context
            )
            try record.insert(db)
            try AuditEntry(
                at: now,
                actor: actor,
                action: .contest,
                caseId: caseId,
                detail: "Betwist (escalatie \(record.id!)): \(reason)",
                data: AuditData(escalationId: record.id, ro: current?.ro, reasons: [.contested])
            ).insert(db)
            return record
        }
    }

    /// The commissie decides an escalation: confirm the provisional RO or move the case. Either way the
    /// assignment becomes final. Refused for a decided escalation, a waiting case, or a final assignment.
    /// A batch of one: the same rules and audit as `decide(_:moveTo:rationale:by:decidedOn:)`.
    @discardableResult
    public func decide(escalationId: Int64, moveTo: RO?, rationale: String, by actor: String) throws -> DecisionRecord {
        do {
            return try decide([.escalation(escalationId)], moveTo: moveTo, rationale: rationale, by: actor)[0]
        } catch let refused as DecisionsRefused where refused.items.count == 1 {
            throw LedgerError.refused(refused.items[0].reason)
        }
    }
}
