import Allocation
import Foundation
import GLPK
import InstroomDomain
import Testing

/// The configuration's `solver:` block: every key read into `SolverSettings` (or the formulation),
/// every bad value refused with file, line and field.
struct SolverConfigTests {
    /// Writes `text` as a configuration file and lays it over the bundled one, as `--config` does.
    static func load(_ text: String) throws -> (AllocationConfig, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instroom-solver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("config.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (try AllocationConfig.bundled(overriddenBy: path), path)
    }

    @Test func theBundledFileListsTheDefaultsOfSolverSettings() {
        let config = AllocationConfig.bundled()
        #expect(config.solver == SolverSettings())
        #expect(config.formulation == .aggregated)
    }

    @Test func everySolverKeyIsRead() throws {
        let (config, _) = try Self.load(
            """
            solver:
              formulation: perCase
              timeLimitSeconds: 2.5
              relativeGap: 0.01
              presolve: false
              cuts: {gomory: false, mir: true, cover: false, clique: true}
              branching: driebeckTomlin
              backtracking: depthFirst
              integralObjectiveStop: no
              verbose: false
            """
        )
        #expect(config.formulation == .perCase)
        #expect(
            config.solver
                == SolverSettings(
                    timeLimitSeconds: 2.5,
                    relativeGap: 0.01,
                    presolve: false,
                    cuts: .init(gomory: false, mir: true, cover: false, clique: true),
                    branching: .driebeckTomlin,
                    backtracking: .depthFirst,
                    integralObjectiveStop: false,
                    verbose: false
                )
        )
    }

    @Test func keysLeftOutKeepTheirDefaults() throws {
        let (config, _) = try Self.load("solver:\n  timeLimitSeconds: 5\n  cuts: {clique: false}\n")
        var expected = SolverSettings(timeLimitSeconds: 5)
        expected.cuts.clique = false
        #expect(config.solver == expected)
        #expect(config.formulation == .aggregated)
    }

    @Test(arguments: [
        ("timeLimitSeconds: .inf", "solver.timeLimitSeconds", 2),
        ("timeLimitSeconds: inf", "solver.timeLimitSeconds", 2),
        ("timeLimitSeconds: nan", "solver.timeLimitSeconds", 2),
        ("timeLimitSeconds: -1", "solver.timeLimitSeconds", 2),
        ("timeLimitSeconds: 0", "solver.timeLimitSeconds", 2),
        ("timeLimitSeconds: 100000", "solver.timeLimitSeconds", 2),
        ("relativeGap: 2", "solver.relativeGap", 2),
        ("presolve: perhaps", "solver.presolve", 2),
        ("cuts: {gomory: true, lift: true}", "solver.cuts.lift", 2),
        ("cuts: true", "solver.cuts", 2),
        ("branching: random", "solver.branching", 2),
        ("backtracking: last", "solver.backtracking", 2),
        ("integralObjectiveStop: 3", "solver.integralObjectiveStop", 2),
        ("verbose: loud", "solver.verbose", 2),
        ("formulation: clever", "solver.formulation", 2),
        ("timeLimit: 30", "solver.timeLimit", 2),
    ])
    func badValuesAreRefusedWithFileLineAndField(_ entry: String, _ field: String, _ line: Int) throws {
        var path = ""
        let error = #expect(throws: InputError.self) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instroom-solver-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            path = folder.appendingPathComponent("config.yaml").path
            try "solver:\n  \(entry)\n".write(toFile: path, atomically: true, encoding: .utf8)
            _ = try AllocationConfig.bundled(overriddenBy: path)
        }
        #expect(error?.file == path)
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.field == field, "\(String(describing: error))")
    }

    @Test func glpkRefusesSettingsNoConfigurationCouldHold() throws {
        let model = try GAPInstance.parse("1 1 1 5 1 9", file: "tiny", sense: .maximise)[0].model.build()
        for bad in [
            SolverSettings(timeLimitSeconds: .infinity), SolverSettings(timeLimitSeconds: .nan),
            SolverSettings(timeLimitSeconds: -1), SolverSettings(relativeGap: -0.1),
        ] {
            #expect(throws: ModelError.self) { try model.solve(settings: bad) }
        }
        #expect(try model.solve(settings: SolverSettings(timeLimitSeconds: 1)).result.objective == 5)
    }
}
