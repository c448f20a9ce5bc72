import Foundation
import InstroomDomain
import InstroomTesting
import Testing

@testable import Simulation

/// The simulation and sweep reports rendered through the Pages templates: hostile scenario text comes
/// back escaped, the whole page renders, and it carries a print stylesheet.
@Suite(.serialized) struct ReportPageTests {
    static let hostile = "<script>alert(\"x\")</script> & 'y'"
    static let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"

    static func hostileScenario() throws -> Scenario {
        var s = try smallScenario().setting("bands.SVG.max", to: 0.2)
        s.title = "Titel " + hostile
        s.name = "naam-" + hostile
        s.description = "Beschrijving " + hostile
        s.assumptions = ["Aanname " + hostile]
        return s
    }

    @Test func simulationReportEscapesScenarioTextAndPrints() throws {
        let base = try simulate(try smallScenario())
        let hostile = try Simulator.run(try Self.hostileScenario(), basis: try IntakeBasis.make(for: try smallScenario()))
        let c = Comparison(scenarios: [base, hostile])
        let html = try SimulationReport.html(c)
        #expect(!html.contains("<script"))
        for text in ["Titel ", "naam-", "Beschrijving ", "Aanname "] {
            #expect(html.contains(text + Self.escaped), "\(text)")
        }
        #expect(html.contains("<span class=\"swatch\" style=\"background:#c0392b\"></span>Titel \(Self.escaped)</th>"))
        #expect(html.contains("aria-label=\"Aandeel per RO, Titel \(Self.escaped)\""), "chart labels are escaped too")
        #expect(html.contains("<h2>Verschil met "))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">") && html.hasSuffix("</html>\n"))
        #expect(html.contains("@media print"))
        #expect(html.contains("<h2>Werkwijze</h2>"))
        #expect(!html.contains("{{"))
        // Every chart the old report had: 2 per scenario (share, use), the histogram, the causes, escalations per month.
        #expect(html.components(separatedBy: "<svg xmlns").count - 1 == 2 * 2 + 3)
    }

    /// The bundled scenarios compared all at once each get a colour of their own in the tables and charts.
    @Test func everyBundledScenarioHasAColourOfItsOwn() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 10)
        #expect(Set(files.indices.map(SimulationReport.scenarioColor)).count == files.count)
    }

    @Test func sweepReportEscapesScenarioTextAndPrints() throws {
        let s = try Self.hostileScenario()
        let sweep = ParameterSweep(
            scenario: s,
            axes: [try SweepAxis.parse("bands.SVG.max=0.2;0.3;2")],
            basis: try IntakeBasis.make(for: s)
        )
        let html = try SweepReport.html(sweep.run())
        #expect(!html.contains("<script"))
        #expect(html.contains("<h1>Bandbreedtes verkend: Titel \(Self.escaped)</h1>"))
        #expect(html.contains("<span class=\"code\">naam-\(Self.escaped)</span>"))
        #expect(html.contains("Gevarieerd: <code>bands.SVG.max</code> (0,2; 0,3; 2)."))
        #expect(html.contains("<td colspan=\"12\" class=\"bad\">ongeldige variant: "))
        #expect(html.components(separatedBy: "<tr><td class=\"num\">").count - 1 == 3, "one row per variant")
        #expect(html.components(separatedBy: "<svg xmlns").count - 1 == 2)
        #expect(html.contains("@media print"))
        #expect(!html.contains("{{"))
    }
}
