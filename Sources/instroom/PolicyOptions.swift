import Allocation
import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage
import Wegingskader

/// Where the day's rules and settings come from: the bundled defaults unless a file is named.
struct PolicyOptions: ParsableArguments {
    @Option(help: "Allocation settings (YAML): bands, capacities, workload weights, solver. Default: the bundled illustrative settings.")
    var config: String?

    @Option(help: "Wegingskader rule file (YAML). Default: the bundled illustrative rule set.")
    var rules: String?

    func load() throws -> (AllocationConfig, RuleSet) {
        let config = try AllocationConfig.bundled(overriddenBy: config)
        let rules = try rules.map { try RuleSet.load(contentsOf: URL(fileURLWithPath: $0)) } ?? RuleSet.bundledDefault()
        return (config, rules)
    }
}
