import GRDB

/// A web-app account. Only the bcrypt hash of the password is stored; a disabled account keeps its
/// row so the audit trail's names stay explained.
public struct UserRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "appUser"
    public var id: Int64?
    /// The login name (unique, case-insensitive).
    public var login: String
    /// The name shown in the header and written as the actor of every audit entry.
    public var displayName: String
    public var role: UserRole
    public var passwordHash: String
    public var active: Bool
    public var createdAt: String

    public init(
        id: Int64? = nil,
        login: String,
        displayName: String,
        role: UserRole,
        passwordHash: String,
        active: Bool = true,
        createdAt: String
    ) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.passwordHash = passwordHash
        self.active = active
        self.createdAt = createdAt
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let login = Column(CodingKeys.login)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
