import Foundation
import GRDB
import InstroomDomain

/// One row of the assignment history. The current RO of a case is its highest revision.
public struct AssignmentRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "assignment"
    public var id: Int64?
    public var caseId: String
    public var revision: Int
    public var runId: Int64?
    /// The day of the first assignment: the period whose share the case counts in.
    public var day: String
    public var ro: RO
    public var weight: Double
    public var final: Bool
    public var source: String
    public var bestFit: RO?
    /// Scores and explanations as JSON, as the wegingskader produced them.
    public var scores: String
    public var ruleHash: String
    public var decisionId: Int64?
    public var createdAt: String
}

public struct RunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public var id: Int64?
    public var day: String
    public var startedAt: String
    public var ruleHash: String
    public var config: String
    public var intakeFile: String?
    public var status: String
    public var objective: Double?
    public var gap: Double?
    public var seconds: Double
    public var nodes: Int
    public var caseCount: Int
    public var message: String
}

public struct EscalationRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "escalation"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
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

    public static let databaseJSONEncoder: @Sendable (String) -> JSONEncoder = { _ in
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return e
    }
}

public struct DecisionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "decision"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
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
}

public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit"
    public var id: Int64?
    public var at: String
    public var actor: String
    /// What happened: run, assign, escalate, contest, decide, resolve, ruleset.
    public var action: String
    public var caseId: String?
    public var runId: Int64?
    /// Dutch description plus structured details as JSON.
    public var detail: String
}

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

struct IntakeCaseRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "intakeCase"
    var id: String
    var received: String
    var kind: String
    var weight: Double
    var facts: String
    var sourceFile: String?
    var recordedAt: String
}
