import Foundation
import GRDB

/// One line of the append-only audit trail (the schema refuses updates and deletes).
public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit"
    public var id: Int64?
    public var at: String
    public var actor: String
    public var action: AuditAction
    public var caseId: String?
    public var runId: Int64?
    /// Dutch description, as the commissie reads it.
    public var detail: String
    /// The same event in fields (escalation id, RO before and after, reasons, ...); nil in rows from before v3.
    public var data: AuditData?
    /// `data` already encoded (by a `JSONTextMemo`).
    var dataJSON: String? = nil

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, caseId, runId, detail, data
    }

    public init(
        id: Int64? = nil,
        at: String,
        actor: String,
        action: AuditAction,
        caseId: String? = nil,
        runId: Int64? = nil,
        detail: String,
        data: AuditData? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.caseId = caseId
        self.runId = runId
        self.detail = detail
        self.data = data
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let caseId = Column(CodingKeys.caseId)
        static let runId = Column(CodingKeys.runId)
    }

    /// Written by hand for speed (one entry per assigned case); see `AssignmentRecord.encode(to:)`.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["at"] = at
        container["actor"] = actor
        container["action"] = action.rawValue
        container["caseId"] = caseId
        container["runId"] = runId
        container["detail"] = detail
        container["data"] = try dataJSON ?? data.map(Ledger.jsonText)
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { Ledger.jsonEncoder }
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder { ColumnJSONDecoder(column: column) }
}
