import GRDB

/// A wegingskader version made active by a beheerder. The latest row is the active version; the
/// rule text is stored whole so the app can load it after a restart and any activation can be re-read.
public struct RuleActivationRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "ruleActivation"
    public var id: Int64?
    public var hash: String
    public var version: String
    public var title: String
    public var source: String
    public var activatedBy: String
    public var activatedAt: String

    public init(id: Int64? = nil, hash: String, version: String, title: String, source: String, activatedBy: String, activatedAt: String) {
        self.id = id
        self.hash = hash
        self.version = version
        self.title = title
        self.source = source
        self.activatedBy = activatedBy
        self.activatedAt = activatedAt
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
