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
/// - `prices`: production's cumulative bands, and each placement pays its RO's band price for the rest
///   of the period: the dual price of a forecast LP of the period's rest (see `DualPriceBands`).
public enum BandPolicy: String, CaseIterable, Codable, Sendable {
    case cumulative, lookahead, forecast, prices
}
