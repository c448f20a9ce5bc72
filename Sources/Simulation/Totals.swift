import Allocation
import Foundation
import InstroomDomain
import Triage
import Wegingskader

public struct Totals: Codable, Sendable, Equatable {
    public var workingDays: Int
    public var intake: Int
    public var assigned: Int
    public var waitingAtEnd: Int
    /// Assigned to an RO whose wegingskader score equals the best score (ties count as best fit).
    public var atBestFit: Int
    public var atBestFitShare: Double
    /// Fit (with continuity) of the assignments, and what the best allowed RO would have given.
    public var fitAssigned: Int
    public var fitBest: Int
    /// Fit lost because a band forced a worse RO (total and per RO that fitted better).
    public var fitLostToBands: Int
    public var fitLostToBandsPerRO: [String: Int]
    public var fitLostToCapacity: Int
    public var fitLostToCapacityPerRO: [String: Int]
    /// Cases per fit-loss bucket ("0", "1-2", "3-5", "6-10", ">10" points).
    public var fitLossHistogram: [String: Int]
    public var assignedPerRO: [String: Int]
    public var finalShare: [String: Double]
    public var escalations: [String: Int]
    public var escalatedCases: Int
    public var daysWithWaiting: Int
    public var maxWaiting: Int
    public var caseDaysWaiting: Int
    public var averageWaitDays: Double
    /// Soft-band slack used, workload points summed over the days.
    public var softSlack: [String: Double]
    public var daysWithSlack: Int
    public var averageUtilisation: [String: Double]
    public var peakUtilisation: [String: Double]
    public var hardBandFailureDays: Int
    public var hardBandFailures: [HardBandFailure]
    /// Days on which GLPK stopped at `solver.timeLimitSeconds` without proving optimality.
    public var solverTimeLimitDays: [Day]

    public struct HardBandFailure: Codable, Sendable, Equatable {
        public var day: Day
        public var explanation: String
    }

    public static let histogramBuckets = ["0", "1-2", "3-5", "6-10", ">10"]
}
