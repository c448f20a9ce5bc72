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
    /// `atBestFit` over ALL cases of the intake, those still waiting at the end included (they are not
    /// at their best fit): the share the directies read.
    public var atBestFitShare: Double
    /// Fit (with continuity) of the assignments, and what the best allowed RO would have given.
    public var fitAssigned: Int
    public var fitBest: Int
    /// Fit lost because a band forced a worse RO (total and per RO that fitted better).
    public var fitLostToBands: Int
    public var fitLostToBandsPerRO: [String: Int]
    public var fitLostToCapacity: Int
    public var fitLostToCapacityPerRO: [String: Int]
    /// The best allowed fit of the cases still waiting at the end: fit not (yet) reached.
    public var fitWaitingAtEnd: Int
    /// Every point of fit not reached: bands + capacity + still waiting at the end. With `fitAssigned` it
    /// adds up to the best fit of every case of the intake.
    public var fitLost: Int
    /// Cases per fit-loss bucket ("0", "1-2", "3-5", "6-10", ">10" points).
    public var fitLossHistogram: [String: Int]
    public var assignedPerRO: [String: Int]
    public var finalShare: [String: Double]
    public var escalations: [String: Int]
    public var escalatedCases: Int
    /// What the triage review and the begeleidingscommissie receive (the review workflow's queues).
    public var reviewVolumes = ReviewVolumes()
    public var daysWithWaiting: Int
    public var maxWaiting: Int
    public var caseDaysWaiting: Int
    /// Working days a case waited, averaged over ALL cases (those still waiting at the end count the days
    /// they waited so far): `caseDaysWaiting / intake`.
    public var averageWaitDays: Double
    /// Soft-band slack used, workload points summed over the days (each day's distance of the cumulative
    /// share from its band).
    public var softSlack: [String: Double]
    public var daysWithSlack: Int
    /// Distance from the band at the end of each band period, in workload points, summed over the
    /// periods: what the agreement is judged on, and what the hindsight benchmark compares.
    public var slackAtPeriodEnd: [String: Double]
    public var averageUtilisation: [String: Double]
    public var peakUtilisation: [String: Double]
    public var hardBandFailureDays: Int
    public var hardBandFailures: [HardBandFailure]
    /// Days on which GLPK stopped at `solver.timeLimitSeconds` without proving optimality.
    public var solverTimeLimitDays: [Day]
    /// The caseload dips and, per RO, the days on which it had room for new cases (its load under the
    /// lowered caseload at the start of the day).
    public var dips: [CaseloadDip] = []

    public struct HardBandFailure: Codable, Sendable, Equatable {
        public var day: Day
        public var explanation: String
    }

    public static let histogramBuckets = ["0", "1-2", "3-5", "6-10", ">10"]
}
