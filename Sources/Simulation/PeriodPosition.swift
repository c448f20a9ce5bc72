import Allocation
import InstroomDomain

/// Where each replayed working day stands in its band period: how many of the period's working days
/// came before it and how many are still to come. The look-ahead and forecast band policies both
/// price a day by what is left of its period.
struct PeriodPosition {
    /// Working days of the same period before day `i` of the replay.
    let dayInPeriod: [Int]
    /// Working days of the same period after day `i` of the replay.
    let daysLeft: [Int]

    init(scenario: Scenario, basis: IntakeBasis) {
        let starts = basis.days.map { scenario.config.period.start(of: $0) }
        var left = Array(repeating: 0, count: starts.count)
        var index = Array(repeating: 0, count: starts.count)
        for i in starts.indices { index[i] = i > 0 && starts[i - 1] == starts[i] ? index[i - 1] + 1 : 0 }
        for i in starts.indices.reversed() { left[i] = i + 1 < starts.count && starts[i + 1] == starts[i] ? left[i + 1] + 1 : 0 }
        daysLeft = left
        dayInPeriod = index
    }
}
