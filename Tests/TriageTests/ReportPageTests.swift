import Foundation
import InstroomDomain
import InstroomTesting
import IntakeFormats
import Ledger
import Testing
import Triage
import Wegingskader

/// The standalone reports rendered through the Pages templates: hostile text comes back escaped, the
/// templates render whole pages, and each page carries a print stylesheet.
struct ReportPageTests {
    static let hostile = "<script>alert(\"x\")</script> & 'y'"
    static let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"

    @Test("the wegingskader table is Dutch, standalone, printable and escapes rule text")
    func ruleTable() throws {
        let rules = try RuleSet.parse(
            """
            version: "x<1>"
            title: Regels & "uitzonderingen"
            weightRange: {min: -10, max: 10}
            base: {SVG: 1, RN: 1, LJR: 1}
            criteria:
              - {id: a, label: "<script>alert(1)</script>", axis: delict, when: {offence: zeden}, weights: {RN: 1}, rationale: "A & B"}
            """,
            file: "html.yaml"
        )
        let page = try RuleSetTable.html(rules)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>"))
        #expect(page.contains("<title>Regels &amp; &quot;uitzonderingen&quot; x&lt;1&gt;</title>"))
        #expect(page.contains("<h1>Regels &amp; &quot;uitzonderingen&quot;</h1>"))
        #expect(page.contains("<th>toelichting</th>"))
        #expect(page.contains("<tr class=\"s\"><th colspan=\"7\">Criteria</th></tr>"))
        #expect(page.contains("<td class=\"w\">+1</td>"))
        #expect(page.contains("@media print"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(!page.contains("http"), "a standalone page loads nothing")
    }

    @Test("the commissie report escapes case ids, reasons, names and rationales, and prints")
    func commissieReport() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let config = CommissieTests.tightConfig()
        let intake = try IntakeReader.read(contentsOf: SampleIntake.url).enumerated().map { i, c in
            var c = c
            c.id = "\(Self.hostile)-\(i)"
            return c
        }
        let day = try DailyRun(ledger: ledger, rules: Fixtures.rules(), config: config).allocate(intake: intake, day: Fixtures.monday)
        let commissie = Commissie(ledger: ledger, config: config)
        let contested = try #require(day.waiting.first)
        _ = try commissie.contest(caseId: contested, reason: Self.hostile, by: Self.hostile, on: Fixtures.monday)
        let open = try commissie.list(openOnly: true, on: Fixtures.monday).escalations
        let first = try #require(open.first)
        _ = try commissie.decide(escalationId: first.id, moveTo: nil, rationale: Self.hostile, by: Self.hostile)

        let report = try CommissieReport.build(commissie, from: Fixtures.monday, to: Fixtures.monday, asOf: Fixtures.monday)
        let html = try report.html(generatedAt: Self.hostile)
        #expect(!html.contains("<script>"))
        #expect(html.contains("<code>\(Self.escaped)-"), "a hostile case id is escaped")
        #expect(html.contains("<td class=\"why\">\(Self.escaped)</td>"), "the rationale is escaped")
        #expect(html.contains("<td>\(Self.escaped)</td>"), "the commissielid's name is escaped")
        #expect(html.contains("gemaakt \(Self.escaped)</p>"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(html.contains("<h2>Besluiten</h2>") && html.contains("<h2>Escalaties per reden</h2>"))
        #expect(html.contains("<th class=\"n\">LJ&amp;R</th>"))
        #expect(html.contains("@media print") && html.contains("size:A4"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("{{") && !html.contains("http"))
    }
}
