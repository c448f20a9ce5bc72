import Foundation

/// Whether a band may be left at a price (soft) or never (hard).
public enum BandMode: String, CaseIterable, Codable, Sendable { case hard, soft }

/// A bandbreedte: the agreed minimum and maximum share of an RO in the weighted intake of a period.
///
/// The convenant leaves the numbers "still to be filled in": every value comes from configuration.
public struct Bandwidth: Codable, Sendable, Equatable {
    public var min: Double
    public var max: Double
    public var mode: BandMode

    public init(min: Double, max: Double, mode: BandMode = .hard) {
        self.min = min
        self.max = max
        self.mode = mode
    }

    public func contains(_ share: Double, tolerance: Double = 1e-9) -> Bool {
        share >= min - tolerance && share <= max + tolerance
    }

    /// Dutch, as reports and escalation reasons show it: "15–35%".
    public var label: String { "\(Self.percent(min))–\(Self.percent(max))%" }

    static func percent(_ share: Double) -> String {
        let p = share * 100
        return p == p.rounded() ? String(Int(p)) : String(format: "%.1f", p).replacingOccurrences(of: ".", with: ",")
    }
}

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
