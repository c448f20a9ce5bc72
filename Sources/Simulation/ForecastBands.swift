import Allocation
import Foundation
import InstroomDomain
import Review

/// The forecast band policy (`allocation.bandPolicy: forecast`): the agreement is on the share at the end
/// of the band period, so each day's model holds to the band the share the period is heading for, not
/// the share so far. The rest of the period is forecast from the period so far: as much weighted intake
/// per working day as came in so far, split over the ROs as the cases seen so far would split without
/// bands (each to its best allowed RO by fit with continuity, ties to the RO order). That forecast is
/// added to the day's prior shares (`prior(day:actual:)`), so the production day model, unchanged,
/// prices today's assignments by where they leave the projected end of the period: a drift the rest of
/// the period would bring is corrected from its first day, a little every day, instead of after the
/// cumulative share has left the band, when only the last weeks' cases are left to correct it with.
/// As the period runs out the forecast shrinks to nothing and the policy becomes the cumulative one.
struct ForecastBands {
    let dayInPeriod: [Int]
    let daysLeft: [Int]
    let continuityBonus: Int
    /// Weight of the period's cases seen so far, and per RO where they fit best.
    private var seenWeight = 0.0
    private var natural = [0.0, 0.0, 0.0]
    private var seenDays = 0

    init(scenario: Scenario, basis: IntakeBasis) {
        continuityBonus = scenario.config.continuityBonus
        let position = PeriodPosition(scenario: scenario, basis: basis)
        daysLeft = position.daysLeft
        dayInPeriod = position.dayInPeriod
    }

    /// The forecast weight per RO of the working days after `day` in its period, in whole points (whole
    /// weights keep the day model's band rows whole, which GLPK proves far sooner).
    mutating func forecast(day: Int) -> [RO: Double] {
        if dayInPeriod[day] == 0 {
            seenWeight = 0
            natural = [0, 0, 0]
            seenDays = 0
        }
        guard seenDays > 0, seenWeight > 0 else { return [:] }
        let rest = seenWeight / Double(seenDays) * Double(daysLeft[day])
        var out: [RO: Double] = [:]
        for (r, ro) in RO.allCases.enumerated() { out[ro] = (rest * natural[r] / seenWeight).rounded() }
        return out
    }

    /// Records the day's new cases.
    mutating func observe(_ today: [ScoredCase]) {
        seenDays += 1
        for s in today {
            let c = s.candidate
            var best: Int?
            var bestProfit = Int.min
            for (r, ro) in RO.allCases.enumerated() {
                if let p = c.profit(ro, continuityBonus: continuityBonus), p > bestProfit {
                    best = r
                    bestProfit = p
                }
            }
            seenWeight += c.weight
            if let best { natural[best] += c.weight }
        }
    }
}
