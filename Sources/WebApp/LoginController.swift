import Foundation
import HTTPTypes
import Hummingbird
import Ledger
import NIOCore
import NIOFoundationCompat
import Pages

/// Logging in and out, the start page per role, and the static files.
struct LoginController {
    let services: AppServices

    /// Before login there is no session: the login form's CSRF token is a random value also set as a
    /// short-lived SameSite=Strict cookie (double submit), so another site cannot post a login.
    static let loginCookie = "instroom_login"

    struct LoginContent {
        var csrf: String
        var login: String
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/") { _, context in AppServices.redirect(context.identity?.role.home ?? "/inloggen") }
        router.get("/inloggen") { request, context in
            if let identity = context.identity { return AppServices.redirect(identity.role.home) }
            return try loginPage(request, context, login: "", error: nil, status: .ok)
        }
        router.post("/inloggen") { request, context in try await login(request, context) }
        router.get("/static/:file") { _, context in
            let name = try context.parameters.require("file")
            guard let data = PageRenderer.asset(name) else { throw WebError.notFound("Dit bestand bestaat niet.") }
            var response = Response(
                status: .ok,
                headers: [.contentType: name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(data: data))
            )
            response.headers[.cacheControl] = "max-age=300"
            return response
        }
        router.group("/uitloggen").add(middleware: RoleMiddleware(all: ())).add(middleware: CSRFMiddleware()).post { _, context in
            if let hash = context.identity?.sessionHash { try services.ledger.removeSession(tokenHash: hash) }
            var response = AppServices.redirect("/inloggen")
            response.setCookie(cookie(IdentityMiddleware.cookieName, "", maxAge: 0))
            return response
        }
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: name,
            value: value,
            maxAge: maxAge,
            path: "/",
            secure: services.settings.secureCookies,
            httpOnly: true,
            sameSite: .strict
        )
    }

    func loginPage(
        _ request: Request,
        _ context: AppRequestContext,
        login: String,
        error: String?,
        status: HTTPResponse.Status
    ) throws -> Response {
        let token = Secret.token()
        var response = try services.page(
            "login",
            title: "Inloggen",
            request,
            context,
            content: LoginContent(csrf: token, login: login),
            error: error,
            status: status
        )
        response.setCookie(cookie(Self.loginCookie, token, maxAge: 3600))
        return response
    }

    func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        let form = try FormData.parse(Data(buffer: body), contentType: request.headers[.contentType])
        guard let expected = request.cookies[Self.loginCookie]?.value, let given = form["csrf"], !expected.isEmpty,
            Secret.equal(given, expected)
        else {
            throw WebError(.forbidden, "Het inlogformulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.", back: "/inloggen")
        }
        let login = (form["login"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        if await services.throttle.blocked(login: login, address: context.remoteAddress) {
            throw WebError(
                .tooManyRequests,
                "Te veel pogingen om in te loggen. Wacht een kwartier en probeer het dan opnieuw.",
                back: "/inloggen"
            )
        }
        guard !login.isEmpty, !password.isEmpty, let user = try services.accounts.verify(login: login, password: password),
            let userId = user.id
        else {
            await services.throttle.failed(login: login, address: context.remoteAddress)
            return try loginPage(request, context, login: login, error: "Gebruikersnaam of wachtwoord klopt niet.", status: .unauthorized)
        }
        await services.throttle.succeeded(login: login)
        let token = Secret.token()
        let now = services.ledger.timestamp(after: 0)
        try services.ledger.addSession(
            SessionRecord(
                tokenHash: Secret.hash(token),
                userId: userId,
                csrfToken: Secret.token(),
                createdAt: now,
                expiresAt: services.ledger.timestamp(after: services.settings.sessionSeconds)
            )
        )
        var response = AppServices.redirect(user.role.home)
        response.setCookie(cookie(IdentityMiddleware.cookieName, token, maxAge: Int(services.settings.sessionSeconds)))
        response.setCookie(cookie(Self.loginCookie, "", maxAge: 0))
        return response
    }
}
