import Foundation
import GRDB
import InstroomDomain

/// A day's proposal under review: a draft, replaced by a new proposal for the same day and removed
/// when the day is confirmed. Nothing in it is final.
public struct ProposalRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "proposal"
    public var day: String
    public var createdAt: String
    public var createdBy: String
    public var updatedAt: String
    public var content: ProposalContent

    public init(day: String, createdAt: String, createdBy: String, updatedAt: String, content: ProposalContent) {
        self.day = day
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
        self.content = content
    }

    public enum Columns {
        static let day = Column(CodingKeys.day)
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { Ledger.jsonEncoder }
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder { ColumnJSONDecoder(column: column) }
}
