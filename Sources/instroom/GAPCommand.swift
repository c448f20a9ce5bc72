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

        /// A number for the table; never traps (an objective near 9e18 does not fit an Int).
        static func number(_ x: Double, _ format: String) -> String { x.isFinite ? String(format: format, x) : "\(x)" }

        static func reason(_ status: String) -> String {
            switch SolveStatus(rawValue: status) {
            case .timeLimitWithoutSolution: "no solution within the limit"
            case .infeasible: "no feasible solution exists"
            case .unbounded: "unbounded"
            default: "GLPK failed"
            }
        }

        func run() throws {
            var settings = try AllocationConfig.bundled(overriddenBy: config).solver
            if let timeLimit { settings = settings.with(timeLimitSeconds: timeLimit) }
            let optima = try expect.map { try GAPOptima.read(contentsOf: URL(fileURLWithPath: $0)) }
            var results: [GAPResult] = []
            for file in files {
                for instance in try GAPInstance.read(contentsOf: URL(fileURLWithPath: file)) {
                    // The limit covers building the instance's model as well as GLPK's search.
                    let r = try instance.solve(settings: settings, started: .now())
                    let expected = optima?.optimum(for: instance)
                    results.append(
                        GAPResult(
                            file: URL(fileURLWithPath: file).lastPathComponent,
                            instance: instance.index,
                            sense: instance.sense.rawValue,
                            agents: instance.agentCount,
                            jobs: instance.jobCount,
                            status: r.status.rawValue,
                            objective: r.objective,
                            bestBound: r.bestBound,
                            gap: r.gap,
                            seconds: r.seconds,
                            timeLimitSeconds: r.timeLimitSeconds,
                            nodes: r.nodes,
                            expected: expected,
                            matches: expected.map { e in r.objective.map { abs($0 - e) < 1e-6 } ?? false }
                        )
                    )
                }
            }
            if json {
                try printJSON(results)
            } else {
                TerminalText.print(
                    ReportText.table(
                        header: [
                            "file", "#", "sense", "m x n", "status", "objective", "bound", "gap", "seconds", "nodes", "optimum", "ok",
                        ],
                        rows: results.map { r in
                            [
                                TerminalText.clean(r.file), String(r.instance), r.sense, "\(r.agents)x\(r.jobs)", r.status,
                                r.objective.map { Self.number($0, "%.0f") } ?? "-", r.bestBound.map { Self.number($0, "%.1f") } ?? "-",
                                r.gap.map { Self.number($0, "%.1e") } ?? "-", String(format: "%.3f", r.seconds), String(r.nodes),
                                r.expected.map { Self.number($0, "%.0f") } ?? "-", r.matches.map { $0 ? "yes" : "NO" } ?? "-",
                            ]
                        }
                    )
                )
            }
            let unsolved = results.filter { $0.objective == nil }
            if !unsolved.isEmpty {
                let list = unsolved.map { "\(TerminalText.clean($0.file)) #\($0.instance) (\(Self.reason($0.status)))" }.joined(
                    separator: ", "
                )
                FileHandle.standardError.write(Data("error: \(unsolved.count) instance(s) without a solution: \(list)\n".utf8))
                throw ExitCode.failure
            }
            let missed = results.filter { $0.matches == false || ($0.expected != nil && $0.status != "optimal") }
            if optima != nil {
                let unknown = results.filter { $0.expected == nil }
                if !unknown.isEmpty {
                    FileHandle.standardError.write(
                        Data(
                            "error: no optimum listed for \(unknown.map { "\(TerminalText.clean($0.file)) #\($0.instance)" }.joined(separator: ", "))\n"
                                .utf8
                        )
                    )
                    throw ExitCode.failure
                }
            }
            if !missed.isEmpty {
                FileHandle.standardError.write(
                    Data(
                        "error: \(missed.count) instance(s) differ from the listed optimum: \(missed.map { "\(TerminalText.clean($0.file)) #\($0.instance)" }.joined(separator: ", "))\n"
                            .utf8
                    )
                )
                throw ExitCode.failure
            }
        }
    }
}
