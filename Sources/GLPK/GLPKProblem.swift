import CGLPK
import Foundation

/// A `glp_prob` built from a validated model in bulk: one glp_add_cols, one glp_add_rows, one glp_load_matrix.
struct GLPKProblem {
    let pointer: OpaquePointer

    init(_ model: LinearModel) {
        let P = glp_create_prob()!
        pointer = P
        glp_set_prob_name(P, LinearModel.glpkName(model.name))
        glp_set_obj_name(P, LinearModel.glpkName(model.objectiveName))
        glp_set_obj_dir(P, model.sense == .maximise ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(P, 0, model.objectiveConstant)
        if !model.rows.isEmpty { glp_add_rows(P, Int32(model.rows.count)) }
        if !model.columns.isEmpty { glp_add_cols(P, Int32(model.columns.count)) }
        for (i, row) in model.rows.enumerated() {
            let r = Int32(i + 1)
            glp_set_row_name(P, r, row.name)
            let (type, lb, ub) = GLPKProblem.bounds(row.lower, row.upper)
            glp_set_row_bnds(P, r, type, lb, ub)
        }
        for (j, column) in model.columns.enumerated() {
            let c = Int32(j + 1)
            glp_set_col_name(P, c, column.name)
            switch column.kind {
            case .continuous: break
            case .integer: glp_set_col_kind(P, c, GLP_IV)
            case .binary: glp_set_col_kind(P, c, GLP_IV)
            }
            let (type, lb, ub) = GLPKProblem.bounds(column.lower, column.upper)
            glp_set_col_bnds(P, c, type, lb, ub)
            glp_set_obj_coef(P, c, column.objective)
        }
        let n = model.termValues.count
        if n > 0 {
            // GLPK arrays are 1-based: element 0 is ignored.
            var ia = [Int32](repeating: 0, count: n + 1)
            var ja = [Int32](repeating: 0, count: n + 1)
            var ar = [Double](repeating: 0, count: n + 1)
            for k in 0..<n {
                ia[k + 1] = model.termRows[k] + 1
                ja[k + 1] = model.termColumns[k] + 1
                ar[k + 1] = model.termValues[k]
            }
            glp_load_matrix(P, Int32(n), &ia, &ja, &ar)
        }
    }

    func free() { glp_delete_prob(pointer) }

    static func bounds(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): (GLP_FR, 0, 0)
        case (let l?, nil): (GLP_LO, l, 0)
        case (nil, let u?): (GLP_UP, 0, u)
        case (let l?, let u?): u <= l ? (GLP_FX, l, l) : (GLP_DB, l, u)
        }
    }
}
