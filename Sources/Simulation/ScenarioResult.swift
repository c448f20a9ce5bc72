import Allocation
import Foundation
import InstroomDomain
import Triage
import Wegingskader

// MARK: - Results

/// Everything the report and the JSON show about one scenario. No timings or run dates: the same
/// scenario and seed give byte-identical JSON.
public struct ScenarioResult: Codable, Sendable, Equatable {
    public var scenario: ScenarioSummary
    public var intake: IntakeBasis.Source
    public var totals: Totals
    public var months: [MonthRecord]
    /// One record per working day (left out in sweeps).
    public var days: [DayRecord]?
    /// This scenario minus the baseline (the comparison's first scenario); absent for the baseline.
    public var againstBaseline: BaselineDifference?
    /// The daily policy against the whole period solved at once (`simulate --hindsight`).
    public var hindsight: HindsightBenchmark?

    /// The same result with its hindsight benchmark.
    public func with(hindsight: HindsightBenchmark) -> ScenarioResult {
        var copy = self
        copy.hindsight = hindsight
        return copy
    }
}
