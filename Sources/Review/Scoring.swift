import Allocation
import Foundation
import InstroomDomain
import Wegingskader

/// Scoring a whole intake: the same function serves `score`, `allocate` and the simulator.
public enum Scoring {
    public static func score(_ cases: [IntakeCase], on day: Day, rules: RuleSet, config: AllocationConfig) -> [ScoredCase] {
        cases.map { c in
            ScoredCase(
                intake: c,
                weight: config.workload.weight(of: c),
                score: rules.score(FactView(c, on: day, staleAfterDays: config.staleAfterDays))
            )
        }
    }
}
