import GRDB
import InstroomDomain

/// The commissie's decision on one escalation: confirm the provisional RO or move the case.
public struct DecisionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "decision"
    public enum Action: String, Codable, Sendable { case confirm, move }
    public var id: Int64?
    public var escalationId: Int64
    public var caseId: String
    public var action: Action
    public var roBefore: RO?
    public var roAfter: RO
    public var rationale: String
    public var decidedBy: String
    public var decidedAt: String

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let escalationId = Column(CodingKeys.escalationId)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
