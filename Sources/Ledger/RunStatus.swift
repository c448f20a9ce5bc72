/// What the solver proved in a run, as the ledger stores it.
///
/// The same raw values as GLPK's `SolveStatus`, owned here so that the ledger's format does not follow
/// the solver module; Triage maps one onto the other with an exhaustive switch.
public enum RunStatus: String, Codable, Sendable, CaseIterable {
    case optimal, feasible, infeasible, timeLimitWithoutSolution, unbounded, failed
}
