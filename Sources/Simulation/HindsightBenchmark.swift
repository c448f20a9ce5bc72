import Allocation
import Foundation
import GLPK
import InstroomDomain
import Logging
import Review
import Triage
import Wegingskader

/// The price of deciding day by day: the scenario's daily replay against the same period solved at
/// once with hindsight (`HindsightModel`: the same cases, scores, caseload capacity and bands, every
/// case known in advance), with the greedy policy (each case to its best RO with room, no bands)
/// beside it. Refugee-placement research (Annie MOORE) reports its dynamic policy at more than 98% of
/// the hindsight optimum and greedy below 90%; this is instroom's own ratio.
///
/// The figures compared are the fit (wegingskader plus continuity) and the band slack at the end of
/// each band period, in workload points; `value` is fit minus `softBandPenalty` per point of slack, the
/// price the day model itself puts on slack. The hindsight solution comes from GLPK within
/// `timeLimitSeconds`: `status` says whether it is the proven optimum, the best integer solution found
/// (with the bound), the proven optimum of the dips' gates with divisible classes, or the LP
/// relaxation's (the last two are upper bounds: the ratio is then a lower bound).
public struct HindsightBenchmark: Codable, Sendable, Equatable {
    /// `optimal`, `feasible` (time limit: best integer solution found), `divisible` (a period with
    /// caseload dips: the dips' gates proven optimal, the cases of a class divisible over the ROs, an
    /// upper bound within a few points of whole cases) or `lpBound` (nothing proven in time: the LP
    /// relaxation, an upper bound; `mipObjective` what the search found, if anything, and `mipBound` the
    /// tighter bound it proved).
    public var status: String
    public var timeLimitSeconds: Double
    /// Working days per capacity block of the hindsight model.
    public var blockDays: Int
    /// The soft-band penalty used to price slack in `value` (per workload point).
    public var slackPrice: Double
    /// Hard bands that could not hold over the whole period were made soft for the hindsight too.
    public var hardBandsRelaxed: Bool
    public var classes: Int
    public var columns: Int
    public var rows: Int
    /// Gates of the dip rule: one per RO and working day of a caseload dip (0: the period has no dip).
    public var dipGates: Int
    /// Per caseload dip and RO, the days on which the hindsight takes new cases (its gates open; an RO
    /// without a gate that day counts as open), when the gates are proven; empty otherwise. The daily
    /// replay's count is `Totals.dips`.
    public var dips: [CaseloadDip]
    /// The LP relaxation's value of the model's objective (fit - slack price - waiting penalties): a bound.
    /// Not solved when the dips' gates are proven optimal (`divisible`).
    public var lpObjective: Double?
    /// The integer program's objective and best bound, when it ran.
    public var mipObjective: Double?
    public var mipBound: Double?
    public var hindsight: Outcome
    public var daily: Outcome
    public var greedy: Outcome
    /// daily / hindsight: fit, and value (fit - price x slack).
    public var fitRatio: Double
    public var valueRatio: Double
    public var greedyFitRatio: Double
    public var greedyValueRatio: Double

    public struct Outcome: Codable, Sendable, Equatable {
        public var fit: Double
        public var value: Double
        public var atBestFit: Double
        /// Band slack at the end of each band period, workload points, summed.
        public var slackAtPeriodEnd: Double
        public var caseDaysWaiting: Double
        public var waitingAtEnd: Double

        /// To three decimals, as the JSON shows them.
        static func rounded(_ o: Outcome) -> Outcome {
            Outcome(
                fit: Format.round(o.fit, 3),
                value: Format.round(o.value, 3),
                atBestFit: Format.round(o.atBestFit, 3),
                slackAtPeriodEnd: Format.round(o.slackAtPeriodEnd, 3),
                caseDaysWaiting: Format.round(o.caseDaysWaiting, 3),
                waitingAtEnd: Format.round(o.waitingAtEnd, 3)
            )
        }
    }

    /// GLPK's time limit per hindsight solve unless one is given: the bundled scenarios' gates are
    /// proven in 50 to 285 s (BENCHMARKS.md), with room for a slower machine.
    public static let defaultTimeLimitSeconds = 600.0

    /// A daily replay's figures, its slack priced at `slackPrice` per point.
    static func outcome(of daily: Totals, slackPrice: Double) -> Outcome {
        let slack = daily.slackAtPeriodEnd.values.reduce(0, +)
        return Outcome.rounded(
            Outcome(
                fit: Double(daily.fitAssigned),
                value: Double(daily.fitAssigned) - slackPrice * slack,
                atBestFit: Double(daily.atBestFit),
                slackAtPeriodEnd: slack,
                caseDaysWaiting: Double(daily.caseDaysWaiting),
                waitingAtEnd: Double(daily.waitingAtEnd)
            )
        )
    }

    static func ratio(_ a: Double, _ b: Double) -> Double { Format.round(b != 0 ? a / b : 0, 5) }

    /// The same hindsight against another daily replay of it (a scenario that differs only in its daily
    /// band policy, `HindsightReferences`): the daily figures and the ratios anew, the rest as solved.
    public func against(_ daily: Totals) -> HindsightBenchmark {
        var b = self
        b.daily = Self.outcome(of: daily, slackPrice: slackPrice)
        b.fitRatio = Self.ratio(b.daily.fit, hindsight.fit)
        b.valueRatio = Self.ratio(b.daily.value, hindsight.value)
        return b
    }

    /// Runs the hindsight model for `scenario` on `basis` and compares it with `daily` (the scenario's replay).
    /// `blockDays`: working days per capacity block of the hindsight model (a dip day is a block of its
    /// own). `dipRule: false` lets an RO above a lowered caseload take new cases (the model before the rule:
    /// an upper bound on it, kept for comparison).
    public static func run(
        _ scenario: Scenario,
        basis: IntakeBasis,
        daily: Totals,
        timeLimitSeconds: Double = defaultTimeLimitSeconds,
        blockDays: Int = 5,
        segmentDays: Int = 0,
        dipRule: Bool = true
    ) throws -> HindsightBenchmark {
        let config = scenario.config
        let ros = RO.allCases
        let days = basis.days
        let bonus = config.continuityBonus
        let block = max(1, blockDays)
        // Dip days are blocks and class segments of their own, so that the dip rule can hold per day.
        let timeBlocks = HindsightBlocks(scenario: scenario, days: days, blockDays: block, dipRule: dipRule)
        let blocks = timeBlocks.count

        // Band periods over the replayed days, and each day's period.
        var periodOf = Array(repeating: 0, count: days.count)
        var periodEnd: [Int] = []
        for i in days.indices {
            if i > 0 && config.period.start(of: days[i]) != config.period.start(of: days[i - 1]) { periodEnd.append(i - 1) }
            periodOf[i] = periodEnd.count
        }
        periodEnd.append(days.count - 1)

        // Every case scored on the day it arrives, as the replay scores it.
        var scored: [(day: Int, candidate: CandidateCase, best: [Bool])] = []
        for i in days.indices {
            for s in Scoring.score(basis.cases(at: i), on: days[i], rules: scenario.rules, config: config) {
                let top = s.score.score(s.score.bestFit)
                scored.append((i, s.candidate, ros.map { s.score.isAllowed($0) && s.score.score($0) >= top }))
            }
        }
        // The waiting penalty per case-day, derived as the day model's (AssignmentModel, "Waiting
        // penalty") over the whole period: larger than any fit a case could gain by waiting.
        let profits = scored.flatMap { c in ros.compactMap { c.candidate.profit($0, continuityBonus: bonus) } }
        let spread = Double(max(0, profits.max() ?? 0) - min(0, profits.min() ?? 0))
        let lightest = scored.map(\.candidate.weight).filter { $0 > 0 }.min() ?? 1
        let soft = ros.contains { config.band($0).mode == .soft }
        let rho = config.softBandPenalty
        func penalty(_ c: CandidateCase) -> Double {
            (config.priority(c.kind)
                * DayModel.waitingUnit(weight: c.weight, lightest: lightest, spread: spread, softPenalty: soft ? rho : 0))
                .rounded(.up)
        }

        // Classes per band period and segment (`segmentDays` working days, 0 = the whole period: the split of a
        // class may then change from one segment to the next): same profits, best fits, weight, duration
        // and penalty.
        struct Key: Hashable {
            var period: Int
            var segment: Int
            var profit: [Int?]
            var best: [Bool]
            var weight: Double
            var duration: Int
            var penalty: Double
        }
        var index: [Key: Int] = [:]
        var keys: [Key] = []
        var arrivalDays: [[Int]] = []
        for s in scored {
            let c = s.candidate
            let key = Key(
                period: periodOf[s.day],
                segment: timeBlocks.isDip[s.day] ? -1 - s.day : segmentDays > 0 ? s.day / segmentDays : 0,
                profit: ros.map { c.profit($0, continuityBonus: bonus) },
                best: s.best,
                weight: c.weight,
                duration: scenario.durations[c.kind] ?? 1,
                penalty: penalty(c)
            )
            if let k = index[key] {
                arrivalDays[k].append(s.day)
            } else {
                index[key] = keys.count
                keys.append(key)
                arrivalDays.append([s.day])
            }
        }
        var meanDaysLeft = Array(repeating: 0.0, count: keys.count)
        var classes: [HindsightModel.JobClass] = []
        var perDay = Array(repeating: 0, count: days.count)
        for (k, key) in keys.enumerated() {
            let arrivedOn = arrivalDays[k]
            for d in arrivedOn { perDay[d] += 1 }
            // Active cases of the class on day j: arrived in (j - duration, j].
            var active = 0
            var sums = Array(repeating: 0.0, count: blocks)
            let first = arrivedOn.first!
            for j in first..<min(days.count, arrivedOn.last! + key.duration) {
                active += perDay[j]
                if j - key.duration >= 0 { active -= perDay[j - key.duration] }
                sums[timeBlocks.blockOf[j]] += Double(active)
            }
            for d in arrivedOn { perDay[d] -= 1 }
            let n = Double(arrivedOn.count)
            let occupancy = sums.enumerated().compactMap { b, total -> (block: Int, points: Double)? in
                let daysInBlock = Double(timeBlocks.days[b].count)
                return total > 0 ? (b, key.weight * total / (daysInBlock * n)) : nil
            }
            meanDaysLeft[k] = arrivedOn.reduce(0.0) { $0 + Double(periodEnd[key.period] - $1 + 1) } / n
            classes.append(
                .init(
                    name: "k\(k + 1)",
                    count: arrivedOn.count,
                    period: key.period,
                    profit: key.profit.map { $0.map(Double.init) },
                    bestFit: key.best,
                    weight: key.weight,
                    waitPenalty: (key.penalty * meanDaysLeft[k]).rounded(.up),
                    occupancy: occupancy
                )
            )
        }
        // The caseload left for the period's own cases: the week's caseload minus the initial load left.
        let meanCapacity = ros.map { ro in
            (0..<blocks).map { b in
                let inBlock = timeBlocks.days[b]
                return inBlock.reduce(0.0) { sum, i in
                    let initialLeft = max(0, 1 - Double(i) / Double(max(1, scenario.capacity.initialLoadDays)))
                    return sum
                        + max(
                            0,
                            scenario.capacity.caseload(ro, week: days[i].isoWeek) - (scenario.capacity.initialLoad[ro] ?? 0) * initialLeft
                        )
                } / Double(inBlock.count)
            }
        }
        // The daily replay lets an RO carry more than a lowered caseload (summer, Christmas) as long as it
        // takes nothing new. Each block's capacity is the highest caseload of the last longest duration:
        // every case active in a block was placed when the load fitted under a caseload of that window. With
        // `dipRule` a gate per RO and dip day then holds the rest of the rule: open, the load fits the day's
        // own caseload; closed, none of the day's cases. Without it the dips cost the hindsight nothing (the
        // baseline: 296,700 with and without them) and the daily replay 2,100 fit (BENCHMARKS.md, "The
        // caseload dips"); with it the baseline's hindsight is 295,240.
        let capacity = meanCapacity.map { row in row.indices.map { b in row[timeBlocks.windowStart[b]...b].max()! } }
        // The dip rule: per RO and dip day (none without `dipRule`), a gate on the day's classes and the
        // lowered caseload.
        var gates: [HindsightModel.Gate] = []
        var classesOn: [Int: [Int]] = [:]
        for (k, key) in keys.enumerated() where key.segment < 0 { classesOn[-1 - key.segment, default: []].append(k) }
        for r in ros.indices {
            var previous: Int?
            for i in days.indices {
                let b = timeBlocks.blockOf[i]
                guard timeBlocks.isDip[i], meanCapacity[r][b] < capacity[r][b] - 1e-9 else {
                    previous = nil
                    continue
                }
                gates.append(
                    .init(
                        agent: r,
                        block: b,
                        reduction: capacity[r][b] - meanCapacity[r][b],
                        classes: classesOn[i] ?? [],
                        previous: previous
                    )
                )
                previous = gates.count - 1
            }
        }
        func bands(relaxHard: Bool) -> [AssignmentModel.Band?] {
            ros.map { ro in
                let b = config.band(ro)
                guard b.min > 0 || b.max < 1 else { return nil }
                return AssignmentModel.Band(min: b.min, max: b.max, softPenalty: b.mode == .soft || relaxHard ? rho : nil)
            }
        }

        func log(_ message: Logger.Message, _ result: SolveResult) {
            logger.info(
                message,
                metadata: [
                    "scenario": "\(scenario.name)", "status": "\(result.status)", "seconds": "\(Format.round(result.seconds, 2))",
                    "objective": "\(result.objective.map { String($0) } ?? "-")",
                    "bound": "\(result.bestBound.map { String($0) } ?? "-")",
                ]
            )
        }

        var relaxHard = false
        var outcome:
            (
                model: HindsightModel, lp: SolveResult?, lpLayout: HindsightModel.Layout?, mip: SolveResult?,
                mipLayout: HindsightModel.Layout?
            )?
        while outcome == nil {
            let periods = periodEnd.indices.map { HindsightModel.Period(name: "p\($0 + 1)", bands: bands(relaxHard: relaxHard)) }
            let model = HindsightModel(
                name: "hindsight_\(scenario.name.filter { $0.isLetter || $0.isNumber })",
                agents: ros.map(\.rawValue),
                capacity: capacity,
                classes: classes,
                periods: periods,
                gates: gates
            )
            let settings = config.solver.with(timeLimitSeconds: timeLimitSeconds)
            var mip: SolveResult?
            var mipLayout: HindsightModel.Layout?
            if !model.gates.isEmpty {
                // With dips: the gates binary and the classes divisible over the ROs. Its optimum bounds the
                // placement of whole cases from above, within a few points (without dips: 296,700.8 against
                // 296,700); whole cases behind the dips' gates found no integer solution in 300 s, nor the
                // gates and whole cases together in 900 s (BENCHMARKS.md, "The caseload dips"). The LP
                // relaxation is solved only when the gates are not proven (its value is then the reference).
                //
                // The gates branch on the most fractional one. With pseudocost branching GLPK switches to it
                // once a quarter of the time left is used (`SearchContext`), so which of equal optima it
                // returned (the fit per RO, the dips' open days) depended on the machine's speed. The most
                // fractional from the start proves the same optima as fast (wide bands 53 s, baseline 125 s)
                // and narrow hard bands' too (285 s, where pseudocost found no gate pattern in 300 s).
                let (gateModel, layout) = try model.build(integerClasses: false)
                var gateSettings = settings
                gateSettings.branching = .mostFractional
                let result = try GLPKSolver.solve(gateModel, settings: gateSettings)
                log("hindsight gates solved", result)
                if result.status == .infeasible && !relaxHard {
                    relaxHard = true
                    continue
                }
                mip = result
                mipLayout = layout
                if result.status == .optimal {
                    outcome = (model, nil, nil, mip, mipLayout)
                    continue
                }
            }
            let (lpModel, lpLayout) = try model.build(relaxed: true)
            let lp = try GLPKSolver.solve(lpModel, settings: settings)
            logger.info(
                "hindsight LP solved",
                metadata: [
                    "scenario": "\(scenario.name)", "classes": "\(classes.count)", "columns": "\(lpModel.columns.count)",
                    "rows": "\(lpModel.rows.count)", "status": "\(lp.status)", "seconds": "\(Format.round(lp.seconds, 2))",
                ]
            )
            if lp.status == .infeasible && !relaxHard {
                relaxHard = true
                continue
            }
            if lp.status == .optimal && model.gates.isEmpty {
                let (mipModel, layout) = try model.build()
                let result = try GLPKSolver.solve(mipModel, settings: settings)
                log("hindsight MIP solved", result)
                mip = result
                mipLayout = layout
            }
            outcome = (model, lp, lpLayout, mip, mipLayout)
        }
        guard let outcome else { throw VariantError.invalid("hindsight model not solved") }
        let model = outcome.model
        let status: String
        let solution: HindsightModel.Solution
        if !model.gates.isEmpty, let mip = outcome.mip, let layout = outcome.mipLayout, mip.status == .optimal,
            let s = model.read(mip, layout: layout)
        {
            status = "divisible"
            solution = s
        } else if model.gates.isEmpty, let mip = outcome.mip, let layout = outcome.mipLayout, mip.hasSolution,
            let s = model.read(mip, layout: layout)
        {
            status = mip.status == .optimal ? "optimal" : "feasible"
            solution = s
        } else if let lp = outcome.lp, let layout = outcome.lpLayout, let s = model.read(lp, layout: layout) {
            status = "lpBound"
            solution = s
        } else {
            throw VariantError.invalid(
                "the hindsight model found no solution within \(timeLimitSeconds) s (\((outcome.lp ?? outcome.mip)?.message ?? "")); raise --hindsight-time-limit"
            )
        }
        var dips: [CaseloadDip] = []
        if status == "divisible", let mip = outcome.mip, let layout = outcome.mipLayout {
            let closed = Set(
                model.gates.indices.filter { mip.values[layout.open[$0]] < 0.5 }.map {
                    timeBlocks.days[model.gates[$0].block].lowerBound * 3 + model.gates[$0].agent
                }
            )
            dips = CaseloadDip.runs(scenario, on: days) { i, ro in !closed.contains(i * 3 + ros.firstIndex(of: ro)!) }
        }
        let (lpModel, _) = try model.build(relaxed: true)

        let slack = solution.slack.reduce(0, +)
        let caseDays = zip(solution.waiting, meanDaysLeft).reduce(0.0) { $0 + $1.0 * $1.1 }
        let hindsight = Outcome.rounded(
            Outcome(
                fit: solution.fit,
                value: solution.fit - rho * slack,
                atBestFit: solution.atBestFit,
                slackAtPeriodEnd: slack,
                caseDaysWaiting: caseDays,
                waitingAtEnd: solution.waiting.reduce(0, +)
            )
        )
        let dailyOutcome = Self.outcome(of: daily, slackPrice: rho)
        let greedy = Outcome.rounded(GreedyReplay.run(scenario, basis: basis, slackPrice: rho))
        return HindsightBenchmark(
            status: status,
            timeLimitSeconds: timeLimitSeconds,
            blockDays: block,
            slackPrice: rho,
            hardBandsRelaxed: relaxHard,
            classes: classes.count,
            columns: lpModel.columns.count,
            rows: lpModel.rows.count,
            dipGates: model.gates.count,
            dips: dips,
            lpObjective: outcome.lp?.objective.map { Format.round($0, 3) },
            mipObjective: outcome.mip?.objective.map { Format.round($0, 3) },
            mipBound: outcome.mip?.bestBound.map { Format.round($0, 3) },
            hindsight: hindsight,
            daily: dailyOutcome,
            greedy: greedy,
            fitRatio: Self.ratio(dailyOutcome.fit, hindsight.fit),
            valueRatio: Self.ratio(dailyOutcome.value, hindsight.value),
            greedyFitRatio: Self.ratio(greedy.fit, hindsight.fit),
            greedyValueRatio: Self.ratio(greedy.value, hindsight.value)
        )
    }
}
