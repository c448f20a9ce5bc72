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
import Triage

@testable import WebApp

/// Hostile text in ids, names, reasons, regions and rule labels comes back escaped on every page.
@Suite struct EscapingTests {
    static let raw = "<script>alert(\"x\")</script>"

    @Test func everyPageOfEveryRoleEscapesHostileInput() async throws {
        let world = try TestWorld.make()
        let routes = try AccessTests.routes(world).filter {
            $0.method == .get && !$0.path.hasPrefix("/api/") && $0.path != "/static/app.css"
        }
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var seenEscaped = 0
            for role in UserRole.allCases {
                var browser = Browser(client)
                try await browser.login(role.rawValue, TestWorld.password)
                for route in routes where AccessTests.roles(route.path)?.contains(role) == true {
                    let path = route.path.replacingOccurrences(
                        of: "/commissie/escalaties/1",
                        with: "/commissie/escalaties/\(world.openEscalation)"
                    )
                    .replacingOccurrences(of: "/zaken/1", with: CaseText.href(TestWorld.hostileCase))
                    let body = String(buffer: try await browser.get(path).body)
                    #expect(!body.contains(Self.raw), "\(role) \(path)")
                    #expect(Self.unlabelledFields(body).isEmpty, "\(role) \(path): fields without a label: \(Self.unlabelledFields(body))")
                    if body.contains(FlowTests.escapedHostile) { seenEscaped += 1 }
                }
            }
            #expect(seenEscaped >= 8)
            // A rule label and a version with markup, on the check page.
            var beheer = Browser(client)
            try await beheer.login("beheerder", TestWorld.password)
            _ = try await beheer.get("/beheer/wegingskader")
            let rules = try String(contentsOf: RuleFile.bundled, encoding: .utf8)
                .replacingOccurrences(
                    of: #"(?m)^version: .*$"#,
                    with: #"version: '<script>alert("x")</script>'"#,
                    options: .regularExpression
                )
                .replacingOccurrences(
                    of: #"(?m)^title: .*$"#,
                    with: #"title: 'Titel <script>alert("x")</script>'"#,
                    options: .regularExpression
                )
            let checked = String(
                buffer: try await beheer.postMultipart("/beheer/wegingskader/controle", fields: ["tekst": rules], file: nil).body
            )
            #expect(checked.contains("Controle van versie"))
            #expect(!checked.contains(Self.raw))
            // A hostile login name in an error message.
            var stranger = Browser(client)
            let failed = String(buffer: try await stranger.login(Self.raw, "x").body)
            #expect(!failed.contains(Self.raw))
        }
    }
}

extension EscapingTests {
    @Test func theLabelCheckFindsUnlabelledFields() {
        #expect(
            Self.unlabelledFields(#"<input type="text" id="a"><select name="b"></select><input type="hidden" name="c">"#) == ["a", "?"]
        )
        #expect(
            Self.unlabelledFields(
                #"<label for="a">A</label><input type="text" id="a"><textarea id="t"></textarea><label for="t">T</label>"#
            ).isEmpty
        )
    }

    /// The ids of form fields (not hidden, not buttons) that no `<label for=…>` names; a field without an id counts as "?".
    static func unlabelledFields(_ html: String) -> [String] {
        let labels = Set(matches(#"<label[^>]*\sfor="([^"]+)""#, in: html))
        var missing: [String] = []
        for tag in matches(#"(<(?:input|select|textarea)\b[^>]*>)"#, in: html) {
            if tag.contains(#"type="hidden""#) || tag.contains(#"type="submit""#) { continue }
            let id = matches(#"\sid="([^"]+)""#, in: tag).first ?? "?"
            if !labels.contains(id) { missing.append(id) }
        }
        return missing
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

enum RuleFile {
    static var bundled: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Wegingskader/Resources/wegingskader.yaml")
    }
}

extension EscapingTests {
    /// A proposal with a hostile case id, proposer, override reason and contest reason: every triage page escapes them.
    @Test func theTriagistsPagesEscapeHostileInput() async throws {
        let world = try TestWorld.make()
        let day = ProposalFlowTests.tuesday
        let hostileId = "Y-" + TestWorld.hostile
        var intake = Fixtures.intake(day, count: 20, seed: 7)
        intake.append(
            IntakeCase(
                id: hostileId,
                kind: .advies,
                received: day,
                offences: [.huiselijkGeweld],
                problems: [.verslaving],
                region: TestWorld.hostile
            )
        )
        let actor = "Voorsteller " + TestWorld.hostile
        let run = DailyRun(ledger: world.ledger, rules: Fixtures.rules(), config: Fixtures.config(), actor: actor)
        let proposal = try run.propose(intake: intake, day: day)
        _ = try run.contest(caseId: hostileId, reason: "Betwist " + TestWorld.hostile, day: day)
        if let other = proposal.report.assignments.first(where: { $0.caseId != hostileId }) {
            for ro in RO.allCases where ro != other.ro {
                if (try? run.override(caseId: other.caseId, to: ro, reason: "Reden " + TestWorld.hostile, day: day)) != nil { break }
            }
        }
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("triagist", TestWorld.password)
            let base = "/triage/voorstellen/\(day)"
            let paths = [
                "/triage/voorstellen", base, base + "?toon=commissie&zaak=" + Browser.encode(hostileId),
                base + "?zaak=" + Browser.encode(Self.raw),
            ]
            for path in paths {
                let page = try await browser.get(path)
                let body = String(buffer: page.body)
                #expect(page.status == .ok, "\(path)")
                #expect(!body.contains(Self.raw), "\(path)")
                #expect(body.contains(FlowTests.escapedHostile), "\(path)")
                #expect(Self.unlabelledFields(body).isEmpty, "\(path): \(Self.unlabelledFields(body))")
            }
            let refused = try await browser.post(base + "/betwisten", form: ["zaak": Self.raw, "reden": Self.raw])
            #expect(refused.status == .notFound && !String(buffer: refused.body).contains(Self.raw))
            #expect(try await browser.post(base + "/bevestigen", form: ["overige": "1"]).status == .seeOther)
            let confirmed = String(buffer: try await browser.get("/triage/dagen/\(day)").body)
            #expect(!confirmed.contains(Self.raw) && confirmed.contains(FlowTests.escapedHostile))
            let missing = String(buffer: try await browser.get("/triage/dagen/" + Browser.encode(Self.raw)).body)
            #expect(!missing.contains(Self.raw))
        }
    }
}
