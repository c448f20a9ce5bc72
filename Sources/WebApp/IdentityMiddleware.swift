import Foundation
import HTTPTypes
import Hummingbird
import Ledger

/// Sets `context.identity`: from the session cookie for pages, from an `Authorization: Bearer` token
/// for the API (which takes no cookies, so a browser session cannot be ridden into it).
struct IdentityMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    static let cookieName = "instroom_sessie"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path.hasPrefix("/api/") {
            if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
                let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
                if let record = try services.ledger.apiToken(tokenHash: Secret.hash(token)) {
                    context.identity = Identity(name: record.name, login: nil, role: record.role, csrf: nil, sessionHash: nil)
                }
            }
        } else if let cookie = request.cookies[Self.cookieName]?.value, !cookie.isEmpty {
            let hash = Secret.hash(cookie)
            if let found = try services.ledger.session(tokenHash: hash) {
                context.identity = Identity(
                    name: found.user.displayName,
                    login: found.user.login,
                    role: found.user.role,
                    csrf: found.session.csrfToken,
                    sessionHash: hash
                )
            }
        }
        return try await next(request, context)
    }
}
