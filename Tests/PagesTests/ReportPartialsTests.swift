import Foundation
import Pages
import Testing

/// The partials the standalone reports share: a chart and a table whose labels and cells come back
/// escaped, emphasis only where the content type asks for it.
@Suite struct ReportPartialsTests {
    static let hostile = #"<script>alert("x")</script>'&"#
    static let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;"

    @Test func aTableEscapesTitlesLabelsAndCellsAndKeepsItsEmphasis() throws {
        let table = ReportTable(
            columns: [.init(title: Self.hostile, swatch: "#123456"), .init(title: "B")],
            rows: [
                .init(
                    label: RichText.strong(Self.hostile) + " rest",
                    cells: [.init(RichText.lines([RichText.bad(Self.hostile), "tweede"])), .init("1.234", number: true)]
                )
            ]
        )
        let html = try PageRenderer().render("report-table", table)
        #expect(!html.contains("<script>"))
        #expect(html.contains("<th><span class=\"swatch\" style=\"background:#123456\"></span>\(Self.escaped)</th><th>B</th>"))
        #expect(html.contains("<tr><th><strong>\(Self.escaped)</strong> rest</th>"))
        #expect(html.contains("<td><span class=\"bad\">\(Self.escaped)</span><br>tweede</td><td class=\"num\">1.234</td></tr>"))
    }

    @Test func aChartEscapesItsLabelsAndDrawsEverySeries() throws {
        let chart = Chart.line(
            series: [
                .init(name: Self.hostile, color: "#c0392b", points: [(0, 1), (1, 2)], markers: true),
                .init(name: "b", color: "#7f8c8d", points: [(0, 2), (1, 1)], dashed: true),
            ],
            bands: [.init(color: "#1f77b4", min: 0.5, max: 1.5, label: "band " + Self.hostile)],
            x: .init(min: 0, max: 1, ticks: [(0, "jan"), (1, Self.hostile)], title: "x " + Self.hostile),
            y: Chart.niceAxis(max: 2, title: "y", format: { "\($0)" }),
            reference: (1, "ref " + Self.hostile),
            label: "grafiek " + Self.hostile
        )
        let html = try PageRenderer().render("report-figure", ReportFigure(caption: Self.hostile, chart: chart))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<figcaption>\(Self.escaped)</figcaption>"))
        #expect(html.contains("aria-label=\"grafiek \(Self.escaped)\""))
        #expect(html.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(html.components(separatedBy: "<circle").count - 1 == 2, "markers only for the series that asks")
        #expect(html.contains("stroke-dasharray=\"6 4\""))
        #expect(html.contains("<title>band \(Self.escaped)</title>"))
        #expect(html.contains("class=\"small\">ref \(Self.escaped)</text>"))
        #expect(html.contains("rotate(-90)"))
        #expect(
            html.contains(##"<line x1="64.0" x2="624.0" y1="131.0" y2="131.0" stroke="#333" stroke-width="1.2" stroke-dasharray="6 3"/>"##),
            "the reference line at y = 1 of 0...2"
        )
        #expect(!html.contains("stroke-width=\"640\""), "a missing attribute does not pick up the chart's width")
        #expect(html.contains("</svg><div class=\"legend\">"))
    }
}
