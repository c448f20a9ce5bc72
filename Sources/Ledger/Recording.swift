import Foundation
import GRDB
import InstroomDomain

/// Everything one allocation run writes, assembled before the transaction opens.
public struct RunDraft: Sendable {
    public struct NewCase: Sendable {
        public var intake: IntakeCase
        public var weight: Double
        public init(intake: IntakeCase, weight: Double) {
            self.intake = intake
            self.weight = weight
        }
    }

    public struct Assignment: Sendable {
        public var caseId: String
        public var ro: RO
        public var weight: Double
        public var final: Bool
        public var bestFit: RO?
        /// Scores with explanations, as JSON.
        public var scores: String
        public init(caseId: String, ro: RO, weight: Double, final: Bool, bestFit: RO?, scores: String) {
            self.caseId = caseId
            self.ro = ro
            self.weight = weight
            self.final = final
            self.bestFit = bestFit
            self.scores = scores
        }
    }

    public struct Escalation: Sendable {
        public var caseId: String
        public var reasons: [EscalationReason]
        public var provisionalRO: RO?
        /// JSON snapshot of shares and bands (`EscalationContext`), for the dossier.
        public var context: String? = nil
        public init(caseId: String, reasons: [EscalationReason], provisionalRO: RO?) {
            self.caseId = caseId
            self.reasons = reasons
            self.provisionalRO = provisionalRO
        }
    }

    public var day: Day
    public var actor: String
    public var ruleSet: RuleSetRecord
    public var config: String
    public var intakeFile: String?
    public var status: String
    public var objective: Double?
    public var gap: Double?
    public var seconds: Double
    public var nodes: Int
    public var message: String
    public var newCases: [NewCase]
    public var assignments: [Assignment]
    public var escalations: [Escalation]
    public var escalationDeadline: Day
    /// Band forecasts of this run (status open; runId and createdAt are filled in when recorded).
    /// nil: no forecast was made and open alerts are left alone; empty: every band is forecast to hold,
    /// so open alerts are resolved.
    public var bandAlerts: [BandAlertRecord]? = nil

    public init(day: Day, actor: String, ruleSet: RuleSetRecord, config: String, intakeFile: String?, status: String,
                objective: Double?, gap: Double?, seconds: Double, nodes: Int, message: String,
                newCases: [NewCase], assignments: [Assignment], escalations: [Escalation], escalationDeadline: Day) {
        self.day = day
        self.actor = actor
        self.ruleSet = ruleSet
        self.config = config
        self.intakeFile = intakeFile
        self.status = status
        self.objective = objective
        self.gap = gap
        self.seconds = seconds
        self.nodes = nodes
        self.message = message
        self.newCases = newCases
        self.assignments = assignments
        self.escalations = escalations
        self.escalationDeadline = escalationDeadline
    }
}

extension Ledger {
    /// Writes a whole run in one transaction and returns its id. Nothing is written if any part is refused.
    @discardableResult
    public func record(_ draft: RunDraft) throws -> Int64 {
        let now = timestamp()
        return try queue.write { db in
            if try RuleSetRecord.fetchOne(db, key: draft.ruleSet.hash) == nil {
                var rules = draft.ruleSet
                rules.firstUsedAt = now
                try rules.insert(db)
                try AuditEntry(id: nil, at: now, actor: draft.actor, action: "wegingskader", caseId: nil, runId: nil,
                               detail: "Wegingskader \(rules.version) (\(rules.hash.prefix(12))) voor het eerst gebruikt").insert(db)
            }
            // A day holds thousands of rows: prepared statements, compiled once per transaction.
            let findFacts = try db.cachedStatement(sql: "SELECT facts FROM intakeCase WHERE id = ?")
            let insertCase = try db.cachedStatement(sql: """
                INSERT INTO intakeCase (id, received, kind, weight, facts, sourceFile, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for new in draft.newCases {
                let facts = Ledger.json(new.intake)
                if let existing = try String.fetchOne(findFacts, arguments: [new.intake.id]) {
                    if existing != facts { throw LedgerError.conflictingFacts(caseId: new.intake.id) }
                    continue
                }
                try insertCase.execute(arguments: [new.intake.id, new.intake.received.description, new.intake.kind.rawValue,
                                                   new.weight, facts, draft.intakeFile, now])
            }
            var run = RunRecord(id: nil, day: draft.day.description, startedAt: now, ruleHash: draft.ruleSet.hash, config: draft.config,
                                intakeFile: draft.intakeFile, status: draft.status, objective: draft.objective, gap: draft.gap,
                                seconds: draft.seconds, nodes: draft.nodes, caseCount: draft.assignments.count, message: draft.message)
            try run.insert(db)
            let runId = run.id!
            try AuditEntry(id: nil, at: now, actor: draft.actor, action: "run", caseId: nil, runId: runId,
                           detail: "Verdeling \(draft.day): \(draft.newCases.count) nieuwe zaken, \(draft.assignments.count) toegewezen, \(draft.escalations.count) geëscaleerd; solver \(draft.status); wegingskader \(draft.ruleSet.version) (\(draft.ruleSet.hash.prefix(12)))").insert(db)
            var mergedIntoContest = Set<String>()
            let countRevisions = try db.cachedStatement(sql: "SELECT COUNT(*) FROM assignment WHERE caseId = ?")
            let insertAssignment = try db.cachedStatement(sql: """
                INSERT INTO assignment (caseId, revision, runId, day, ro, weight, final, source, bestFit, scores, ruleHash, decisionId, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'model', ?, ?, ?, NULL, ?)
                """)
            let insertAudit = try db.cachedStatement(sql: "INSERT INTO audit (at, actor, action, caseId, runId, detail) VALUES (?, ?, ?, ?, ?, ?)")
            // Cases that waited for capacity (few): read once, not once per assignment.
            let waitingEscalations = Dictionary(grouping: try EscalationRecord.fetchAll(
                db, sql: "SELECT * FROM escalation WHERE status = 'open' AND provisionalRO IS NULL ORDER BY id"), by: \.caseId)
            for a in draft.assignments {
                let revision = 1 + (try Int.fetchOne(countRevisions, arguments: [a.caseId]) ?? 0)
                try insertAssignment.execute(arguments: [a.caseId, revision, runId, draft.day.description, a.ro.rawValue, a.weight,
                                                         a.final, a.bestFit?.rawValue, a.scores, draft.ruleSet.hash, now])
                try insertAudit.execute(arguments: [now, draft.actor, "assign", a.caseId, runId,
                                                    "\(a.final ? "Definitief" : "Voorlopig") toegewezen aan \(a.ro.displayName)"])
                // A case that waited for capacity and now has an RO: its waiting escalation is resolved,
                // unless a triage expert contested it while it waited: then it stays open with this RO as
                // the provisional one, and today's reasons (if any) join it.
                for var open in waitingEscalations[a.caseId] ?? [] {
                    if open.reasons.contains(where: { $0.code == .contested }) {
                        open.provisionalRO = a.ro
                        let today = draft.escalations.first { $0.caseId == a.caseId }
                        open.reasons = open.reasons.filter { $0.code != .noCapacity } + (today?.reasons ?? [])
                        open.primaryReason = open.reasons.map(\.code).min() ?? .contested
                        if open.context == nil { open.context = today?.context }
                        try open.update(db)
                        mergedIntoContest.insert(a.caseId)
                        try AuditEntry(id: nil, at: now, actor: draft.actor, action: "escalate", caseId: a.caseId, runId: runId,
                                       detail: "Escalatie \(open.id!) blijft open (betwist): voorlopig toegewezen aan \(a.ro.displayName)").insert(db)
                        continue
                    }
                    open.status = .resolved
                    try open.update(db)
                    try AuditEntry(id: nil, at: now, actor: draft.actor, action: "resolve", caseId: a.caseId, runId: runId,
                                   detail: "Escalatie \(open.id!) opgelost: de zaak is toegewezen aan \(a.ro.displayName)").insert(db)
                }
            }
            for e in draft.escalations {
                guard let primary = e.reasons.map(\.code).min(), !mergedIntoContest.contains(e.caseId) else { continue }
                // A waiting case keeps one open escalation, not one per run.
                if e.provisionalRO == nil, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM escalation WHERE caseId = ? AND status = 'open'", arguments: [e.caseId]) ?? 0 > 0 {
                    continue
                }
                var record = EscalationRecord(id: nil, caseId: e.caseId, runId: runId, day: draft.day.description, reasons: e.reasons,
                                              primaryReason: primary, provisionalRO: e.provisionalRO, status: .open,
                                              deadline: draft.escalationDeadline.description, ruleHash: draft.ruleSet.hash,
                                              createdAt: now, raisedBy: draft.actor, context: e.context)
                try record.insert(db)
                try AuditEntry(id: nil, at: now, actor: draft.actor, action: "escalate", caseId: e.caseId, runId: runId,
                               detail: "Escalatie \(record.id!): " + e.reasons.map { "\($0.label) — \($0.detail)" }.joined(separator: "; ")).insert(db)
            }
            if let alerts = draft.bandAlerts {
                try Self.recordBandAlerts(alerts, runId: runId, actor: draft.actor, now: now, db: db)
            }
            return runId
        }
    }

    /// One open alert per RO: a fresh forecast supersedes the previous one; a forecast back within the
    /// band resolves it. Every change is audited.
    static func recordBandAlerts(_ alerts: [BandAlertRecord], runId: Int64, actor: String, now: String, db: Database) throws {
        let fresh = Dictionary(alerts.map { ($0.ro, $0) }, uniquingKeysWith: { a, _ in a })
        for ro in RO.allCases {
            let open = try BandAlertRecord.fetchAll(db, sql: "SELECT * FROM bandAlert WHERE ro = ? AND status = 'open' ORDER BY id", arguments: [ro.rawValue])
            var inserted: BandAlertRecord?
            if var alert = fresh[ro] {
                alert.id = nil
                alert.runId = runId
                alert.status = .open
                alert.createdAt = now
                try alert.insert(db)
                inserted = alert
                try AuditEntry(id: nil, at: now, actor: actor, action: "band_prognose", caseId: nil, runId: runId,
                               detail: "Bandprognose B\(alert.id!) (\(ro.displayName)): \(alert.detail)").insert(db)
            }
            for var old in open {
                old.status = inserted == nil ? .resolved : .superseded
                try old.update(db)
                try AuditEntry(id: nil, at: now, actor: actor, action: "resolve", caseId: nil, runId: runId,
                               detail: inserted.map { "Bandprognose B\(old.id!) (\(ro.displayName)) vervangen door B\($0.id!)" }
                                   ?? "Bandprognose B\(old.id!) (\(ro.displayName)) opgelost: de prognose ligt weer binnen de band").insert(db)
            }
        }
    }

    /// A triage expert contests a case: it gets an open escalation, its assignment stays provisional.
    /// Refused when the case's assignment is already final (geen werk retour).
    @discardableResult
    public func contest(caseId: String, reason: String, by actor: String, on day: Day, deadline: Day, context: String? = nil) throws -> EscalationRecord {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw LedgerError.refused("a contest needs a reason (--reason)") }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw LedgerError.refused("a contest needs a name (--by)") }
        let now = timestamp()
        return try queue.write { db in
            guard try IntakeCaseRecord.fetchOne(db, key: caseId) != nil else { throw LedgerError.notFound("case \(caseId)") }
            let current = try AssignmentRecord.fetchOne(db, sql: "SELECT * FROM assignment WHERE caseId = ? ORDER BY revision DESC LIMIT 1", arguments: [caseId])
            if let current, current.final {
                throw LedgerError.refused("case \(caseId) is definitively assigned to \(current.ro.displayName) and cannot be contested (geen werk retour)")
            }
            let reasons = [EscalationReason(.contested, reason)]
            if var open = try EscalationRecord.fetchOne(db, sql: "SELECT * FROM escalation WHERE caseId = ? AND status = 'open' ORDER BY id DESC LIMIT 1", arguments: [caseId]) {
                open.reasons += reasons
                open.primaryReason = open.reasons.map(\.code).min()!
                try open.update(db)
                try AuditEntry(id: nil, at: now, actor: actor, action: "contest", caseId: caseId, runId: nil,
                               detail: "Betwist (escalatie \(open.id!)): \(reason)").insert(db)
                return open
            }
            var record = EscalationRecord(id: nil, caseId: caseId, runId: nil, day: day.description, reasons: reasons, primaryReason: .contested,
                                          provisionalRO: current?.ro, status: .open, deadline: deadline.description,
                                          ruleHash: current?.ruleHash ?? "", createdAt: now, raisedBy: actor, context: context)
            try record.insert(db)
            try AuditEntry(id: nil, at: now, actor: actor, action: "contest", caseId: caseId, runId: nil,
                           detail: "Betwist (escalatie \(record.id!)): \(reason)").insert(db)
            return record
        }
    }

    /// The commissie decides an escalation: confirm the provisional RO or move the case. Either way the
    /// assignment becomes final. Refused for a decided escalation, a waiting case, or a final assignment.
    @discardableResult
    public func decide(escalationId: Int64, moveTo: RO?, rationale: String, by actor: String) throws -> DecisionRecord {
        guard !rationale.trimmingCharacters(in: .whitespaces).isEmpty else { throw LedgerError.refused("a decision needs a rationale (--rationale)") }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw LedgerError.refused("a decision needs the decider's name (--by)") }
        let now = timestamp()
        return try queue.write { db in
            guard var escalation = try EscalationRecord.fetchOne(db, key: escalationId) else { throw LedgerError.notFound("escalation \(escalationId)") }
            guard escalation.status == .open else {
                throw LedgerError.refused("escalation \(escalationId) is already \(escalation.status == .decided ? "decided" : "resolved"); a final assignment never moves (geen werk retour)")
            }
            guard let current = try AssignmentRecord.fetchOne(db, sql: "SELECT * FROM assignment WHERE caseId = ? ORDER BY revision DESC LIMIT 1", arguments: [escalation.caseId]) else {
                throw LedgerError.refused("case \(escalation.caseId) waits for capacity and has no RO yet; it is assigned by the next run")
            }
            if current.final {
                throw LedgerError.refused("case \(escalation.caseId) is definitively assigned to \(current.ro.displayName); it cannot be moved (geen werk retour)")
            }
            let target = moveTo ?? current.ro
            var decision = DecisionRecord(id: nil, escalationId: escalationId, caseId: escalation.caseId,
                                          action: target == current.ro ? .confirm : .move, roBefore: current.ro, roAfter: target,
                                          rationale: rationale, decidedBy: actor, decidedAt: now)
            try decision.insert(db)
            try AssignmentRecord(id: nil, caseId: current.caseId, revision: current.revision + 1, runId: nil, day: current.day, ro: target,
                                 weight: current.weight, final: true, source: "commissie", bestFit: current.bestFit, scores: current.scores,
                                 ruleHash: current.ruleHash, decisionId: decision.id, createdAt: now).insert(db)
            escalation.status = .decided
            try escalation.update(db)
            let what = target == current.ro ? "bevestigd bij \(target.displayName)" : "verplaatst van \(current.ro.displayName) naar \(target.displayName)"
            try AuditEntry(id: nil, at: now, actor: actor, action: "decide", caseId: current.caseId, runId: nil,
                           detail: "Besluit begeleidingscommissie (escalatie \(escalationId)): \(what). Motivering: \(rationale)").insert(db)
            return decision
        }
    }
}
