import Allocation
import Foundation
import GLPK
import InstroomDomain
import Triage
import Wegingskader

public struct ScenarioSummary: Codable, Sendable, Equatable {
    public var name: String
    public var title: String
    public var description: String
    public var assumptions: [String]
    public var seed: UInt64
    public var period: String
    public var bands: [String: BandSummary]
    public var softBandPenalty: Double
    /// `cumulative` (production) or `lookahead` (`allocation.bandPolicy`).
    public var bandPolicy: String
    /// GLPK's time limit per day (`allocation.solver.timeLimitSeconds`): a setting, not a timing.
    public var solverTimeLimitSeconds: Double
    public var caseload: [String: Double]
    public var durations: [String: Int]
    public var workload: [String: Double]
    public var rules: String
    public var totalBandWidth: Double

    public struct BandSummary: Codable, Sendable, Equatable {
        public var min: Double
        public var max: Double
        public var mode: String
    }

    init(_ s: Scenario) {
        name = s.name
        title = s.title
        description = s.description
        assumptions = s.assumptions
        seed = s.seed
        period = s.config.period.rawValue
        bands = Dictionary(
            uniqueKeysWithValues: RO.allCases.map { ro in
                let b = s.config.band(ro)
                return (ro.rawValue, BandSummary(min: Format.round(b.min), max: Format.round(b.max), mode: b.mode.rawValue))
            }
        )
        softBandPenalty = s.config.softBandPenalty
        bandPolicy = s.bandPolicy.rawValue
        solverTimeLimitSeconds = s.config.solver.timeLimitSeconds
        caseload = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, s.capacity.caseload[$0] ?? 0) })
        durations = Dictionary(uniqueKeysWithValues: CaseKind.allCases.map { ($0.rawValue, s.durations[$0] ?? 0) })
        var w: [String: Double] = ["vi": s.config.workload.vi, "advies": s.config.workload.advies]
        for i in Intensity.allCases { w["toezicht_\(i.rawValue)"] = s.config.workload.toezicht[i] ?? 0 }
        workload = w
        rules = "\(s.rules.version) (\(s.rules.shortHash))"
        totalBandWidth = Format.round(s.totalBandWidth)
    }
}
