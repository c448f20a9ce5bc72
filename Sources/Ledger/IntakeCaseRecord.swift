import Foundation
import GRDB
import InstroomDomain

/// A case as it came in. Its facts never change: an intake that differs from them is refused.
struct IntakeCaseRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "intakeCase"
    var id: String
    var received: String
    var kind: CaseKind
    var weight: Double
    var facts: IntakeCase
    var sourceFile: String?
    var recordedAt: String

    /// Rows whose facts `purge` has not replaced by a tombstone (only those decode as an `IntakeCase`).
    static let notPurged = Column("facts") != Schema.purgedFacts

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let received = Column(CodingKeys.received)
    }

    /// Written by hand for speed (one row per new case); see `AssignmentRecord.encode(to:)`.
    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["received"] = received
        container["kind"] = kind.rawValue
        container["weight"] = weight
        container["facts"] = try Ledger.jsonText(facts)
        container["sourceFile"] = sourceFile
        container["recordedAt"] = recordedAt
    }

    static func databaseJSONEncoder(for column: String) -> JSONEncoder { Ledger.jsonEncoder }
    static func databaseJSONDecoder(for column: String) -> JSONDecoder { ColumnJSONDecoder(column: column) }
}
