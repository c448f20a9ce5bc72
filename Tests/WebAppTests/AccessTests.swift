import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InstroomDomain
import Ledger
import NIOCore
import NIOFoundationCompat
import Testing

@testable import WebApp

/// Every route refuses an anonymous request and a user of the wrong role; every form needs its CSRF token;
/// failed logins are limited.
@Suite struct AccessTests {
    /// The roles that may use a route, by path prefix; nil for the public routes.
    static func roles(_ path: String) -> Set<UserRole>? {
        let table: [(String, Set<UserRole>)] = [
            ("/uitloggen", Set(UserRole.allCases)), ("/commissie", [.commissielid]), ("/zaken", [.triagist, .commissielid]),
            ("/directie", [.directie]), ("/beheer", [.beheerder]), ("/triage", [.triagist]), ("/api/v1/intake", [.triagist]),
            ("/api/v1/cases", [.triagist, .commissielid]), ("/api/v1/escalations", [.commissielid]), ("/api/v1/scenarios", [.directie]),
            ("/api/v1/proposals", [.triagist]), ("/api/v1/days", [.triagist]),
        ]
        return table.first { path == $0.0 || path.hasPrefix($0.0 + "/") }?.1
    }

    static func routes(_ world: TestWorld) throws -> [(method: HTTPRequest.Method, path: String)] {
        try WebApp.router(AppServices(settings: world.settings)).routes.map { route in
            let path = "\(route.path)".replacingOccurrences(of: "{file}", with: "app.css")
                .replacingOccurrences(of: #"\{[A-Za-z]+\}"#, with: "1", options: .regularExpression)
            return (route.method, path.hasPrefix("/") ? path : "/" + path)
        }
    }

    @Test func publicRoutesAreOnlyTheLoginTheStaticFilesAndTheAPIDescription() throws {
        let world = try TestWorld.make()
        let open = try Self.routes(world).filter { Self.roles($0.path) == nil }.map { "\($0.method) \($0.path)" }.sorted()
        #expect(open == ["GET /", "GET /api/openapi.yaml", "GET /inloggen", "GET /static/app.css", "POST /inloggen"])
    }

    @Test func everyRouteRefusesAnonymousAndWrongRoles() async throws {
        let world = try TestWorld.make()
        let routes = try Self.routes(world).filter { Self.roles($0.path) != nil }
        #expect(routes.count > 25)
        let tokens = Dictionary(uniqueKeysWithValues: try UserRole.allCases.map { ($0, try world.token($0)) })
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            for route in routes {
                let api = route.path.hasPrefix("/api/")
                var anonymous = Browser(client)
                let response = route.method == .get ? try await anonymous.get(route.path) : try await anonymous.post(route.path, form: [:])
                if api || route.method != .get {
                    #expect(response.status == .unauthorized, "anonymous \(route.method) \(route.path)")
                } else {
                    #expect(
                        response.status == .seeOther && response.headers[.location] == "/inloggen",
                        "anonymous \(route.method) \(route.path)"
                    )
                }
                for role in UserRole.allCases where !(Self.roles(route.path)!.contains(role)) {
                    if api {
                        let answer = try await client.execute(
                            uri: route.path,
                            method: route.method,
                            headers: [.authorization: "Bearer \(tokens[role]!)", .contentType: "application/json"],
                            body: ByteBuffer(string: "{}")
                        )
                        #expect(answer.status == .forbidden, "\(role) \(route.method) \(route.path)")
                    } else {
                        var browser = Browser(client)
                        try await browser.login(role.rawValue, TestWorld.password)
                        _ = try await browser.get(role.home)
                        let answer =
                            route.method == .get ? try await browser.get(route.path) : try await browser.post(route.path, form: [:])
                        #expect(answer.status == .forbidden, "\(role) \(route.method) \(route.path)")
                        #expect(String(buffer: answer.body).contains("U heeft geen toegang tot deze pagina met uw rol."))
                    }
                }
            }
            // A page session is not an API credential.
            var browser = Browser(client)
            try await browser.login("commissielid", TestWorld.password)
            #expect(try await browser.get("/api/v1/escalations").status == .unauthorized)
        }
    }

    @Test func formsWithoutAValidCSRFTokenAreRefused() async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("commissielid", TestWorld.password)
            _ = try await browser.get("/commissie/escalaties/\(world.openEscalation)")
            let form = ["besluit": "bevestigen", "motivering": "Past bij de expertise."]
            let missing = try await browser.post("/commissie/escalaties/\(world.openEscalation)/besluit", form: form, withCSRF: false)
            #expect(missing.status == .forbidden)
            var wrong = form
            wrong["csrf"] = String(repeating: "0", count: 64)
            #expect(try await browser.post("/commissie/escalaties/\(world.openEscalation)/besluit", form: wrong).status == .forbidden)
            #expect(try world.ledger.escalation(id: world.openEscalation)?.status == .open)
            // Logging out is a form too.
            #expect(try await browser.post("/uitloggen", form: [:], withCSRF: false).status == .forbidden)
            // The login form's token comes from its own cookie.
            var stranger = Browser(client)
            let forged = try await stranger.post(
                "/inloggen",
                form: ["login": "commissielid", "password": TestWorld.password, "csrf": "abc"]
            )
            #expect(forged.status == .forbidden)
        }
    }

    @Test func everyFormRouteRefusesAPostWithoutItsToken() async throws {
        let world = try TestWorld.make()
        let posts = try Self.routes(world).filter { $0.method == .post && !$0.path.hasPrefix("/api/") && Self.roles($0.path) != nil }
        #expect(posts.count >= 8)
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            for route in posts {
                let role = Self.roles(route.path)!.sorted { $0.rawValue < $1.rawValue }[0]
                var browser = Browser(client)
                try await browser.login(role.rawValue, TestWorld.password)
                let answer = try await browser.post(route.path, form: ["csrf": "", "naam": "x", "rol": "directie"], withCSRF: false)
                #expect(answer.status == .forbidden, "\(role) \(route.path)")
                #expect(String(buffer: answer.body).contains("Het formulier is verlopen"), "\(role) \(route.path)")
            }
        }
        #expect(try world.ledger.apiTokens().isEmpty && world.ledger.users().count == 4)
    }

    @Test func fiveFailedLoginsBlockTheAccount() async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            for _ in 0..<5 {
                let failed = try await browser.login("directie", "wrong password!!")
                #expect(failed.status == .unauthorized)
                #expect(String(buffer: failed.body).contains("Gebruikersnaam of wachtwoord klopt niet."))
            }
            let blocked = try await browser.login("directie", TestWorld.password)
            #expect(blocked.status == .tooManyRequests)
            #expect(String(buffer: blocked.body).contains("Te veel pogingen"))
            #expect(browser.cookies[IdentityMiddleware.cookieName] == nil)
        }
    }

    @Test func unknownPagesAndAPIRoutesAnswerInDutch() async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            try await browser.login("directie", TestWorld.password)
            let page = try await browser.get("/bestaat/niet")
            #expect(page.status == .notFound && String(buffer: page.body).contains("Deze pagina bestaat niet."))
            let api = try await client.execute(uri: "/api/v1/bestaat-niet", method: .get)
            #expect(api.status == .notFound && String(buffer: api.body).contains(#""error" : "Deze pagina bestaat niet.""#))
            let bad = try await browser.get("/directie?datum=31-02-2026")
            #expect(bad.status == .badRequest && String(buffer: bad.body).contains("geen geldige datum"))
        }
    }

    @Test func sessionCookieIsHttpOnlyAndStrict() async throws {
        let world = try TestWorld.make()
        let app = try WebApp.application(world.settings)
        try await app.test(.live) { client in
            var browser = Browser(client)
            let response = try await browser.login("directie", TestWorld.password)
            #expect(response.status == .seeOther && response.headers[.location] == "/directie")
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix(IdentityMiddleware.cookieName + "=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(response.headers[.contentSecurityPolicy] != nil)
        }
    }
}
