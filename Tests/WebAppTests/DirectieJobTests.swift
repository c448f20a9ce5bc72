import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InstroomDomain
import NIOCore
import NIOFoundationCompat
import Testing

@testable import WebApp

/// The directie's own scenario (uploaded, checked before anything runs) and sweeps from the web, as
/// background jobs on the server's queue; the test world's baseline has 3 working days of 15 cases.
@Suite struct DirectieJobTests {
    static let hostileTitle = "Eigen " + TestWorld.hostile
    /// The hostile title in single-quoted YAML (a quote is doubled).
    static let ownScenario = """
        # Het basisscenario met een eigen titel.
        extends: baseline.yaml
        name: eigen
        title: '\(hostileTitle.replacingOccurrences(of: "'", with: "''"))'
        description: Een eigen scenario van de directie.
        """

    /// A fresh world and web app on a loopback port, and a browser signed in as the directie.
    static func asDirectie(_ body: @escaping @Sendable (inout Browser) async throws -> Void) async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("directie", TestWorld.password)
            try await body(&browser)
        }
    }

    /// Polls the job page until it no longer refreshes itself; returns the last page.
    static func awaitJob(_ browser: inout Browser, _ path: String) async throws -> String {
        var page = ""
        for _ in 0..<600 {
            page = String(buffer: try await browser.get(path).body)
            if !page.contains("http-equiv=\"refresh\"") { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        return page
    }

    @Test func anUploadedScenarioIsComparedWithTheBaselineAndItsTitleComesBackEscaped() async throws {
        try await Self.asDirectie { browser in
            let list = String(buffer: try await browser.get("/directie/scenarios").body)
            #expect(list.contains("enctype=\"multipart/form-data\"") && list.contains("name=\"eigen-scenario\""))
            let started = try await browser.postMultipart(
                "/directie/scenarios",
                fields: [:],
                file: ("eigen-scenario", "mijn<b>scenario</b>.yaml", Self.ownScenario)
            )
            #expect(started.status == .seeOther)
            let jobPath = try #require(started.headers[.location])
            let page = try await Self.awaitJob(&browser, jobPath)
            #expect(page.contains("Klaar.") && page.contains("Vergelijking met het basisscenario"))
            #expect(page.contains("Eigen " + FlowTests.escapedHostile) && !page.contains(TestWorld.hostile))
            #expect(page.contains("mijn&lt;b&gt;scenario&lt;/b&gt;.yaml (eigen)"))
            let report = try await browser.get(jobPath + "/rapport.html")
            let html = String(buffer: report.body)
            #expect(report.status == .ok && html.contains("Eigen &lt;script&gt;") && !html.contains(TestWorld.hostile))
            let json = try await browser.get(jobPath + "/rapport.json")
            let comparison = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any]
            let scenarios = try #require(comparison?["scenarios"] as? [[String: Any]])
            #expect(scenarios.count == 2)
            #expect((scenarios.last?["scenario"] as? [String: Any])?["title"] as? String == Self.hostileTitle)
            let after = String(buffer: try await browser.get("/directie/scenarios").body)
            #expect(after.contains("‘Eigen " + FlowTests.escapedHostile + "’ (eigen)") && !after.contains(TestWorld.hostile))
        }
    }

    /// The price of deciding day by day from the web: with "terugblik" ticked, every scenario's year is
    /// also solved with hindsight, and the job page, the report and the JSON show the same ratio.
    @Test func aComparisonWithHindsightShowsThePriceOfDecidingDayByDay() async throws {
        try await Self.asDirectie { browser in
            let list = String(buffer: try await browser.get("/directie/scenarios").body)
            #expect(list.contains("name=\"terugblik\"") && !list.contains("name=\"terugblik\" value=\"1\" checked"))
            let started = try await browser.postMultipart(
                "/directie/scenarios",
                fields: ["scenario-narrow-bands.yaml": "1", "terugblik": "1"],
                file: nil
            )
            #expect(started.status == .seeOther)
            let jobPath = try #require(started.headers[.location])
            let page = try await Self.awaitJob(&browser, jobPath)
            #expect(page.contains("Klaar.") && page.contains("‘Basis: zachte bandbreedtes’, ‘Smalle harde bandbreedtes’ (met terugblik)"))
            #expect(page.contains("Bestanden: baseline.yaml, narrow-bands.yaml"))
            #expect(page.contains("<ul class=\"points\"><li><strong>Smalle harde bandbreedtes</strong>: "), "the differences in a sentence")
            #expect(page.contains("De prijs van dag voor dag beslissen") && page.contains("Verhouding waarde"))
            #expect(page.contains("</strong>: haalt dag voor dag "), "the hindsight's conclusion in a sentence")
            let json = try await browser.get(jobPath + "/rapport.json")
            let comparison = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any]
            let scenarios = try #require(comparison?["scenarios"] as? [[String: Any]])
            #expect(scenarios.count == 2)
            for scenario in scenarios {
                let hindsight = try #require(scenario["hindsight"] as? [String: Any])
                let ratio = try #require(hindsight["valueRatio"] as? Double)
                #expect(ratio > 0 && ratio <= 1 + 1e-9)
                #expect(page.contains(DutchNumber.percent(ratio, digits: 2)), "the page shows the JSON's ratio")
            }
            let report = String(buffer: try await browser.get(jobPath + "/rapport.html").body)
            #expect(report.contains("De prijs van dag voor dag beslissen"))
            let after = String(buffer: try await browser.get("/directie/scenarios").body)
            #expect(after.contains("‘Basis: zachte bandbreedtes’, ‘Smalle harde bandbreedtes’ (met terugblik)"))

            // Without the box: no hindsight, as before.
            let plain = try await browser.postMultipart("/directie/scenarios", fields: [:], file: nil)
            let plainPage = try await Self.awaitJob(&browser, try #require(plain.headers[.location]))
            #expect(plainPage.contains("Klaar.") && !plainPage.contains("De prijs van dag voor dag beslissen"))
        }
    }

    /// Jobs started together (two at a time where GLPK is thread-safe) give what each gives alone.
    @Test func jobsStartedTogetherGiveWhatEachGivesAlone() async throws {
        try await Self.asDirectie { browser in
            _ = try await browser.get("/directie/scenarios")
            let fields = ["scenario-narrow-bands.yaml": "1", "terugblik": "1"]
            var paths: [String] = []
            for _ in 0..<3 {
                let started = try await browser.postMultipart("/directie/scenarios", fields: fields, file: nil)
                paths.append(try #require(started.headers[.location]))
            }
            var results: [Data] = []
            for path in paths {
                #expect(try await Self.awaitJob(&browser, path).contains("Klaar."))
                results.append(Data(buffer: try await browser.get(path + "/rapport.json").body))
            }
            let alone = try await browser.postMultipart("/directie/scenarios", fields: fields, file: nil)
            let alonePath = try #require(alone.headers[.location])
            #expect(try await Self.awaitJob(&browser, alonePath).contains("Klaar."))
            let aloneResult = Data(buffer: try await browser.get(alonePath + "/rapport.json").body)
            #expect(!aloneResult.isEmpty && results.allSatisfy { $0 == aloneResult })
        }
    }

    @Test func aBrokenUploadIsRefusedWithItsLineAndFieldAndStartsNothing() async throws {
        try await Self.asDirectie { browser in
            _ = try await browser.get("/directie/scenarios")
            let cases: [(yaml: String, expected: String)] = [
                ("extends: baseline.yaml\ntitle: Fout\nkleur: rood\n", "Regel 3, veld ‘kleur’: onbekend veld; verwacht een van:"),
                ("extends: baseline.yaml\ntitle: [niet gesloten\n", "geen geldige YAML"),
                ("extends: /etc/passwd\n", "Regel 1, veld ‘extends’: een geüpload scenario kan alleen voortbouwen op"),
                ("extends: ../scenarios/baseline.yaml\n", "Regel 1, veld ‘extends’"),
                ("extends: baseline.yaml\nrules: /etc/hostname\n", "Regel 2, veld ‘rules’"),
                ("extends: baseline.yaml\nintake:\n  file: /etc/hostname\n", "Regel 3, veld ‘intake.file’"),
                ("extends: baseline.yaml\nseed: min één\n", "Regel 2, veld ‘seed’: verwacht een geheel getal, 0 of meer"),
                ("extends: baseline.yaml\nallocation:\n  bands:\n    SVG: {min: 0.5, max: 0.4}\n", "minimum 0,5 ligt boven maximum 0,4"),
                ("extends: baseline.yaml\nintake:\n  perDay: 50000\n", "Dat zijn 150.000 zaken"),
            ]
            for (yaml, expected) in cases {
                let answer = try await browser.postMultipart(
                    "/directie/scenarios",
                    fields: ["scenario-narrow-bands.yaml": "1"],
                    file: ("eigen-scenario", "fout.yaml", yaml)
                )
                let body = String(buffer: answer.body)
                #expect(answer.status == .unprocessableContent, "\(yaml)")
                #expect(body.contains("Het eigen scenario ‘fout.yaml’ bevat een fout; er is niets gestart."), "\(yaml)")
                #expect(body.contains("Fouten in het eigen scenario") && body.contains(expected), "\(yaml): \(body)")
                #expect(!body.contains("root:"), "\(yaml)")
                #expect(!body.contains("expected") && !body.contains("unknown"), "English in the Dutch page: \(body)")
            }
            let list = String(buffer: try await browser.get("/directie/scenarios").body)
            #expect(!list.contains("Berekeningen op deze server"))
            #expect(try await browser.get("/directie/scenarios/1").status == .notFound)
        }
    }

    @Test func aSmallSweepRunsInTheBackgroundWithItsReportAndJSON() async throws {
        try await Self.asDirectie { browser in
            let list = String(buffer: try await browser.get("/directie/scenarios").body)
            #expect(list.contains("action=\"/directie/varianten\"") && list.contains("<option value=\"bands.SVG.max\">"))
            let started = try await browser.post(
                "/directie/varianten",
                form: [
                    "variant-scenario": "baseline.yaml", "as1-instelling": "bands.SVG.min", "as1-van": "0,15", "as1-tot": "0,20",
                    "as1-stap": "0,05", "as2-instelling": "",
                ]
            )
            #expect(started.status == .seeOther)
            let jobPath = try #require(started.headers[.location])
            let page = try await Self.awaitJob(&browser, jobPath)
            #expect(page.contains("Variantenreeks") && page.contains("Klaar.") && page.contains("<h2>Varianten</h2>"))
            #expect(page.contains("bands.SVG.min = 0,15; 0,2"))
            #expect(page.contains("<td>bands.SVG.min = 0,15</td>") && page.contains("<td>bands.SVG.min = 0,2</td>"))
            let report = try await browser.get(jobPath + "/rapport.html")
            #expect(report.status == .ok && String(buffer: report.body).contains("bands.SVG.min"))
            let json = try await browser.get(jobPath + "/rapport.json")
            #expect(json.status == .ok && json.headers[.contentDisposition]?.contains("variantenreeks-") == true)
            let result = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any]
            let variants = try #require(result?["variants"] as? [[String: Any]])
            #expect(variants.count == 2)
            #expect(variants.compactMap { ($0["settings"] as? [String: Double])?["bands.SVG.min"] } == [0.15, 0.2])
            #expect(variants.allSatisfy { $0["totals"] != nil })
            // A variant the scenario cannot take (a minimum above the band's maximum) is shown as invalid, the rest still runs.
            let mixed = try await browser.post(
                "/directie/varianten",
                form: [
                    "variant-scenario": "baseline.yaml", "as1-instelling": "bands.SVG.min", "as1-van": "0,35", "as1-tot": "0,45",
                    "as1-stap": "0,1",
                ]
            )
            let mixedPage = try await Self.awaitJob(&browser, try #require(mixed.headers[.location]))
            #expect(mixedPage.contains("<td>bands.SVG.min = 0,45</td><td colspan=\"3\">Ongeldig: band SVG: minimum 45% ligt boven maximum"))
            #expect(mixedPage.contains("<td>bands.SVG.min = 0,35</td><td class=\"num\">"))
        }
    }

    @Test func aSweepFormWithBadFieldsIsRefusedFieldByFieldAndStartsNothing() async throws {
        try await Self.asDirectie { browser in
            _ = try await browser.get("/directie/scenarios")
            let cases: [([String: String], [String])] = [
                (
                    [
                        "variant-scenario": "../etc.yaml", "as1-instelling": "bands.SVG.min", "as1-van": "abc", "as1-tot": "",
                        "as1-stap": "0,05", "as2-instelling": "bands.SVG.min", "as2-van": "0", "as2-tot": "1", "as2-stap": "0,5",
                    ],
                    [
                        "Veld ‘Scenario’: kies een scenario uit de lijst.", "Veld ‘Van (instelling 1)’: ‘abc’ is geen getal",
                        "Veld ‘Tot en met (instelling 1)’: vul een getal in.",
                    ]
                ),
                (
                    [
                        "variant-scenario": "baseline.yaml", "as1-instelling": "bands.SVG.min", "as1-van": "0,3", "as1-tot": "0,1",
                        "as1-stap": "0",
                    ],
                    ["Veld ‘Stap (instelling 1)’: de stap moet groter zijn dan 0.", "‘Van’ mag niet groter zijn dan ‘Tot en met’"]
                ),
                (
                    [
                        "variant-scenario": "baseline.yaml", "as1-instelling": "bands.SVG.min", "as1-van": "0", "as1-tot": "0,5",
                        "as1-stap": "0,05", "as2-instelling": "bands.RN.max", "as2-van": "0,5", "as2-tot": "1", "as2-stap": "0,1",
                    ],
                    ["Dat zijn 66 varianten", "hoogstens 50"]
                ),
                (
                    ["variant-scenario": "baseline.yaml", "as1-instelling": "<script>", "as1-van": "0", "as1-tot": "1", "as1-stap": "1"],
                    ["Veld ‘Instelling 1’: ‘&lt;script&gt;’ is geen instelling die kan variëren."]
                ),
                (["variant-scenario": "baseline.yaml", "as1-instelling": ""], ["Veld ‘Instelling 1’: kies de instelling die varieert."]),
                (
                    [
                        "variant-scenario": "baseline.yaml", "as1-instelling": "intake.perDay", "as1-van": "0", "as1-tot": "1e300",
                        "as1-stap": "1e299",
                    ],
                    ["Veld ‘Tot en met (instelling 1)’: kies een getal tussen −1.000.000 en 1.000.000."]
                ),
                (
                    [
                        "variant-scenario": "baseline.yaml", "as1-instelling": "intake.perDay", "as1-van": "0", "as1-tot": "1000000",
                        "as1-stap": "500000",
                    ],
                    ["Instelling intake.perDay: Dat zijn 3.000.000 zaken", "hoogstens 100.000 per scenario"]
                ),
            ]
            for (form, expected) in cases {
                let answer = try await browser.post("/directie/varianten", form: form)
                let body = String(buffer: answer.body)
                #expect(answer.status == .unprocessableContent, "\(form)")
                #expect(body.contains("De variantenreeks kan zo niet worden gestart; er is niets gestart."), "\(form)")
                for text in expected { #expect(body.contains(text), "\(form): \(text)") }
                #expect(!body.contains("<script>"), "\(form)")
            }
            #expect(!String(buffer: try await browser.get("/directie/scenarios").body).contains("Berekeningen op deze server"))
        }
    }
}
