import InstroomDomain
import Review

/// How many cases the triage review and the begeleidingscommissie receive: the figure that says
/// whether the lists stay workable (per queue, per reason, per ISO week).
public struct ReviewVolumes: Codable, Sendable, Equatable {
    /// Cases per queue (`triage`, `commissie`); a case counts once, in the highest queue of its reasons.
    public var cases: [String: Int] = [:]
    /// Per queue, how often each reason sent a case there (a case may have several reasons).
    public var reasons: [String: [String: Int]] = [:]
    /// Cases per queue per ISO week (`2026-W10`), in calendar order.
    public var weeks: [Week] = []

    public struct Week: Codable, Sendable, Equatable {
        public var week: String
        public var triage: Int
        public var commissie: Int
    }

    public init() {}

    mutating func count(_ reasons: [EscalationReason], on day: Day) {
        guard let queue = ReviewRouting.queue(of: reasons) else { return }
        cases[queue.rawValue, default: 0] += 1
        for reason in reasons where reason.queue != nil {
            self.reasons[reason.queue!.rawValue, default: [:]][reason.code.rawValue, default: 0] += 1
        }
        let thursday = day.adding(days: 4 - day.weekday)
        let key = "\(thursday.year)-W\(day.isoWeek < 10 ? "0" : "")\(day.isoWeek)"
        if weeks.last?.week != key { weeks.append(Week(week: key, triage: 0, commissie: 0)) }
        if queue == .triage { weeks[weeks.count - 1].triage += 1 } else { weeks[weeks.count - 1].commissie += 1 }
    }
}
