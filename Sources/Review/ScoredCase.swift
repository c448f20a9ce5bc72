import Allocation
import Foundation
import InstroomDomain
import Wegingskader

/// A case with its workload and its wegingskader score: what the triagepunt sees before the solve.
public struct ScoredCase: Sendable {
    public var intake: IntakeCase
    public var weight: Double
    public var score: CaseScore
    /// The missing-data probe for the day this case was scored on, when its scorer ran it already (a
    /// simulation scores an intake once for many replays); nil: the escalation rules probe it themselves.
    public var missingData: MissingDataProbe? = nil

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
