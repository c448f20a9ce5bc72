import Foundation
import GRDB
import InstroomDomain

/// One row of the assignment history. The current RO of a case is its highest revision; rows are
/// never updated or deleted (the schema's triggers refuse it).
public struct AssignmentRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "assignment"

    /// Who set the RO: the model in a run, or the commissie in a decision.
    public enum Source: String, Codable, Sendable {
        case model, commissie
    }

    public var id: Int64?
    public var caseId: String
    public var revision: Int
    public var runId: Int64?
    /// The day of the first assignment: the period whose share the case counts in.
    public var day: String
    public var ro: RO
    public var weight: Double
    public var final: Bool
    public var source: Source
    public var bestFit: RO?
    /// The wegingskader's scores and explanations when the case was first assigned.
    public var scores: StoredScores
    public var ruleHash: String
    public var decisionId: Int64?
    public var createdAt: String
    /// `scores` already encoded (by a `JSONTextMemo`), so a run with many alike cases encodes each once.
    var scoresJSON: String? = nil

    enum CodingKeys: String, CodingKey {
        case id, caseId, revision, runId, day, ro, weight, final, source, bestFit, scores, ruleHash, decisionId, createdAt
    }

    public init(
        id: Int64? = nil,
        caseId: String,
        revision: Int,
        runId: Int64?,
        day: String,
        ro: RO,
        weight: Double,
        final: Bool,
        source: Source,
        bestFit: RO?,
        scores: StoredScores,
        ruleHash: String,
        decisionId: Int64?,
        createdAt: String
    ) {
        self.id = id
        self.caseId = caseId
        self.revision = revision
        self.runId = runId
        self.day = day
        self.ro = ro
        self.weight = weight
        self.final = final
        self.source = source
        self.bestFit = bestFit
        self.scores = scores
        self.ruleHash = ruleHash
        self.decisionId = decisionId
        self.createdAt = createdAt
    }

    public enum Columns {
        static let caseId = Column(CodingKeys.caseId)
        static let revision = Column(CodingKeys.revision)
        static let day = Column(CodingKeys.day)
        static let ro = Column(CodingKeys.ro)
        static let weight = Column(CodingKeys.weight)
    }

    /// Written by hand, not by Codable: a run inserts thousands of rows and GRDB's Codable encoding
    /// made `bench day --cases 10000` measurably slower. Reading stays Codable.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["caseId"] = caseId
        container["revision"] = revision
        container["runId"] = runId
        container["day"] = day
        container["ro"] = ro.rawValue
        container["weight"] = weight
        container["final"] = final
        container["source"] = source.rawValue
        container["bestFit"] = bestFit?.rawValue
        container["scores"] = try scoresJSON ?? Ledger.jsonText(scores)
        container["ruleHash"] = ruleHash
        container["decisionId"] = decisionId
        container["createdAt"] = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { Ledger.jsonEncoder }
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder { ColumnJSONDecoder(column: column) }
}
