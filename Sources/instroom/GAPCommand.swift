import Allocation
import ArgumentParser
import Foundation
import GLPK

struct GAPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap",
        abstract: "Generalised assignment reference instances (OR-Library format), solved by the allocation core.",
        subcommands: [Solve.self]
    )

    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve every instance in the given files; with --expect, a result that differs from the listed optimum is an error."
        )

        @Argument(help: "OR-Library GAP files (gap1-gap12 maximise profit; gapa-gape minimise cost).") var files: [String]
        @Option(help: "Allocation settings (YAML) whose solver: block drives GLPK. Default: the bundled settings.")
        var config: String?
        @Option(name: .customLong("time-limit"), help: "Seconds per instance (default: the configuration's solver.timeLimitSeconds).")
        var timeLimit: Double?
        @Option(help: "optima.tsv (file, instance, sense, agents, jobs, optimum) to check against.") var expect: String?
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            let range = SolverSettings.timeLimitRange
            if let timeLimit, !range.contains(timeLimit) {
                throw ValidationError("--time-limit must be \(range.lowerBound)...\(range.upperBound) seconds")
            }
        }

        func run() throws {
            var settings = try AllocationConfig.bundled(overriddenBy: config).solver
            if let timeLimit { settings = settings.with(timeLimitSeconds: timeLimit) }
            let optima = try expect.map { try GAPOptima.read(contentsOf: URL(fileURLWithPath: $0)) }
            var results: [GAPResult] = []
            for file in files {
                for instance in try GAPInstance.read(contentsOf: URL(fileURLWithPath: file)) {
                    let r = try instance.solve(settings: settings)
                    let expected = optima?.optimum(for: instance)
                    results.append(GAPResult(
                        file: URL(fileURLWithPath: file).lastPathComponent, instance: instance.index, sense: instance.sense.rawValue,
                        agents: instance.agentCount, jobs: instance.jobCount, status: r.status.rawValue, objective: r.objective,
                        bestBound: r.bestBound, gap: r.gap, seconds: r.seconds, timeLimitSeconds: r.timeLimitSeconds, nodes: r.nodes, expected: expected,
                        matches: expected.map { e in r.objective.map { abs($0 - e) < 1e-6 } ?? false }))
                }
            }
            if json {
                try printJSON(results)
            } else {
                print(ReportText.table(
                    header: ["file", "#", "sense", "m x n", "status", "objective", "bound", "gap", "seconds", "nodes", "optimum", "ok"],
                    rows: results.map { r in
                        [r.file, String(r.instance), r.sense, "\(r.agents)x\(r.jobs)", r.status, r.objective.map { String(Int($0)) } ?? "-",
                         r.bestBound.map { String(format: "%.1f", $0) } ?? "-", r.gap.map { String(format: "%.1e", $0) } ?? "-",
                         String(format: "%.3f", r.seconds), String(r.nodes), r.expected.map { String(Int($0)) } ?? "-",
                         r.matches.map { $0 ? "yes" : "NO" } ?? "-"]
                    }))
            }
            let missed = results.filter { $0.matches == false || ($0.expected != nil && $0.status != "optimal") }
            if optima != nil {
                let unknown = results.filter { $0.expected == nil }
                if !unknown.isEmpty {
                    FileHandle.standardError.write(Data("error: no optimum listed for \(unknown.map { "\($0.file) #\($0.instance)" }.joined(separator: ", "))\n".utf8))
                    throw ExitCode.failure
                }
            }
            if !missed.isEmpty {
                FileHandle.standardError.write(Data("error: \(missed.count) instance(s) differ from the listed optimum: \(missed.map { "\($0.file) #\($0.instance)" }.joined(separator: ", "))\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
