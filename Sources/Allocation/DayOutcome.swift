import Foundation
import GLPK
import InstroomDomain

/// The outcome of one day's solve, per case, with what the solver proved.
public struct DayOutcome: Sendable {
    public var status: SolveStatus
    public var message: String
    public var assignments: [String: RO]
    /// Cases that wait: no RO had room for them (or, with hard bands, a band forbade it).
    public var waiting: [String]
    /// Waiting cases for which some allowed RO had capacity left: only hard bands can cause this.
    public var blockedByBands: [String]
    /// Model objective: fit + continuity - waiting penalties - soft band penalties.
    public var objective: Double?
    /// Fit (with continuity) of today's assignments alone.
    public var fit: Int
    public var sharesAfter: PeriodShares
    public var capacityUsed: [RO: Double]
    /// Soft-band slack used, in workload points.
    public var belowBand: [RO: Double]
    public var aboveBand: [RO: Double]
    public var solver: SolveResult?
    public var classes: Int
    public var columns: Int
    public var rows: Int
}
