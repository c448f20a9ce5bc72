import GRDB
import InstroomDomain

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

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let ro = Column(CodingKeys.ro)
        static let status = Column(CodingKeys.status)
    }

    public init(
        id: Int64? = nil,
        runId: Int64? = nil,
        day: String,
        ro: RO,
        periodStart: String,
        periodEnd: String,
        share: Double,
        projectedShare: Double,
        bandMin: Double,
        bandMax: Double,
        bandMode: BandMode,
        direction: Direction,
        detail: String,
        status: Status = .open,
        deadline: String,
        createdAt: String = ""
    ) {
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
