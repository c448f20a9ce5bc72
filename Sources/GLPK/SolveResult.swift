import Foundation

public struct SolveResult: Sendable {
    public var status: SolveStatus
    public var objective: Double?
    /// Best proven bound on the objective (equal to the objective when optimal).
    public var bestBound: Double?
    /// Relative gap |objective - bound| / max(1, |objective|).
    public var gap: Double?
    /// Column values, indexed like `LinearModel.columns`; empty without a solution.
    public var values: [Double]
    public var seconds: Double
    /// The time limit GLPK was given (`SolverSettings.timeLimitSeconds`).
    public var timeLimitSeconds: Double
    /// Branch-and-bound nodes GLPK created.
    public var nodes: Int
    /// GLPK's return code, for the log when something failed.
    public var glpkReturnCode: Int32
    public var message: String
    /// Row duals (shadow prices), indexed like `LinearModel.rows`: the change of the optimal objective
    /// per unit of a row's bound. Only an optimal LP (a model without integer columns) has them; empty
    /// otherwise. The dual-price band policy prices what a day cannot see from them.
    public var rowDuals: [Double] = []

    /// A solution was found (a model without columns has one: the empty one).
    public var hasSolution: Bool { objective != nil }

    public init(
        status: SolveStatus,
        objective: Double?,
        bestBound: Double?,
        gap: Double?,
        values: [Double],
        seconds: Double,
        timeLimitSeconds: Double,
        nodes: Int,
        glpkReturnCode: Int32,
        message: String
    ) {
        self.status = status
        self.objective = objective
        self.bestBound = bestBound
        self.gap = gap
        self.values = values
        self.seconds = seconds
        self.timeLimitSeconds = timeLimitSeconds
        self.nodes = nodes
        self.glpkReturnCode = glpkReturnCode
        self.message = message
    }
}

extension SolveResult {
    /// The time limit ran out before any solution: while building the model, or before GLPK could start.
    public static func noSolutionWithinLimit(
        started: DispatchTime,
        settings: SolverSettings,
        returnCode: Int32 = 0,
        message: String
    )
        -> SolveResult
    {
        SolveResult(
            status: .timeLimitWithoutSolution,
            objective: nil,
            bestBound: nil,
            gap: nil,
            values: [],
            seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9,
            timeLimitSeconds: settings.timeLimitSeconds,
            nodes: 0,
            glpkReturnCode: returnCode,
            message: message
        )
    }
}
