import Foundation
import GRDB

/// Web-app accounts, sessions, API tokens and rule-set activations. Hashing happens in the caller
/// (the web app): the ledger stores hashes only and never sees a password or a token.
extension Ledger {
    // MARK: - Users

    /// Adds an account; a login that exists (in any case) is refused.
    @discardableResult
    public func addUser(login: String, displayName: String, role: UserRole, passwordHash: String) throws -> UserRecord {
        let login = login.trimmingCharacters(in: .whitespaces)
        let name = displayName.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, !name.isEmpty else { throw LedgerError.refused("an account needs a login and a display name") }
        return try writeTransaction { db in
            if try UserRecord.filter(UserRecord.Columns.login == login).fetchCount(db) > 0 {
                throw LedgerError.refused("the login '\(login)' exists already")
            }
            var user = UserRecord(login: login, displayName: name, role: role, passwordHash: passwordHash, createdAt: timestamp())
            try user.insert(db)
            return user
        }
    }

    public func users() throws -> [UserRecord] {
        try queue.read { db in try Ledger.fetchAll(db, UserRecord.order(UserRecord.Columns.login)) }
    }

    /// The account with this login, compared case-insensitively.
    public func user(login: String) throws -> UserRecord? {
        try queue.read { db in try Ledger.fetchOne(db, UserRecord.filter(UserRecord.Columns.login == login)) }
    }

    public func user(id: Int64) throws -> UserRecord? {
        try queue.read { db in try Ledger.fetchOne(db, UserRecord.filter(key: id)) }
    }

    /// Changes an account's role, active flag or password hash (nil leaves it). Disabling an account
    /// or changing its password or role ends its sessions.
    @discardableResult
    public func updateUser(id: Int64, role: UserRole? = nil, active: Bool? = nil, passwordHash: String? = nil) throws -> UserRecord {
        try writeTransaction { db in
            guard var user = try Ledger.fetchOne(db, UserRecord.filter(key: id)) else { throw LedgerError.notFound("account \(id)") }
            if let role { user.role = role }
            if let active { user.active = active }
            if let passwordHash { user.passwordHash = passwordHash }
            try user.update(db)
            try SessionRecord.filter(SessionRecord.Columns.userId == id).deleteAll(db)
            return user
        }
    }

    // MARK: - Sessions

    public func addSession(_ session: SessionRecord) throws {
        try writeTransaction { db in
            try SessionRecord.filter(SessionRecord.Columns.expiresAt < timestamp()).deleteAll(db)
            try session.insert(db)
        }
    }

    /// The unexpired session with this token hash and its account, if that account is active.
    public func session(tokenHash: String) throws -> (session: SessionRecord, user: UserRecord)? {
        try queue.read { db in
            guard let session = try Ledger.fetchOne(db, SessionRecord.filter(key: tokenHash)), session.expiresAt > timestamp(),
                let user = try Ledger.fetchOne(db, UserRecord.filter(key: session.userId)), user.active
            else { return nil }
            return (session, user)
        }
    }

    public func removeSession(tokenHash: String) throws {
        _ = try writeTransaction { db in try SessionRecord.deleteOne(db, key: tokenHash) }
    }

    /// An ISO timestamp `seconds` from now on the ledger's clock, for a session's expiry.
    public func timestamp(after seconds: TimeInterval) -> String { Ledger.iso.string(from: clock().addingTimeInterval(seconds)) }

    // MARK: - API tokens

    @discardableResult
    public func addAPIToken(tokenHash: String, name: String, role: UserRole, createdBy: String) throws -> APITokenRecord {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw LedgerError.refused("an API token needs the name of the system that uses it") }
        return try writeTransaction { db in
            var token = APITokenRecord(tokenHash: tokenHash, name: name, role: role, createdBy: createdBy, createdAt: timestamp())
            try token.insert(db)
            return token
        }
    }

    public func apiTokens() throws -> [APITokenRecord] {
        try queue.read { db in try Ledger.fetchAll(db, APITokenRecord.order(APITokenRecord.Columns.id)) }
    }

    /// The active token with this hash.
    public func apiToken(tokenHash: String) throws -> APITokenRecord? {
        try queue.read { db in
            try Ledger.fetchOne(db, APITokenRecord.filter(APITokenRecord.Columns.tokenHash == tokenHash)).flatMap { $0.active ? $0 : nil }
        }
    }

    public func disableAPIToken(id: Int64) throws {
        try writeTransaction { db in
            guard var token = try Ledger.fetchOne(db, APITokenRecord.filter(key: id)) else { throw LedgerError.notFound("API token \(id)") }
            token.active = false
            try token.update(db)
        }
    }

    // MARK: - Rule-set activations

    /// Makes a wegingskader version the active one, from now on.
    @discardableResult
    public func activateRuleSet(
        hash: String,
        version: String,
        title: String,
        source: String,
        by actor: String
    ) throws -> RuleActivationRecord {
        try writeTransaction { db in
            var record = RuleActivationRecord(
                hash: hash,
                version: version,
                title: title,
                source: source,
                activatedBy: actor,
                activatedAt: timestamp()
            )
            try record.insert(db)
            return record
        }
    }

    /// Every activation, oldest first; the last one is the active version.
    public func ruleActivations() throws -> [RuleActivationRecord] {
        try queue.read { db in try Ledger.fetchAll(db, RuleActivationRecord.order(RuleActivationRecord.Columns.id)) }
    }
}
