import Foundation
import GLPK
import Testing

struct GLPKSolverTests {
    /// max 5x + 4y s.t. 6x + 4y <= 24, x + 2y <= 6, x, y integer: optimum 20 at (4, 0) — LP bound 21.
    func smallModel() -> LinearModel {
        var m = LinearModel(name: "small", sense: .maximise)
        let x = m.addColumn("x", kind: .integer, lower: 0, objective: 5)
        let y = m.addColumn("y", kind: .integer, lower: 0, objective: 4)
        m.addRow("a", upper: 24, terms: [(x, 6), (y, 4)])
        m.addRow("b", upper: 6, terms: [(x, 1), (y, 2)])
        return m
    }

    @Test func solvesASmallIntegerProgramToOptimality() throws {
        let r = try GLPKSolver.solve(smallModel(), settings: SolverSettings(timeLimitSeconds: 5))
        #expect(r.status == .optimal)
        #expect(r.objective == 20)
        #expect(r.values == [4, 0])
        #expect(r.gap == 0)
    }

    @Test func glpkDefaultsReachTheSameOptimum() throws {
        let r = try GLPKSolver.solve(smallModel(), settings: SolverSettings(timeLimitSeconds: 5).glpkDefaults)
        #expect(r.status == .optimal)
        #expect(r.objective == 20)
    }

    @Test func reportsInfeasibility() throws {
        var m = LinearModel(name: "infeasible", sense: .minimise)
        let x = m.addColumn("x", kind: .binary)
        m.addRow("atLeastTwo", lower: 2, terms: [(x, 1)])
        let r = try GLPKSolver.solve(m, settings: SolverSettings(timeLimitSeconds: 5))
        #expect(r.status == .infeasible)
        #expect(!r.hasSolution)
    }

    /// Each of these would make GLPK abort the process; validation must refuse them first.
    @Test(arguments: ["nan", "inverted", "duplicate", "badName", "badColumn"])
    func invalidModelsNeverReachGLPK(defect: String) throws {
        var m = LinearModel(name: "bad", sense: .maximise)
        let x = m.addColumn(
            defect == "badName" ? "x y" : "x",
            kind: .continuous,
            lower: defect == "inverted" ? 2 : 0,
            upper: 1,
            objective: defect == "nan" ? .nan : 1
        )
        switch defect {
        case "duplicate": m.addRow("r", upper: 1, terms: [(x, 1), (x, 2)])
        case "badColumn": m.addRow("r", upper: 1, terms: [(7, 1)])
        default: m.addRow("r", upper: 1, terms: [(x, 1)])
        }
        #expect(throws: ModelError.self) { try GLPKSolver.solve(m, settings: SolverSettings(timeLimitSeconds: 1)) }
    }

    @Test func writesLPAndMPSThatGLPKReadsBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ModelFileFormat.allCases {
            let path = dir.appendingPathComponent("m.\(format.rawValue)").path
            try GLPKSolver.write(smallModel(), to: path, format: format)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("x"))
            #expect(text.contains(format == .lp ? "Maximize" : "ROWS"))
        }
    }

    @Test func lpNamesFollowTheCPLEXRules() {
        #expect(LinearModel.isValidName("assign(k17,SVG)"))
        #expect(LinearModel.isValidName("band_min(LJR)"))
        #expect(!LinearModel.isValidName("assign[k17]"))
        #expect(!LinearModel.isValidName("1x"))
        #expect(!LinearModel.isValidName("a-b"))
    }
}
