import Allocation
import Foundation
import InstroomDomain
import Review
import Triage

/// The look-ahead band policy (`allocation.bandPolicy: lookahead`): the agreement is on the share at the
/// end of the band period, so instead of forcing each day's cumulative share into the band, each day
/// pays one price per workload point for moving work away from an RO above its band (or towards one
/// below it), the price at which the period as a whole lands on the band.
///
/// The price `lambda` is found on the cases of the period seen so far (a forecast of the rest: the
/// mix so far continues): with each case at the RO that maximises `fit + lambda * w * s[r]` (`s` = -1 for
/// an RO whose share would be above its band without bands, +1 below, 0 otherwise), the smallest
/// `lambda` that puts every such RO on its band (bisection, re-estimated every `every` working days). The
/// day's model gets that price through the bands it is fed: an RO above its band gets the band 0–0 and
/// one below it 1–1 (both soft, `softBandPenalty = lambda`), so every point placed there costs (gains)
/// `lambda`; the others get no band. A case is thus moved when its fit loss per point is below the
/// period's price, on whatever day it arrives, as the hindsight optimum moves the cheapest cases of
/// the whole period, where the cumulative policy moves the cheapest of each day as many as that day
/// needs. The price never exceeds the agreed `softPenalty` (soft bands): slack stays the cheaper choice
/// at the same price as in production.
///
/// The last `finalDays` working days of a period get the agreed bands on the cumulative share, as
/// production does, so that the period ends inside its band as far as the agreed price allows.
struct LookaheadBands {
    static let every = 5
    let config: AllocationConfig
    let dayInPeriod: [Int]
    let daysLeft: [Int]
    /// Cases of the period seen so far, grouped: (profit per RO, weight) -> count.
    private var seen: [Key: Int] = [:]
    private var price: (lambda: Double, sign: [Int])?
    private var priceDay = -1

    struct Key: Hashable {
        var profit: [Int?]
        var weight: Double
    }

    init(scenario: Scenario, basis: IntakeBasis) {
        config = scenario.config
        let position = PeriodPosition(scenario: scenario, basis: basis)
        daysLeft = position.daysLeft
        dayInPeriod = position.dayInPeriod
    }

    /// The working days at the end of a period that get the agreed bands: a tenth of it, at least 5.
    func finalDays(_ day: Int) -> Int { max(5, (dayInPeriod[day] + daysLeft[day] + 1) / 10) }

    /// The configuration for working day `day`.
    mutating func config(day: Int) -> AllocationConfig {
        if dayInPeriod[day] == 0 {
            seen = [:]
            price = nil
            priceDay = -1
        }
        guard !seen.isEmpty, daysLeft[day] >= finalDays(day) else { return config }
        if price == nil || day - priceDay >= Self.every {
            price = estimate()
            priceDay = day
        }
        guard let price else { return config }
        var c = config
        c.softBandPenalty = price.lambda
        for (r, ro) in RO.allCases.enumerated() {
            switch price.sign[r] {
            case -1: c.bands[ro] = Bandwidth(min: 0, max: 0, mode: .soft)
            case 1: c.bands[ro] = Bandwidth(min: 1, max: 1, mode: .soft)
            default: c.bands[ro] = Bandwidth(min: 0, max: 1, mode: .soft)
            }
        }
        return c
    }

    /// Records the day's new cases (waiting ones were seen on an earlier day).
    mutating func observe(_ plan: DayPlan, newCases: Set<String>) {
        for s in plan.scored where newCases.contains(s.intake.id) {
            let c = s.candidate
            seen[Key(profit: RO.allCases.map { c.profit($0, continuityBonus: config.continuityBonus) }, weight: c.weight), default: 0] += 1
        }
    }

    /// The smallest price that puts every RO outside its band (without bands) on it, over the cases seen.
    func estimate() -> (lambda: Double, sign: [Int])? {
        let ros = RO.allCases
        let bands = ros.map { config.band($0) }
        let total = seen.reduce(0.0) { $0 + $1.key.weight * Double($1.value) }
        guard total > 0 else { return nil }
        func shares(_ lambda: Double, _ sign: [Int]) -> [Double] {
            var w = [0.0, 0.0, 0.0]
            for (key, n) in seen {
                var best: Int?
                var bestValue = -Double.infinity
                for r in ros.indices {
                    guard let p = key.profit[r] else { continue }
                    let v = Double(p) + lambda * key.weight * Double(sign[r])
                    if v > bestValue + 1e-9 {
                        best = r
                        bestValue = v
                    }
                }
                if let best { w[best] += key.weight * Double(n) }
            }
            return w.map { $0 / total }
        }
        let natural = shares(0, [0, 0, 0])
        let sign = ros.indices.map { r in natural[r] > bands[r].max + 1e-9 ? -1 : natural[r] < bands[r].min - 1e-9 ? 1 : 0 }
        guard sign.contains(where: { $0 != 0 }) else { return (0, sign) }
        func holds(_ lambda: Double) -> Bool {
            let s = shares(lambda, sign)
            return ros.indices.allSatisfy { r in sign[r] == 0 || (sign[r] < 0 ? s[r] <= bands[r].max + 1e-9 : s[r] >= bands[r].min - 1e-9) }
        }
        // Soft bands: never above the agreed price; hard bands: up to any fit difference per point.
        let soft = bands.contains { $0.mode == .soft }
        let cap = soft ? config.softBandPenalty : Double(seen.keys.flatMap { $0.profit.compactMap { $0 } }.map(abs).max() ?? 1) * 2 + 1
        if holds(0) { return (0, sign) }
        if !holds(cap) { return (cap, sign) }
        var (lo, hi) = (0.0, cap)
        for _ in 0..<30 {
            let mid = (lo + hi) / 2
            if holds(mid) { hi = mid } else { lo = mid }
        }
        return (hi, sign)
    }
}
