import Foundation
import InstroomDomain

/// Hand-written inline SVG charts for the reports: no scripts, no external files, Dutch number format.
enum SVGChart {
    struct Series {
        var name: String
        var color: String
        var points: [(x: Double, y: Double)]
        var dashed = false
        var markers = false
    }

    /// A horizontal band (e.g. a bandbreedte) drawn behind the lines.
    struct Band {
        var color: String
        var min: Double
        var max: Double
        var label: String
    }

    struct Axis {
        var min: Double
        var max: Double
        var ticks: [(value: Double, label: String)]
        var title: String
    }

    static let width = 640.0
    static let height = 290.0
    static let margin = (left: 64.0, right: 16.0, top: 16.0, bottom: 44.0)

    static func line(
        series: [Series],
        bands: [Band] = [],
        x: Axis,
        y: Axis,
        reference: (value: Double, label: String)? = nil,
        label: String
    ) -> String {
        let plotW = width - margin.left - margin.right
        let plotH = height - margin.top - margin.bottom
        func px(_ v: Double) -> Double { margin.left + (x.max > x.min ? (v - x.min) / (x.max - x.min) : 0.5) * plotW }
        func py(_ v: Double) -> Double {
            margin.top + plotH - (y.max > y.min ? (min(max(v, y.min), y.max) - y.min) / (y.max - y.min) : 0) * plotH
        }
        var s = svgOpen(label: label)
        for b in bands {
            let top = py(b.max)
            let bottom = py(b.min)
            s +=
                "<rect x=\"\(f(margin.left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(max(1, bottom - top)))\" fill=\"\(b.color)\" fill-opacity=\"0.13\"><title>\(Format.html(b.label))</title></rect>"
            for v in [b.min, b.max] {
                s +=
                    "<line x1=\"\(f(margin.left))\" x2=\"\(f(margin.left + plotW))\" y1=\"\(f(py(v)))\" y2=\"\(f(py(v)))\" stroke=\"\(b.color)\" stroke-opacity=\"0.55\" stroke-dasharray=\"4 3\"/>"
            }
        }
        s += grid(x: x, y: y, px: px, py: py, plotW: plotW, plotH: plotH)
        if let reference {
            s +=
                "<line x1=\"\(f(margin.left))\" x2=\"\(f(margin.left + plotW))\" y1=\"\(f(py(reference.value)))\" y2=\"\(f(py(reference.value)))\" stroke=\"#333\" stroke-width=\"1.2\" stroke-dasharray=\"6 3\"/>"
            s +=
                "<text x=\"\(f(margin.left + plotW - 4))\" y=\"\(f(py(reference.value) - 4))\" text-anchor=\"end\" class=\"small\">\(Format.html(reference.label))</text>"
        }
        for se in series where !se.points.isEmpty {
            let d = se.points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            s +=
                "<polyline fill=\"none\" stroke=\"\(se.color)\" stroke-width=\"2\"\(se.dashed ? " stroke-dasharray=\"6 4\"" : "") points=\"\(d)\"><title>\(Format.html(se.name))</title></polyline>"
            if se.markers {
                for p in se.points {
                    s +=
                        "<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.y)))\" r=\"3.5\" fill=\"\(se.color)\"><title>\(Format.html(se.name)): \(DutchNumber.decimal(p.y, digits: 1))</title></circle>"
                }
            }
        }
        return s + "</svg>" + legend(series.map { ($0.name, $0.color, $0.dashed) } + bands.map { ($0.label, $0.color, true) })
    }

    /// Grouped bars: one group per category, one bar per series.
    static func bars(categories: [String], series: [Series], y: Axis, xTitle: String, label: String) -> String {
        let plotW = width - margin.left - margin.right
        let plotH = height - margin.top - margin.bottom
        func py(_ v: Double) -> Double {
            margin.top + plotH - (y.max > y.min ? (min(max(v, y.min), y.max) - y.min) / (y.max - y.min) : 0) * plotH
        }
        var s = svgOpen(label: label)
        let xAxis = Axis(min: 0, max: 1, ticks: [], title: xTitle)
        s += grid(x: xAxis, y: y, px: { _ in 0 }, py: py, plotW: plotW, plotH: plotH)
        let groupW = plotW / Double(max(1, categories.count))
        let barW = min(28, groupW * 0.8 / Double(max(1, series.count)))
        for (c, cat) in categories.enumerated() {
            let gx = margin.left + groupW * Double(c) + (groupW - barW * Double(series.count)) / 2
            for (k, se) in series.enumerated() {
                let v = c < se.points.count ? se.points[c].y : 0
                let top = py(v)
                s +=
                    "<rect x=\"\(f(gx + barW * Double(k)))\" y=\"\(f(top))\" width=\"\(f(barW - 1))\" height=\"\(f(max(0, py(y.min) - top)))\" fill=\"\(se.color)\"><title>\(Format.html(se.name)), \(Format.html(cat)): \(DutchNumber.decimal(v, digits: 1))</title></rect>"
            }
            s +=
                "<text x=\"\(f(margin.left + groupW * (Double(c) + 0.5)))\" y=\"\(f(margin.top + plotH + 16))\" text-anchor=\"middle\" class=\"tick\">\(Format.html(cat))</text>"
        }
        return s + "</svg>" + legend(series.map { ($0.name, $0.color, false) })
    }

    private static func svgOpen(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Format.html(label))\" class=\"chart\">"
    }

    private static func grid(x: Axis, y: Axis, px: (Double) -> Double, py: (Double) -> Double, plotW: Double, plotH: Double) -> String {
        var s = ""
        for t in y.ticks {
            s +=
                "<line x1=\"\(f(margin.left))\" x2=\"\(f(margin.left + plotW))\" y1=\"\(f(py(t.value)))\" y2=\"\(f(py(t.value)))\" stroke=\"#ddd\"/>"
            s +=
                "<text x=\"\(f(margin.left - 6))\" y=\"\(f(py(t.value) + 4))\" text-anchor=\"end\" class=\"tick\">\(Format.html(t.label))</text>"
        }
        for t in x.ticks {
            s +=
                "<line x1=\"\(f(px(t.value)))\" x2=\"\(f(px(t.value)))\" y1=\"\(f(margin.top + plotH))\" y2=\"\(f(margin.top + plotH + 4))\" stroke=\"#666\"/>"
            s +=
                "<text x=\"\(f(px(t.value)))\" y=\"\(f(margin.top + plotH + 16))\" text-anchor=\"middle\" class=\"tick\">\(Format.html(t.label))</text>"
        }
        s +=
            "<line x1=\"\(f(margin.left))\" x2=\"\(f(margin.left + plotW))\" y1=\"\(f(margin.top + plotH))\" y2=\"\(f(margin.top + plotH))\" stroke=\"#666\"/>"
        s +=
            "<line x1=\"\(f(margin.left))\" x2=\"\(f(margin.left))\" y1=\"\(f(margin.top))\" y2=\"\(f(margin.top + plotH))\" stroke=\"#666\"/>"
        s +=
            "<text transform=\"translate(14 \(f(margin.top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" class=\"axis\">\(Format.html(y.title))</text>"
        s +=
            "<text x=\"\(f(margin.left + plotW / 2))\" y=\"\(f(margin.top + plotH + 32))\" text-anchor=\"middle\" class=\"axis\">\(Format.html(x.title))</text>"
        return s
    }

    /// The legend as HTML below the chart, so that long scenario names wrap instead of being cut off.
    private static func legend(_ items: [(String, String, Bool)]) -> String {
        var s = "<div class=\"legend\">"
        for (name, color, dashed) in items {
            s +=
                "<span><svg width=\"22\" height=\"10\" aria-hidden=\"true\"><line x1=\"1\" x2=\"21\" y1=\"5\" y2=\"5\" stroke=\"\(color)\" stroke-width=\"\(dashed ? 2 : 5)\"\(dashed ? " stroke-dasharray=\"4 3\"" : "")/></svg>\(Format.html(name))</span>"
        }
        return s + "</div>"
    }

    /// Evenly spaced "nice" ticks from 0 to at least `maxValue`.
    static func niceAxis(max maxValue: Double, title: String, format: (Double) -> String, count: Int = 5) -> Axis {
        let raw = max(maxValue, 1e-9) / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let top = step * ceil(max(maxValue, 1e-9) / step)
        let ticks = stride(from: 0.0, through: top + step / 2, by: step).map { ($0, format($0)) }
        return Axis(min: 0, max: top, ticks: ticks, title: title)
    }

    /// "Nice" ticks around the values, not from 0: an axis on which differences between variants show.
    static func niceRange(_ values: [Double], title: String, format: (Double) -> String, count: Int = 5) -> Axis {
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
