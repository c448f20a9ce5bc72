import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InstroomDomain
import InstroomTesting
import IntakeFormats
import Ledger
import NIOCore
import NIOFoundationCompat
import Testing
import Triage
import Wegingskader

@testable import WebApp

/// The triagepunt's day over HTTP, as a triage expert lives it: upload, propose, review (deviate with a
/// reason, contest, accept), confirm; the audit names the logged-in user.
@Suite struct ProposalFlowTests {
    static let tuesday = Fixtures.monday.adding(days: 1)

    /// A day of `count` cases as Dutch Excel writes it.
    static func intakeCSV(_ day: Day = tuesday, count: Int = 60) -> String {
        IntakeWriter.csv(Fixtures.intake(day, count: count, seed: 7), dialect: .dutchExcel)
    }

    /// The proposal as the library computes it (to pick review items the test acts on).
    static func proposal(_ world: TestWorld, day: Day = tuesday) throws -> DayProposal {
        try DailyRun(ledger: world.ledger, rules: Fixtures.rules(), config: Fixtures.config()).proposal(day: day)
    }

    @Test func triagistProposesReviewsAndConfirmsADay() async throws {
        let world = try TestWorld.make()
        let name = "Triagist " + TestWorld.hostile
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("triagist", TestWorld.password)
            let upload = String(buffer: try await browser.get("/triage").body)
            #expect(upload.contains("Voorstel maken") && upload.contains(#"formaction="/triage/voorstellen""#))

            // A bad file: errors per line and field, nothing stored.
            let counts = try world.ledger.counts()
            let bad = "id;kind;received\r\nA1;advies;03-03-2026\r\nA2;onbekend;31-02-2026\r\n"
            let refused = try await browser.postMultipart("/triage/voorstellen", fields: [:], file: ("bestand", "dag.csv", bad))
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("Regel 3, veld ‘kind’"))
            #expect(try world.ledger.counts() == counts && world.ledger.proposals().isEmpty)

            // Propose: a draft, nothing final.
            let proposed = try await browser.postMultipart(
                "/triage/voorstellen",
                fields: [:],
                file: ("bestand", "dinsdag.csv", Self.intakeCSV())
            )
            #expect(proposed.status == .seeOther)
            let base = "/triage/voorstellen/\(Self.tuesday)"
            #expect(proposed.headers[.location] == base + "?melding=voorgesteld")
            #expect(try world.ledger.proposal(day: Self.tuesday)?.createdBy == name)
            #expect(try world.ledger.assignments(day: Self.tuesday).isEmpty)
            let page = String(buffer: try await browser.get(base + "?melding=voorgesteld").body)
            #expect(page.contains("Het voorstel is opgeslagen als concept"))
            #expect(page.contains("Reviewlijst van de triagedeskundigen") && page.contains("Uitleg per zaak"))
            #expect(page.contains("Waarom (wegingskader)") && page.contains("data-sort"))
            #expect(EscapingTests.unlabelledFields(page).isEmpty)

            let before = try Self.proposal(world)
            let open = before.open
            #expect(open.count >= 3, "the day needs review items for this test")
            guard open.count >= 3 else { return }
            #expect(page.contains("#uitleg-\(open[0])") && page.contains(#"id="uitleg-\#(open[0])""#))

            // The filter: only the open review items.
            let filtered = String(buffer: try await browser.get(base + "?toon=open").body)
            #expect(filtered.contains("\(open.count) van de "))

            // Gemotiveerd afwijken: the reason is required; then pinned, with the reason, by the logged-in user.
            let target = try #require(open.first)
            let current = before.review.first { $0.caseId == target }?.ro
            let noReason = try await browser.post(base + "/afwijken", form: ["zaak": target, "ro": "RN", "reden": " "])
            #expect(noReason.status == .badRequest && String(buffer: noReason.body).contains("Vul het veld ‘Reden’ in"))
            let reason = #"Netwerk "dakloos" <script>x</script>"#
            var overridden: RO?
            for ro in RO.allCases where ro != current {
                let answer = try await browser.post(base + "/afwijken", form: ["zaak": target, "ro": ro.rawValue, "reden": reason])
                if answer.status == .seeOther {
                    overridden = ro
                    break
                }
                #expect(answer.status == .unprocessableContent)
            }
            let ro = try #require(overridden, "no other RO took case \(target)")
            let afterOverride = try Self.proposal(world)
            #expect(afterOverride.overrides[target]?.ro == ro && afterOverride.overrides[target]?.by == name)
            #expect(afterOverride.report.assignments.first { $0.caseId == target }?.ro == ro)
            let shown = String(buffer: try await browser.get(base + "?melding=afgeweken").body)
            #expect(shown.contains("Gemotiveerd afgeweken door") && shown.contains("Netwerk &quot;dakloos&quot; &lt;script&gt;"))

            // Contest another item; accept a third through the checkboxes.
            let contested = open[1]
            #expect(
                try await browser.post(base + "/betwisten", form: ["zaak": contested, "reden": "Twijfel: verslaving"]).status == .seeOther
            )
            let agreed = try #require(try Self.proposal(world).open.first)
            #expect(try await browser.post(base + "/akkoord", form: ["zaak:" + agreed: "1"]).status == .seeOther)
            #expect(try await browser.post(base + "/akkoord", form: [:]).status == .badRequest)
            #expect(try await browser.post(base + "/betwisten", form: ["zaak": "bestaat-niet", "reden": "x"]).status == .notFound)

            // The list as Dutch Excel opens it.
            let csv = try await browser.get(base + "/lijst.csv")
            #expect(csv.status == .ok && csv.headers[.contentDisposition]?.contains("voorstel-2026-03-03.csv") == true)
            let bytes = Data(buffer: csv.body)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("Zaak;Soort;RO;Fit (punten);Beste match;Werklast;"))
            #expect(text.contains("\r\n" + target + ";") && text.contains("afgeweken"))

            // Confirm: refused while items are open, then with "overige accepteren".
            let stillOpen = try Self.proposal(world).open.count
            #expect(stillOpen > 0, "the day needs an open item left to test the refusal")
            if stillOpen > 0 {
                let blocked = try await browser.post(base + "/bevestigen", form: [:])
                #expect(blocked.status == .unprocessableContent)
                #expect(String(buffer: blocked.body).contains("De dag is niet bevestigd: er"))
                #expect(try world.ledger.proposal(day: Self.tuesday) != nil && world.ledger.assignments(day: Self.tuesday).isEmpty)
            }
            let confirmed = try await browser.post(base + "/bevestigen", form: ["overige": "1"])
            #expect(confirmed.status == .seeOther && confirmed.headers[.location] == "/triage/dagen/\(Self.tuesday)?melding=bevestigd")
            #expect(try world.ledger.proposal(day: Self.tuesday) == nil)
            let day = String(buffer: try await browser.get(confirmed.headers[.location] ?? "").body)
            #expect(day.contains("De dag is bevestigd") && day.contains(CaseText.href(target)))
            let assignments = try world.ledger.assignments(day: Self.tuesday)
            #expect(assignments.first { $0.caseId == target }?.ro == ro && assignments.first { $0.caseId == target }?.final == true)
            #expect(assignments.first { $0.caseId == contested }?.final == false)
            let dayCSV = try await browser.get("/triage/dagen/\(Self.tuesday)/lijst.csv")
            #expect(String(decoding: Data(buffer: dayCSV.body).dropFirst(3), as: UTF8.self).hasPrefix("Zaak;Soort;RO;"))
            #expect(try await browser.get(base).status == .notFound)

            // The audit names the logged-in user for every step.
            let overrideAudit = try world.ledger.audit(caseId: target).last { $0.action == .override }
            #expect(overrideAudit?.actor == name && overrideAudit?.detail.contains("Netwerk") == true)
            #expect(try world.ledger.audit(caseId: agreed).contains { $0.action == .accept && $0.actor == name })
            #expect(try world.ledger.escalations(caseId: contested).first?.raisedBy == name)
            let confirmation = try world.ledger.audit().last { $0.action == .confirm }
            #expect(confirmation?.actor == name)
            if stillOpen > 0 { #expect(confirmation?.detail.contains("open punten akkoord zonder beoordeling") == true) }

            // The day is in the list of confirmed days, and each case's page says why it went where.
            #expect(String(buffer: try await browser.get("/triage/voorstellen").body).contains("/triage/dagen/\(Self.tuesday)"))
            #expect(try await browser.get(CaseText.href(target)).status == .ok)
        }
    }

    @Test func aSecondDayWaitsWhileAProposalIsUnderReview() async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("triagist", TestWorld.password)
            _ = try await browser.get("/triage")
            let first = try await browser.postMultipart("/triage/voorstellen", fields: [:], file: ("bestand", "a.csv", Self.intakeCSV()))
            #expect(first.status == .seeOther)
            _ = try await browser.get("/triage")
            let wednesday = Self.tuesday.adding(days: 1)
            let second = try await browser.postMultipart(
                "/triage/voorstellen",
                fields: ["dag": wednesday.description],
                file: ("bestand", "b.csv", Self.intakeCSV(wednesday, count: 10))
            )
            #expect(second.status == .conflict && String(buffer: second.body).contains("wordt nog beoordeeld"))
            #expect(try world.ledger.proposal(day: wednesday) == nil)
            _ = try await browser.get("/triage")
            let badDay = try await browser.postMultipart(
                "/triage/voorstellen",
                fields: ["dag": "31-02"],
                file: ("bestand", "b.csv", Self.intakeCSV())
            )
            #expect(badDay.status == .badRequest && String(buffer: badDay.body).contains("geen geldige datum"))
        }
    }

    @Test func proposeAndConfirmUseTheWegingskaderActivatedInTheLedger() async throws {
        let world = try TestWorld.make()
        let text = try String(contentsOf: RuleFile.bundled, encoding: .utf8)
            .replacingOccurrences(of: #"(?m)^version: .*$"#, with: "version: \"2099-actief\"", options: .regularExpression)
        let rules = try RuleSet.parse(text, file: "test")
        try world.ledger.activateRuleSet(hash: rules.hash, version: rules.version, title: rules.title, source: text, by: "test")
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("triagist", TestWorld.password)
            _ = try await browser.get("/triage")
            let proposed = try await browser.postMultipart(
                "/triage/voorstellen",
                fields: [:],
                file: ("bestand", "d.csv", Self.intakeCSV(count: 20))
            )
            #expect(proposed.status == .seeOther)
            let page = String(buffer: try await browser.get("/triage/voorstellen/\(Self.tuesday)").body)
            #expect(page.contains("Wegingskader 2099-actief"))
            #expect(try await browser.post("/triage/voorstellen/\(Self.tuesday)/bevestigen", form: ["overige": "1"]).status == .seeOther)
            let hashes = Set(try world.ledger.assignments(day: Self.tuesday).map(\.ruleHash))
            #expect(hashes == [rules.hash])
        }
    }
}
