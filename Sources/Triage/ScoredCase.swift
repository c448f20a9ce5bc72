import Foundation
import InstroomDomain
import Wegingskader

/// A case with its workload and its wegingskader score: what the triagepunt sees before the solve.
public struct ScoredCase: Sendable {
    public var intake: IntakeCase
    public var weight: Double
    public var score: CaseScore

    public var candidate: Allocation.CandidateCase {
        .init(id: intake.id, kind: intake.kind, weight: weight, fit: score.scores, allowed: score.allowed,
              relation: intake.relation, received: intake.received, deadline: intake.deadline)
    }
}

import Allocation

/// Scoring a whole intake: the same function serves `score`, `allocate` and the simulator.
public enum Scoring {
    public static func score(_ cases: [IntakeCase], on day: Day, rules: RuleSet, config: AllocationConfig) -> [ScoredCase] {
        cases.map { c in
            ScoredCase(intake: c, weight: config.workload.weight(of: c),
                       score: rules.score(FactView(c, on: day, staleAfterDays: config.staleAfterDays)))
        }
    }
}
