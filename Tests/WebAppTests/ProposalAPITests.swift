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

@testable import WebApp

/// The triagepunt's day over the JSON API with a token: push the intake and propose, read, override,
/// contest, accept, confirm (refused with open items), read the day's assignments.
@Suite struct ProposalAPITests {
    func call(
        _ client: any TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ path: String,
        token: String,
        body: String? = nil,
        type: String = "application/json"
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        let response = try await client.execute(
            uri: path,
            method: method,
            headers: [.authorization: "Bearer \(token)", .contentType: type],
            body: body.map { ByteBuffer(string: $0) }
        )
        let json = try? JSONSerialization.jsonObject(with: Data(buffer: response.body))
        return (response.status, json as? [String: Any] ?? ["array": json ?? NSNull()])
    }

    static func json(_ value: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }

    @Test func aSystemProposesReviewsAndConfirmsADay() async throws {
        let world = try TestWorld.make()
        let token = try world.token(.triagist)
        let actor = "Systeem triagist " + TestWorld.hostile
        let day = ProposalFlowTests.tuesday
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            let (bad, error) = try await call(
                client,
                .post,
                "/api/v1/intake/proposal?name=dag.csv",
                token: token,
                body: "id,kind,received\nA1,advies,2026-03-03\nA2,vi,2026-13-01\n",
                type: "text/csv"
            )
            #expect(bad == .badRequest)
            #expect((error["details"] as? [String] ?? []).contains { $0.hasPrefix("Regel 3, veld ‘received’") })
            #expect(try world.ledger.proposals().isEmpty)

            let (created, proposal) = try await call(
                client,
                .post,
                "/api/v1/intake/proposal?name=dinsdag.json",
                token: token,
                body: String(decoding: IntakeWriter.json(Fixtures.intake(day, count: 60, seed: 7)), as: UTF8.self)
            )
            #expect(created == .created)
            #expect(proposal["day"] as? String == day.description)
            let open = (proposal["review"] as? [[String: Any]] ?? []).filter { $0["state"] as? String == "open" }.compactMap {
                $0["caseId"] as? String
            }
            #expect(open.count >= 3, "the day needs review items for this test")
            guard open.count >= 3 else { return }

            let (listed, list) = try await call(client, .get, "/api/v1/proposals", token: token)
            #expect(listed == .ok && (list["array"] as? [[String: Any]])?.first?["day"] as? String == day.description)
            let (read, _) = try await call(client, .get, "/api/v1/proposals/\(day)", token: token)
            #expect(read == .ok)
            #expect(try await call(client, .get, "/api/v1/proposals/2026-01-01", token: token).0 == .notFound)

            // Override: a reason is required; the first RO with room takes the case.
            let target = open[0]
            let proposed = (proposal["review"] as? [[String: Any]] ?? []).first { $0["caseId"] as? String == target }?["ro"] as? String
            let empty = try await call(
                client,
                .post,
                "/api/v1/proposals/\(day)/override",
                token: token,
                body: try Self.json(["caseId": target, "ro": "RN", "reason": " "])
            )
            #expect(empty.0 == .unprocessableContent)
            var moved: String?
            for ro in RO.allCases.map(\.rawValue) where ro != proposed {
                let (status, after) = try await call(
                    client,
                    .post,
                    "/api/v1/proposals/\(day)/override",
                    token: token,
                    body: try Self.json(["caseId": target, "ro": ro, "reason": "Netwerk in de regio"])
                )
                if status == .ok {
                    moved = ro
                    #expect((after["overrides"] as? [String: Any])?[target] != nil)
                    break
                }
                #expect(status == .unprocessableContent)
            }
            #expect(moved != nil)

            let (contested, _) = try await call(
                client,
                .post,
                "/api/v1/proposals/\(day)/contest",
                token: token,
                body: try Self.json(["caseId": open[1], "reason": "Twijfel"])
            )
            #expect(contested == .ok)
            let (accepted, _) = try await call(
                client,
                .post,
                "/api/v1/proposals/\(day)/accept",
                token: token,
                body: try Self.json([
                    "caseIds": [
                        try #require(
                            try DailyRun(ledger: world.ledger, rules: Fixtures.rules(), config: Fixtures.config()).proposal(day: day).open
                                .first
                        )
                    ]
                ])
            )
            #expect(accepted == .ok)

            let remaining = try DailyRun(ledger: world.ledger, rules: Fixtures.rules(), config: Fixtures.config()).proposal(day: day).open
            #expect(!remaining.isEmpty, "the day needs an open item left to test the refusal")
            if !remaining.isEmpty {
                let (refused, why) = try await call(client, .post, "/api/v1/proposals/\(day)/confirm", token: token, body: "{}")
                #expect(refused == .unprocessableContent)
                #expect((why["error"] as? String)?.contains("nog") == true)
            }
            let (confirmed, report) = try await call(
                client,
                .post,
                "/api/v1/proposals/\(day)/confirm",
                token: token,
                body: #"{"acceptRest": true}"#
            )
            #expect(confirmed == .created && report["runId"] as? Int != nil)

            let (assigned, assignments) = try await call(client, .get, "/api/v1/days/\(day)/assignments", token: token)
            #expect(assigned == .ok)
            let rows = assignments["array"] as? [[String: Any]] ?? []
            #expect(rows.first { $0["caseId"] as? String == target }?["ro"] as? String == moved)
            #expect(try await call(client, .get, "/api/v1/days/2026-01-01/assignments", token: token).0 == .notFound)
            #expect(try world.ledger.audit(caseId: target).last { $0.action == .override }?.actor == actor)
            #expect(try world.ledger.audit().last { $0.action == .confirm }?.actor == actor)
        }
    }
}
