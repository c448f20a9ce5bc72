import Allocation
import Foundation
import GLPK
import InstroomDomain
import Ledger
import Logging
import Review
import Wegingskader

/// The triagepunt's daily job: take the day's intake (and yesterday's waiting cases), allocate it with
/// every earlier assignment fixed, and record the run. Running the same day and intake again writes nothing.
public struct DailyRun: Sendable {
    public let ledger: Ledger
    public let rules: RuleSet
    public let config: AllocationConfig
    public let actor: String

    public init(ledger: Ledger, rules: RuleSet, config: AllocationConfig, actor: String = "triagepunt") {
        self.ledger = ledger
        self.rules = rules
        self.config = config
        self.actor = actor
    }

    /// The ledger's view before today's solve: new cases, waiting ones, fixed shares, capacity left.
    public func prepare(
        intake: [IntakeCase],
        day: Day
    ) throws -> (toAllocate: [IntakeCase], newCases: [IntakeCase], prior: PeriodShares, capacityLeft: [RO: Double]) {
        try ledger.reading { tx in try prepare(intake: intake, day: day, tx) }
    }

    /// `prepare` inside a transaction: under `Ledger.exclusive` this is the state the run's writes change.
    func prepare(
        intake: [IntakeCase],
        day: Day,
        _ tx: LedgerTransaction
    ) throws -> (toAllocate: [IntakeCase], newCases: [IntakeCase], prior: PeriodShares, capacityLeft: [RO: Double]) {
        let stored = try tx.storedFacts(intake.map(\.id))
        for c in intake {
            if let facts = stored[c.id], facts != c {
                throw TriageError.conflictingFacts(
                    "case \(c.id) is already in the ledger with other facts; an intake may not change a known case (geen werk retour)"
                )
            }
        }
        let newCases = intake.filter { stored[$0.id] == nil }
        let backlog = try tx.backlog(until: day)
        let newIds = Set(newCases.map(\.id))
        let toAllocate = backlog.filter { !newIds.contains($0.id) } + newCases
        let prior = PeriodShares(weight: try tx.periodWeights(from: config.period.start(of: day), to: config.period.end(of: day)))
        let used = try tx.capacityUsed(on: day)
        let capacityLeft = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0, max(0, config.capacity($0) - (used[$0] ?? 0))) })
        return (toAllocate, newCases, prior, capacityLeft)
    }

    /// Builds the plan that `allocate` would execute, without writing: for `export-model` and what-ifs.
    public func plan(intake: [IntakeCase], day: Day) throws -> DayPlan {
        let p = try prepare(intake: intake, day: day)
        return try DayPlan.make(cases: p.toAllocate, day: day, rules: rules, config: config, prior: p.prior, capacityLeft: p.capacityLeft)
    }

    /// Allocates the day and records the run. The whole read-solve-write runs under the ledger's write
    /// lock (`Ledger.exclusive`): two processes allocating at once are serialised, and the second sees
    /// the first's assignments, capacity used and contests, so no case is assigned twice and no
    /// capacity is given out twice.
    ///
    /// Refused: a day before an intake case was received; a weekend, a Dutch public holiday or a day
    /// before the ledger's latest run unless `allow` says it is meant; an id that differs from a known
    /// one only in upper/lower case.
    public func allocate(
        intake: [IntakeCase],
        day: Day,
        intakeFile: String? = nil,
        allow: Set<DayAllowance> = []
    ) throws -> AllocationReport {
        let started = ContinuousClock.now
        _ = try checkedActor()
        return try ledger.exclusive { tx in
            try checkDay(day, intake: intake, intakeFile: intakeFile, allow: allow, tx)
            return try allocate(intake: intake, day: day, intakeFile: intakeFile, started: started, tx)
        }
    }

    func allocate(
        intake: [IntakeCase],
        day: Day,
        intakeFile: String?,
        started: ContinuousClock.Instant,
        _ tx: LedgerTransaction
    ) throws
        -> AllocationReport
    {
        // Unattended, the day is proposed and confirmed at once; not while a person reviews a draft.
        if let open = try tx.proposals().first {
            throw TriageError.refused(
                "the proposal for \(open.day) is under review: confirm it first (instroom confirm --date \(open.day))"
            )
        }
        let p = try prepare(intake: intake, day: day, tx)
        logger.info(
            "allocation started",
            metadata: [
                "day": "\(day)", "intake": "\(intake.count)", "new": "\(p.newCases.count)", "toAllocate": "\(p.toAllocate.count)",
            ]
        )
        if p.toAllocate.isEmpty {
            logger.info("allocation unchanged: nothing to allocate", metadata: ["day": "\(day)"])
            return try existingReport(intake: intake, day: day, tx)
        }
        let plan: DayPlan
        do {
            plan = try DayPlan.make(
                cases: p.toAllocate,
                day: day,
                rules: rules,
                config: config,
                prior: p.prior,
                capacityLeft: p.capacityLeft
            )
        } catch let error as TriageError {
            // The explanation names shares and bands; the log keeps to the day and the kind of refusal.
            logger.notice(
                "allocation refused",
                metadata: ["day": "\(day)", "reason": "\(error.logKind)", "toAllocate": "\(p.toAllocate.count)"]
            )
            throw error
        }
        if plan.outcome.assignments.isEmpty && p.newCases.isEmpty {
            // Only waiting cases, and still no room: nothing changes, nothing is written.
            logger.info(
                "allocation unchanged: no room for the waiting cases",
                metadata: ["day": "\(day)", "waiting": "\(p.toAllocate.count)"]
            )
            return try existingReport(intake: intake, day: day, tx)
        }
        // Waiting cases a triage expert contested: they get an RO today, but only provisionally.
        let newIds = Set(p.newCases.map(\.id))
        let contested = try tx.contestedCaseIds(p.toAllocate.map(\.id).filter { !newIds.contains($0) })
        var report = makeReport(plan, newCases: p.newCases.count, contested: contested)
        var runDraft = draft(plan, report: report, newCases: p.newCases, intakeFile: intakeFile)
        runDraft.bandAlerts = try bandAlerts(plan, tx)
        report.runId = try tx.record(runDraft)
        logRecorded(report, plan: plan, elapsed: ContinuousClock.now - started)
        return report
    }

    /// One line per recorded run; a warning when the solver stopped at its time limit, because the
    /// assignment then rests on an incumbent that is not proven optimal.
    func logRecorded(_ report: AllocationReport, plan: DayPlan, elapsed: Duration) {
        let status = plan.outcome.status
        let timeLimitReached = status == .feasible || status == .timeLimitWithoutSolution
        let metadata: Logger.Metadata = [
            "run": "\(report.runId.map(String.init) ?? "-")", "day": "\(plan.day)", "cases": "\(plan.scored.count)",
            "assigned": "\(report.assignments.count)", "waiting": "\(report.waiting.count)", "escalated": "\(report.escalations.count)",
            "status": "\(status.rawValue)", "solverSeconds": "\(LogValue.seconds(plan.outcome.solver?.seconds ?? 0))",
            "seconds": "\(LogValue.seconds(elapsed))", "timeLimitSeconds": "\(config.solver.timeLimitSeconds)",
            "timeLimitReached": "\(timeLimitReached)",
        ]
        if timeLimitReached {
            logger.warning("allocation recorded, but the solver reached its time limit", metadata: metadata)
        } else {
            logger.info("allocation recorded", metadata: metadata)
        }
    }

    func makeReport(_ plan: DayPlan, newCases: Int, contested: Set<String> = []) -> AllocationReport {
        let outcome = plan.outcome
        var lines: [AllocationReport.Line] = []
        var escalations: [AllocationReport.Escalation] = []
        for s in plan.scored {
            let reasons = plan.escalations[s.intake.id] ?? []
            let ro = outcome.assignments[s.intake.id]
            // Unattended, the triage review is accepted as proposed; the commissie's cases stay provisional.
            let final = ReviewRouting.queue(of: reasons) != .commissie && !contested.contains(s.intake.id)
            if let ro {
                var line = AllocationReport.Line(s, ro: ro, final: final, rules: rules)
                line.tie = plan.ties[s.intake.id]
                lines.append(line)
            }
            if !reasons.isEmpty { escalations.append(.init(caseId: s.intake.id, reasons: reasons, provisionalRO: ro)) }
        }
        lines.sort { $0.caseId < $1.caseId }
        escalations.sort { $0.caseId < $1.caseId }
        let solver = outcome.solver
        return AllocationReport(
            status: outcome.status.rawValue,
            date: plan.day,
            runId: nil,
            unchanged: false,
            newCases: newCases,
            ruleSet: .init(version: rules.version, hash: rules.hash),
            assignments: lines,
            waiting: outcome.waiting.sorted(),
            escalations: escalations,
            shares: shares(outcome.sharesAfter, plan: plan),
            objective: outcome.objective,
            fit: outcome.fit,
            solver: .init(
                status: outcome.status.rawValue,
                seconds: solver?.seconds ?? 0,
                timeLimitSeconds: solver?.timeLimitSeconds ?? config.solver.timeLimitSeconds,
                gap: solver?.gap,
                nodes: solver?.nodes ?? 0,
                formulation: plan.model.formulation.rawValue,
                classes: outcome.classes,
                columns: outcome.columns,
                rows: outcome.rows,
                message: outcome.message
            )
        )
    }

    func shares(_ after: PeriodShares, plan: DayPlan?) -> [String: AllocationReport.Share] {
        Dictionary(
            uniqueKeysWithValues: RO.allCases.map { ro in
                let band = config.band(ro)
                let share = after.share(ro)
                return (
                    ro.rawValue,
                    AllocationReport.Share(
                        share: share,
                        weight: after.weight[ro] ?? 0,
                        band: band,
                        withinBand: after.total == 0 || band.contains(share),
                        belowSlack: plan?.outcome.belowBand[ro] ?? 0,
                        aboveSlack: plan?.outcome.aboveBand[ro] ?? 0,
                        capacityUsed: plan?.outcome.capacityUsed[ro] ?? 0,
                        capacity: plan?.instance.capacityLeft[ro] ?? config.capacity(ro)
                    )
                )
            }
        )
    }

    /// Band forecasts after this plan: the period's daily weights so far plus today's assignments.
    func bandAlerts(_ plan: DayPlan, _ tx: LedgerTransaction) throws -> [BandAlertRecord] {
        var daily = try tx.dailyWeights(from: config.period.start(of: plan.day), to: plan.day)
        let weights = Dictionary(uniqueKeysWithValues: plan.scored.map { ($0.intake.id, $0.weight) })
        for (id, ro) in plan.outcome.assignments { daily[plan.day, default: [:]][ro, default: 0] += weights[id] ?? 0 }
        return BandForecast.alerts(day: plan.day, config: config, after: plan.outcome.sharesAfter, daily: daily)
    }

    /// The shares and bands as the report shows them, stored with each escalation for its dossier.
    func context(_ report: AllocationReport) -> EscalationContext {
        EscalationContext(
            periodStart: config.period.start(of: report.date).description,
            periodEnd: config.period.end(of: report.date).description,
            shares: report.shares.mapValues { .init(share: $0.share, weight: $0.weight, band: $0.band, withinBand: $0.withinBand) }
        )
    }

    func draft(_ plan: DayPlan, report: AllocationReport, newCases: [IntakeCase], intakeFile: String?) -> RunDraft {
        let weights = Dictionary(uniqueKeysWithValues: plan.scored.map { ($0.intake.id, $0.weight) })
        let context = context(report)
        return RunDraft(
            run: RunRecord(
                day: plan.day.description,
                config: RunConfiguration(config),
                intakeFile: intakeFile,
                status: RunStatus(plan.outcome.status),
                objective: report.objective,
                gap: report.solver?.gap,
                seconds: report.solver?.seconds ?? 0,
                nodes: report.solver?.nodes ?? 0,
                message: report.solver?.message ?? ""
            ),
            actor: actor,
            ruleSet: RuleSetRecord(hash: rules.hash, version: rules.version, title: rules.title, source: rules.sourceText, firstUsedAt: ""),
            newCases: newCases.map { .init(intake: $0, weight: weights[$0.id] ?? config.workload.weight(of: $0)) },
            assignments: report.assignments.map { line in
                .init(
                    caseId: line.caseId,
                    ro: line.ro,
                    weight: line.weight,
                    final: line.final,
                    bestFit: line.bestFit,
                    scores: StoredScores(line)
                )
            },
            // The ledger holds the commissie's cases; the triage review was settled before confirmation
            // and the reasons on no list are in the report and the figures.
            escalations: report.escalations.filter { $0.queue == .commissie }.map { e in
                RunDraft.Escalation(caseId: e.caseId, reasons: e.reasons, provisionalRO: e.provisionalRO, context: context)
            },
            escalationDeadline: plan.day.adding(workingDays: config.escalationDeadlineDays)
        )
    }

    /// The intake was allocated before: report what the ledger holds for it, without writing anything.
    func existingReport(intake: [IntakeCase], day: Day, _ tx: LedgerTransaction) throws -> AllocationReport {
        let current = try tx.currentAssignments(intake.map(\.id))
        var lines = intake.compactMap { c in current[c.id].map { AllocationReport.Line($0, kind: c.kind) } }
        lines.sort { $0.caseId < $1.caseId }
        let waiting = intake.map(\.id).filter { current[$0] == nil }.sorted()
        var escalations: [AllocationReport.Escalation] = []
        for id in intake.map(\.id).sorted() {
            for e in try tx.escalations(caseId: id) where e.status == .open {
                escalations.append(.init(caseId: id, reasons: e.reasons, provisionalRO: e.provisionalRO))
            }
        }
        let prior = PeriodShares(weight: try tx.periodWeights(from: config.period.start(of: day), to: config.period.end(of: day)))
        let runIds = Set(current.values.compactMap(\.runId))
        let runs = try runIds.compactMap { try tx.run(id: $0) }
        return AllocationReport(
            status: runs.map(\.status).allSatisfy { $0 == .optimal } ? "optimal" : (runs.first?.status.rawValue ?? "optimal"),
            date: day,
            runId: runIds.max(),
            unchanged: true,
            newCases: 0,
            ruleSet: .init(version: rules.version, hash: rules.hash),
            assignments: lines,
            waiting: waiting,
            escalations: escalations,
            shares: shares(prior, plan: nil),
            objective: runs.count == 1 ? runs[0].objective : nil,
            fit: lines.reduce(0) { $0 + ($1.scores[$1.ro.rawValue] ?? 0) + ($1.continuity == $1.ro ? config.continuityBonus : 0) },
            solver: nil
        )
    }
}
