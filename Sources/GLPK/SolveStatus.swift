/// What the solver proved about a model.
public enum SolveStatus: String, Sendable, Codable {
    /// Proven optimal (gap 0, or the bound rounds to the incumbent for an integral objective).
    case optimal
    /// A feasible solution, not proven optimal within the time limit.
    case feasible
    /// Proven that no solution exists.
    case infeasible
    /// The time limit passed before any feasible solution was found.
    case timeLimitWithoutSolution
    case unbounded
    /// GLPK reported a numerical or internal failure; the message says which.
    case failed
}
