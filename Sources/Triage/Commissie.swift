import Allocation
import Foundation
import InstroomDomain
import Ledger
import Logging
import Wegingskader

/// The begeleidingscommissie's work on the ledger: list escalations (open, overdue), read a dossier,
/// contest a case, decide, and read the audit trail. The CLI only parses and renders these.
public struct Commissie: Sendable {
    public let ledger: Ledger
    public let config: AllocationConfig

    public init(ledger: Ledger, config: AllocationConfig) {
        self.ledger = ledger
        self.config = config
    }

    // MARK: - Views (the JSON of `escalations list`, documented in the README)

    public struct DecisionView: Codable, Sendable, Equatable {
        public var id: Int64
        /// `confirm` or `move`.
        public var action: String
        public var roBefore: RO?
        public var roAfter: RO
        public var rationale: String
        public var decidedBy: String
        public var decidedAt: String
        /// Calendar days from the escalation day to the decision.
        public var days: Int
    }

    public struct EscalationView: Codable, Sendable, Equatable {
        public var id: Int64
        public var caseId: String
        public var kind: CaseKind?
        /// The day the escalation was raised (the run's day, or the day it was contested).
        public var day: String
        public var deadline: String
        /// `open`, `decided` or `resolved` (a waiting case that was assigned later).
        public var status: String
        public var overdue: Bool
        /// Working days past the deadline (0 when not overdue).
        public var workingDaysOverdue: Int
        /// The primary reason's code and Dutch label.
        public var reason: EscalationCode
        public var label: String
        public var reasons: [EscalationReason]
        public var provisionalRO: RO?
        public var currentRO: RO?
        public var final: Bool
        public var bestFit: RO?
        public var raisedBy: String
        public var runId: Int64?
        public var decision: DecisionView?
    }

    public struct BandAlertView: Codable, Sendable, Equatable {
        public var id: Int64
        /// `B<id>`: how lists and `escalations show` name a band forecast.
        public var ref: String
        public var reason: EscalationCode
        public var label: String
        public var ro: RO
        public var day: String
        public var periodStart: String
        public var periodEnd: String
        public var share: Double
        public var projectedShare: Double
        public var band: Bandwidth
        /// `below` or `above`.
        public var direction: String
        public var detail: String
        /// `open`, `resolved` (forecast back within the band) or `superseded` (a later run made a fresh forecast).
        public var status: String
        public var deadline: String
        public var overdue: Bool
        public var runId: Int64?
    }

    public struct EscalationList: Codable, Sendable, Equatable {
        /// The day against which `overdue` is judged.
        public var date: Day
        public var openOnly: Bool
        public var overdueOnly: Bool
        /// The reasons, provisional RO and days the list was narrowed to.
        public var filter: Filter
        public var escalations: [EscalationView]
        public var bandAlerts: [BandAlertView]
    }

    public func list(openOnly: Bool = false, overdueOnly: Bool = false, filter: Filter = Filter(), on date: Day) throws -> EscalationList {
        let records = try ledger.escalations(openOnly: openOnly || overdueOnly, from: filter.firstDay, to: filter.lastDay)
        var views = try records.map { try view($0, on: date) }.filter(filter.matches)
        if overdueOnly { views = views.filter(\.overdue) }
        var alerts = try ledger.bandAlerts(openOnly: openOnly || overdueOnly).map { view($0, on: date) }.filter(filter.matches)
        if overdueOnly { alerts = alerts.filter(\.overdue) }
        return EscalationList(
            date: date,
            openOnly: openOnly,
            overdueOnly: overdueOnly,
            filter: filter,
            escalations: views,
            bandAlerts: alerts
        )
    }

    func view(_ e: EscalationRecord, on date: Day) throws -> EscalationView {
        let current = try ledger.currentAssignments([e.caseId])[e.caseId]
        let deadline = Day(e.deadline) ?? date
        let overdue = e.status == .open && deadline < date
        let decision = try e.id.flatMap { try ledger.decision(escalationId: $0) }.map { decisionView($0, raised: e.day) }
        return EscalationView(
            id: e.id ?? 0,
            caseId: e.caseId,
            kind: try ledger.intakeCase(id: e.caseId)?.kind,
            day: e.day,
            deadline: e.deadline,
            status: e.status.rawValue,
            overdue: overdue,
            workingDaysOverdue: overdue ? deadline.workingDays(until: date) : 0,
            reason: e.primaryReason,
            label: e.primaryReason.label,
            reasons: e.reasons,
            provisionalRO: e.provisionalRO,
            currentRO: current?.ro,
            final: current?.final ?? false,
            bestFit: current?.bestFit,
            raisedBy: e.raisedBy,
            runId: e.runId,
            decision: decision
        )
    }

    func decisionView(_ d: DecisionRecord, raised: String) -> DecisionView {
        let decidedDay = Day(String(d.decidedAt.prefix(10)))
        let days = decidedDay.flatMap { dd in Day(raised).map { $0.days(until: dd) } } ?? 0
        return DecisionView(
            id: d.id ?? 0,
            action: d.action.rawValue,
            roBefore: d.roBefore,
            roAfter: d.roAfter,
            rationale: d.rationale,
            decidedBy: d.decidedBy,
            decidedAt: d.decidedAt,
            days: max(0, days)
        )
    }

    func view(_ a: BandAlertRecord, on date: Day) -> BandAlertView {
        let deadline = Day(a.deadline) ?? date
        return BandAlertView(
            id: a.id ?? 0,
            ref: "B\(a.id ?? 0)",
            reason: .bandForecast,
            label: EscalationCode.bandForecast.label,
            ro: a.ro,
            day: a.day,
            periodStart: a.periodStart,
            periodEnd: a.periodEnd,
            share: a.share,
            projectedShare: a.projectedShare,
            band: Bandwidth(min: a.bandMin, max: a.bandMax, mode: a.bandMode),
            direction: a.direction.rawValue,
            detail: a.detail,
            status: a.status.rawValue,
            deadline: a.deadline,
            overdue: a.status == .open && deadline < date,
            runId: a.runId
        )
    }

    // MARK: - Dossier (`escalations show ID`)

    public struct Dossier: Codable, Sendable {
        public var escalation: EscalationView?
        public var bandAlert: BandAlertView?
        /// The case facts as recorded at intake.
        public var facts: IntakeCase?
        /// The model's scores per RO, best fit, Dutch explanation per RO, data flags and rule version at the time.
        public var scores: [String: Int]?
        public var bestFit: RO?
        public var explanations: [String: [String]]?
        public var flags: [DataFlag]?
        public var ruleVersion: String?
        public var ruleHash: String?
        /// Shares and bands when the escalation was raised.
        public var sharesAtEscalation: EscalationContext?
        /// Every revision of the case's assignment.
        public var history: [AssignmentRecord]
        public var audit: [AuditEntry]
    }

    /// The dossier of an escalation number (`12`), a case id (its open escalation, else its latest) or a
    /// band forecast (`B3`).
    public func dossier(_ ref: String, on date: Day) throws -> Dossier {
        let reference = EscalationReference(ref)
        if case .bandAlert(let id) = reference, try ledger.escalation(reference) == nil {
            guard let alert = try ledger.bandAlert(id: id) else { throw LedgerError.notFound("band forecast \(reference)") }
            // Entries from before v3 carry no structured data: those are matched on the text that names the alert.
            let audit = try ledger.audit().filter { $0.action == .bandForecast || $0.action == .resolve }.filter {
                $0.data.map { $0.bandAlertId == id || $0.supersededBy == id }
                    ?? ($0.detail.contains("B\(id) ") || $0.detail.contains("B\(id))") || $0.detail.hasSuffix("B\(id)"))
            }
            return Dossier(
                escalation: nil,
                bandAlert: view(alert, on: date),
                facts: nil,
                scores: nil,
                bestFit: nil,
                explanations: nil,
                flags: nil,
                ruleVersion: nil,
                ruleHash: nil,
                sharesAtEscalation: nil,
                history: [],
                audit: audit
            )
        }
        guard let e = try ledger.escalation(reference) else {
            if case .escalation(let id) = reference { throw LedgerError.notFound("escalation \(id)") }
            if try !ledger.knownCaseIds([reference.description]).isEmpty {
                throw LedgerError.refused("case \(reference) has no escalation")
            }
            throw LedgerError.notFound("case \(reference)")
        }
        let history = try ledger.history(caseId: e.caseId)
        let stored = history.first?.scores
        return Dossier(
            escalation: try view(e, on: date),
            bandAlert: nil,
            facts: try ledger.intakeCase(id: e.caseId),
            scores: stored?.scores,
            bestFit: stored?.bestFit,
            explanations: stored?.reasons,
            flags: stored?.dataFlags,
            ruleVersion: stored?.ruleVersion,
            ruleHash: stored?.ruleHash,
            sharesAtEscalation: e.context,
            history: history,
            audit: try ledger.audit(caseId: e.caseId)
        )
    }

    // MARK: - Actions

    /// A triage expert contests a case on `day`: deadline `escalationDeadlineDays` working days later;
    /// the current shares and bands are stored with it for the dossier.
    @discardableResult
    public func contest(caseId: String, reason: String, by actor: String, on day: Day) throws -> EscalationRecord {
        let (reason, actor) = try Self.checked(reason, field: "--reason", by: actor)
        let e = try ledger.contest(
            caseId: caseId,
            reason: reason,
            by: actor,
            on: day,
            deadline: day.adding(workingDays: config.escalationDeadlineDays),
            context: try sharesNow(on: day)
        )
        logger.info(
            "commissie: case contested",
            metadata: [
                "escalation": "\(e.id.map(String.init) ?? "-")", "case": "\(caseId)", "day": "\(day)", "deadline": "\(e.deadline)",
            ]
        )
        return e
    }

    /// Confirm (`moveTo == nil`) or move. The assignment becomes final; the next allocation counts it at its new RO.
    @discardableResult
    public func decide(escalationId: Int64, moveTo: RO?, rationale: String, by actor: String) throws -> DecisionRecord {
        let (rationale, actor) = try Self.checked(rationale, field: "--rationale", by: actor)
        let d = try ledger.decide(escalationId: escalationId, moveTo: moveTo, rationale: rationale, by: actor)
        logger.info(
            "commissie: escalation decided",
            metadata: [
                "escalation": "\(escalationId)", "decision": "\(d.id.map(String.init) ?? "-")", "action": "\(d.action.rawValue)",
                "case": "\(d.caseId)", "roBefore": "\(d.roBefore?.rawValue ?? "-")", "roAfter": "\(d.roAfter.rawValue)",
            ]
        )
        return d
    }

    /// The commissie decides several escalations at once, named one by one: escalation numbers or case ids
    /// (a case's open escalation). One rationale and name; each decision its own row and audit entry; all or
    /// nothing (`DecisionsRefused` lists every refused item). `moveTo` moves every named case to that RO;
    /// `decidedOn` is the meeting's date.
    @discardableResult
    public func decide(
        _ references: [String],
        moveTo: RO?,
        rationale: String,
        by actor: String,
        decidedOn meeting: Day? = nil
    ) throws
        -> [DecisionRecord]
    {
        let (rationale, actor) = try Self.checked(rationale, field: "--rationale", by: actor)
        let decisions = try ledger.decide(
            references.map(EscalationReference.init),
            moveTo: moveTo,
            rationale: rationale,
            by: actor,
            decidedOn: meeting
        )
        log(decisions)
        return decisions
    }

    /// The commissie confirms every open escalation the filter matches, e.g. all near-ties of a day, with one
    /// rationale. Only escalations with a provisional RO are taken (a waiting case is assigned by a run, not
    /// decided), and a contested one only when the filter names `betwist`: a triage expert's dispute is
    /// decided on its own merits, not swept along with the near-ties it also is. A filter only confirms:
    /// moving cases is done by naming them. The filter must narrow (an empty one would confirm everything)
    /// and match at least one escalation; all or nothing, as above.
    @discardableResult
    public func confirm(
        matching filter: Filter,
        rationale: String,
        by actor: String,
        decidedOn meeting: Day? = nil
    ) throws
        -> [DecisionRecord]
    {
        let (rationale, actor) = try Self.checked(rationale, field: "--rationale", by: actor)
        guard !filter.isEmpty else {
            throw LedgerError.refused("a decision by filter needs at least one of --reason, --provisional, --day, --from or --to")
        }
        let matched = try ledger.escalations(openOnly: true, from: filter.firstDay, to: filter.lastDay)
            .filter { $0.provisionalRO != nil }
            .filter { e in filter.reasons.contains(.contested) || !e.reasons.contains { $0.code == .contested } }
            .map { try view($0, on: meeting ?? Day.today()) }
            .filter(filter.matches)
        guard !matched.isEmpty else {
            throw LedgerError.refused(
                "no open escalation with a provisional RO (and not contested, unless --reason betwist) matches \(describe(filter))"
            )
        }
        let decisions = try ledger.decide(
            matched.map { .escalation($0.id) },
            moveTo: nil,
            rationale: rationale,
            by: actor,
            decidedOn: meeting
        )
        log(decisions)
        return decisions
    }

    /// The filter in words, for messages: `reason bijna_gelijk, day 2026-03-02`.
    public func describe(_ filter: Filter) -> String {
        var parts: [String] = []
        if !filter.reasons.isEmpty { parts.append("reason \(filter.reasons.map(\.rawValue).joined(separator: " or "))") }
        if let ro = filter.ro { parts.append("provisional RO \(ro.displayName)") }
        if let day = filter.day { parts.append("day \(day)") }
        if let from = filter.from { parts.append("from \(from)") }
        if let to = filter.to { parts.append("to \(to)") }
        return parts.isEmpty ? "no filter" : parts.joined(separator: ", ")
    }

    private func log(_ decisions: [DecisionRecord]) {
        for d in decisions {
            logger.info(
                "commissie: escalation decided",
                metadata: [
                    "escalation": "\(d.escalationId)", "decision": "\(d.id.map(String.init) ?? "-")", "action": "\(d.action.rawValue)",
                    "case": "\(d.caseId)", "roBefore": "\(d.roBefore?.rawValue ?? "-")", "roAfter": "\(d.roAfter.rawValue)",
                    "batch": "\(decisions.count)", "decidedAt": "\(d.decidedAt)",
                ]
            )
        }
    }

    /// A reason and a name as real text (`UserText`), or a refusal naming the option.
    static func checked(_ text: String, field: String, by actor: String) throws -> (text: String, actor: String) {
        do {
            return (try UserText.reason(text, field: field), try UserText.name(actor, field: "--by"))
        } catch {
            throw LedgerError.refused(error.description)
        }
    }

    public func sharesNow(on day: Day) throws -> EscalationContext {
        let start = config.period.start(of: day)
        let end = config.period.end(of: day)
        let shares = PeriodShares(weight: try ledger.periodWeights(from: start, to: end))
        return EscalationContext(
            periodStart: start.description,
            periodEnd: end.description,
            shares: Dictionary(
                uniqueKeysWithValues: RO.allCases.map { ro in
                    (
                        ro.rawValue,
                        EscalationContext.Share(
                            share: shares.share(ro),
                            weight: shares.weight[ro] ?? 0,
                            band: config.band(ro),
                            withinBand: shares.total == 0 || config.band(ro).contains(shares.share(ro))
                        )
                    )
                }
            )
        )
    }

    // MARK: - Audit (`audit --json`)

    public struct AuditTrail: Codable, Sendable {
        public var caseId: String?
        public var entries: [AuditEntry]
    }

    public func audit(caseId: String?) throws -> AuditTrail {
        if let caseId, try ledger.knownCaseIds([caseId]).isEmpty { throw LedgerError.notFound("case \(caseId)") }
        return AuditTrail(caseId: caseId, entries: try ledger.audit(caseId: caseId))
    }
}
