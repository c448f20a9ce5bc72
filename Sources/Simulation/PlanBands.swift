import Allocation
import Foundation
import GLPK
import InstroomDomain
import Logging
import Review

/// The plan band policy (`allocation.bandPolicy: plan`): the rest of the band period planned as the
/// hindsight plans the whole of it (`HindsightModel`), from the state the replay has reached and on a
/// forecast of the days ahead, and each day's cases steered to the plan.
///
/// Why a plan: the hindsight's own solution, replayed day by day, reaches 99.98% (wide bands) and 99.7%
/// (narrow hard bands) of its value (BENCHMARKS.md, "The hindsight's own plan replayed"), so the daily
/// policy's gap is what it does not know. The prices (`DualPriceBands`) average the calendar away: they
/// miss who must be open in the Christmas week, and RN's load months ahead under narrow bands. A plan
/// sees the dips' days, the seasonality and the releases of what runs.
///
/// - Forecast: another year of the scenario's intake model (its seed + 1), what a year of history gives:
///   the simulation knows the model this year's intake is drawn from, not its cases. With an intake file
///   there is no other year: the period's days seen so far, repeated.
/// - Model: today a block of its own, then blocks of `blockDays` and, beyond `nearDays`, of
///   `farBlockDays`, cut at the next caseload dip's edges; each block's capacity what the caseload leaves
///   after the load already running (with its known releases) and the initial load. Per RO one binary
///   gate for the next dip within `gateHorizon` (the rule of a lowered caseload: an RO that takes the
///   dip's cases holds the lowered caseload all through it; later dips are planned when they are the
///   next). The classes divisible over the ROs; the bands on the whole period's shares, narrowed by
///   `marginDays` of a day's expected intake, hard ones at ten times the soft price (the plan stays
///   solvable; the day model keeps them hard).
/// - Re-planned every `replanDays` working days, and every day from `endGameDays` before the period's
///   last dip on (there a few cases decide who is open in the Christmas week), and from `dipLeadDays`
///   before every other dip to its end (who is under the summer's lowered caseload on its first day).
/// - Steering: today's cases of a class go to the ROs in the plan's split, in arrival order (largest
///   deficit first); a case of a class the forecast does not have follows the split of its coarse class
///   (the same order of preference over the ROs, weight, duration and priority). The other ROs cost
///   `earlyCost` points; `endGameCost` in the end game and from `dipLeadDays` before a dip to its end: a
///   nudge that breaks near-ties most of the year, a rule where the dips are decided. A case without any
///   class keeps the prices, as every case does while no plan is solved in time.
///
/// Every constant was set by measuring the four bundled band sets against their hindsight
/// (BENCHMARKS.md, "The plan policy"), not per scenario.
struct PlanBands {
    /// Working days per capacity block: `blockDays` in the first `nearDays`, `farBlockDays` beyond (fewer
    /// blocks, a faster solve; the far blocks are planned again before they come; 5 instead of 10 changed
    /// narrow hard bands by 8 points).
    static let blockDays = 5
    static let nearDays = 30
    static let farBlockDays = 10
    /// A dip gets a gate (and blocks of its own) when it starts within this many working days.
    static let gateHorizon = 80
    /// A dip of at most this many working days (Christmas) has a block per day: who can still take
    /// cases on its last days decides where they go (with 5-day blocks narrow hard bands ended 164
    /// points above SVG's ceiling).
    static let shortDip = 10
    /// Working days between two plans.
    static let replanDays = 10
    /// Working days before the period's last dip from which the plan is made anew every day.
    static let endGameDays = 60
    /// Working days before every other caseload dip from which, to the dip's end, the plan is made anew
    /// every day and steered as in the end game: the plan keeps an RO open in the summer only if its load
    /// is under the lowered caseload on the first day, which a nudge does not achieve (without it, no
    /// bands: SVG open on 25 of the 30 summer days, the hindsight 30, cases waiting 4 to 6 days).
    static let dipLeadDays = 20
    /// A plan that takes longer is dropped (the last plan stays). Plans take 0.1 to 10 s on the bundled
    /// scenarios; one that hits the limit makes the replay depend on the machine's speed.
    static let timeLimitSeconds = 60.0
    /// Points a steered case costs at every RO but the plan's: most of the year, and where a dip is decided
    /// (`dipLeadDays`, the end game). Far from a dip a plan on another year's intake is a tie-breaker, not
    /// a rule; 3 rather than 1 or 10 (BENCHMARKS.md, "The plan policy": the four band sets together).
    static let earlyCost = 3
    static let endGameCost = 30
    /// Working days of expected intake the plan keeps from each band's bounds, against the forecast's
    /// error: without it the baseline ended 6 points above SVG's ceiling on the period's last day; with a
    /// tenth of a day narrow hard bands did on another year's intake (seed 2027: 20 points, SVG alone open
    /// in the Christmas week took more than forecast). 0.3 keeps both years inside (BENCHMARKS.md).
    static let marginDays = 0.3

    /// A class of cases the plan splits: the same profit per RO, weight, duration and waiting priority,
    /// arriving on `day` (today, or a dip day), or on any other day of the rest of the period (`day` -1).
    struct Key: Hashable {
        var day: Int
        var profit: [Int?]
        var weight: Double
        var duration: Int
        var priority: Double
        /// A coarse class: `profit` holds each RO's rank by profit (0 the best; nil where not allowed).
        var isCoarse = false

        /// The coarse class of the same preference order, weight, duration, priority and day.
        var coarse: Key {
            let ranked = profit.indices.map { r in
                profit[r].map { p in profit.indices.filter { q in profit[q].map { $0 > p || ($0 == p && q < r) } ?? false }.count }
            }
            return Key(day: day, profit: ranked, weight: weight, duration: duration, priority: priority, isCoarse: true)
        }
    }

    /// The plan's split per class, and the cases steered by it so far.
    struct Split {
        var day: Int
        /// The working days of the dip the plan gated, whose cases are classes of `dipDays.lowerBound`.
        var dipDays: Range<Int>
        var counts: [Key: [Double]]
        var given: [Key: [Double]] = [:]

        init(day: Int, dipDays: Range<Int>, counts: [Key: [Double]]) {
            self.day = day
            self.dipDays = dipDays
            var all = counts
            for (key, split) in counts {
                let coarse = key.coarse
                all[coarse] = zip(all[coarse] ?? [0, 0, 0], split).map { $0 + $1 }
            }
            self.counts = all
        }
        var targets: [String: Int] = [:]

        /// The RO (index) the next case of `key` goes to: the largest deficit against the split of its
        /// class, or, for a case the forecast had no class for, of its coarse class (`Key.coarse`).
        mutating func target(_ id: String, key: Key) -> Int? {
            if let r = targets[id] { return r }
            let key = counts[key] == nil ? key.coarse : key
            guard let split = counts[key] else { return nil }
            let total = split.reduce(0, +)
            guard total > 1e-6 else { return nil }
            var g = given[key] ?? Array(repeating: 0, count: split.count)
            let n = g.reduce(0, +) + 1
            let deficits = split.indices.map { split[$0] / total * n - g[$0] }
            let r = deficits.indices.max { deficits[$0] < deficits[$1] }!
            g[r] += 1
            given[key] = g
            targets[id] = r
            return r
        }
    }

    let scenario: Scenario
    let config: AllocationConfig
    let days: [Day]
    let isDip: [Bool]
    /// weekly[i][r]: the caseload of working day i; highest[i][r]: the highest of the longest duration up
    /// to day i (a lowered caseload stops new cases, not those running).
    let weekly: [[Double]]
    let highest: [[Double]]
    /// Per working day: the last working day of its band period, and the day the end game starts.
    let periodEnd: [Int]
    let endGameStart: [Int]
    let dayInPeriod: [Int]
    /// Per working day: within `dipLeadDays` of a caseload dip, or in one.
    let nearDip: [Bool]
    /// The forecast's cases per working day, by class (`day` -1), in a fixed order (the model must not
    /// depend on a dictionary's): nil for an intake file.
    let forecast: [[(key: Key, count: Int)]]?
    /// The days seen so far in the period, by class: the forecast of an intake file.
    private var seen: [[(key: Key, count: Int)]] = []
    private var prices: DualPriceBands
    private var split: Split?
    /// The day of the last plan tried (a plan not solved in time is tried again `replanDays` later).
    private var attempted = -1

    init(scenario: Scenario, basis: IntakeBasis) throws {
        self.scenario = scenario
        config = scenario.config
        days = basis.days
        isDip = CaseloadDip.days(scenario, on: basis.days)
        let window = scenario.durations.values.max() ?? 1
        weekly = basis.days.map { d in RO.allCases.map { scenario.capacity.caseload($0, week: d.isoWeek) } }
        let weekly = weekly
        highest = basis.days.indices.map { i in RO.allCases.indices.map { r in weekly[max(0, i - window + 1)...i].map { $0[r] }.max()! } }
        let position = PeriodPosition(scenario: scenario, basis: basis)
        dayInPeriod = position.dayInPeriod
        periodEnd = basis.days.indices.map { $0 + position.daysLeft[$0] }
        var endGameStart = Array(repeating: 0, count: basis.days.count)
        let isDip = isDip
        for i in basis.days.indices where position.dayInPeriod[i] == 0 {
            let end = i + position.daysLeft[i]
            // The first day of the period's last dip (its end when it has none).
            var last = end
            if isDip[end] { while last > i && isDip[last - 1] { last -= 1 } }
            for j in i...end { endGameStart[j] = max(i, last - Self.endGameDays) }
        }
        self.endGameStart = endGameStart
        var nearDip = isDip
        for i in basis.days.indices where isDip[i] && (i == 0 || !isDip[i - 1]) {
            for j in max(0, i - Self.dipLeadDays)..<i { nearDip[j] = true }
        }
        self.nearDip = nearDip
        prices = DualPriceBands(scenario: scenario, basis: basis)
        if basis.source.seed != nil {
            let other = try IntakeBasis.make(for: scenario, seed: (basis.source.seed ?? scenario.seed) &+ 1)
            let config = scenario.config
            forecast = other.days.indices.map { j in
                Self.classes(
                    Scoring.score(other.cases(at: j), on: other.days[j], rules: scenario.rules, config: config),
                    scenario: scenario
                )
            }
        } else {
            forecast = nil
        }
    }

    static func key(_ s: ScoredCase, day: Int, config: AllocationConfig, durations: [CaseKind: Int]) -> Key {
        let c = s.candidate
        return Key(
            day: day,
            profit: RO.allCases.map { c.profit($0, continuityBonus: config.continuityBonus) },
            weight: c.weight,
            duration: durations[c.kind] ?? 1,
            priority: config.priority(c.kind)
        )
    }

    /// A day's cases counted by class, in the order of the classes' text.
    static func classes(_ cases: [ScoredCase], scenario: Scenario) -> [(key: Key, count: Int)] {
        var counts: [Key: Int] = [:]
        for s in cases { counts[key(s, day: -1, config: scenario.config, durations: scenario.durations), default: 0] += 1 }
        return counts.map { (key: $0.key, count: $0.value, order: "\($0.key)") }.sorted { $0.order < $1.order }.map { ($0.key, $0.count) }
    }

    /// Records the day's new cases; call before `costs` on the same day.
    mutating func observe(_ today: [ScoredCase], day: Int) {
        prices.observe(today, day: day)
        if dayInPeriod[day] == 0 {
            seen = []
            split = nil
            attempted = -1
        }
        if forecast == nil { seen.append(Self.classes(today, scenario: scenario)) }
    }

    /// The costs of today's `pool`: the plan's steering where it has a class for the case, the prices
    /// elsewhere. `load`: points running at each RO today; `releases[(i * 3) + r]`: points that come
    /// free at r at the start of working day i.
    mutating func costs(day: Int, pool: [ScoredCase], prior: PeriodShares, load: [Double], releases: [Double]) throws -> PolicyCosts? {
        let priced = try prices.costs(day: day, pool: pool, prior: prior, load: load, releases: releases)
        let decisive = day >= endGameStart[day] || nearDip[day]
        if attempted < 0 || day - attempted >= Self.replanDays || decisive {
            attempted = day
            if let fresh = try plan(day: day, pool: pool, prior: prior, load: load, releases: releases) { split = fresh }
        }
        guard var split else { return priced }
        var out = priced?.perCase ?? [:]
        for s in pool {
            let classDay = day == split.day ? day : split.dipDays.contains(day) ? split.dipDays.lowerBound : -1
            let key = Self.key(s, day: classDay, config: config, durations: scenario.durations)
            guard let r = split.target(s.intake.id, key: key) else { continue }
            var cost: [RO: Int] = [:]
            let steering = decisive ? Self.endGameCost : Self.earlyCost
            for (q, ro) in RO.allCases.enumerated() where q != r { cost[ro] = steering }
            out[s.intake.id] = cost
        }
        self.split = split
        return PolicyCosts(price: .bands, perCase: out)
    }

    /// The plan for the rest of `day`'s period, or nil when GLPK finds no solution in the time limit.
    func plan(day i: Int, pool: [ScoredCase], prior: PeriodShares, load: [Double], releases: [Double]) throws -> Split? {
        let end = periodEnd[i]
        let h = end - i + 1
        // The next dip, when it starts within `gateHorizon`: its days are blocks of their own, with gates.
        var nextDip: Range<Int> = h..<h
        if let first = (0..<min(h, Self.gateHorizon)).first(where: { isDip[i + $0] }) {
            var last = first
            while last + 1 < h && isDip[i + last + 1] { last += 1 }
            nextDip = first..<(last + 1)
        }
        // Blocks: today, then `blockDays` near today and `farBlockDays` beyond, cut at the next dip's edges
        // (a short dip: a block per day).
        var blockOf = Array(repeating: 0, count: h)
        var blockSpan: [Range<Int>] = [0..<1]
        for t in 1..<max(1, h) {
            let last = blockSpan[blockSpan.count - 1]
            let size = nextDip.contains(t) && nextDip.count <= Self.shortDip ? 1 : t < Self.nearDays ? Self.blockDays : Self.farBlockDays
            if t > 1, nextDip.contains(t) == nextDip.contains(t - 1), last.count < size {
                blockSpan[blockSpan.count - 1] = last.lowerBound..<(t + 1)
            } else {
                blockSpan.append(t..<(t + 1))
            }
            blockOf[t] = blockSpan.count - 1
        }

        // Classes: today's cases by key (day i), the forecast's by key (a day of the next dip, or -1).
        var arrivals: [Key: [(offset: Int, count: Int)]] = [:]
        var order: [Key] = []
        func add(_ key: Key, offset: Int, count: Int) {
            if arrivals[key] == nil { order.append(key) }
            arrivals[key, default: []].append((offset, count))
        }
        var today: [Key: Int] = [:]
        var todayOrder: [Key] = []
        for s in pool {
            let key = Self.key(s, day: i, config: config, durations: scenario.durations)
            if today[key] == nil { todayOrder.append(key) }
            today[key, default: 0] += 1
        }
        for key in todayOrder { add(key, offset: 0, count: today[key]!) }
        for t in 1..<max(1, h) {
            let j = i + t
            let expected: [(key: Key, count: Int)]
            if let forecast {
                expected = forecast[min(j, forecast.count - 1)]
            } else if !seen.isEmpty {
                expected = seen[t % seen.count]
            } else {
                expected = []
            }
            for (key, count) in expected {
                var k = key
                k.day = nextDip.contains(t) ? i + nextDip.lowerBound : -1
                add(k, offset: t, count: count)
            }
        }
        let allKeys = order
        guard !allKeys.isEmpty else { return nil }

        let rho = config.softBandPenalty
        let profits = allKeys.flatMap { $0.profit.compactMap { $0 } }
        let spread = Double(max(0, profits.max() ?? 0) - min(0, profits.min() ?? 0))
        let lightest = allKeys.map(\.weight).filter { $0 > 0 }.min() ?? 1
        var classes: [HindsightModel.JobClass] = []
        var classesOn: [Int: [Int]] = [:]
        for (k, key) in allKeys.enumerated() {
            let arrived = arrivals[key]!
            let n = arrived.reduce(0) { $0 + $1.count }
            // Active cases of the class per offset: arrived in (t - duration, t].
            var delta = Array(repeating: 0.0, count: h + 1)
            for a in arrived {
                delta[a.offset] += Double(a.count)
                delta[min(h, a.offset + key.duration)] -= Double(a.count)
            }
            var sums = Array(repeating: 0.0, count: blockSpan.count)
            var active = 0.0
            for t in 0..<h {
                active += delta[t]
                sums[blockOf[t]] += active
            }
            let occupancy = sums.enumerated().compactMap { b, total -> (block: Int, points: Double)? in
                total > 0 ? (b, key.weight * total / (Double(blockSpan[b].count) * Double(n))) : nil
            }
            let daysLeft = arrived.reduce(0.0) { $0 + Double((h - $1.offset) * $1.count) } / Double(n)
            let unit = DayModel.waitingUnit(weight: key.weight, lightest: lightest, spread: spread, softPenalty: rho)
            classes.append(
                .init(
                    name: "k\(k + 1)",
                    count: n,
                    period: 0,
                    profit: key.profit.map { $0.map(Double.init) },
                    bestFit: Array(repeating: false, count: key.profit.count),
                    weight: key.weight,
                    waitPenalty: (key.priority * unit * daysLeft).rounded(.up),
                    occupancy: occupancy
                )
            )
            if key.day >= 0 { classesOn[key.day - i, default: []].append(k) }
        }

        // Capacity per RO and block: the highest caseload of the window minus what is already running
        // (less its releases by then) and the initial load left; the next dip's days get gates.
        let capacity = scenario.capacity
        var running = load
        var room = Array(repeating: Array(repeating: 0.0, count: blockSpan.count), count: 3)
        // Per RO and block of the next dip: how much less room the lowered caseload leaves (the block's mean).
        var reduction = Array(repeating: Array(repeating: 0.0, count: blockSpan.count), count: 3)
        for t in 0..<h {
            let j = i + t
            if t > 0 { for r in 0..<3 { running[r] = max(0, running[r] - releases[j * 3 + r]) } }
            let initialLeft = max(0, 1 - Double(j) / Double(max(1, capacity.initialLoadDays)))
            let days = Double(blockSpan[blockOf[t]].count)
            for (r, ro) in RO.allCases.enumerated() {
                let busy = running[r] + (capacity.initialLoad[ro] ?? 0) * initialLeft
                let free = max(0, highest[j][r] - busy)
                room[r][blockOf[t]] += free / days
                if nextDip.contains(t) { reduction[r][blockOf[t]] += (free - min(free, max(0, weekly[j][r] - busy))) / days }
            }
        }
        // One gate per RO for the whole next dip: an RO that takes any of the dip's cases (one set of
        // classes) holds the lowered caseload from the dip's first day to its last. Coarser than the
        // hindsight's gate per day, which may open later in the dip, and one binary per RO instead of 30.
        var gates: [HindsightModel.Gate] = []
        for r in 0..<3 {
            let lowered = Set(nextDip.map { blockOf[$0] }).sorted().filter { reduction[r][$0] > 1e-9 }.map {
                HindsightModel.Gate.Later(block: $0, reduction: reduction[r][$0])
            }
            guard let first = lowered.first else { continue }
            gates.append(
                .init(
                    agent: r,
                    block: first.block,
                    reduction: first.reduction,
                    classes: classesOn[nextDip.lowerBound] ?? [],
                    previous: nil,
                    later: Array(lowered.dropFirst())
                )
            )
        }
        // The bands narrowed by a margin of `marginDays` of a working day's expected intake: the plan keeps
        // that many points from each bound, against the forecast's error in the days left.
        let expected = classes.reduce(0.0) { $0 + Double($1.count) * $1.weight }
        let total = prior.intake + expected
        let margin = total > 0 ? Self.marginDays * expected / Double(h) / total : 0
        let bands: [AssignmentModel.Band?] = RO.allCases.map { ro in
            let b = config.band(ro)
            guard b.min > 0 || b.max < 1 else { return nil }
            let low = b.min > 0 ? min(1, b.min + margin) : 0
            let high = b.max < 1 ? max(low, b.max - margin) : 1
            return AssignmentModel.Band(min: min(low, high), max: high, softPenalty: b.mode == .soft ? rho : 10 * rho)
        }
        let model = HindsightModel(
            name: "plan",
            agents: RO.allCases.map(\.rawValue),
            capacity: room,
            classes: classes,
            periods: [
                .init(name: "p", bands: bands, priorWeight: RO.allCases.map { prior.weight[$0] ?? 0 }, priorIntake: prior.intake)
            ],
            gates: gates
        )
        let (lp, layout) = try model.build(integerClasses: false)
        // At most three binaries (the next dip's gates): cuts only cost time on some 10,000 columns (narrow
        // hard bands' summer plans took 10 to 20 s with them), and the most fractional gate first, as the
        // hindsight branches.
        var settings = config.solver.with(timeLimitSeconds: Self.timeLimitSeconds)
        settings.cuts = .none
        settings.branching = .mostFractional
        let result = try GLPKSolver.solve(lp, settings: settings)
        logger.debug(
            "period plan solved",
            metadata: [
                "scenario": "\(scenario.name)", "day": "\(days[i])", "status": "\(result.status)",
                "seconds": "\(Format.round(result.seconds, 2))", "classes": "\(classes.count)", "gates": "\(gates.count)",
            ]
        )
        guard result.hasSolution else { return nil }
        var counts: [Key: [Double]] = [:]
        for (k, key) in allKeys.enumerated() {
            counts[key] = (0..<3).map { r in layout.assign[k][r].map { result.values[$0] } ?? 0 }
        }
        return Split(day: i, dipDays: (i + nextDip.lowerBound)..<(i + nextDip.upperBound), counts: counts)
    }
}
