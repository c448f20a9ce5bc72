import Allocation
import Foundation
import InstroomDomain
import Ledger

/// Forecasts each RO's share at the end of the band period, so the commissie and the directies see a
/// band breach coming before it happens (escalation code `band_prognose`: one alert per RO, not per case).
///
/// Method (deliberately simple and explainable): the average weighted intake per RO over the last
/// `trendDays` allocation days of the period (today included) is extended over the working days left in
/// the period, and added to the period's totals so far. A forecast outside the band raises an alert.
/// With soft bands this catches the slack the solver accepts day after day; with hard bands it warns
/// that the band will soon force assignments against the best fit.
public enum BandForecast {
    /// Allocation days the trend is averaged over.
    public static let trendDays = 10

    public struct Projection: Sendable, Equatable {
        public var ro: RO
        public var share: Double
        public var projectedShare: Double
        public var band: Bandwidth
        public var remainingWorkingDays: Int
        public var trendDays: Int
        public var dailyWeight: Double
        public var dailyTotal: Double
    }

    /// Projections per RO. `after`: period weights after today's run; `daily`: weights per allocation day
    /// of the period so far, today included.
    public static func project(day: Day, config: AllocationConfig, after: PeriodShares, daily: [Day: [RO: Double]]) -> [Projection] {
        let end = config.period.end(of: day)
        let remaining = day.workingDays(until: end)
        let recent = daily.keys.filter { $0 <= day }.sorted().suffix(trendDays)
        let n = max(recent.count, 1)
        var perDay: [RO: Double] = [:]
        for day in recent { for (ro, w) in daily[day] ?? [:] { perDay[ro, default: 0] += w / Double(n) } }
        let dailyTotal = RO.allCases.reduce(0) { $0 + (perDay[$1] ?? 0) }
        let projectedTotal = after.total + dailyTotal * Double(remaining)
        return RO.allCases.map { ro in
            let projected = projectedTotal > 0 ? ((after.weight[ro] ?? 0) + (perDay[ro] ?? 0) * Double(remaining)) / projectedTotal : 0
            return Projection(
                ro: ro,
                share: after.share(ro),
                projectedShare: projected,
                band: config.band(ro),
                remainingWorkingDays: remaining,
                trendDays: recent.count,
                dailyWeight: perDay[ro] ?? 0,
                dailyTotal: dailyTotal
            )
        }
    }

    /// The alerts to record: one per RO whose forecast leaves its band.
    public static func alerts(day: Day, config: AllocationConfig, after: PeriodShares, daily: [Day: [RO: Double]]) -> [BandAlertRecord] {
        guard after.total > 0 else { return [] }
        let start = config.period.start(of: day)
        let end = config.period.end(of: day)
        return project(day: day, config: config, after: after, daily: daily).compactMap { p in
            let below = p.projectedShare < p.band.min - 1e-9
            let above = p.projectedShare > p.band.max + 1e-9
            guard below || above else { return nil }
            let ro = p.ro.displayName
            let detail =
                "Aandeel \(ro) staat na \(day) op \(DutchNumber.percent(p.share)) (band \(p.band.label), \(p.band.mode == .hard ? "hard" : "zacht")). "
                + "Bij de trend van de laatste \(DutchNumber.count(p.trendDays, "verdeeldag", "verdeeldagen")) (gemiddeld \(DutchNumber.decimal(p.dailyWeight, upTo: 1)) van \(DutchNumber.amount(p.dailyTotal, upTo: 1, "punt", "punten")) per dag voor \(ro)) "
                + "komt \(ro) op \(end) uit op \(DutchNumber.percent(p.projectedShare)): \(below ? "onder" : "boven") de band. "
                + "Nog \(DutchNumber.count(p.remainingWorkingDays, "werkdag", "werkdagen")) in de periode."
                + (p.band.mode == .hard ? " Een harde band zal toewijzingen tegen de beste match in afdwingen." : "")
            return BandAlertRecord(
                day: day.description,
                ro: p.ro,
                periodStart: start.description,
                periodEnd: end.description,
                share: p.share,
                projectedShare: p.projectedShare,
                bandMin: p.band.min,
                bandMax: p.band.max,
                bandMode: p.band.mode,
                direction: below ? .below : .above,
                detail: detail,
                deadline: day.adding(workingDays: config.escalationDeadlineDays).description
            )
        }
    }
}
