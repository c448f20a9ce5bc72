import Dispatch
import Foundation
import GLPK
import Testing

/// One test per way GLPK aborts the whole process (issue 14): each input reaches the wall and the
/// process survives with a clear error or a normal outcome.
struct GLPKWallTests {
    static let settings = SolverSettings(timeLimitSeconds: 10)

    /// `glp_set_prob_name` aborts on a control character or more than 255 bytes: the name is cleaned.
    @Test(arguments: ["gap_\u{1B}[31mred_1", String(repeating: "x", count: 250) + "_instance_1", "ångström\u{0}", ""])
    func anyProblemNameIsAccepted(name: String) throws {
        var m = LinearModel(name: name, sense: .maximise)
        let x = m.addColumn("x", kind: .binary, objective: 1)
        m.addRow("r", upper: 1, terms: [(x, 1)])
        let r = try GLPKSolver.solve(m, settings: Self.settings)
        #expect(r.status == .optimal && r.objective == 1)
        let clean = LinearModel.glpkName(name)
        #expect(clean.utf8.count <= 255 && !clean.isEmpty)
        #expect(clean.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F })
    }

    /// The day that aborted with `glp_add_cols: ncs = 0`: presolve fixes every column, and GLPK's
    /// cover-cut generator then gets a problem without columns. Two binary cases that fit nowhere.
    @Test(arguments: [true, false])
    func aModelThatPresolveEmptiesIsSolved(coverCuts: Bool) throws {
        var m = LinearModel(name: "instroom_20260302", sense: .maximise)
        var assign: [[Int]] = []
        var wait: [Int] = []
        for c in 1...2 {
            assign.append(
                [("SVG", 3.0), ("RN", 2.0), ("LJR", 1.0)].map { ro, p in m.addColumn("assign(c\(c),\(ro))", kind: .binary, objective: p) }
            )
            wait.append(m.addColumn("wait(c\(c))", kind: .binary, objective: -15))
        }
        for c in 0..<2 { m.addRow("once(c\(c + 1))", lower: 1, upper: 1, terms: assign[c].map { ($0, 1) } + [(wait[c], 1)]) }
        // The rows of the day as `export-model` wrote it (second run, hard bands, 3/2/1 points left).
        let rows: [(String, Double, Double, Double)] = [("SVG", 3, -96, 203), ("RN", 2, -197, 178), ("LJR", 1, -148, 151)]
        for (r, (ro, cap, low, high)) in rows.enumerated() {
            m.addRow("capacity(\(ro))", upper: cap, terms: [(assign[0][r], 4), (assign[1][r], 4)])
            m.addRow("band_min(\(ro))", lower: low, terms: [(assign[0][r], 4), (assign[1][r], 4)])
            m.addRow("band_max(\(ro))", upper: high, terms: [(assign[0][r], 4), (assign[1][r], 4)])
        }
        var settings = Self.settings
        settings.cuts.cover = coverCuts
        let r = try GLPKSolver.solve(m, settings: settings)
        #expect(r.status == .optimal)
        #expect(r.objective == -30)
        #expect(wait.allSatisfy { r.values[$0] == 1 })
    }

    @Test func aModelWithoutColumnsNeverReachesGLPK() throws {
        var m = LinearModel(name: "empty", sense: .maximise)
        m.objectiveConstant = 7
        m.addRow("free", lower: -1, upper: 1, terms: [])
        let r = try GLPKSolver.solve(m, settings: Self.settings)
        #expect(r.status == .optimal && r.objective == 7 && r.hasSolution)
        m.addRow("impossible", lower: 2, terms: [])
        #expect(try GLPKSolver.solve(m, settings: Self.settings).status == .infeasible)
    }

    /// `glp_set_sjj: invalid scale factor` came from coefficients 1e-300 next to 1e6: refused first.
    @Test(arguments: [1e-300, 1e-7, 1e10, 1e300])
    func coefficientsOutsideTheScalableRangeAreRefused(coefficient: Double) throws {
        var m = LinearModel(name: "scale", sense: .maximise)
        let x = m.addColumn("x", kind: .integer, upper: 10, objective: 1)
        let y = m.addColumn("y", kind: .integer, upper: 10, objective: 1)
        m.addRow("r", upper: 1e6, terms: [(x, coefficient), (y, 1e6)])
        #expect {
            try GLPKSolver.solve(m, settings: Self.settings)
        } throws: { error in
            "\(error)".contains("row r: coefficient") && "\(error)".contains("outside")
        }
    }

    @Test(arguments: [1e16, -1e300])
    func boundsBeyondTheMaximumMagnitudeAreRefused(bound: Double) throws {
        var m = LinearModel(name: "bounds", sense: .maximise)
        let x = m.addColumn("x", kind: .integer, lower: min(0, bound), upper: max(0, bound), objective: 1)
        m.addRow("r", upper: 5, terms: [(x, 1)])
        #expect(throws: ModelError.self) { try GLPKSolver.solve(m, settings: Self.settings) }
    }

    /// The limit counts from when the caller started: with none left, GLPK is not called at all.
    @Test func aSpentTimeLimitGivesNoSolutionWithoutCallingGLPK() throws {
        var m = LinearModel(name: "late", sense: .maximise)
        let x = m.addColumn("x", kind: .binary, objective: 1)
        m.addRow("r", upper: 1, terms: [(x, 1)])
        let longAgo = DispatchTime(uptimeNanoseconds: DispatchTime.now().uptimeNanoseconds - 2_000_000_000)
        let r = try GLPKSolver.solve(m, settings: SolverSettings(timeLimitSeconds: 1), started: longAgo)
        #expect(r.status == .timeLimitWithoutSolution)
        #expect(!r.hasSolution)
    }

    @Test(arguments: [Double.infinity, .nan, 0, -1, 86_401])
    func aTimeLimitOutsideTheRangeIsRefused(limit: Double) {
        var m = LinearModel(name: "limit", sense: .maximise)
        let x = m.addColumn("x", kind: .binary, objective: 1)
        m.addRow("r", upper: 1, terms: [(x, 1)])
        #expect(throws: ModelError.self) { try GLPKSolver.solve(m, settings: SolverSettings(timeLimitSeconds: limit)) }
    }
}
