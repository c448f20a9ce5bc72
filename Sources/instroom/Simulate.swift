import ArgumentParser
import Foundation
import InstroomDomain
import Simulation

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a year day by day with the production allocator, for one or more bandwidth scenarios, and compare them.",
        discussion: """
            Every scenario replays the same intake: the calendar, seed, volume and mix (or intake file) of
            the first scenario (or --seed). The report (Dutch, standalone HTML with SVG charts) shows the
            scenarios side by side. The JSON has sorted keys and no timings: the same scenarios and seed
            give byte-identical files. Numbers in the bundled scenarios are illustrative.
            """
    )

    @Argument(help: "Scenario files (YAML), e.g. Scenarios/baseline.yaml Scenarios/narrow-bands.yaml.")
    var scenarios: [String]

    @Option(help: "Write the side-by-side report (HTML) here.") var report: String?
    @Option(help: "Write the results (JSON, sorted keys) here; '-' for standard output.") var json: String?
    @Option(help: "Random seed of the synthetic intake (default: the first scenario's).") var seed: UInt64?
    @Flag(help: "Let every scenario use its own intake and seed instead of the first one's.") var ownIntake = false
    @Flag(
        help:
            "Also solve each scenario's whole period at once with hindsight (GLPK) and report the daily policy's ratio to it (scenarios that differ only in their bandPolicy share one solve)."
    )
    var hindsight = false
    @Option(
        help:
            "GLPK's time limit in seconds for each hindsight solve (LP relaxation, then the integer program or, with caseload dips, the dips' gates)."
    )
    var hindsightTimeLimit: Double = HindsightBenchmark.defaultTimeLimitSeconds

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("name at least one scenario file") }
        guard (1...86_400).contains(hindsightTimeLimit) else { throw ValidationError("--hindsight-time-limit must be 1...86400 seconds") }
    }

    func run() throws {
        let loaded = try scenarios.map { try Scenario.load(contentsOf: URL(fileURLWithPath: $0)) }
        let shared = try IntakeBasis.make(for: loaded[0], seed: seed)
        let progress = ProgressBar(total: loaded.count * shared.days.count)
        var results: [ScenarioResult] = []
        var references = HindsightReferences()
        for (k, scenario) in loaded.enumerated() {
            let basis = ownIntake ? try IntakeBasis.make(for: scenario, seed: seed) : shared
            progress.label = scenario.name
            let done = k * shared.days.count
            var result = try Simulator.run(scenario, basis: basis) { i, _ in progress.update(done + i) }
            if hindsight {
                progress.label = "\(scenario.name): terugblik"
                result.hindsight = try references.benchmark(
                    scenario,
                    basis: basis,
                    daily: result.totals,
                    timeLimitSeconds: hindsightTimeLimit
                )
            }
            results.append(result)
        }
        progress.finish()
        let comparison = Comparison(scenarios: results)
        if let json { try writeJSON(comparison, to: json) }
        if let report {
            try Data(try SimulationReport.html(comparison).utf8).write(to: URL(fileURLWithPath: report))
        }
        if json != "-" {
            TerminalText.print(SimulationText.summary(comparison))
            if let report { TerminalText.print("report: \(report)") }
            if let json { TerminalText.print("json: \(json)") }
        }
    }
}
