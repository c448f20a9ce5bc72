import Ledger

/// Who is asking: a logged-in person (session cookie) or a system (API bearer token).
struct Identity: Sendable {
    /// The display name: the actor of every audit entry this request writes.
    var name: String
    var login: String?
    var role: UserRole
    /// The session's CSRF token; nil for an API token (the API takes no cookies, so it needs none).
    var csrf: String?
    /// The SHA-256 of the session cookie, to end the session at logout.
    var sessionHash: String?
}
