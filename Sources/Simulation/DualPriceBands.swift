import Allocation
import Foundation
import InstroomDomain
import Review

/// The dual-price band policy (`allocation.bandPolicy: prices`): each day's model maximises fit minus
/// what a placement costs the rest of the band period, priced by the duals of a forecast LP
/// (`PriceForecast`, Annie MOORE style) re-solved every `every` working days: the rest of the period on
/// the period's cases seen so far, scaled to the working days left, with the load already running as
/// known capacity use and the period's shares so far.
///
/// A case of weight w at RO r costs w x the band price of r (the ceiling's dual, or minus the floor's
/// gain): a case leaves an RO above its band when its fit loss per point is below the period's price,
/// on whatever day it arrives, as the hindsight moves the cheapest cases of the whole period. The
/// day model still gets the agreed bands on the cumulative share (production's feedback, which keeps
/// every day inside them at the agreed price), or where a band is hard the look-ahead's day bands
/// (`BandPolicy.daysUseLookahead`); the prices decide which cases move early, so that the bands rarely
/// bind. Measured (BENCHMARKS.md) against the variants this replaced:
/// - Costs are whole points (a whole objective lets GLPK prove a day by rounding its bound), rounded
///   with a fixed per-case dither (`dither`) instead of to the nearest: the LP's price sits where a
///   class of cases is split, and rounding every case alike moves that class wholly or not at all.
/// - Without the agreed bands (the prices alone, the agreed ones only in the last tenth) the year
///   ended 1,500 points outside the bands: the LP's price holds in the LP's split, not in the day's.
/// - Capacity is charged only while no band is priced (no bands, wide bands: the forecast's band duals
///   are all zero), as a price per workload point per working day (`capacityPerPointDay`): a case of
///   weight w and duration d pays w x min(d, days left) x that price at its RO. A toezicht then pays
///   for the 120 days it holds the room that six adviezen of 20 days could use in turn, which the day
///   model, seeing only today's free room, cannot weigh. Measured (BENCHMARKS.md): +5,800 fit without
///   bands and +4,400 with wide bands; charged while a band is priced as well, it cost fit (baseline
///   -750, narrow bands -2,700 value), so there the band prices alone decide. The blocks' own prices
///   (a toezicht paying the prices of the blocks it occupies) lowered every scenario's value.
/// - Prices from fewer than `minimumSeenDays` days (one day's intake as the whole year) cost fit.
struct DualPriceBands {
    /// Working days between two solves of the forecast LP.
    static let every = 5
    /// Working days per capacity block of the forecast LP.
    static let blockDays = 10
    /// The first prices come from this many working days of the period (before: production's bands alone).
    static let minimumSeenDays = 5
    /// A forecast LP that takes longer is dropped (the last prices stay).
    static let timeLimitSeconds = 20.0

    let config: AllocationConfig
    let durations: [CaseKind: Int]
    let dayInPeriod: [Int]
    let daysLeft: [Int]
    /// caseload[i][r]: the highest caseload of the longest duration up to working day i (the hindsight's
    /// block capacity: a lowered caseload stops new cases, not those running), minus the initial load
    /// left. The hindsight's gates for the dips are not in the forecast: every dip-aware forecast tried,
    /// the gates' LP relaxation too, lowered the value (BENCHMARKS.md, "The caseload dips" and "The
    /// hindsight made machine-independent").
    let caseload: [[Double]]
    /// Cases seen so far in the period per key, with the key's text, made once: the forecast's classes are
    /// ordered by it (sorting by a text made per comparison took two thirds of the replay).
    private var seen: [Key: (count: Int, order: String)] = [:]
    private var seenDays = 0
    private var prices: PriceForecast.Prices?
    private var priceDay = -1

    struct Key: Hashable {
        var profit: [Int?]
        var weight: Double
        var duration: Int
        var priority: Double
    }

    init(scenario: Scenario, basis: IntakeBasis) {
        config = scenario.config
        durations = scenario.durations
        let position = PeriodPosition(scenario: scenario, basis: basis)
        dayInPeriod = position.dayInPeriod
        daysLeft = position.daysLeft
        let capacity = scenario.capacity
        let window = scenario.durations.values.max() ?? 1
        let weekly = basis.days.map { day in RO.allCases.map { capacity.caseload($0, week: day.isoWeek) } }
        caseload = basis.days.indices.map { i in
            let initialLeft = max(0, 1 - Double(i) / Double(max(1, capacity.initialLoadDays)))
            return RO.allCases.enumerated().map { r, ro in
                let highest = weekly[max(0, i - window + 1)...i].map { $0[r] }.max() ?? 0
                return max(0, highest - (capacity.initialLoad[ro] ?? 0) * initialLeft)
            }
        }
    }

    /// A fixed fraction in [0, 1) per case and RO: rounding `x + dither` down is on average `x`, so a
    /// class the price splits is split over its cases, and the same case always rounds alike.
    static func dither(_ id: String, _ ro: RO) -> Double {
        Double(TieRule.stableHash(id + ro.rawValue) % 1000) / 1000
    }

    /// Records the day's new cases; call before `costs` on the same day.
    mutating func observe(_ today: [ScoredCase], day: Int) {
        if dayInPeriod[day] == 0 {
            seen = [:]
            seenDays = 0
            prices = nil
            priceDay = -1
        }
        seenDays += 1
        for s in today {
            let c = s.candidate
            let key = Key(
                profit: RO.allCases.map { c.profit($0, continuityBonus: config.continuityBonus) },
                weight: c.weight,
                duration: durations[c.kind] ?? 1,
                priority: config.priority(c.kind)
            )
            seen[key, default: (0, "\(key)")].count += 1
        }
    }

    /// The costs of today's `pool` per case and RO (nil before the first prices). `load`: points
    /// running at each RO today; `releases[(i * 3) + r]`: points that come free at r at the start of
    /// working day i.
    mutating func costs(day: Int, pool: [ScoredCase], prior: PeriodShares, load: [Double], releases: [Double]) throws -> PolicyCosts? {
        guard seenDays >= Self.minimumSeenDays else { return nil }
        if prices == nil || day - priceDay >= Self.every {
            let forecast = forecast(day: day, prior: prior, load: load, releases: releases)
            if let fresh = try forecast.solve(timeLimitSeconds: Self.timeLimitSeconds) {
                prices = fresh
                priceDay = day
            }
        }
        guard let prices else { return nil }
        let left = daysLeft[day] + 1
        var out: [String: [RO: Int]] = [:]
        for s in pool {
            var cost: [RO: Int] = [:]
            let held = min(durations[s.candidate.kind] ?? 1, left)
            for (r, ro) in RO.allCases.enumerated() {
                let price = prices.cost(weight: s.weight, heldDays: held, at: r)
                let whole = Int((price + Self.dither(s.intake.id, ro)).rounded(.down))
                if whole != 0 { cost[ro] = whole }
            }
            if !cost.isEmpty { out[s.intake.id] = cost }
        }
        return PolicyCosts(price: prices.bandsFree ? .caseload : .bands, perCase: out)
    }

    /// The forecast LP for the rest of `day`'s period.
    func forecast(day: Int, prior: PeriodShares, load: [Double], releases: [Double]) -> PriceForecast {
        let left = daysLeft[day] + 1
        let scale = Double(left) / Double(max(1, seenDays))
        let profits = seen.keys.flatMap { $0.profit.compactMap { $0 } }
        let spread = Double(max(0, profits.max() ?? 0) - min(0, profits.min() ?? 0))
        let lightest = seen.keys.map(\.weight).filter { $0 > 0 }.min() ?? 1
        let rho = config.softBandPenalty
        // The waiting penalty of a day (AssignmentModel, "Waiting penalty") without the age: larger than
        // any fit a case could gain by waiting, so capacity is priced by fit, not by a year of waiting.
        let classes = seen.sorted { $0.value.order < $1.value.order }.map { key, entry in
            PriceForecast.ForecastClass(
                profit: key.profit,
                weight: key.weight,
                duration: key.duration,
                waitPenalty: (key.priority * DayModel.waitingUnit(weight: key.weight, lightest: lightest, spread: spread, softPenalty: rho))
                    .rounded(.up),
                count: Double(entry.count) * scale
            )
        }
        var forecast = PriceForecast(
            classes: classes,
            daysLeft: left,
            blockDays: Self.blockDays,
            capacity: [],
            priorWeight: RO.allCases.map { prior.weight[$0] ?? 0 },
            priorIntake: prior.intake,
            bands: RO.allCases.map { ro in
                let b = config.band(ro)
                guard b.min > 0 || b.max < 1 else { return nil }
                // Hard bands are priced as soft at ten times the agreed price: the LP stays feasible and
                // the price of a point still tops any fit difference the day can trade for it.
                return AssignmentModel.Band(min: b.min, max: b.max, softPenalty: b.mode == .soft ? rho : 10 * rho)
            }
        )
        // Known load on day j: what runs today minus what comes free by then.
        var running = load
        var capacity = Array(repeating: Array(repeating: 0.0, count: forecast.blocks), count: 3)
        for j in 0..<left {
            let i = day + j
            if j > 0 { for r in 0..<3 { running[r] = max(0, running[r] - releases[i * 3 + r]) } }
            let b = j / Self.blockDays
            for r in 0..<3 { capacity[r][b] += max(0, caseload[i][r] - running[r]) }
        }
        for b in 0..<forecast.blocks {
            let n = Double(forecast.daysIn(b).count)
            for r in 0..<3 { capacity[r][b] /= n }
        }
        forecast.capacity = capacity
        return forecast
    }
}
