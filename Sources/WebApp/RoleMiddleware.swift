import HTTPTypes
import Hummingbird
import Ledger

/// Lets a route group through only for the given roles: anonymous page requests go to the login page,
/// anonymous API requests get 401, everyone else of the wrong role 403.
struct RoleMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let roles: Set<UserRole>

    init(_ roles: UserRole...) { self.roles = Set(roles) }
    init(all: Void) { roles = Set(UserRole.allCases) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let identity = context.identity else {
            if request.uri.path.hasPrefix("/api/") {
                throw WebError(.unauthorized, "Geef een geldig API-token mee (Authorization: Bearer …).")
            }
            if request.method == .get { return AppServices.redirect("/inloggen") }
            throw WebError(.unauthorized, "U bent niet (meer) ingelogd. Log opnieuw in.")
        }
        guard roles.contains(identity.role) else { throw WebError.forbidden }
        return try await next(request, context)
    }
}
