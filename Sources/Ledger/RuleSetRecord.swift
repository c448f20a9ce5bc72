import GRDB

/// A wegingskader version, stored whole the first time a run uses it, so any old decision can be re-scored.
public struct RuleSetRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "ruleSet"
    public var hash: String
    public var version: String
    public var title: String
    public var source: String
    public var firstUsedAt: String

    public init(hash: String, version: String, title: String, source: String, firstUsedAt: String) {
        self.hash = hash
        self.version = version
        self.title = title
        self.source = source
        self.firstUsedAt = firstUsedAt
    }
}
