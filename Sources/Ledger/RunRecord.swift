import Foundation
import GRDB
import InstroomDomain

/// One allocation run: when, with which rules and settings, and what the solver proved.
public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"
    public var id: Int64?
    public var day: String
    public var startedAt: String
    public var ruleHash: String
    public var config: RunConfiguration
    public var intakeFile: String?
    public var status: RunStatus
    public var objective: Double?
    public var gap: Double?
    public var seconds: Double
    public var nodes: Int
    public var caseCount: Int
    public var message: String

    /// `startedAt`, `ruleHash` and `caseCount` are filled in when a `RunDraft` is recorded.
    public init(
        id: Int64? = nil,
        day: String,
        startedAt: String = "",
        ruleHash: String = "",
        config: RunConfiguration,
        intakeFile: String?,
        status: RunStatus,
        objective: Double?,
        gap: Double?,
        seconds: Double,
        nodes: Int,
        caseCount: Int = 0,
        message: String
    ) {
        self.id = id
        self.day = day
        self.startedAt = startedAt
        self.ruleHash = ruleHash
        self.config = config
        self.intakeFile = intakeFile
        self.status = status
        self.objective = objective
        self.gap = gap
        self.seconds = seconds
        self.nodes = nodes
        self.caseCount = caseCount
        self.message = message
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { Ledger.jsonEncoder }
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder { ColumnJSONDecoder(column: column) }
}
