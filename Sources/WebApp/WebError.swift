import HTTPTypes
import Hummingbird

/// An error whose Dutch message a user may read, with the HTTP status it answers with.
public struct WebError: Error, CustomStringConvertible, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    /// Per line or field (an intake's or a rule file's errors), already in Dutch framing.
    public var details: [String]
    /// Where the error page's "back" link goes (the form that was posted); nil for the role's start page.
    public var back: String?

    public init(_ status: HTTPResponse.Status, _ message: String, details: [String] = [], back: String? = nil) {
        self.status = status
        self.message = message
        self.details = details
        self.back = back
    }

    public var description: String { ([message] + details).joined(separator: "\n") }

    static func badRequest(_ message: String, details: [String] = [], back: String? = nil) -> WebError {
        WebError(.badRequest, message, details: details, back: back)
    }
    static func notFound(_ message: String) -> WebError { WebError(.notFound, message) }
    static let forbidden = WebError(.forbidden, "U heeft geen toegang tot deze pagina met uw rol.")
    static let csrf = WebError(
        .forbidden,
        "Het formulier is verlopen of niet vanuit deze applicatie verstuurd. Laad de pagina opnieuw en probeer het nog eens."
    )
}
