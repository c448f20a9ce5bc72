import Allocation
import Dispatch
import Foundation
import InstroomDomain
import Review
import Synchronization
import Wegingskader

/// An intake scored once: each working day's new cases with their workload weight, their wegingskader
/// score and their missing-data probe on the day they arrive. Scoring does not depend on the bands,
/// capacities, penalties or durations a sweep varies, so the variants that share the intake, the rule
/// set and `key` (workload weights, `staleAfterDays`) share one instead of each scoring 60,000 cases and
/// re-scoring them for the missing-data rule. A case that waits is scored again on the day it is placed
/// (stale facts age), as production does.
public struct ScoredIntake: Sendable {
    /// The scoring input besides the intake and the rule set.
    public struct Key: Sendable, Equatable {
        public var workload: WorkloadWeights
        public var staleAfterDays: Int

        public init(_ config: AllocationConfig) {
            workload = config.workload
            staleAfterDays = config.staleAfterDays
        }
    }

    public let key: Key
    /// days[i]: the cases received on working day i, scored and probed on that day, in intake order.
    public let days: [[ScoredCase]]

    /// Scores every day of `basis` with `rules` and `config`, `jobs` days at a time on threads (the
    /// result does not depend on `jobs`).
    public static func make(basis: IntakeBasis, rules: RuleSet, config: AllocationConfig, jobs: Int = 1) -> ScoredIntake {
        let n = basis.days.count
        let slots = Mutex([[ScoredCase]](repeating: [], count: n))
        let scoreDay: @Sendable (Int) -> Void = { i in
            let day = basis.days[i]
            var scored = Scoring.score(basis.cases(at: i), on: day, rules: rules, config: config)
            for k in scored.indices { scored[k].missingData = MissingDataProbe.probe(scored[k], day: day, rules: rules, config: config) }
            slots.withLock { $0[i] = scored }
        }
        let jobs = max(1, min(jobs, n))
        if jobs == 1 {
            for i in 0..<n { scoreDay(i) }
        } else {
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                while let i = next.take(below: n) { scoreDay(i) }
            }
        }
        return ScoredIntake(key: Key(config), days: slots.withLock { $0 })
    }
}
