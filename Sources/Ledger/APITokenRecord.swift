import GRDB

/// A bearer token for a system that uses the JSON API. Only its SHA-256 is stored; the token itself
/// is shown once, when it is made. It acts with one role, under its own name in the audit trail.
public struct APITokenRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "apiToken"
    public var id: Int64?
    public var tokenHash: String
    /// The system's name, written as the actor of its audit entries.
    public var name: String
    public var role: UserRole
    public var createdBy: String
    public var createdAt: String
    public var active: Bool

    public init(
        id: Int64? = nil,
        tokenHash: String,
        name: String,
        role: UserRole,
        createdBy: String,
        createdAt: String,
        active: Bool = true
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.name = name
        self.role = role
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.active = active
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let tokenHash = Column(CodingKeys.tokenHash)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
