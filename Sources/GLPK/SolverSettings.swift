import Dispatch

/// How GLPK's branch-and-cut is driven: the one definition of every solver parameter and its default.
///
/// The defaults are the settings measured fastest on our day models and on the OR-Library GAP
/// instances (see BENCHMARKS.md). The allocation configuration's `solver:` block reads them (every key
/// optional, a missing key keeps the default here); `allocate`, `simulate`, `gap solve` and `bench`
/// all solve with the settings of their configuration. A warm start is not a setting but an input of
/// one solve: see `GLPKSolver.solve(_:settings:warmStart:)`.
public struct SolverSettings: Codable, Sendable, Equatable {
    /// Always set, within `timeLimitRange`: GLPK must never hang a triage run or a server.
    public var timeLimitSeconds: Double
    /// Relative gap at which to stop; 0 means prove optimality.
    public var relativeGap: Double
    /// GLPK's MIP presolver. Off is required for a warm start, whose values refer to original columns.
    public var presolve: Bool
    public var cuts: Cuts
    public var branching: Branching
    public var backtracking: Backtracking
    /// Stop as soon as the bound rounds to the incumbent, when the objective is integral.
    public var integralObjectiveStop: Bool
    /// Print GLPK's own log on standard output.
    public var verbose: Bool

    /// GLPK's cut generators (glp_iocp gmi_cuts, mir_cuts, cov_cuts, clq_cuts).
    public struct Cuts: Codable, Sendable, Equatable {
        public var gomory: Bool
        public var mir: Bool
        public var cover: Bool
        public var clique: Bool

        public init(gomory: Bool = true, mir: Bool = true, cover: Bool = true, clique: Bool = true) {
            self.gomory = gomory
            self.mir = mir
            self.cover = cover
            self.clique = clique
        }

        public static let none = Cuts(gomory: false, mir: false, cover: false, clique: false)
    }

    /// glp_iocp br_tech.
    public enum Branching: String, Codable, Sendable, CaseIterable {
        case firstFractional, lastFractional, mostFractional, driebeckTomlin, hybridPseudocost
    }
    /// glp_iocp bt_tech.
    public enum Backtracking: String, Codable, Sendable, CaseIterable { case depthFirst, breadthFirst, bestLocalBound, bestProjection }

    /// The measured defaults; each argument overrides one.
    public init(
        timeLimitSeconds: Double = 30,
        relativeGap: Double = 0,
        presolve: Bool = true,
        cuts: Cuts = Cuts(),
        branching: Branching = .hybridPseudocost,
        backtracking: Backtracking = .bestLocalBound,
        integralObjectiveStop: Bool = true,
        verbose: Bool = false
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.branching = branching
        self.backtracking = backtracking
        self.integralObjectiveStop = integralObjectiveStop
        self.verbose = verbose
    }

    /// GLPK's own defaults (no cuts, Driebeck-Tomlin branching, best-projection backtracking, no
    /// integral-objective stop) with this time limit: the baseline to compare against.
    public var glpkDefaults: SolverSettings {
        SolverSettings(
            timeLimitSeconds: timeLimitSeconds,
            relativeGap: relativeGap,
            presolve: presolve,
            cuts: .none,
            branching: .driebeckTomlin,
            backtracking: .bestProjection,
            integralObjectiveStop: false,
            verbose: verbose
        )
    }

    /// The same settings with another time limit (`gap solve --time-limit`).
    public func with(timeLimitSeconds: Double) -> SolverSettings {
        var copy = self
        copy.timeLimitSeconds = timeLimitSeconds
        return copy
    }

    /// The moment the time limit runs out for a solve that began at `started`. A limit outside
    /// `timeLimitRange` (refused by `problems`) counts as its nearest end, so this never traps.
    public func deadline(from started: DispatchTime) -> DispatchTime {
        let range = Self.timeLimitRange
        let seconds = timeLimitSeconds.isNaN ? range.lowerBound : min(max(timeLimitSeconds, range.lowerBound), range.upperBound)
        return DispatchTime(uptimeNanoseconds: started.uptimeNanoseconds + UInt64(seconds * 1e9))
    }

    /// The time limits GLPK is given: at least a millisecond (its unit), at most a day.
    public static let timeLimitRange: ClosedRange<Double> = 0.001...86_400

    /// Values GLPK cannot be given, as readable messages; empty when the settings are usable.
    public var problems: [String] {
        var problems: [String] = []
        if !Self.timeLimitRange.contains(timeLimitSeconds) {
            problems.append(
                "the time limit must be \(Self.timeLimitRange.lowerBound)...\(Self.timeLimitRange.upperBound) seconds, not \(timeLimitSeconds)"
            )
        }
        if !(0...1).contains(relativeGap) {
            problems.append("the relative gap must be 0...1, not \(relativeGap)")
        }
        return problems
    }
}
