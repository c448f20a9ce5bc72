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

/// The JSON API: the same flows with bearer tokens, and the OpenAPI document matches the routes.
@Suite struct APITests {
    func call(
        _ client: any TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ path: String,
        token: String,
        body: String? = nil,
        type: String = "application/json"
    ) async throws -> (HTTPResponse.Status, Any?) {
        let response = try await client.execute(
            uri: path,
            method: method,
            headers: [.authorization: "Bearer \(token)", .contentType: type],
            body: body.map { ByteBuffer(string: $0) }
        )
        return (response.status, try? JSONSerialization.jsonObject(with: Data(buffer: response.body)))
    }

    /// The run's status once it no longer runs (polled for at most four minutes).
    func finished(_ run: Any?, _ client: any TestClientProtocol, token: String) async throws -> [String: Any] {
        let id = try #require((run as? [String: Any])?["id"] as? Int)
        var last: [String: Any] = [:]
        for _ in 0..<1_200 where (last["status"] as? String ?? "running") == "running" {
            try await Task.sleep(for: .milliseconds(200))
            last = try await call(client, .get, "/api/v1/scenarios/runs/\(id)", token: token).1 as? [String: Any] ?? [:]
        }
        return last
    }

    @Test func commissieSystemListsAndDecidesEscalations() async throws {
        let world = try TestWorld.make()
        let token = try world.token(.commissielid)
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            let (status, list) = try await call(client, .get, "/api/v1/escalations?open=true", token: token)
            #expect(status == .ok)
            let ids = ((list as? [String: Any])?["escalations"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []
            #expect(ids.contains(Int(world.openEscalation)))
            let (shown, _) = try await call(client, .get, "/api/v1/escalations/\(world.openEscalation)", token: token)
            #expect(shown == .ok)
            let (missing, error) = try await call(
                client,
                .post,
                "/api/v1/escalations/\(world.openEscalation)/decision",
                token: token,
                body: #"{"action": "confirm", "rationale": " "}"#
            )
            #expect(missing == .unprocessableContent)
            #expect(((error as? [String: Any])?["error"] as? String)?.contains("motivering") == true)
            let (decided, decision) = try await call(
                client,
                .post,
                "/api/v1/escalations/\(world.openEscalation)/decision",
                token: token,
                body: #"{"action": "confirm", "rationale": "Past het best."}"#
            )
            #expect(decided == .created)
            #expect((decision as? [String: Any])?["decidedBy"] as? String == "Systeem commissielid " + TestWorld.hostile)
            let (again, _) = try await call(
                client,
                .post,
                "/api/v1/escalations/\(world.openEscalation)/decision",
                token: token,
                body: #"{"action": "confirm", "rationale": "Nog eens."}"#
            )
            #expect(again == .conflict)
            let (caseStatus, caseBody) = try await call(
                client,
                .get,
                "/api/v1/cases/" + Browser.encode(TestWorld.hostileCase),
                token: token
            )
            #expect(caseStatus == .ok)
            #expect(((caseBody as? [String: Any])?["assignments"] as? [Any])?.isEmpty == false)
            #expect(try await call(client, .get, "/api/v1/cases/nope/assignments", token: token).0 == .notFound)
        }
    }

    @Test func triageSystemValidatesAnIntakeWithErrorsPerLine() async throws {
        let world = try TestWorld.make()
        let token = try world.token(.triagist)
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            let (bad, error) = try await call(
                client,
                .post,
                "/api/v1/intake/validate?name=dag.csv",
                token: token,
                body: "id,kind,received\nA1,advies,2026-03-02\nA2,vi,2026-13-01\n",
                type: "text/csv"
            )
            #expect(bad == .badRequest)
            let details = (error as? [String: Any])?["details"] as? [String] ?? []
            #expect(details.contains { $0.hasPrefix("Regel 3, veld ‘received’") })
            let (ok, report) = try await call(
                client,
                .post,
                "/api/v1/intake/validate",
                token: token,
                body: #"[{"id": "J1", "kind": "advies", "received": "2026-03-02"}]"#
            )
            #expect(ok == .ok)
            #expect(((report as? [String: Any])?["cases"] as? [Any])?.count == 1)
            #expect(
                try await call(client, .post, "/api/v1/intake/validate", token: "irt_" + String(repeating: "f", count: 64), body: "[]").0
                    == .unauthorized
            )
        }
    }

    @Test func directieSystemRunsScenarios() async throws {
        let world = try TestWorld.make()
        let token = try world.token(.directie)
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            let (listed, list) = try await call(client, .get, "/api/v1/scenarios", token: token)
            #expect(listed == .ok && (list as? [Any])?.count == 2)
            #expect(
                try await call(client, .post, "/api/v1/scenarios/runs", token: token, body: #"{"scenarios": ["../../etc/passwd"]}"#).0
                    == .unprocessableContent
            )
            let (started, run) = try await call(
                client,
                .post,
                "/api/v1/scenarios/runs",
                token: token,
                body: #"{"scenarios": ["narrow-bands.yaml"]}"#
            )
            #expect(started == .accepted)
            let last = try await finished(run, client, token: token)
            #expect(last["status"] as? String == "finished")
            #expect(((last["result"] as? [String: Any])?["scenarios"] as? [Any])?.count == 2)
            #expect(((last["result"] as? [String: Any])?["scenarios"] as? [[String: Any]])?.allSatisfy { $0["hindsight"] == nil } == true)

            // With hindsight: each scenario's ratio to the year solved at once.
            let (withHindsight, hindsightRun) = try await call(
                client,
                .post,
                "/api/v1/scenarios/runs",
                token: token,
                body: #"{"scenarios": [], "hindsight": true}"#
            )
            #expect(withHindsight == .accepted)
            let done = try await finished(hindsightRun, client, token: token)
            let scenarios = (done["result"] as? [String: Any])?["scenarios"] as? [[String: Any]] ?? []
            #expect(scenarios.count == 1 && (scenarios.first?["hindsight"] as? [String: Any])?["valueRatio"] is Double)
        }
    }

    /// A sweep through the API: the page's checks answer 422 with a Dutch detail per field and start
    /// nothing; a valid one runs in the background and its variants come back with the run.
    @Test func directieSystemRunsASweep() async throws {
        let world = try TestWorld.make()
        let token = try world.token(.directie)
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            let (refused, problem) = try await call(
                client,
                .post,
                "/api/v1/scenarios/sweeps",
                token: token,
                body: #"{"scenario": "baseline.yaml", "settings": [{"setting": "bands.XYZ.max", "from": 0.3, "to": 0.5, "step": 0}]}"#
            )
            #expect(refused == .unprocessableContent)
            let details = (problem as? [String: Any])?["details"] as? [String] ?? []
            #expect(details.contains { $0.contains("Instelling 1") && $0.contains("bands.XYZ.max") }, "\(details)")
            let (tooMany, _) = try await call(
                client,
                .post,
                "/api/v1/scenarios/sweeps",
                token: token,
                body: #"{"scenario": "baseline.yaml", "settings": [{"setting": "bands.SVG.max", "from": 0.3, "to": 0.5, "step": 0.001}]}"#
            )
            #expect(tooMany == .unprocessableContent)

            let (started, run) = try await call(
                client,
                .post,
                "/api/v1/scenarios/sweeps",
                token: token,
                body: #"{"scenario": "baseline.yaml", "settings": [{"setting": "bands.SVG.max", "from": 0.4, "to": 0.45, "step": 0.05}]}"#
            )
            #expect(started == .accepted)
            let last = try await finished(run, client, token: token)
            #expect(last["status"] as? String == "finished", "\(last)")
            let variants = (last["sweep"] as? [String: Any])?["variants"] as? [[String: Any]] ?? []
            #expect(variants.count == 2)
            #expect((last["scenarios"] as? [String])?.first == "baseline.yaml")
            #expect(last["result"] == nil)
        }
    }

    /// Every path and method in openapi.yaml is a route, and every API route is in openapi.yaml.
    @Test func theOpenAPIDocumentDescribesExactlyTheAPIRoutes() async throws {
        let world = try TestWorld.make()
        let routes = Set(
            try WebApp.router(AppServices(settings: world.settings)).routes.compactMap { route -> String? in
                let path = "\(route.path)"
                let full = path.hasPrefix("/") ? path : "/" + path
                guard full.hasPrefix("/api/v1/") else { return nil }
                return "\(route.method.rawValue) " + full.replacingOccurrences(of: "{job}", with: "{id}")
            }
        )
        let yaml = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Sources/WebApp/Resources/openapi.yaml"),
            encoding: .utf8
        )
        var documented = Set<String>()
        var path: String?
        for line in yaml.components(separatedBy: "\n") {
            if line.hasPrefix("  /api/"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if !line.hasPrefix("    "), !line.hasPrefix("  /") {
                path = nil
            }
            if let path, let method = ["get", "post", "put", "patch", "delete"].first(where: { line == "    \($0):" }) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(!routes.isEmpty)
        #expect(documented == routes)
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            let served = try await client.execute(uri: "/api/openapi.yaml", method: .get)
            #expect(served.status == .ok && String(buffer: served.body).hasPrefix("openapi: 3"))
        }
    }
}
