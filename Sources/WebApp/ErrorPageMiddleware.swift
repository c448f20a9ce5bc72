import HTTPTypes
import Hummingbird
import InstroomDomain
import Ledger
import Logging
import Triage

/// Turns every thrown error into a Dutch answer: an error page for people, `{"error": …}` for the API.
/// Nothing a handler throws reaches the client as a stack trace or crashes the server.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    struct ErrorContent {
        var message: String
        var details: [String]
        var back: String
        var backLabel: String
    }

    struct APIError: Encodable {
        var error: String
        var details: [String]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let web = Self.dutch(error)
            if web.status.code >= 500 {
                context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            if request.uri.path.hasPrefix("/api/") {
                return try AppServices.json(APIError(error: web.message, details: web.details), status: web.status)
            }
            let home = context.identity?.role.home ?? "/inloggen"
            let content = ErrorContent(
                message: web.message,
                details: web.details,
                back: web.back ?? home,
                backLabel: web.back == nil ? "Terug naar het begin" : "Terug naar het formulier"
            )
            let title =
                web.status.code == 404
                ? "Niet gevonden"
                : web.status.code == 429 ? "Te veel pogingen" : web.status.code >= 500 ? "Er ging iets mis" : "Dat lukte niet"
            return try services.page("error", title: title, request, context, content: content, status: web.status)
        }
    }

    /// The Dutch message and status for any error.
    static func dutch(_ error: any Error) -> WebError {
        switch error {
        case let web as WebError: return web
        case let http as HTTPError:
            switch http.status {
            case .notFound: return WebError(.notFound, "Deze pagina bestaat niet.")
            case .contentTooLarge: return WebError(.contentTooLarge, "Het bestand is te groot (hoogstens 8 MiB).")
            case .methodNotAllowed: return WebError(.methodNotAllowed, "Deze actie kan hier niet.")
            default:
                return WebError(
                    http.status,
                    http.status.code >= 500 ? "Er ging iets mis op de server." : "Het verzoek kon niet worden verwerkt."
                )
            }
        case let input as InputErrors:
            return WebError(
                .badRequest,
                "Het bestand bevat fouten; er is niets opgeslagen.",
                details: input.errors.map(InputErrorText.dutch)
            )
        case let input as InputError:
            return WebError(.badRequest, "Het bestand bevat een fout; er is niets opgeslagen.", details: [InputErrorText.dutch(input)])
        case LedgerError.notFound(let what): return WebError(.notFound, "Niet gevonden in het grootboek.", details: [what])
        case LedgerError.refused(let why):
            return WebError(.conflict, "Het grootboek weigert deze actie; er is niets gewijzigd.", details: [why])
        case let triage as TriageError:
            return WebError(.unprocessableContent, "De verdeling weigert dit; er is niets gewijzigd.", details: ["\(triage)"])
        default:
            return WebError(
                .internalServerError,
                "Er ging iets mis bij het verwerken van uw verzoek. De fout is gelogd; probeer het later opnieuw."
            )
        }
    }
}
