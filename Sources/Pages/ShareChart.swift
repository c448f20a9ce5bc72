import InstroomDomain

/// An RO's share of the period's weighted intake against its band, laid out for the `share-chart`
/// partial (an inline SVG: no script, readable without colour because every bar carries its numbers).
public struct ShareChart: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var share: Double
        public var band: Bandwidth
        public init(label: String, share: Double, band: Bandwidth) {
            self.label = label
            self.share = share
            self.band = band
        }
    }

    public struct Bar: Sendable {
        public var label: String
        public var y: Int
        public var textY: Int
        public var bandX: Int
        public var bandWidth: Int
        public var barWidth: Int
        /// Right of both the bar and the band, so the numbers never sit on either.
        public var valueX: Int
        public var shareText: String
        public var bandText: String
        public var within: Bool
        public var hard: Bool
    }

    public struct Tick: Sendable {
        public var x: Int
        public var label: String
    }

    public var width = 720
    public var height: Int
    public var left = 70
    public var axisY: Int
    public var bars: [Bar]
    public var ticks: [Tick]
    /// The chart in words, for screen readers.
    public var summary: String

    public init(_ rows: [Row]) {
        let plot = 440
        let top = max(0.5, (rows.map { max($0.share, $0.band.max) }.max() ?? 0.5) + 0.05)
        let scale = { (x: Double) in Int((min(max(x, 0), top) / top * Double(plot)).rounded()) }
        let left = 70
        bars = rows.enumerated().map { i, row in
            let y = 10 + i * 44
            let within = row.band.contains(row.share)
            return Bar(
                label: row.label,
                y: y,
                textY: y + 20,
                bandX: left + scale(row.band.min),
                bandWidth: max(1, scale(row.band.max) - scale(row.band.min)),
                barWidth: max(1, scale(row.share)),
                valueX: left + max(scale(row.share), scale(row.band.max)) + 8,
                shareText: DutchNumber.percent(row.share),
                bandText: "band \(DutchNumber.percent(row.band.min, upTo: 1))–\(DutchNumber.percent(row.band.max, upTo: 1))"
                    + (row.band.mode == .hard ? " (hard)" : " (zacht)"),
                within: within,
                hard: row.band.mode == .hard
            )
        }
        height = 10 + rows.count * 44 + 24
        axisY = 10 + rows.count * 44
        ticks = stride(from: 0.0, through: top + 1e-9, by: 0.1).map { Tick(x: left + scale($0), label: DutchNumber.percent($0, upTo: 0)) }
        summary = rows.map { row in
            "\(row.label): \(DutchNumber.percent(row.share)) (band \(DutchNumber.percent(row.band.min, upTo: 1))–\(DutchNumber.percent(row.band.max, upTo: 1)), "
                + (row.band.contains(row.share) ? "binnen de band)" : "buiten de band)")
        }.joined(separator: "; ")
    }
}
