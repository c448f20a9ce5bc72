import Allocation
import Foundation
import InstroomDomain
import Wegingskader

/// A case with its workload and its wegingskader score: what the triagepunt sees before the solve.
public struct ScoredCase: Sendable {
    public var intake: IntakeCase
    public var weight: Double
    public var score: CaseScore

    public var candidate: Allocation.CandidateCase {
        .init(
            id: intake.id,
            kind: intake.kind,
            weight: weight,
            fit: score.scores,
            allowed: score.allowed,
            relation: intake.relation,
            received: intake.received,
            deadline: intake.deadline
        )
    }
}
