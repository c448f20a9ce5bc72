import Allocation
import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage
import Wegingskader

/// Where the day's rules and settings come from: the bundled defaults unless a file is named; for
/// commands that work on a ledger, the wegingskader the beheerder activated in it comes before the bundled one.
struct PolicyOptions: ParsableArguments {
    @Option(help: "Allocation settings (YAML): bands, capacities, workload weights, solver. Default: the bundled illustrative settings.")
    var config: String?

    @Option(help: "Wegingskader rule file (YAML). Default: the version activated in the ledger, else the bundled illustrative rule set.")
    var rules: String?

    func load() throws -> (AllocationConfig, RuleSet) {
        let config = try AllocationConfig.bundled(overriddenBy: config)
        let rules = try rules.map { try RuleSet.load(contentsOf: URL(fileURLWithPath: $0)) } ?? RuleSet.bundledDefault()
        return (config, rules)
    }

    /// As `load()`, with the version activated in `ledger` (web app, Beheer) in place of the bundled rules.
    func load(ledger: Ledger) throws -> (AllocationConfig, RuleSet) {
        let config = try AllocationConfig.bundled(overriddenBy: config)
        if let rules { return (config, try RuleSet.load(contentsOf: URL(fileURLWithPath: rules))) }
        return (config, try ledger.activeRuleSet()?.rules ?? RuleSet.bundledDefault())
    }
}
