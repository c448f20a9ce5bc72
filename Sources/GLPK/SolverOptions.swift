/// How to drive GLPK's branch-and-cut. Defaults are the settings measured fastest on our day models
/// and on the OR-Library GAP instances (see BENCHMARKS.md); each can be switched for comparison.
public struct SolverOptions: Sendable, Equatable {
    /// Always set: GLPK must never hang a triage run or a server.
    public var timeLimitSeconds: Double
    /// Relative gap at which to stop; 0 means prove optimality.
    public var relativeGap: Double = 0
    /// GLPK's MIP presolver. Off is required for a warm start, whose values refer to original columns.
    public var presolve: Bool = true
    public var gomoryCuts = true
    public var mirCuts = true
    public var coverCuts = true
    public var cliqueCuts = true
    public var branching: Branching = .hybridPseudocost
    public var backtracking: Backtracking = .bestLocalBound
    /// Stop as soon as the bound rounds to the incumbent, when the objective is integral.
    public var useIntegralObjective = true
    /// An integer-feasible starting point (one value per column), offered to GLPK as a heuristic solution.
    public var warmStart: [Double]?
    /// Print GLPK's own log (for `--verbose`).
    public var verbose = false

    public enum Branching: String, Sendable, CaseIterable { case firstFractional, lastFractional, mostFractional, driebeckTomlin, hybridPseudocost }
    public enum Backtracking: String, Sendable, CaseIterable { case depthFirst, breadthFirst, bestLocalBound, bestProjection }

    public init(timeLimitSeconds: Double) { self.timeLimitSeconds = timeLimitSeconds }

    /// GLPK's own defaults (no cuts, Driebeck-Tomlin branching, best-projection backtracking): the baseline to compare against.
    public static func glpkDefaults(timeLimitSeconds: Double) -> SolverOptions {
        var o = SolverOptions(timeLimitSeconds: timeLimitSeconds)
        o.gomoryCuts = false; o.mirCuts = false; o.coverCuts = false; o.cliqueCuts = false
        o.branching = .driebeckTomlin; o.backtracking = .bestProjection; o.useIntegralObjective = false
        return o
    }
}
