import Allocation
import ArgumentParser
import Foundation
import InstroomDomain
import Simulation
import Triage

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks (wall time, peak memory, MIP gap, nodes). scripts/bench runs them all and the peers.",
        subcommands: [DayCommand.self]
    )

    struct DayCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "day",
            abstract: "One synthetic day end to end: read the intake file, score, build, solve, record into a fresh ledger."
        )

        @Option(help: "Cases in the day.") var cases: Int = 300
        @Option(help: "Runs; the median is reported.") var `repeat`: Int = 5
        @Option(help: "Random seed of the synthetic intake.") var seed: UInt64 = 1
        @Option(help: "aggregated or perCase (default: the configuration's solver.formulation).") var formulation: Formulation?
        @OptionGroup var policy: PolicyOptions
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard cases > 0, `repeat` > 0 else { throw ValidationError("--cases and --repeat must be positive") }
        }

        func run() throws {
            var (config, rules) = try policy.load()
            config = DayBenchmark.scaledConfig(config, cases: cases)
            if let formulation { config.formulation = formulation }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("instroom-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let r = try DayBenchmark(cases: cases, seed: seed, day: Day("2026-03-02")!, repeats: `repeat`, rules: rules, config: config)
                .run(in: folder)
            if json {
                try printJSON(r)
            } else {
                TerminalText.print(
                    ReportText.table(
                        header: [
                            "cases", "formulation", "total s", "read s", "solver s", "status", "objective", "gap", "nodes", "classes",
                            "cols", "rows", "peak MiB",
                        ],
                        rows: [
                            [
                                String(r.cases), r.formulation, String(format: "%.4f", r.totalSeconds),
                                String(format: "%.4f", r.readSeconds),
                                String(format: "%.4f", r.solverSeconds), r.status, r.objective.map { String(format: "%.0f", $0) } ?? "-",
                                r.gap.map { String(format: "%.1e", $0) } ?? "-", String(r.nodes), String(r.classes), String(r.columns),
                                String(r.rows), String(format: "%.1f", r.peakMemoryMiB),
                            ]
                        ]
                    )
                )
            }
        }
    }
}
