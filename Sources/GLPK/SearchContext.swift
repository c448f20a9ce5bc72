import CGLPK
import Dispatch

/// State shared with GLPK's branch-and-cut callback: counts nodes, tracks the best bound, offers a
/// warm start, and stops the search once an integral objective's bound rounds to the incumbent.
final class SearchContext {
    let sense: LinearModel.Sense
    let integralObjective: Bool
    let warmStart: [Double]?
    var warmStartOffered = false
    var nodes = 0
    var bestBound: Double?
    var provenByIntegrality = false
    /// Stop when the presolved problem has no columns, before the cover-cut generator sees it.
    var guardEmpty: Bool
    var emptyAfterPresolve = false
    /// GLPK checks its own time limit only between some steps of a node (a root node's cut rounds on
    /// 20 x 400 GAP instances ran 2 s past it); the callback stops the search at this moment too.
    let deadline: DispatchTime
    let searchStart: DispatchTime
    var stoppedAtDeadline = false
    /// Only pseudocost branching pays for its choice with LP solves that GLPK does not time.
    let fallBackFromPseudocost: Bool

    init(model: LinearModel, settings: SolverSettings, warmStart: [Double]?, deadline: DispatchTime) {
        self.deadline = deadline
        searchStart = DispatchTime.now()
        sense = model.sense
        integralObjective = settings.integralObjectiveStop && model.hasIntegralObjective
        guardEmpty = settings.cuts.cover && settings.presolve
        fallBackFromPseudocost = settings.branching == .hybridPseudocost
        // Column indices in the tree are the original ones only without the MIP presolver.
        if let start = warmStart, !settings.presolve, start.count == model.columns.count, start.allSatisfy(\.isFinite) {
            self.warmStart = start
        } else {
            self.warmStart = nil
        }
    }

    func handle(_ tree: OpaquePointer) {
        if guardEmpty, glp_get_num_cols(glp_ios_get_prob(tree)) == 0 {
            emptyAfterPresolve = true
            glp_ios_terminate(tree)
            return
        }
        let now = DispatchTime.now()
        if now >= deadline {
            stoppedAtDeadline = true
            glp_ios_terminate(tree)
            return
        }
        let spent = now.uptimeNanoseconds - searchStart.uptimeNanoseconds
        let left = deadline.uptimeNanoseconds - now.uptimeNanoseconds
        if fallBackFromPseudocost, glp_ios_reason(tree) == GLP_IBRANCH, spent > left / 4 {
            // Pseudocost branching first solves two LPs per fractional candidate, with no time check:
            // 2.3 s at the root of a 20 x 400 GAP instance given 1 s. When the search so far has used
            // more than a quarter of what is left, branch on the most fractional variable instead
            // (one pass over the columns), so the limit holds.
            branchOnMostFractional(tree)
        }
        var active: Int32 = 0
        var current: Int32 = 0
        var total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        nodes = max(nodes, Int(total))
        let reason = glp_ios_reason(tree)

        if reason == GLP_IHEUR, let warmStart, !warmStartOffered {
            warmStartOffered = true
            var x = [0.0] + warmStart
            _ = glp_ios_heur_sol(tree, &x)
        }

        let best = glp_ios_best_node(tree)
        if best != 0 { bestBound = glp_ios_node_bound(tree, best) }

        guard integralObjective, reason == GLP_ISELECT || reason == GLP_IBINGO || reason == GLP_IBRANCH,
            let bound = bestBound, glp_ios_mip_gap(tree) < Double.greatestFiniteMagnitude
        else { return }
        let incumbent = glp_mip_obj_val(glp_ios_get_prob(tree))
        let proven: Bool =
            switch sense {
            case .maximise: (bound + 1e-6).rounded(.down) <= incumbent + 1e-6
            case .minimise: (bound - 1e-6).rounded(.up) >= incumbent - 1e-6
            }
        if proven {
            provenByIntegrality = true
            glp_ios_terminate(tree)
        }
    }

    func branchOnMostFractional(_ tree: OpaquePointer) {
        let P = glp_ios_get_prob(tree)
        let n = glp_get_num_cols(P)
        guard n > 0 else { return }
        var best: Int32 = 0
        var bestDistance = -1.0
        for j in 1...n where glp_ios_can_branch(tree, j) != 0 {
            let x = glp_get_col_prim(P, j)
            let distance = min(x - x.rounded(.down), x.rounded(.up) - x)
            if distance > bestDistance {
                best = j
                bestDistance = distance
            }
        }
        if best > 0 { glp_ios_branch_upon(tree, best, GLP_NO_BRNCH) }
    }
}
