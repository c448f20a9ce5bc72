import Allocation
import Foundation
import InstroomDomain

/// How the simulator feeds a period's bands to each day's model (`allocation.bandPolicy` in a scenario).
///
/// - `cumulative`: what production does today. Every day the cumulative share of the period so far
///   must lie in the band (soft bands: at a price per point outside).
/// - `lookahead`: the band holds at the end of the period; each day's model gets the band that the
///   share so far must keep so that the forecast rest of the period can still end inside it (see
///   `LookaheadBands`). Early in the period that band is wide, and it narrows to the agreed band.
/// - `forecast`: the agreed bands on the share the period is heading for: the share so far plus a
///   forecast of the rest of the period from the cases seen so far (see `ForecastBands`). Measured
///   (BENCHMARKS.md): it over-corrects on soft bands; kept for comparison, as `lookahead` is.
/// - `prices`: each placement pays its RO's band price for the rest of the period: the dual price of a
///   forecast LP of the period's rest (see `DualPriceBands`), on top of production's cumulative bands,
///   or, where a band is hard, on top of the look-ahead's day bands.
/// - `plan`: the rest of the period planned as the hindsight plans it, from the state reached and on
///   another year's intake as the forecast, re-planned every few weeks and daily before the period's
///   last dip; each case steered to the plan's split (see `PlanBands`), the prices where the plan has
///   no class for it. Each day's model gets the look-ahead's day bands wherever a band binds.
public enum BandPolicy: String, CaseIterable, Codable, Sendable {
    case cumulative, lookahead, forecast, prices, plan

    /// Whether each day's model gets the look-ahead's bands (`LookaheadBands`) instead of the agreed ones.
    /// `prices` does where a band is hard: a hard cumulative band that cannot hold on a day is a day
    /// replayed with soft bands, which the look-ahead's day bands avoid (narrow hard bands: 95 such days
    /// with the cumulative bands, 2 with the look-ahead's, and a higher value; BENCHMARKS.md). On soft
    /// bands the cumulative ones do better under the prices (baseline: 0.986 against 0.943).
    public func daysUseLookahead(_ config: AllocationConfig) -> Bool {
        switch self {
        case .lookahead: true
        case .prices:
            RO.allCases.contains { ro in
                let band = config.band(ro)
                return band.mode == .hard && (band.min > 0 || band.max < 1)
            }
        case .plan:
            // The plan steers every case to the end of the period, so the day model only keeps the end in
            // reach (the look-ahead's day bands), also where bands are soft: with the cumulative bands the
            // baseline's plan reached 0.9894 of the hindsight's value, with the day bands 0.9927 (BENCHMARKS.md).
            RO.allCases.contains { ro in
                let band = config.band(ro)
                return band.min > 0 || band.max < 1
            }
        case .cumulative, .forecast: false
        }
    }
}
