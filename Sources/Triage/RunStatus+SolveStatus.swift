import GLPK
import Ledger

extension RunStatus {
    /// Exhaustive on purpose: a new solver status fails to compile here instead of reaching the ledger unnoticed.
    init(_ status: SolveStatus) {
        switch status {
        case .optimal: self = .optimal
        case .feasible: self = .feasible
        case .infeasible: self = .infeasible
        case .timeLimitWithoutSolution: self = .timeLimitWithoutSolution
        case .unbounded: self = .unbounded
        case .failed: self = .failed
        }
    }
}
