import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationCompat
import Pages

/// Page responses: the frame (title, user, navigation, CSRF token) comes from the request context.
extension AppServices {
    func frame(_ title: String, _ context: AppRequestContext, path: String, notice: String? = nil, error: String? = nil) -> PageFrame {
        guard let who = context.identity else { return PageFrame(title: title, notice: notice, error: error) }
        return PageFrame(
            title: title,
            user: .init(name: who.name, role: who.role.label),
            nav: who.role.navigation(current: path),
            csrf: who.csrf,
            notice: notice,
            error: error
        )
    }

    func page<Content>(
        _ template: String,
        title: String,
        _ request: Request,
        _ context: AppRequestContext,
        content: Content,
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let html = try pages.page(
            template,
            frame: frame(title, context, path: request.uri.path, notice: notice, error: error),
            content: content
        )
        return Self.html(html, status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A standalone report page produced by a library (its own inline style, no script).
    static func report(_ text: String) -> Response {
        var response = html(text)
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        return response
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value)))
        )
    }

    static func download(_ data: Data, type: String, filename: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: .init(byteBuffer: ByteBuffer(data: data))
        )
    }
}
