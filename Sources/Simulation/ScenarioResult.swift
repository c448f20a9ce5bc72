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
}
