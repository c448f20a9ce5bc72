import Allocation
import Foundation
import InstroomDomain
import Triage
import Wegingskader

public struct DayRecord: Codable, Sendable, Equatable {
    public var day: Day
    public var intake: Int
    public var assigned: Int
    public var waiting: Int
    public var escalated: Int
    /// Cumulative share of the period after the day, per RO.
    public var share: [String: Double]
    /// Active load as a share of the week's caseload, per RO.
    public var utilisation: [String: Double]
    public var slack: Double
    public var hardBandFailure: Bool?
}
