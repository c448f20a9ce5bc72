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
    /// Whole points subtracted from a case's profit at an RO: what placing it there costs beyond today,
    /// as a simulated policy prices it (`PolicyCosts`). nil (every production day) is exactly the model
    /// without it; the fit reported stays the case's own.
    public var costs: PolicyCosts?

    public init(
        day: Day,
        cases: [CandidateCase],
        prior: PeriodShares,
        capacityLeft: [RO: Double],
        config: AllocationConfig,
        costs: PolicyCosts? = nil
    ) {
        self.day = day
        self.cases = cases
        self.prior = prior
        self.capacityLeft = capacityLeft
        self.config = config
        self.costs = costs
    }
}
