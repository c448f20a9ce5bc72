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
    /// JSON (`EscalationContext`): the period shares and bands when the escalation was raised.
    public var context: String? = nil

    /// The stored snapshot of shares and bands, if any.
    public var snapshot: EscalationContext? {
        context.flatMap { try? JSONDecoder().decode(EscalationContext.self, from: Data($0.utf8)) }
    }

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

/// Shares and bands per RO at the moment a case was escalated: the commissie judges with what the model saw.
public struct EscalationContext: Codable, Sendable, Equatable {
    public struct Share: Codable, Sendable, Equatable {
        public var share: Double
        public var weight: Double
        public var band: Bandwidth
        public var withinBand: Bool
        public init(share: Double, weight: Double, band: Bandwidth, withinBand: Bool) {
            self.share = share
            self.weight = weight
            self.band = band
            self.withinBand = withinBand
        }
    }
    public var periodStart: String
    public var periodEnd: String
    /// Per RO code (SVG, RN, LJR), after the run that raised the escalation (or when contested).
    public var shares: [String: Share]
    public init(periodStart: String, periodEnd: String, shares: [String: Share]) {
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.shares = shares
    }

    public var json: String { Ledger.json(self) }
}

/// A band forecast to be breached this period: one per RO, not per case (escalation code band_prognose).
///
/// A later run supersedes an open alert for the same RO with a fresh one, or resolves it when the
/// forecast is back within the band.
public struct BandAlertRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "bandAlert"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public enum Status: String, Codable, Sendable { case open, resolved, superseded }
    public enum Direction: String, Codable, Sendable { case below, above }
    public var id: Int64?
    public var runId: Int64?
    public var day: String
    public var ro: RO
    public var periodStart: String
    public var periodEnd: String
    /// Share of the period's weighted intake after the run.
    public var share: Double
    /// Share forecast for the end of the period at the recent daily trend.
    public var projectedShare: Double
    public var bandMin: Double
    public var bandMax: Double
    public var bandMode: BandMode
    public var direction: Direction
    /// Dutch explanation.
    public var detail: String
    public var status: Status
    public var deadline: String
    public var createdAt: String

    public init(id: Int64? = nil, runId: Int64? = nil, day: String, ro: RO, periodStart: String, periodEnd: String, share: Double,
                projectedShare: Double, bandMin: Double, bandMax: Double, bandMode: BandMode, direction: Direction, detail: String,
                status: Status = .open, deadline: String, createdAt: String = "") {
        self.id = id
        self.runId = runId
        self.day = day
        self.ro = ro
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.share = share
        self.projectedShare = projectedShare
        self.bandMin = bandMin
        self.bandMax = bandMax
        self.bandMode = bandMode
        self.direction = direction
        self.detail = detail
        self.status = status
        self.deadline = deadline
        self.createdAt = createdAt
    }
}
