import GRDB

/// A logged-in browser. The cookie carries a random token; the ledger keeps only its SHA-256, so a
/// copy of the database does not hand out sessions. The CSRF token is per session.
public struct SessionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "appSession"
    public var tokenHash: String
    public var userId: Int64
    public var csrfToken: String
    public var createdAt: String
    public var expiresAt: String

    public init(tokenHash: String, userId: Int64, csrfToken: String, createdAt: String, expiresAt: String) {
        self.tokenHash = tokenHash
        self.userId = userId
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    public enum Columns {
        static let tokenHash = Column(CodingKeys.tokenHash)
        static let userId = Column(CodingKeys.userId)
        static let expiresAt = Column(CodingKeys.expiresAt)
    }
}
