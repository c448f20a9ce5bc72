import Allocation
import Foundation
import GLPK
import InstroomDomain
import Review
import Wegingskader

/// One day's allocation decided but not yet recorded: the same plan serves `allocate`, `export-model`
/// and the scenario simulator, so a simulation replays exactly what production would do.
public struct DayPlan: Sendable {
    public var day: Day
    public var instance: DayInstance
    public var model: DayModel
    public var scored: [ScoredCase]
    public var outcome: DayOutcome
    /// Escalation reasons per case id, each with its queue (no entry for cases that need nobody).
    public var escalations: [String: [EscalationReason]]
    /// How each tie between equally fitting ROs was settled (`TieRule`).
    public var ties: [String: TieDecision]

    /// Scores `cases`, solves the day and flags escalations. Throws `TriageError.infeasible` when hard
    /// bands cannot hold, or would leave work on the shelf while an RO has room.
    /// `pins` holds the cases a triage expert placed by hand (gemotiveerd afwijken): each may go only
    /// to its RO, and the rest of the day is optimised around them.
    public static func make(
        cases: [IntakeCase],
        day: Day,
        rules: RuleSet,
        config: AllocationConfig,
        prior: PeriodShares,
        capacityLeft: [RO: Double],
        pins: [String: RO] = [:]
    ) throws -> DayPlan {
        let scored = Scoring.score(cases, on: day, rules: rules, config: config)
        return try make(scored: scored, day: day, rules: rules, config: config, prior: prior, capacityLeft: capacityLeft, pins: pins)
    }

    /// The same plan from cases scored already, on `day` with `rules` and `config`'s workload weights and
    /// `staleAfterDays`: a simulation scores its intake once for every replay that shares those (the
    /// bands, capacities and penalties a sweep varies do not change a score). `cache`: see `SolveCache`;
    /// `detail`: false for a replay that only counts escalations (their Dutch sentences stay empty).
    public static func make(
        scored: [ScoredCase],
        day: Day,
        rules: RuleSet,
        config: AllocationConfig,
        prior: PeriodShares,
        capacityLeft: [RO: Double],
        pins: [String: RO] = [:],
        costs: PolicyCosts? = nil,
        cache: SolveCache? = nil,
        detail: Bool = true
    ) throws -> DayPlan {
        let candidates = try scored.map { s in
            var candidate = s.candidate
            if let ro = pins[s.intake.id] {
                guard s.score.allowed.contains(ro) else {
                    throw TriageError.refused(
                        "case \(s.intake.id) may not go to \(ro.displayName): a route or exclusion of the wegingskader forbids it"
                    )
                }
                candidate.allowed = [ro]
            }
            return candidate
        }
        let instance = DayInstance(day: day, cases: candidates, prior: prior, capacityLeft: capacityLeft, config: config, costs: costs)
        // The time limit covers building the model as well as GLPK's search.
        let started = DispatchTime.now()
        let model = try DayModel(instance)
        let solved = try model.solve(settings: config.solver, started: started, cache: cache)
        switch solved.status {
        case .optimal, .feasible: break
        case .infeasible:
            throw TriageError.infeasible(day: day, explanation: explainInfeasible(instance))
        case .timeLimitWithoutSolution:
            throw TriageError.solverFailed(
                day: day,
                message: "no assignment found within the time limit of \(config.solver.timeLimitSeconds) s; raise solver.timeLimitSeconds"
            )
        case .unbounded, .failed:
            throw TriageError.solverFailed(day: day, message: solved.message)
        }
        if !solved.blockedByBands.isEmpty {
            throw TriageError.infeasible(
                day: day,
                explanation:
                    "\(solved.blockedByBands.count) case(s) would wait while an RO still has room, because a hard band forbids it (niets op de plank): \(solved.blockedByBands.prefix(5).joined(separator: ", "))\(solved.blockedByBands.count > 5 ? ", ..." : ""). "
                    + bandSummary(instance, solved) + " Make the band soft (bands.mode: soft) or widen it."
            )
        }
        let (outcome, ties) = TieRule.settle(solved, cases: instance.cases, instance: instance)
        var escalations: [String: [EscalationReason]] = [:]
        for s in scored where pins[s.intake.id] == nil {
            let reasons = EscalationRules.reasons(
                for: s,
                assigned: outcome.assignments[s.intake.id],
                day: day,
                instance: instance,
                outcome: outcome,
                rules: rules,
                detail: detail
            )
            if !reasons.isEmpty { escalations[s.intake.id] = reasons }
        }
        return DayPlan(day: day, instance: instance, model: model, scored: scored, outcome: outcome, escalations: escalations, ties: ties)
    }

    /// Names the bands that make a day infeasible: those already outside their range before today,
    /// or whose floors cannot be met with the capacity left.
    static func explainInfeasible(_ instance: DayInstance) -> String {
        var lines: [String] = []
        let prior = instance.prior
        for ro in RO.allCases {
            let band = instance.config.band(ro)
            guard band.mode == .hard, prior.total > 0 else { continue }
            let share = prior.share(ro)
            if !band.contains(share) {
                lines.append(
                    "\(ro.displayName) already stands at \(DutchNumber.percent(share)) of the period, outside its hard band \(band.label)"
                )
            }
        }
        if lines.isEmpty {
            lines.append(
                "the hard bands (" + RO.allCases.map { "\($0.displayName) \(instance.config.band($0).label)" }.joined(separator: ", ")
                    + ") cannot all hold with today's cases and capacities"
            )
        }
        return lines.joined(separator: "; ") + ". Nothing was recorded. Make the bands soft (bands.mode: soft) or widen them."
    }

    static func bandSummary(_ instance: DayInstance, _ outcome: DayOutcome) -> String {
        "Shares after this day would be "
            + RO.allCases.map {
                "\($0.displayName) \(DutchNumber.percent(outcome.sharesAfter.share($0))) (band \(instance.config.band($0).label))"
            }.joined(separator: ", ") + "."
    }
}
