import Foundation
import GRDB

/// One line of the append-only audit trail (the schema refuses updates, deletes and replacements),
/// chained to the previous line by `prevHash` and `hash` (see `AuditChain`).
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
    /// SHA-256 of the facts of `caseId` as stored when the entry was written; nil without a (recorded) case.
    public var factsHash: String? = nil
    /// The previous entry's `hash`; nil for the first entry. Set by `insert(_:)`.
    public var prevHash: String? = nil
    /// SHA-256 over this entry's fields and `prevHash`. Set by `insert(_:)`.
    public var hash: String? = nil

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, caseId, runId, detail, data, factsHash, prevHash, hash
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
        container["factsHash"] = factsHash
        container["prevHash"] = prevHash
        container["hash"] = hash
    }

    /// Appends the entry as the next link of the hash chain: the previous hash is read inside the
    /// caller's transaction, so two writers can never chain to the same entry. Every audit insert
    /// goes through here (the schema refuses an entry whose `prevHash` is not the newest hash).
    public func insert(_ db: Database) throws {
        var chained = self
        if chained.dataJSON == nil { chained.dataJSON = try data.map(Ledger.jsonText) }
        chained.factsHash = try AuditChain.factsHash(caseId: caseId, db)
        chained.prevHash = try AuditChain.lastHash(db)
        chained.hash = AuditChain.hash(values: chained.chainedValues, prevHash: chained.prevHash)
        try chained.insert(db, onConflict: nil)
    }

    /// The hashed column values, in `AuditChain.columns` order, as they are stored.
    var chainedValues: [DatabaseValue] {
        [
            at.databaseValue, actor.databaseValue, action.rawValue.databaseValue, caseId.databaseValue, runId.databaseValue,
            detail.databaseValue, dataJSON.databaseValue, factsHash.databaseValue,
        ]
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { Ledger.jsonEncoder }
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder { ColumnJSONDecoder(column: column) }
}
