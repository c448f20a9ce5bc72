import Allocation
import InstroomDomain
import Ledger
import Pages

/// The period's shares per RO against the bands, from the ledger, and the day's capacity use.
struct DirectieContent {
    struct Row {
        var ro: String
        var share: String
        var weight: String
        var band: String
        var within: Bool
        var capacityUsed: String
        var capacity: String
        var utilisation: String
    }

    var day: String
    var period: String
    var total: String
    var empty: Bool
    var chart: ShareChart
    var rows: [Row]

    init(day: Day, shares: EscalationContext, capacityUsed: [RO: Double], config: AllocationConfig) {
        self.day = day.description
        period = "\(shares.periodStart) t/m \(shares.periodEnd)"
        let total = shares.shares.values.reduce(0) { $0 + $1.weight }
        self.total = DutchNumber.amount(total, upTo: 1, "werkpunt", "werkpunten")
        empty = total == 0
        let list = RO.allCases.compactMap { ro in shares.shares[ro.rawValue].map { (ro, $0) } }
        chart = ShareChart(list.map { ShareChart.Row(label: $0.0.displayName, share: $0.1.share, band: $0.1.band) })
        rows = list.map { ro, s in
            let used = capacityUsed[ro] ?? 0
            let capacity = config.capacity[ro] ?? 0
            return Row(
                ro: ro.displayName,
                share: DutchNumber.percent(s.share),
                weight: DutchNumber.amount(s.weight, upTo: 1, "punt", "punten"),
                band: s.band.label + (s.band.mode == .hard ? " (hard)" : " (zacht)"),
                within: s.withinBand,
                capacityUsed: DutchNumber.amount(used, upTo: 1, "punt", "punten"),
                capacity: DutchNumber.amount(capacity, upTo: 1, "punt", "punten"),
                utilisation: capacity > 0 ? DutchNumber.percent(used / capacity) : "–"
            )
        }
    }
}
