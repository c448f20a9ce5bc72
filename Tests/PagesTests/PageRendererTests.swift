import InstroomDomain
import Pages
import Testing

@Suite struct PageRendererTests {
    struct Content {
        var message: String
        var details: [String]
        var back: String
        var backLabel: String
    }

    @Test func everyBundledTemplateParsesAndTheLayoutEscapes() throws {
        let pages = try PageRenderer()
        let hostile = #"<script>alert("x")</script>'&"#
        let frame = PageFrame(
            title: "Titel " + hostile,
            user: .init(name: hostile, role: "Directie"),
            nav: [.init(label: "Scenario's", href: "/directie/scenarios", current: true), .init(label: "Later", href: "/x", later: true)],
            csrf: "abc",
            notice: hostile
        )
        let html = try pages.page(
            "error",
            frame: frame,
            content: Content(message: hostile, details: [hostile], back: "/", backLabel: "Terug")
        )
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;"))
        #expect(html.contains(#"<a href="/directie/scenarios" aria-current="page">Scenario&#39;s</a>"#))
        #expect(html.contains("Later (volgt)") && !html.contains(#"href="/x""#))
        #expect(html.contains(#"name="csrf" value="abc""#))
        #expect(html.contains("<html lang=\"nl\">"))
    }

    @Test func anonymousPagesHaveNoMenu() throws {
        let html = try PageRenderer().page(
            "error",
            frame: PageFrame(title: "Inloggen"),
            content: Content(message: "x", details: [], back: "/", backLabel: "b")
        )
        #expect(!html.contains("Uitloggen") && !html.contains("Hoofdmenu"))
        #expect(!html.contains("<ul></ul>"))
    }

    @Test func assetsAreOnlyTheStylesheetAndTheScript() {
        #expect(PageRenderer.asset("app.css") != nil && PageRenderer.asset("app.js") != nil)
        #expect(PageRenderer.asset("layout.mustache") == nil && PageRenderer.asset("../Templates/app.css") == nil)
    }

    @Test func shareChartMarksSharesOutsideTheirBand() throws {
        let chart = ShareChart([
            .init(label: "SVG", share: 0.3, band: Bandwidth(min: 0.2, max: 0.4, mode: .soft)),
            .init(label: "LJ&R", share: 0.05, band: Bandwidth(min: 0.1, max: 0.3, mode: .hard)),
        ])
        #expect(chart.bars.map(\.within) == [true, false])
        #expect(chart.bars[0].shareText == "30,0%" && chart.bars[1].bandText == "band 10%–30% (hard)")
        #expect(chart.bars[0].bandX < chart.bars[0].bandX + chart.bars[0].bandWidth)
        #expect(chart.summary.contains("LJ&R: 5,0% (band 10%–30%, buiten de band)"))
        let svg = try PageRenderer().render("share-chart", chart)
        #expect(svg.contains("LJ&amp;R") && svg.contains("buiten de band") && svg.hasPrefix("<svg"))
    }
}
