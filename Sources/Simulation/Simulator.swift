import Allocation
import Foundation
import GLPK
import InstroomDomain
import Logging
import Review
import Triage
import Wegingskader

/// Replays a scenario day by day with the production allocator (`DayPlan.make`: the same scoring,
/// day model, GLPK solve and escalation rules as `instroom allocate`). Carried from day to day:
/// the period's cumulative shares (reset at the start of each band period), the load each RO
/// carries, and the cases left waiting.
///
/// Capacity model: a case occupies its workload points at its RO for `durations[kind]` working days
/// (counting its first day); the day's free capacity is the week's caseload minus the active load
/// minus what is left of the initial load.
///
/// Hard bands that cannot hold on a day (`TriageError.infeasible`) do not stop the replay: the day
/// counts as a hard-band failure and is allocated once more with every band soft, and both are reported.
///
/// The bands each day's model gets follow the scenario's `bandPolicy`: the agreed bands on the
/// cumulative share (production), or the look-ahead's bands for the day (`LookaheadBands`). Slack is
/// always measured against the agreed bands.
///
/// `cache`: the proven optima of day models solved before (`SolveCache`); a sweep shares one between
/// its variants, which send GLPK the same model on every day their varied setting cannot bind.
public enum Simulator {
    public static func run(
        _ scenario: Scenario,
        basis: IntakeBasis,
        keepSeries: Bool = true,
        scored: ScoredIntake? = nil,
        cache: SolveCache? = nil,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> ScenarioResult {
        let config = scenario.config
        // `scored` must come from this basis and rule set; its key is checked here, the rest by the caller.
        precondition(scored.map { $0.key == ScoredIntake.Key(config) && $0.days.count == basis.days.count } ?? true)
        var relaxed = config
        for ro in RO.allCases { relaxed.bands[ro] = Bandwidth(min: config.band(ro).min, max: config.band(ro).max, mode: .soft) }
        let ros = RO.allCases
        let n = basis.days.count
        let maxDuration = scenario.durations.values.max() ?? 1
        // releases[(day * 3) + r]: points that come free at the start of working day `day`.
        var releases = Array(repeating: 0.0, count: (n + maxDuration + 1) * 3)
        var load = [0.0, 0.0, 0.0]
        var prior = PeriodShares()
        var periodStart: Day?
        var waiting: [IntakeCase] = []
        var everWaited = Set<String>()
        // The best allowed fit of each waiting case, for the fit not reached by the end.
        var waitingBest: [String: Int] = [:]
        var lookahead = scenario.bandPolicy.daysUseLookahead(scenario.config) ? LookaheadBands(scenario: scenario, basis: basis) : nil
        var forecast = scenario.bandPolicy == .forecast ? ForecastBands(scenario: scenario, basis: basis) : nil
        var prices = scenario.bandPolicy == .prices ? DualPriceBands(scenario: scenario, basis: basis) : nil
        var planned = scenario.bandPolicy == .plan ? try PlanBands(scenario: scenario, basis: basis) : nil

        let started = ContinuousClock.now
        var acc = Accumulator(scenario: scenario)
        var series: [DayRecord] = []
        if keepSeries { series.reserveCapacity(n) }

        // Per working day and RO: room for new cases at the start of the day (the dips' record).
        var room = Array(repeating: false, count: n * 3)
        for i in 0..<n {
            let day = basis.days[i]
            let start = config.period.start(of: day)
            if start != periodStart {
                if periodStart != nil { acc.addPeriodEndSlack(prior, config: config) }
                periodStart = start
                prior = PeriodShares()
            }
            for r in 0..<3 { load[r] = max(0, load[r] - releases[i * 3 + r]) }
            let week = day.isoWeek
            let initialLeft = max(0, 1 - Double(i) / Double(max(1, scenario.capacity.initialLoadDays)))
            var caseload = [0.0, 0.0, 0.0]
            var free: [RO: Double] = [:]
            for (r, ro) in ros.enumerated() {
                caseload[r] = scenario.capacity.caseload(ro, week: week)
                let busy = load[r] + (scenario.capacity.initialLoad[ro] ?? 0) * initialLeft
                free[ro] = max(0, caseload[r] - busy)
                room[i * 3 + r] = caseload[r] - busy > 0
            }

            // Today's cases scored on arrival (once per sweep, or now); waiting ones again today.
            let today = scored?.days[i] ?? Scoring.score(basis.cases(at: i), on: day, rules: scenario.rules, config: config)
            let pool = Scoring.score(waiting, on: day, rules: scenario.rules, config: config) + today
            var failure: String?
            let plan: DayPlan
            // The bands today's model gets: the agreed ones (cumulative), or the look-ahead's for today.
            let dayConfig = lookahead?.config(day: i) ?? config
            // What each of today's placements costs the rest of the period (prices, plan): nil for every other policy.
            prices?.observe(today, day: i)
            planned?.observe(today, day: i)
            let costs =
                try prices?.costs(day: i, pool: pool, prior: prior, load: load, releases: releases)
                ?? planned?.costs(day: i, pool: pool, prior: prior, load: load, releases: releases)
            // The shares today's model holds to the bands: so far, or (forecast) so far plus the rest's forecast.
            let ahead = forecast?.forecast(day: i) ?? [:]
            var dayPrior = prior
            for (ro, w) in ahead { dayPrior.weight[ro, default: 0] += w }
            do {
                plan = try DayPlan.make(
                    scored: pool,
                    day: day,
                    rules: scenario.rules,
                    config: dayConfig,
                    prior: dayPrior,
                    capacityLeft: free,
                    costs: costs,
                    cache: cache,
                    detail: false
                )
            } catch TriageError.infeasible {
                logger.debug(
                    "hard bands cannot hold; day replayed with soft bands",
                    metadata: ["scenario": "\(scenario.name)", "day": "\(day)"]
                )
                failure = HardBandFailureText.explain(prior: dayPrior, config: dayConfig)
                var soft = relaxed
                for ro in RO.allCases { soft.bands[ro] = Bandwidth(min: dayConfig.band(ro).min, max: dayConfig.band(ro).max, mode: .soft) }
                plan = try DayPlan.make(
                    scored: pool,
                    day: day,
                    rules: scenario.rules,
                    config: soft,
                    prior: dayPrior,
                    capacityLeft: free,
                    costs: costs,
                    cache: cache,
                    detail: false
                )
            }
            lookahead?.observe(plan, newCases: Set(today.map(\.intake.id)))
            forecast?.observe(today)
            let outcome = plan.outcome
            prior = outcome.sharesAfter
            for (ro, w) in ahead { prior.weight[ro, default: 0] -= w }
            // The solver stopped at its time limit with an incumbent that is not proven optimal: such a
            // day depends on machine speed, so it is counted (and breaks byte-identity across machines).
            if outcome.status != .optimal { acc.solverTimeLimitDays.append(day) }

            var assignedToday = 0
            var escalatedToday = 0
            var nextWaiting: [IntakeCase] = []
            for s in plan.scored {
                let id = s.intake.id
                guard let ro = outcome.assignments[id] else {
                    nextWaiting.append(s.intake)
                    waitingBest[id] = RO.allCases.compactMap { s.candidate.profit($0, continuityBonus: config.continuityBonus) }.max() ?? 0
                    if everWaited.insert(id).inserted {
                        acc.escalation(.noCapacity, month: day)
                        escalatedToday += 1
                    }
                    continue
                }
                waitingBest[id] = nil
                assignedToday += 1
                let r = ros.firstIndex(of: ro)!
                load[r] += s.weight
                releases[(i + (scenario.durations[s.intake.kind] ?? 1)) * 3 + r] += s.weight
                let reasons = plan.escalations[id] ?? []
                if !reasons.isEmpty { escalatedToday += 1 }
                acc.assigned(s, to: ro, reasons: reasons, day: day, continuityBonus: config.continuityBonus)
            }
            waiting = nextWaiting

            // Slack against the agreed bands (not the look-ahead's day bands): the cumulative share's
            // distance from its band after the day, in workload points, for either policy.
            var slack = 0.0
            for ro in ros {
                let points = Self.slack(prior, ro, config.band(ro))
                acc.slack[ro, default: 0] += points
                slack += points
            }
            if slack > 1e-9 { acc.daysWithSlack += 1 }
            if let failure { acc.hardBandFailures.append(.init(day: day, explanation: failure)) }
            if !waiting.isEmpty { acc.daysWithWaiting += 1 }
            acc.maxWaiting = max(acc.maxWaiting, waiting.count)
            acc.caseDaysWaiting += waiting.count
            acc.intake += today.count

            var utilisation: [String: Double] = [:]
            for (r, ro) in ros.enumerated() {
                let busy = load[r] + (scenario.capacity.initialLoad[ro] ?? 0) * initialLeft
                let u = caseload[r] > 0 ? busy / caseload[r] : 0
                utilisation[ro.rawValue] = Format.round(u, 4)
                acc.utilisationSum[ro, default: 0] += u
                acc.utilisationPeak[ro] = max(acc.utilisationPeak[ro] ?? 0, u)
            }
            if keepSeries {
                series.append(
                    DayRecord(
                        day: day,
                        intake: today.count,
                        assigned: assignedToday,
                        waiting: waiting.count,
                        escalated: escalatedToday,
                        share: Dictionary(uniqueKeysWithValues: ros.map { ($0.rawValue, Format.round(prior.share($0), 5)) }),
                        utilisation: utilisation,
                        slack: Format.round(slack, 3),
                        hardBandFailure: failure == nil ? nil : true
                    )
                )
            }
            progress?(i + 1, n)
        }
        acc.addPeriodEndSlack(prior, config: config)
        acc.fitWaitingAtEnd = waiting.reduce(0) { $0 + (waitingBest[$1.id] ?? 0) }
        let elapsed = ContinuousClock.now - started
        let metadata: Logger.Metadata = [
            "scenario": "\(scenario.name)", "days": "\(n)", "cases": "\(acc.intake)",
            "timeLimitDays": "\(acc.solverTimeLimitDays.count)", "hardBandFailureDays": "\(acc.hardBandFailures.count)",
            "seconds": "\(elapsed.components.seconds)",
        ]
        if acc.solverTimeLimitDays.isEmpty {
            logger.info("scenario replayed", metadata: metadata)
        } else {
            // Such days depend on machine speed: the result is not byte-identical across machines.
            logger.notice("scenario replayed; the solver reached its time limit on some days", metadata: metadata)
        }
        var result = acc.result(
            days: keepSeries ? series : nil,
            workingDays: n,
            waitingAtEnd: waiting.count,
            shares: prior,
            basis: basis.source
        )
        result.totals.dips = CaseloadDip.runs(scenario, on: basis.days) { i, ro in room[i * 3 + RO.allCases.firstIndex(of: ro)!] }
        return result
    }

    /// Workload points by which `ro`'s share of the period so far lies outside `band` (0 inside it).
    static func slack(_ shares: PeriodShares, _ ro: RO, _ band: Bandwidth) -> Double {
        let base = shares.intake
        let w = shares.weight[ro] ?? 0
        let points = max(0, band.min * base - w) + max(0, w - band.max * base)
        return points > 1e-6 ? points : 0
    }
}
