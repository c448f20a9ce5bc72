import Foundation
import HummingbirdBcrypt
import Ledger

/// Accounts and API tokens for `instroom users` and the beheer pages: passwords are hashed with bcrypt
/// here, tokens with SHA-256; the ledger only ever sees the hashes.
public struct Accounts: Sendable {
    public let ledger: Ledger
    public let cost: UInt8

    public init(ledger: Ledger, cost: UInt8 = 12) {
        self.ledger = ledger
        self.cost = cost
    }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 12

    /// A Dutch reason why `password` is refused, or nil.
    public static func problem(withPassword password: String) -> String? {
        if password.count < minimumPasswordLength { return "Een wachtwoord heeft minstens \(minimumPasswordLength) tekens." }
        if password.count > 72 { return "Een wachtwoord heeft hoogstens 72 tekens." }
        return nil
    }

    @discardableResult
    public func add(login: String, displayName: String, role: UserRole, password: String) throws -> UserRecord {
        if let problem = Accounts.problem(withPassword: password) { throw WebError.badRequest(problem) }
        let login = login.trimmingCharacters(in: .whitespaces)
        guard login.range(of: #"^[A-Za-z0-9._@-]{2,64}$"#, options: .regularExpression) != nil else {
            throw WebError.badRequest("Een gebruikersnaam heeft 2 tot 64 tekens: letters, cijfers, punt, streepje, @ of liggend streepje.")
        }
        if try ledger.user(login: login) != nil { throw WebError.badRequest("De gebruikersnaam ‘\(login)’ bestaat al.") }
        return try ledger.addUser(login: login, displayName: displayName, role: role, passwordHash: Bcrypt.hash(password, cost: cost))
    }

    public func setPassword(login: String, password: String) throws {
        if let problem = Accounts.problem(withPassword: password) { throw WebError.badRequest(problem) }
        guard let user = try ledger.user(login: login), let id = user.id else { throw WebError.notFound("Er is geen account ‘\(login)’.") }
        try ledger.updateUser(id: id, passwordHash: Bcrypt.hash(password, cost: cost))
    }

    public func setActive(login: String, _ active: Bool) throws {
        guard let user = try ledger.user(login: login), let id = user.id else { throw WebError.notFound("Er is geen account ‘\(login)’.") }
        try ledger.updateUser(id: id, active: active)
    }

    /// The active account whose password matches, or nil. An unknown login costs the same bcrypt work,
    /// so the answer's timing does not tell which logins exist.
    public func verify(login: String, password: String) throws -> UserRecord? {
        let user = try ledger.user(login: login.trimmingCharacters(in: .whitespaces))
        let matches = Bcrypt.verify(password, hash: user?.passwordHash ?? Accounts.decoyHash)
        guard let user, matches, user.active else { return nil }
        return user
    }

    /// A new API token for a system: returns the token itself (shown once) and its record.
    public func makeToken(name: String, role: UserRole, by actor: String) throws -> (token: String, record: APITokenRecord) {
        let token = "irt_" + Secret.token()
        let record = try ledger.addAPIToken(tokenHash: Secret.hash(token), name: name, role: role, createdBy: actor)
        return (token, record)
    }

    /// A bcrypt hash of a random text, to verify against when the login is unknown.
    static let decoyHash = Bcrypt.hash(Secret.token(), cost: 12)
}
