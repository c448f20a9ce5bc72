import CGLPK
import Foundation

/// The only code that calls GLPK. Owns one `glp_prob` per call, built in bulk from a validated
/// `LinearModel`, and frees it on every path.
public enum GLPKSolver {
    /// Solves `model` to proven optimality (or the time limit). Never aborts: the model and the settings
    /// are validated first. `warmStart` (one value per column, integer-feasible) is offered to GLPK as a
    /// heuristic solution; it is used only with the presolver off.
    ///
    /// The time limit covers everything from `started` (default: now): a caller that spent time building
    /// the model passes the moment it began, and GLPK gets only what is left. With nothing left GLPK is
    /// not called and the result is `timeLimitWithoutSolution`.
    ///
    /// With a `cache`, a model solved to optimality before (same content, same settings) is answered
    /// from it; a warm start bypasses the cache.
    public static func solve(
        _ model: LinearModel,
        settings: SolverSettings,
        warmStart: [Double]? = nil,
        started: DispatchTime = .now(),
        cache: SolveCache? = nil
    ) throws -> SolveResult {
        guard let cache, warmStart == nil, settings.problems.isEmpty else {
            return try solveOnce(model, settings: settings, warmStart: warmStart, started: started)
        }
        return try cache.result(for: model, settings: settings) {
            try solveOnce(model, settings: settings, warmStart: nil, started: started)
        }
    }

    static func solveOnce(_ model: LinearModel, settings: SolverSettings, warmStart: [Double]?, started: DispatchTime) throws -> SolveResult
    {
        let problems = settings.problems
        if !problems.isEmpty { throw ModelError.invalidSettings(problems) }
        do { try model.validate(deadline: settings.deadline(from: started)) } catch ModelError.timeLimitReached {
            return timeLimitResult(started: started, settings: settings)!
        }
        if model.columns.isEmpty { return emptyModelResult(model, started: started, settings: settings) }
        if let late = timeLimitResult(started: started, settings: settings) { return late }
        let problem = GLPKProblem(model)
        defer { problem.free() }
        let P = problem.pointer
        // Loading a million columns into GLPK takes its share of the limit too.
        if let late = timeLimitResult(started: started, settings: settings) { return late }
        glp_term_out(settings.verbose ? GLP_ON : GLP_OFF)
        defer { glp_term_out(GLP_ON) }

        let timeLimitMs = milliseconds(settings.timeLimitSeconds - elapsed(since: started))
        let deadline = settings.deadline(from: started)
        let context = SearchContext(model: model, settings: settings, warmStart: warmStart, deadline: deadline)
        var code: Int32 = 0

        if !model.isInteger {
            var smcp = glp_smcp()
            glp_init_smcp(&smcp)
            smcp.presolve = GLP_ON
            smcp.tm_lim = timeLimitMs
            smcp.msg_lev = settings.verbose ? GLP_MSG_ON : GLP_MSG_OFF
            code = glp_simplex(P, &smcp)
            return lpResult(P, model: model, code: code, started: started, settings: settings)
        }

        if !settings.presolve {
            // Without the MIP presolver glp_intopt needs an optimal LP basis to start from.
            var smcp = glp_smcp()
            glp_init_smcp(&smcp)
            smcp.tm_lim = timeLimitMs
            smcp.msg_lev = settings.verbose ? GLP_MSG_ON : GLP_MSG_OFF
            code = glp_simplex(P, &smcp)
            if code != 0 || glp_get_status(P) != GLP_OPT {
                return lpResult(P, model: model, code: code, started: started, settings: settings)
            }
        }

        var iocp = glp_iocp()
        glp_init_iocp(&iocp)
        iocp.msg_lev = settings.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        iocp.tm_lim = milliseconds(settings.timeLimitSeconds - elapsed(since: started))
        iocp.presolve = settings.presolve ? GLP_ON : GLP_OFF
        iocp.mip_gap = settings.relativeGap
        iocp.gmi_cuts = settings.cuts.gomory ? GLP_ON : GLP_OFF
        iocp.mir_cuts = settings.cuts.mir ? GLP_ON : GLP_OFF
        iocp.cov_cuts = settings.cuts.cover ? GLP_ON : GLP_OFF
        iocp.clq_cuts = settings.cuts.clique ? GLP_ON : GLP_OFF
        iocp.br_tech = glpkBranching(settings.branching)
        iocp.bt_tech = glpkBacktracking(settings.backtracking)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        iocp.cb_info = unmanaged.toOpaque()
        iocp.cb_func = { tree, info in
            guard let tree, let info else { return }
            Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue().handle(tree)
        }
        code = glp_intopt(P, &iocp)
        if context.emptyAfterPresolve {
            // GLPK's cover-cut generator aborts the process on a presolved problem without columns
            // (glp_add_cols: ncs = 0); the callback stopped before it ran. Solve again without it.
            iocp.cov_cuts = GLP_OFF
            iocp.tm_lim = milliseconds(settings.timeLimitSeconds - elapsed(since: started))
            context.emptyAfterPresolve = false
            context.guardEmpty = false
            code = glp_intopt(P, &iocp)
        }

        let status = glp_mip_status(P)
        let seconds = elapsed(since: started)
        let hasSolution = status == GLP_OPT || status == GLP_FEAS
        let values = hasSolution ? (0..<model.columns.count).map { glp_mip_col_val(P, Int32($0 + 1)) } : []
        let objective = hasSolution ? glp_mip_obj_val(P) : nil
        var result = SolveResult(
            status: .failed,
            objective: objective,
            bestBound: context.bestBound,
            gap: nil,
            values: values,
            seconds: seconds,
            timeLimitSeconds: settings.timeLimitSeconds,
            nodes: context.nodes,
            glpkReturnCode: code,
            message: ""
        )
        switch (code, status) {
        case (_, GLP_OPT):
            result.status = .optimal
            result.bestBound = objective
        case (GLP_ESTOP, GLP_FEAS) where context.provenByIntegrality:
            // Our callback stopped the search because the bound rounds to the incumbent: optimal.
            result.status = .optimal
            result.message = "optimal: the bound \(context.bestBound.map { String($0) } ?? "?") rounds to the incumbent"
            result.bestBound = objective
        case (GLP_ESTOP, GLP_FEAS) where context.stoppedAtDeadline:
            result.status = .feasible
            result.message = "time limit reached before optimality was proven"
        case (GLP_ESTOP, _) where context.stoppedAtDeadline:
            result.status = .timeLimitWithoutSolution
            result.message = "time limit reached without a feasible solution"
        case (GLP_ENOPFS, _), (_, GLP_NOFEAS):
            result.status = .infeasible
            result.message = "no feasible solution exists"
        case (GLP_ETMLIM, GLP_FEAS), (GLP_EMIPGAP, GLP_FEAS):
            result.status = code == GLP_EMIPGAP ? .optimal : .feasible
            result.message = code == GLP_EMIPGAP ? "within the requested gap" : "time limit reached before optimality was proven"
        case (GLP_ETMLIM, _):
            result.status = .timeLimitWithoutSolution
            result.message = "time limit reached without a feasible solution"
        case (GLP_ENODFS, _):
            result.status = .unbounded
            result.message = "the LP relaxation is unbounded"
        default:
            result.status = hasSolution ? .feasible : .failed
            result.message = "GLPK returned code \(code) (\(describe(code)))"
        }
        if let objective, let bound = result.bestBound {
            result.gap = abs(objective - bound) / max(1, abs(objective))
        }
        return result
    }

    /// The result when less than a millisecond of the limit is left before GLPK could start; nil otherwise.
    static func timeLimitResult(started: DispatchTime, settings: SolverSettings) -> SolveResult? {
        guard DispatchTime.now().uptimeNanoseconds + 1_000_000 > settings.deadline(from: started).uptimeNanoseconds else { return nil }
        return .noSolutionWithinLimit(
            started: started,
            settings: settings,
            returnCode: GLP_ETMLIM,
            message: "time limit reached before GLPK could start (reading and building the model took it all)"
        )
    }

    /// A model without columns has one solution, the empty one: optimal when every row admits 0.
    static func emptyModelResult(_ model: LinearModel, started: DispatchTime, settings: SolverSettings) -> SolveResult {
        let feasible = model.rows.allSatisfy { ($0.lower ?? 0) <= 1e-9 && ($0.upper ?? 0) >= -1e-9 }
        return SolveResult(
            status: feasible ? .optimal : .infeasible,
            objective: feasible ? model.objectiveConstant : nil,
            bestBound: feasible ? model.objectiveConstant : nil,
            gap: feasible ? 0 : nil,
            values: [],
            seconds: elapsed(since: started),
            timeLimitSeconds: settings.timeLimitSeconds,
            nodes: 0,
            glpkReturnCode: 0,
            message: feasible ? "the model has no columns: nothing to decide" : "no feasible solution exists"
        )
    }

    /// Writes the model exactly as GLPK sees it, in CPLEX LP or free MPS format.
    ///
    /// MPS has no portable way to say "maximise" (GLPK does not write OBJSENSE, and every reader
    /// minimises by default), so a maximisation is written to MPS as the minimisation of the negated
    /// objective: its optimum is minus the model's.
    public static func write(_ model: LinearModel, to path: String, format: ModelFileFormat) throws {
        try model.validate()
        var model = model
        if format == .mps && model.sense == .maximise { model = model.negated() }
        let problem = GLPKProblem(model)
        defer { problem.free() }
        glp_term_out(GLP_OFF)
        defer { glp_term_out(GLP_ON) }
        let code: Int32 =
            switch format {
            case .lp: glp_write_lp(problem.pointer, nil, path)
            case .mps: glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, path)
            }
        if code != 0 { throw ModelError.writeFailed(path) }
    }

    static func lpResult(
        _ P: OpaquePointer,
        model: LinearModel,
        code: Int32,
        started: DispatchTime,
        settings: SolverSettings
    ) -> SolveResult {
        let status = glp_get_status(P)
        let optimal = code == 0 && status == GLP_OPT
        let values = optimal ? (0..<model.columns.count).map { glp_get_col_prim(P, Int32($0 + 1)) } : []
        let result: SolveStatus =
            switch (code, status) {
            case (0, GLP_OPT): .optimal
            case (_, GLP_NOFEAS), (GLP_ENOPFS, _): .infeasible
            case (_, GLP_UNBND), (GLP_ENODFS, _): .unbounded
            case (GLP_ETMLIM, _): .timeLimitWithoutSolution
            default: .failed
            }
        let objective = optimal ? glp_get_obj_val(P) : nil
        var solved = SolveResult(
            status: result,
            objective: objective,
            bestBound: objective,
            gap: optimal ? 0 : nil,
            values: values,
            seconds: elapsed(since: started),
            timeLimitSeconds: settings.timeLimitSeconds,
            nodes: 0,
            glpkReturnCode: code,
            message: optimal ? "" : "GLPK simplex returned code \(code) (\(describe(code)))"
        )
        if optimal && !model.isInteger { solved.rowDuals = (0..<model.rows.count).map { glp_get_row_dual(P, Int32($0 + 1)) } }
        return solved
    }

    /// GLPK's time limit for the seconds left: whole milliseconds, at least 1 (0 would mean "none").
    static func milliseconds(_ seconds: Double) -> Int32 {
        Int32(max(1, min(Double(Int32.max), (seconds * 1000).rounded(.down))))
    }

    static func elapsed(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func glpkBranching(_ b: SolverSettings.Branching) -> Int32 {
        switch b {
        case .firstFractional: GLP_BR_FFV
        case .lastFractional: GLP_BR_LFV
        case .mostFractional: GLP_BR_MFV
        case .driebeckTomlin: GLP_BR_DTH
        case .hybridPseudocost: GLP_BR_PCH
        }
    }

    static func glpkBacktracking(_ b: SolverSettings.Backtracking) -> Int32 {
        switch b {
        case .depthFirst: GLP_BT_DFS
        case .breadthFirst: GLP_BT_BFS
        case .bestLocalBound: GLP_BT_BLB
        case .bestProjection: GLP_BT_BPH
        }
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case 0: "success"
        case GLP_EBOUND: "incorrect bounds"
        case GLP_EROOT: "no optimal LP basis"
        case GLP_ENOPFS: "no primal feasible solution"
        case GLP_ENODFS: "no dual feasible solution"
        case GLP_EFAIL: "solver failure"
        case GLP_EMIPGAP: "relative gap reached"
        case GLP_ETMLIM: "time limit exceeded"
        case GLP_ESTOP: "terminated by the application"
        default: "code \(code)"
        }
    }
}
