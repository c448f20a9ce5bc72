import Foundation
import GLPK
import InstroomDomain

/// One day's allocation instance: the cases to place, what the period already holds, what capacity is left.
public struct DayInstance: Sendable {
    public var day: Day
    public var cases: [CandidateCase]
    public var prior: PeriodShares
    public var capacityLeft: [RO: Double]
    public var config: AllocationConfig

    public init(day: Day, cases: [CandidateCase], prior: PeriodShares, capacityLeft: [RO: Double], config: AllocationConfig) {
        self.day = day
        self.cases = cases
        self.prior = prior
        self.capacityLeft = capacityLeft
        self.config = config
    }
}
