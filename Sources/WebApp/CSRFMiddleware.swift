import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationCompat

/// Every POST from a page must carry the session's CSRF token in its `csrf` field. Reads the form once
/// (URL-encoded or multipart) and leaves it on the context for the handler.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        var request = request
        var context = context
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let form = try FormData.parse(Data(buffer: body), contentType: request.headers[.contentType])
        guard let expected = context.identity?.csrf, let given = form["csrf"], Secret.equal(given, expected) else { throw WebError.csrf }
        context.form = form
        return try await next(request, context)
    }
}
