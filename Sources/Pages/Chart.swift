import Foundation
import InstroomDomain

/// An inline SVG chart for the reports, laid out here (every coordinate computed) and drawn by the
/// `chart` partial, which escapes every label: no scripts, no external files, Dutch number format.
public struct Chart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var color: String
        public var points: [Point]
        public var dashed: Bool
        public var markers: Bool
        public init(name: String, color: String, points: [(x: Double, y: Double)], dashed: Bool = false, markers: Bool = false) {
            self.name = name
            self.color = color
            self.points = points.map { Point(x: $0.x, y: $0.y) }
            self.dashed = dashed
            self.markers = markers
        }
    }

    public struct Point: Sendable {
        public var x: Double
        public var y: Double
    }

    /// A horizontal band (e.g. a bandbreedte) drawn behind the lines.
    public struct Band: Sendable {
        public var color: String
        public var min: Double
        public var max: Double
        public var label: String
        public init(color: String, min: Double, max: Double, label: String) {
            self.color = color
            self.min = min
            self.max = max
            self.label = label
        }
    }

    public struct Axis: Sendable {
        public var min: Double
        public var max: Double
        public var ticks: [(value: Double, label: String)]
        public var title: String
        public init(min: Double, max: Double, ticks: [(value: Double, label: String)], title: String) {
            self.min = min
            self.max = max
            self.ticks = ticks
            self.title = title
        }
    }

    // What the partial draws, in this order (later covers earlier).
    public struct Area: Sendable {
        public var x, y, width, height, fill: String
        public var opacity: String?
        public var title: String
    }

    public struct Stroke: Sendable {
        public var x1, x2, y1, y2, color: String
        /// Not `width`: a missing value would fall through to the chart's width in the template.
        public var thickness: String?
        public var dash: String?
        public var opacity: String?
    }

    public struct Label: Sendable {
        public var x, y: String
        public var anchor: String
        public var style: String
        public var text: String
        /// For the vertical axis title.
        public var rotate: Bool
    }

    public struct Polyline: Sendable {
        public var points: String
        public var color: String
        public var dash: String?
        public var title: String
    }

    public struct Marker: Sendable {
        public var cx, cy, color: String
        public var title: String
    }

    public struct LegendItem: Sendable {
        public var name: String
        public var color: String
        public var strokeWidth: Int
        public var dashed: Bool
    }

    public var label: String
    public var width = Int(Chart.size.width)
    public var height = Int(Chart.size.height)
    public var areas: [Area] = []
    public var strokes: [Stroke] = []
    public var bars: [Area] = []
    public var labels: [Label] = []
    public var polylines: [Polyline] = []
    public var markers: [Marker] = []
    /// Below the chart in HTML, so that long scenario names wrap instead of being cut off.
    public var legend: [LegendItem] = []

    static let size = (width: 640.0, height: 290.0)
    static let margin = (left: 64.0, right: 16.0, top: 16.0, bottom: 44.0)
    static var plotW: Double { size.width - margin.left - margin.right }
    static var plotH: Double { size.height - margin.top - margin.bottom }

    init(label: String) { self.label = label }

    /// Lines over a shared x axis, with bands behind them and an optional dashed reference line.
    public static func line(
        series: [Series],
        bands: [Band] = [],
        x: Axis,
        y: Axis,
        reference: (value: Double, label: String)? = nil,
        label: String
    ) -> Chart {
        let (margin, plotW) = (Self.margin, Self.plotW)
        func px(_ v: Double) -> Double { margin.left + (x.max > x.min ? (v - x.min) / (x.max - x.min) : 0.5) * plotW }
        let py = yScale(y)
        var c = Chart(label: label)
        for b in bands {
            let top = py(b.max)
            let bottom = py(b.min)
            c.areas.append(
                Area(
                    x: f(margin.left),
                    y: f(top),
                    width: f(plotW),
                    height: f(max(1, bottom - top)),
                    fill: b.color,
                    opacity: "0.13",
                    title: b.label
                )
            )
            for v in [b.min, b.max] {
                c.strokes.append(
                    Stroke(
                        x1: f(margin.left),
                        x2: f(margin.left + plotW),
                        y1: f(py(v)),
                        y2: f(py(v)),
                        color: b.color,
                        dash: "4 3",
                        opacity: "0.55"
                    )
                )
            }
        }
        c.grid(x: x, y: y, px: px, py: py)
        if let reference {
            let ry = f(py(reference.value))
            c.strokes.append(
                Stroke(x1: f(margin.left), x2: f(margin.left + plotW), y1: ry, y2: ry, color: "#333", thickness: "1.2", dash: "6 3")
            )
            c.labels.append(
                Label(
                    x: f(margin.left + plotW - 4),
                    y: f(py(reference.value) - 4),
                    anchor: "end",
                    style: "small",
                    text: reference.label,
                    rotate: false
                )
            )
        }
        for se in series where !se.points.isEmpty {
            c.polylines.append(
                Polyline(
                    points: se.points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " "),
                    color: se.color,
                    dash: se.dashed ? "6 4" : nil,
                    title: se.name
                )
            )
            if se.markers {
                c.markers += se.points.map {
                    Marker(cx: f(px($0.x)), cy: f(py($0.y)), color: se.color, title: "\(se.name): \(DutchNumber.decimal($0.y, digits: 1))")
                }
            }
        }
        c.legend =
            series.map { LegendItem(name: $0.name, color: $0.color, strokeWidth: $0.dashed ? 2 : 5, dashed: $0.dashed) }
            + bands.map { LegendItem(name: $0.label, color: $0.color, strokeWidth: 2, dashed: true) }
        return c
    }

    /// Grouped bars: one group per category, one bar per series.
    public static func bars(categories: [String], series: [Series], y: Axis, xTitle: String, label: String) -> Chart {
        let (margin, plotW, plotH) = (Self.margin, Self.plotW, Self.plotH)
        let py = yScale(y)
        var c = Chart(label: label)
        c.grid(x: Axis(min: 0, max: 1, ticks: [], title: xTitle), y: y, px: { _ in 0 }, py: py)
        let groupW = plotW / Double(max(1, categories.count))
        let barW = min(28, groupW * 0.8 / Double(max(1, series.count)))
        for (i, category) in categories.enumerated() {
            let gx = margin.left + groupW * Double(i) + (groupW - barW * Double(series.count)) / 2
            for (k, se) in series.enumerated() {
                let v = i < se.points.count ? se.points[i].y : 0
                let top = py(v)
                c.bars.append(
                    Area(
                        x: f(gx + barW * Double(k)),
                        y: f(top),
                        width: f(barW - 1),
                        height: f(max(0, py(y.min) - top)),
                        fill: se.color,
                        opacity: nil,
                        title: "\(se.name), \(category): \(DutchNumber.decimal(v, digits: 1))"
                    )
                )
            }
            c.labels.append(
                Label(
                    x: f(margin.left + groupW * (Double(i) + 0.5)),
                    y: f(margin.top + plotH + 16),
                    anchor: "middle",
                    style: "tick",
                    text: category,
                    rotate: false
                )
            )
        }
        c.legend = series.map { LegendItem(name: $0.name, color: $0.color, strokeWidth: 5, dashed: false) }
        return c
    }

    static func yScale(_ y: Axis) -> (Double) -> Double {
        let (top, plotH) = (margin.top, plotH)
        return { v in top + plotH - (y.max > y.min ? (min(max(v, y.min), y.max) - y.min) / (y.max - y.min) : 0) * plotH }
    }

    private mutating func grid(x: Axis, y: Axis, px: (Double) -> Double, py: (Double) -> Double) {
        let (margin, plotW, plotH) = (Self.margin, Self.plotW, Self.plotH)
        let f = Self.f
        for t in y.ticks {
            strokes.append(Stroke(x1: f(margin.left), x2: f(margin.left + plotW), y1: f(py(t.value)), y2: f(py(t.value)), color: "#ddd"))
            labels.append(Label(x: f(margin.left - 6), y: f(py(t.value) + 4), anchor: "end", style: "tick", text: t.label, rotate: false))
        }
        for t in x.ticks {
            strokes.append(
                Stroke(x1: f(px(t.value)), x2: f(px(t.value)), y1: f(margin.top + plotH), y2: f(margin.top + plotH + 4), color: "#666")
            )
            labels.append(
                Label(x: f(px(t.value)), y: f(margin.top + plotH + 16), anchor: "middle", style: "tick", text: t.label, rotate: false)
            )
        }
        strokes.append(
            Stroke(x1: f(margin.left), x2: f(margin.left + plotW), y1: f(margin.top + plotH), y2: f(margin.top + plotH), color: "#666")
        )
        strokes.append(Stroke(x1: f(margin.left), x2: f(margin.left), y1: f(margin.top), y2: f(margin.top + plotH), color: "#666"))
        labels.append(Label(x: "14", y: f(margin.top + plotH / 2), anchor: "middle", style: "axis", text: y.title, rotate: true))
        labels.append(
            Label(
                x: f(margin.left + plotW / 2),
                y: f(margin.top + plotH + 32),
                anchor: "middle",
                style: "axis",
                text: x.title,
                rotate: false
            )
        )
    }

    /// Evenly spaced "nice" ticks from 0 to at least `maxValue`.
    public static func niceAxis(max maxValue: Double, title: String, format: (Double) -> String, count: Int = 5) -> Axis {
        let raw = max(maxValue, 1e-9) / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let top = step * ceil(max(maxValue, 1e-9) / step)
        let ticks = stride(from: 0.0, through: top + step / 2, by: step).map { ($0, format($0)) }
        return Axis(min: 0, max: top, ticks: ticks, title: title)
    }

    /// "Nice" ticks around the values, not from 0: an axis on which differences between variants show.
    public static func niceRange(_ values: [Double], title: String, format: (Double) -> String, count: Int = 5) -> Axis {
        guard let lo = values.min(), let hi = values.max() else { return niceAxis(max: 1, title: title, format: format) }
        let span = max(hi - lo, max(abs(hi), 1) * 0.01)
        let raw = span / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let bottom = max(0, step * floor(lo / step - 0.5))
        let top = step * ceil(hi / step + 0.5)
        let ticks = stride(from: bottom, through: top + step / 2, by: step).map { ($0, format($0)) }
        return Axis(min: bottom, max: top, ticks: ticks, title: title)
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
}
