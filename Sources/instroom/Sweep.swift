import ArgumentParser
import Foundation
import InstroomDomain
import Simulation

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a grid of scenario variants (e.g. band widths) and show the trade-off between bands and fit.",
        discussion: """
            instroom sweep Scenarios/baseline.yaml --vary bands.SVG.min=0.15:0.30:0.05 --vary bands.SVG.max=0.35:0.50:0.05
            instroom sweep Scenarios/baseline.yaml --vary bands.width=0:0.6:0.05 --shard 1/2 --json part1.json
            instroom sweep merge part1.json part2.json --json sweep.json --report sweep.html
            """,
        subcommands: [SweepRun.self, SweepMerge.self],
        defaultSubcommand: SweepRun.self
    )
}

struct SweepRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay the variants of one scenario (the default: `instroom sweep SCENARIO --vary ...`).",
        discussion:
            "Keys: \(Scenario.variableKeys.joined(separator: ", ")). --shard i/n runs every n-th variant starting at the i-th: deterministic, so any batch scheduler can run the parts; join them with `instroom sweep merge`."
    )

    @Argument(help: "The scenario file (YAML).") var scenario: String
    @Option(name: .long, help: "KEY=FROM:TO:STEP (repeatable; the grid is their product), e.g. bands.SVG.min=0.15:0.30:0.05.") var vary:
        [String] = []
    @Option(help: "Run only part i of n of the grid, e.g. 1/4.") var shard: String?
    @Option(
        help:
            "Variants replayed at once, on threads (GLPK with a thread-local environment, as Debian's; otherwise one after the other). The JSON is the same for any --jobs."
    ) var jobs: Int = 1
    @Option(help: "Random seed of the synthetic intake (default: the scenario's).") var seed: UInt64?
    @Option(help: "Write the results (JSON, sorted keys) here; '-' for standard output.") var json: String?
    @Option(help: "Write the report (HTML) here.") var report: String?

    func parsedShard() throws -> (part: Int, of: Int)? {
        guard let shard else { return nil }
        let p = shard.split(separator: "/").compactMap { Int($0) }
        guard p.count == 2, p[1] >= 1, (1...p[1]).contains(p[0]) else {
            throw ValidationError("--shard '\(shard)': expected i/n with 1 <= i <= n")
        }
        return (p[0], p[1])
    }

    func validate() throws {
        guard !vary.isEmpty else { throw ValidationError("give at least one --vary KEY=FROM:TO:STEP") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        _ = try parsedShard()
    }

    func run() throws {
        let axes: [SweepAxis]
        do { axes = try vary.map(SweepAxis.parse) } catch { throw ValidationError("\(error)") }
        let s = try Scenario.load(contentsOf: URL(fileURLWithPath: scenario))
        let sweep = ParameterSweep(scenario: s, axes: axes, basis: try IntakeBasis.make(for: s, seed: seed))
        let shard = try parsedShard()
        let bar = ProgressBar(total: sweep.indices(shard: shard).count)
        bar.label = "varianten"
        let result = sweep.run(shard: shard, jobs: jobs) { done, _ in bar.update(done) }
        bar.finish()
        try output(result, json: json, report: report)
    }
}

struct SweepMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the JSON files of sweep shards into one result (equal to running the grid at once)."
    )

    @Argument(help: "Shard results (JSON).") var files: [String]
    @Option(help: "Write the joined results (JSON) here; '-' for standard output.") var json: String?
    @Option(help: "Write the report (HTML) here.") var report: String?

    func run() throws {
        let parts = try files.map { try JSONDecoder().decode(SweepResult.self, from: Data(contentsOf: URL(fileURLWithPath: $0))) }
        let merged: SweepResult
        do { merged = try ParameterSweep.merge(parts) } catch { throw ValidationError("\(error)") }
        try output(merged, json: json, report: report)
    }
}

private func output(_ r: SweepResult, json: String?, report: String?) throws {
    if let json { try writeJSON(r, to: json) }
    if let report { try Data(try SweepReport.html(r).utf8).write(to: URL(fileURLWithPath: report)) }
    guard json != "-" else { return }
    let failed = r.variants.filter { $0.error != nil }.count
    TerminalText.print(
        "\(r.variants.count) of \(r.gridSize) variants\(r.shard.map { " (shard \($0))" } ?? "")\(failed > 0 ? ", \(failed) invalid" : "")"
    )
    for v in r.variants {
        let settings = r.vary.map { "\($0.key)=\(v.settings[$0.key].map { String($0) } ?? "?")" }.joined(separator: " ")
        if let t = v.totals {
            TerminalText.print(
                "#\(v.index + 1) \(settings): best fit \(DutchNumber.percent(t.atBestFitShare)) of all cases, fit lost \(t.fitLost) (bands \(t.fitLostToBands), capacity \(t.fitLostToCapacity), waiting \(t.fitWaitingAtEnd)), waiting at end \(t.waitingAtEnd), triage review \(t.reviewVolumes.cases["triage"] ?? 0), commissie \(t.reviewVolumes.cases["commissie"] ?? 0), hard-band failures \(t.hardBandFailureDays)"
            )
        } else {
            TerminalText.print("#\(v.index + 1) \(settings): invalid: \(v.error ?? "")")
        }
    }
    if let report { TerminalText.print("report: \(report)") }
    if let json { TerminalText.print("json: \(json)") }
}
