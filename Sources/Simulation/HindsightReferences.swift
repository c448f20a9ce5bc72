import Allocation
import InstroomDomain
import Wegingskader

/// The hindsight solves of one comparison, shared between scenarios that differ only in how each day
/// feeds the bands to its model (`bandPolicy`) or in their texts. The hindsight does not depend on the
/// daily policy, so `baseline`, `baseline-lookahead` and `baseline-prices` need one solve, not three
/// (the ten bundled scenarios: four, of one to five minutes each); the others get the solved benchmark
/// against their own replay (`HindsightBenchmark.against`). The gates' search does not depend on the
/// machine's speed, so a shared proven solve is the one each scenario would have found on its own.
public struct HindsightReferences {
    /// What a scenario's hindsight depends on: the intake, the scoring and allocation settings, the rule
    /// set, the caseload and the durations.
    struct Key: Equatable {
        var basis: IntakeBasis.Source
        var intake: Scenario.Intake
        var config: AllocationConfig
        var rules: String
        var capacity: Scenario.Capacity
        var durations: [CaseKind: Int]
        var timeLimitSeconds: Double

        init(_ scenario: Scenario, basis: IntakeBasis, timeLimitSeconds: Double) {
            self.basis = basis.source
            intake = scenario.intake
            config = scenario.config
            rules = scenario.rules.hash
            capacity = scenario.capacity
            durations = scenario.durations
            self.timeLimitSeconds = timeLimitSeconds
        }
    }

    private var solved: [(key: Key, benchmark: HindsightBenchmark)] = []

    /// Hindsight models solved so far.
    public var solves: Int { solved.count }

    public init() {}

    /// Whether `scenario`'s hindsight is known already (`benchmark` then takes no solve).
    public func isSolved(
        _ scenario: Scenario,
        basis: IntakeBasis,
        timeLimitSeconds: Double = HindsightBenchmark.defaultTimeLimitSeconds
    ) -> Bool {
        known(Key(scenario, basis: basis, timeLimitSeconds: timeLimitSeconds)) != nil
    }

    private func known(_ key: Key) -> HindsightBenchmark? { solved.first { $0.key == key }?.benchmark }

    /// `scenario`'s hindsight against its replay `daily`: solved, or taken from a scenario solved before
    /// with the same key.
    public mutating func benchmark(
        _ scenario: Scenario,
        basis: IntakeBasis,
        daily: Totals,
        timeLimitSeconds: Double = HindsightBenchmark.defaultTimeLimitSeconds
    ) throws -> HindsightBenchmark {
        let key = Key(scenario, basis: basis, timeLimitSeconds: timeLimitSeconds)
        if let known = known(key) { return known.against(daily) }
        let benchmark = try HindsightBenchmark.run(scenario, basis: basis, daily: daily, timeLimitSeconds: timeLimitSeconds)
        solved.append((key, benchmark))
        return benchmark
    }
}
