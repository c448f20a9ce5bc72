import Foundation

/// The span over which bands hold: the cumulative share restarts at the start of each period.
public enum BandPeriod: String, CaseIterable, Codable, Sendable {
    case year, quarter, month

    /// The first day of the period that contains `day`.
    public func start(of day: Day) -> Day {
        let c = day.components
        switch self {
        case .year: return Day(year: c.year, month: 1, day: 1)!
        case .quarter: return Day(year: c.year, month: (c.month - 1) / 3 * 3 + 1, day: 1)!
        case .month: return Day(year: c.year, month: c.month, day: 1)!
        }
    }

    /// The last day of the period that contains `day`.
    public func end(of day: Day) -> Day {
        let c = day.components
        switch self {
        case .year: return Day(year: c.year, month: 12, day: 31)!
        case .quarter:
            let first = (c.month - 1) / 3 * 3 + 1
            return Day(year: c.year, month: first + 2, day: Day.daysIn(month: first + 2, year: c.year))!
        case .month: return Day(year: c.year, month: c.month, day: Day.daysIn(month: c.month, year: c.year))!
        }
    }
}
