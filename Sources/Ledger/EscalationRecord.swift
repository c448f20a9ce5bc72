import Foundation
import GRDB
import InstroomDomain

/// A case the commissie must look at, with why and what the model saw.
public struct EscalationRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "escalation"
    public enum Status: String, Codable, Sendable { case open, decided, resolved }
    public var id: Int64?
    public var caseId: String
    public var runId: Int64?
    public var day: String
    public var reasons: [EscalationReason]
    public var primaryReason: EscalationCode
    /// The model's choice, kept so work can start while the commissie decides; nil while the case waits.
    public var provisionalRO: RO?
    public var status: Status
    /// Day by which the commissie should decide (working days from the escalation).
    public var deadline: String
    public var ruleHash: String
    public var createdAt: String
    public var raisedBy: String
    /// The period shares and bands when the escalation was raised; nil in rows from before v2.
    public var context: EscalationContext?

    public init(
        id: Int64? = nil,
        caseId: String,
        runId: Int64?,
        day: String,
        reasons: [EscalationReason],
        primaryReason: EscalationCode,
        provisionalRO: RO?,
        status: Status,
        deadline: String,
        ruleHash: String,
        createdAt: String,
        raisedBy: String,
        context: EscalationContext?
    ) {
        self.id = id
        self.caseId = caseId
        self.runId = runId
        self.day = day
        self.reasons = reasons
        self.primaryReason = primaryReason
        self.provisionalRO = provisionalRO
        self.status = status
        self.deadline = deadline
        self.ruleHash = ruleHash
        self.createdAt = createdAt
        self.raisedBy = raisedBy
        self.context = context
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let caseId = Column(CodingKeys.caseId)
        static let status = Column(CodingKeys.status)
        static let provisionalRO = Column(CodingKeys.provisionalRO)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { Ledger.jsonEncoder }
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder { ColumnJSONDecoder(column: column) }
}
