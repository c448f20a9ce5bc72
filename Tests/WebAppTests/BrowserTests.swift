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

/// Real headless Chromium through chromedriver: logs in and walks the commissie, directie, beheer and
/// triage pages (the triagist proposes a day, deviates from one case with a reason and confirms), writes a screenshot of each, and fails on any page that shows an error. The screenshots go
/// to a temporary folder; `INSTROOM_SCREENSHOTS=docs/screenshots scripts/test` refreshes the README's.
@Suite(.serialized) struct BrowserTests {
    static let errorTitles = ["Er ging iets mis", "Dat lukte niet", "Niet gevonden", "Te veel pogingen"]
    static let screenshots: URL = {
        if let folder = ProcessInfo.processInfo.environment["INSTROOM_SCREENSHOTS"] {
            return URL(fileURLWithPath: folder, relativeTo: Fixtures.packageRoot)
        }
        return Fixtures.temporaryFolder()
    }()

    func visit(_ driver: WebDriver, _ port: Int, _ path: String?, shot: String) async throws {
        if let path { try await driver.open("http://127.0.0.1:\(port)\(path)") }
        let title =
            try await driver.script("return document.querySelector('h1') ? document.querySelector('h1').textContent : ''") as? String ?? ""
        let alert =
            try await driver.script("var a = document.querySelector('[role=alert]'); return a ? a.textContent : ''") as? String ?? ""
        #expect(!Self.errorTitles.contains(title), "\(shot): the page shows an error: \(title) \(alert)")
        #expect(alert.isEmpty, "\(shot): \(alert)")
        try await driver.screenshot(to: Self.screenshots.appendingPathComponent(shot + ".png"))
    }

    func login(_ driver: WebDriver, _ port: Int, _ login: String) async throws {
        try await driver.open("http://127.0.0.1:\(port)/inloggen")
        try await driver.type("#login", login)
        try await driver.type("#password", TestWorld.password)
        try await driver.click("button[type=submit]")
    }

    func logout(_ driver: WebDriver) async throws { try await driver.click("header form button[type=submit]") }

    @Test(
        .enabled(
            if: WebDriver.available,
            "chromium and chromedriver are not installed (scripts/ensure-deps chromium chromium-driver installs them)"
        )
    )
    func walkThePagesInChromium() async throws {
        let world = try TestWorld.make(friendly: true)
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let driver = try WebDriver()
            do {
                try await driver.start()
                try await driver.open("http://127.0.0.1:\(port)/inloggen")
                try await visit(driver, port, nil, shot: "01-inloggen")

                try await login(driver, port, "commissielid")
                try await visit(driver, port, nil, shot: "02-commissie-agenda")
                try await visit(driver, port, "/commissie/escalaties/\(world.openEscalation)", shot: "03-commissie-dossier")
                try await driver.click("#besluit-bevestigen")
                try await driver.type("#motivering", "De problematiek past bij de voorlopige RO.")
                try await driver.click("form[action$='/besluit'] button[type=submit]")
                try await visit(driver, port, nil, shot: "04-commissie-besluit")
                #expect(try world.ledger.escalation(id: world.openEscalation)?.status == .decided)
                try await visit(driver, port, CaseText.href(TestWorld.friendlyCase), shot: "05-zaak")
                try await logout(driver)

                try await login(driver, port, "directie")
                try await visit(driver, port, nil, shot: "06-directie-aandelen")
                try await visit(driver, port, "/directie/scenarios", shot: "07-directie-scenarios")
                try await driver.click("#terugblik")
                try await driver.click("form[action='/directie/scenarios'] button[type=submit]")
                var finished = false
                for _ in 0..<300 where !finished {
                    try await Task.sleep(for: .milliseconds(500))
                    finished = (try await driver.script("return document.body.textContent.indexOf('Klaar.') >= 0") as? Bool) == true
                }
                #expect(finished)
                let priceShown = try await driver.script(
                    "return document.body.textContent.indexOf('De prijs van dag voor dag beslissen') >= 0"
                )
                #expect(priceShown as? Bool == true, "the hindsight table, with the box ticked")
                try await visit(driver, port, nil, shot: "08-directie-vergelijking")
                try await logout(driver)

                try await login(driver, port, "beheerder")
                try await visit(driver, port, nil, shot: "09-beheer-gebruikers")
                try await visit(driver, port, "/beheer/wegingskader", shot: "10-beheer-wegingskader")
                try await visit(driver, port, "/beheer/instellingen", shot: "11-beheer-instellingen")
                try await logout(driver)

                try await login(driver, port, "triagist")
                try await visit(driver, port, nil, shot: "12-triage-intake")
                let sample = Fixtures.packageRoot.appendingPathComponent("Sources/IntakeFormats/Resources/sample-intake.csv").path
                try await driver.type("#bestand", sample)
                try await driver.click("#alleen-scoren")
                try await visit(driver, port, nil, shot: "13-triage-scores")
                // A faulty export: every error with its line and field, in Dutch, and nothing stored.
                let faulty = Fixtures.temporaryFolder().appendingPathComponent("export-met-fouten.csv")
                try "id;kind;received;age;weight\r\nA1;advies;02-03-2026;17;1\r\nA2;onbekend;31-02-2026;9;abc\r\nA1;vi;02-03-2026;;\r\n"
                    .write(to: faulty, atomically: true, encoding: .utf8)
                try await driver.open("http://127.0.0.1:\(port)/triage")
                try await driver.type("#bestand", faulty.path)
                try await driver.click("#alleen-scoren")
                let errors = try await driver.text(containing: "onbekende waarde")
                #expect(errors.contains("onbekende waarde ‘onbekend’") && errors.contains("is geen datum"), "\(errors)")
                #expect(errors.contains("leeftijd 9 ligt buiten") && errors.contains("id ‘A1’ komt twee keer voor"), "\(errors)")
                #expect(!errors.contains("expected"), "\(errors)")
                try await driver.screenshot(to: Self.screenshots.appendingPathComponent("13b-triage-fouten.png"))

                // The day in two steps: upload and propose, deviate from one case with a reason, confirm.
                let day = ProposalFlowTests.tuesday
                let intake = Fixtures.temporaryFolder().appendingPathComponent("intake-\(day).csv")
                try ProposalFlowTests.intakeCSV().write(to: intake, atomically: true, encoding: .utf8)
                try await driver.open("http://127.0.0.1:\(port)/triage")
                try await driver.type("#bestand", intake.path)
                try await driver.click("#voorstel-maken")
                try await visit(driver, port, nil, shot: "14-triage-voorstel")
                #expect(try world.ledger.proposal(day: day) != nil)
                let caseId = try #require(
                    try await driver.script("return document.querySelector('table.review tbody tr a').textContent") as? String
                )
                try await driver.click("table.review tbody tr details summary")
                _ = try await driver.script("document.getElementById('kop-review').scrollIntoView()")
                try await visit(driver, port, nil, shot: "15-triage-reviewlijst")
                try await driver.type("#reden-afwijken-1", "Cliënt woont in de regio van dit team; het netwerk is daar.")
                try await driver.click("table.review tbody tr form[action$='/afwijken'] button[type=submit]")
                try await visit(driver, port, nil, shot: "16-triage-afgeweken")
                #expect(try world.ledger.proposal(day: day)?.content.overrides[caseId]?.by == TestWorld.friendlyNames[.triagist])
                try await visit(driver, port, "/triage/voorstellen/\(day)#uitleg-\(caseId)", shot: "17-triage-uitleg")
                try await driver.click("#overige")
                try await driver.click("#bevestigen")
                try await visit(driver, port, nil, shot: "18-triage-dag-bevestigd")
                #expect(try world.ledger.proposal(day: day) == nil)
                #expect(try world.ledger.assignments(day: day).first { $0.caseId == caseId }?.final == true)
                await driver.stop()
            } catch {
                await driver.stop()
                throw error
            }
        }
    }
}
