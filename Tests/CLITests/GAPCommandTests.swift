import Foundation
import InstroomTesting
import Testing

/// `instroom gap solve Tests/Data/gap/*.txt --expect Tests/Data/gap/optima.tsv`, as the README names it.
struct GAPCommandTests {
    static var data: URL { Fixtures.packageRoot.appendingPathComponent("Tests/Data/gap") }

    @Test func everyReferenceInstanceMatchesItsProvenOptimum() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.data.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count == 5)
        let r = try CLI.run(
            ["gap", "solve"] + files.map { Self.data.appendingPathComponent($0).path }
                + ["--expect", Self.data.appendingPathComponent("optima.tsv").path, "--json"]
        )
        #expect(r.status == 0, "\(r.stderr)")
        let results = try #require((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [[String: Any]])
        #expect(results.count == 26)
        for result in results {
            #expect(result["matches"] as? Bool == true, "\(result)")
            #expect(result["status"] as? String == "optimal")
        }
    }

    @Test func theConfigurationsSolverBlockDrivesGLPKAndTimeLimitOverridesIt() throws {
        let dir = Fixtures.temporaryFolder()
        let config = dir.appendingPathComponent("solver.yaml")
        try Data(
            """
            solver:
              timeLimitSeconds: 7
              cuts: {gomory: false, mir: false, cover: false, clique: false}
              branching: driebeckTomlin
              backtracking: bestProjection
              integralObjectiveStop: false
            """.utf8
        ).write(to: config)
        let file = Self.data.appendingPathComponent("gap1.txt").path
        let optima = Self.data.appendingPathComponent("optima.tsv").path
        let fromConfig = try CLI.run(["gap", "solve", file, "--config", config.path, "--expect", optima, "--json"])
        #expect(fromConfig.status == 0, "\(fromConfig.stderr)")
        let results = try #require((try? JSONSerialization.jsonObject(with: Data(fromConfig.stdout.utf8))) as? [[String: Any]])
        #expect(results.count == 5)
        for r in results { #expect(r["timeLimitSeconds"] as? Double == 7 && r["matches"] as? Bool == true, "\(r)") }

        let overridden = try CLI.run(["gap", "solve", file, "--config", config.path, "--time-limit", "9", "--json"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        let again = try #require((try? JSONSerialization.jsonObject(with: Data(overridden.stdout.utf8))) as? [[String: Any]])
        #expect(again.allSatisfy { $0["timeLimitSeconds"] as? Double == 9 })

        let bundled = try CLI.run(["gap", "solve", file, "--json"])
        let defaults = try #require((try? JSONSerialization.jsonObject(with: Data(bundled.stdout.utf8))) as? [[String: Any]])
        #expect(defaults.allSatisfy { $0["timeLimitSeconds"] as? Double == 30 })
    }

    @Test func aBadSolverBlockIsRefusedWithFileLineAndField() throws {
        let dir = Fixtures.temporaryFolder()
        let config = dir.appendingPathComponent("solver.yaml")
        try Data("solver:\n  timeLimitSeconds: .inf\n".utf8).write(to: config)
        let r = try CLI.run(["gap", "solve", Self.data.appendingPathComponent("gap1.txt").path, "--config", config.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(config.path):2"), "\(r.stderr)")
        #expect(r.stderr.contains("solver.timeLimitSeconds"), "\(r.stderr)")
        let negative = try CLI.run(["gap", "solve", Self.data.appendingPathComponent("gap1.txt").path, "--time-limit", "-1"])
        #expect(negative.status != 0)
    }

    @Test func aWrongExpectationIsAnError() throws {
        let dir = Fixtures.temporaryFolder()
        let optima = dir.appendingPathComponent("optima.tsv")
        try Data("file\tinstance\tsense\tagents\tjobs\toptimum\ngap1.txt\t1\tmax\t5\t15\t335\n".utf8).write(to: optima)
        let r = try CLI.run(["gap", "solve", Self.data.appendingPathComponent("gap1.txt").path, "--expect", optima.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("gap1.txt"))
    }
}
