import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InstroomDomain
import InstroomTesting
import Ledger
import NIOCore
import NIOFoundationCompat
import Testing

@testable import WebApp

/// The main flows over HTTP, as each role uses them.
@Suite struct FlowTests {
    static let escapedHostile = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;"

    @Test func commissieDecidesAnEscalationAndTheAuditNamesTheLoggedInUser() async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            #expect(try await browser.login("commissielid", TestWorld.password).headers[.location] == "/commissie")
            let agenda = String(buffer: try await browser.get("/commissie").body)
            #expect(agenda.contains("Betwist door een triagedeskundige"))
            #expect(agenda.contains("/commissie/escalaties/\(world.openEscalation)"))
            let dossier = try await browser.get("/commissie/escalaties/\(world.openEscalation)")
            #expect(dossier.status == .ok)
            let page = String(buffer: dossier.body)
            #expect(page.contains("Scores per RO") && page.contains("Besluit vastleggen"))
            #expect(page.contains("Betwist door een triagedeskundige") && page.contains("Betwist: " + Self.escapedHostile))
            let target = try world.ledger.currentAssignments([TestWorld.hostileCase])[TestWorld.hostileCase]?.ro == .RN ? "SVG" : "RN"
            let empty = try await browser.post(
                "/commissie/escalaties/\(world.openEscalation)/besluit",
                form: ["besluit": "verplaatsen", "ro": target]
            )
            #expect(empty.status == .badRequest)
            #expect(String(buffer: empty.body).contains("Vul het veld ‘Motivering’ in"))
            let decided = try await browser.post(
                "/commissie/escalaties/\(world.openEscalation)/besluit",
                form: ["besluit": "verplaatsen", "ro": target, "motivering": "Expertise " + TestWorld.hostile]
            )
            #expect(decided.status == .seeOther)
            let after = String(buffer: try await browser.get(decided.headers[.location] ?? "").body)
            #expect(after.contains("Het besluit is vastgelegd"))
            #expect(!after.contains("Besluit vastleggen"))
            let current = try world.ledger.currentAssignments([TestWorld.hostileCase])[TestWorld.hostileCase]
            #expect(current?.ro.rawValue == target && current?.final == true)
            let decision = try world.ledger.audit(caseId: TestWorld.hostileCase).last { $0.action == .decide }
            #expect(decision?.actor == "Commissielid " + TestWorld.hostile)
            let report = try await browser.get("/commissie/rapport?periode=2026")
            #expect(report.status == .ok && String(buffer: report.body).contains("<html"))
            #expect(try await browser.get("/commissie/rapport?periode=gisteren").status == .badRequest)
        }
    }

    @Test func triagistScoresAnIntakeAndLooksUpACase() async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("triagist", TestWorld.password)
            _ = try await browser.get("/triage")
            let bad = "id;kind;received\r\nA1;advies;02-03-2026\r\nA2;onbekend;31-02-2026\r\n"
            let refused = try await browser.postMultipart("/triage/intake", fields: [:], file: ("bestand", "dag.csv", bad))
            #expect(refused.status == .unprocessableContent)
            let text = String(buffer: refused.body)
            #expect(text.contains("Regel 3, veld ‘kind’") && text.contains("er is niets gescoord of opgeslagen"))
            // The reader's own words in Dutch too, not the command line's English.
            #expect(text.contains("onbekende waarde ‘onbekend’; verwacht een van: vi, advies, toezicht"), "\(text)")
            #expect(text.contains("‘31-02-2026’ is geen datum") && !text.contains("expected"), "\(text)")
            let counts = try world.ledger.counts()
            let sample = try String(
                contentsOf: Fixtures.packageRoot.appendingPathComponent("Sources/IntakeFormats/Resources/sample-intake.csv"),
                encoding: .utf8
            )
            let scored = try await browser.postMultipart("/triage/intake", fields: [:], file: ("bestand", "sample-intake.csv", sample))
            #expect(scored.status == .ok)
            #expect(String(buffer: scored.body).contains("Er is niets opgeslagen."))
            #expect(try world.ledger.counts() == counts)
            let found = try await browser.get("/zaken?id=" + Browser.encode(TestWorld.hostileCase))
            #expect(found.status == .seeOther)
            let casePage = try await browser.get(found.headers[.location] ?? "")
            #expect(casePage.status == .ok)
            let body = String(buffer: casePage.body)
            #expect(body.contains("Waarom deze RO") || body.contains("wacht op capaciteit"))
            #expect(body.contains(Self.escapedHostile))
            #expect(try await browser.get("/zaken/bestaat-niet").status == .notFound)
        }
    }

    @Test func directieSeesSharesAndComparesScenariosInTheBackground() async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("directie", TestWorld.password)
            let overview = String(buffer: try await browser.get("/directie").body)
            #expect(overview.contains("<svg") && overview.contains("2026-03-02"))
            let list = String(buffer: try await browser.get("/directie/scenarios").body)
            #expect(list.contains("Smalle harde bandbreedtes"))
            let started = try await browser.post("/directie/scenarios", form: ["scenario-narrow-bands.yaml": "1"])
            #expect(started.status == .seeOther)
            let jobPath = try #require(started.headers[.location])
            var page = ""
            for _ in 0..<600 {
                page = String(buffer: try await browser.get(jobPath).body)
                if !page.contains("http-equiv=\"refresh\"") { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(page.contains("Klaar.") && page.contains("Vergelijking met het basisscenario"))
            #expect(
                page.contains("Verschil met het basisscenario, in zaken en punten")
                    && page.contains("<th>Zaken bij de best passende RO</th>")
            )
            let json = try await browser.get(jobPath + "/rapport.json")
            #expect(json.status == .ok)
            let comparison = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any]
            #expect((comparison?["scenarios"] as? [Any])?.count == 2)
            #expect(try await browser.get(jobPath + "/rapport.html").status == .ok)
            #expect(try await browser.get("/directie/scenarios/999").status == .notFound)
        }
    }

    @Test func beheerderManagesAccountsAndActivatesAWegingskaderAfterItsCheck() async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("beheerder", TestWorld.password)
            _ = try await browser.get("/beheer")
            let added = try await browser.post(
                "/beheer/gebruikers",
                form: [
                    "login": "piet", "naam": "Piet de Boer", "rol": "directie",
                    "wachtwoord": "een lang wachtwoord",
                ]
            )
            #expect(added.status == .ok && String(buffer: added.body).contains("Account ‘piet’ aangemaakt"))
            let short = try await browser.post(
                "/beheer/gebruikers",
                form: ["login": "kort", "naam": "Kort", "rol": "directie", "wachtwoord": "kort"]
            )
            #expect(short.status == .badRequest)
            let piet = try #require(try world.ledger.user(login: "piet"))
            _ = try await browser.post("/beheer/gebruikers/\(piet.id!)", form: ["rol": "triagist"])
            #expect(try world.ledger.user(login: "piet")?.role == .triagist && world.ledger.user(login: "piet")?.active == false)
            let self_ = try #require(try world.ledger.user(login: "beheerder"))
            #expect(
                try await browser.post("/beheer/gebruikers/\(self_.id!)", form: ["rol": "directie", "actief": "1"]).status == .badRequest
            )

            _ = try await browser.get("/beheer/wegingskader")
            let broken = try await browser.postMultipart(
                "/beheer/wegingskader/controle",
                fields: ["tekst": "version: x\ntitle: y\nfoo: 1\n"],
                file: nil
            )
            #expect(broken.status == .unprocessableContent)
            #expect(String(buffer: broken.body).contains("Regel"))
            let bundled = try String(
                contentsOf: Fixtures.packageRoot.appendingPathComponent("Sources/Wegingskader/Resources/wegingskader.yaml"),
                encoding: .utf8
            )
            let proposed = bundled.replacingOccurrences(
                of: #"(?m)^version: .*$"#,
                with: "version: \"2099-web\"",
                options: .regularExpression
            )
            let checked = try await browser.postMultipart(
                "/beheer/wegingskader/controle",
                fields: [:],
                file: ("bestand", "nieuw.yaml", proposed)
            )
            #expect(checked.status == .ok)
            let page = String(buffer: checked.body)
            #expect(page.contains("Controle van versie 2099-web") && page.contains("Deze versie activeren"))
            let hash = try #require(
                page.range(of: #"name="hash" value="[0-9a-f]+""#, options: .regularExpression).map {
                    String(page[$0].dropFirst(19).dropLast())
                }
            )
            #expect(
                try await browser.post("/beheer/wegingskader/activeren", form: ["tekst": proposed + "\n# changed", "hash": hash]).status
                    == .badRequest
            )
            let activated = try await browser.post(
                "/beheer/wegingskader/activeren",
                form: ["tekst": proposed.replacingOccurrences(of: "\n", with: "\r\n"), "hash": hash]
            )
            #expect(activated.status == .seeOther)
            let active = try world.ledger.ruleActivations().last
            #expect(active?.version == "2099-web" && active?.activatedBy == "Beheerder " + TestWorld.hostile)
            #expect(String(buffer: try await browser.get("/beheer/wegingskader").body).contains("2099-web"))
            #expect(try await browser.get("/beheer/instellingen").status == .ok)
        }
    }
}
