import Allocation
import Foundation
import InstroomDomain
import Triage
import Wegingskader

public struct MonthRecord: Codable, Sendable, Equatable {
    /// "2026-03".
    public var month: String
    public var assigned: Int
    public var atBestFit: Int
    public var fitLostToBands: Int
    public var escalations: [String: Int]
}
