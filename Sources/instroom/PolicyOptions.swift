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
        let (config, named) = try namedFiles()
        return (config, named ?? RuleSet.bundledDefault())
    }

    /// As `load()`, with the version activated in the ledger (web app, Beheer) in place of the bundled rules.
    /// The files are read and checked before the ledger is opened, so a bad file never creates a ledger.
    func load(opening ledger: () throws -> Ledger) throws -> (Ledger, AllocationConfig, RuleSet) {
        let (config, named) = try namedFiles()
        let opened = try ledger()
        return (opened, config, try named ?? opened.activeRuleSet()?.rules ?? RuleSet.bundledDefault())
    }

    /// The settings over the bundled ones, and the rule file when one is named.
    private func namedFiles() throws -> (AllocationConfig, RuleSet?) {
        (try AllocationConfig.bundled(overriddenBy: config), try rules.map { try RuleSet.load(contentsOf: URL(fileURLWithPath: $0)) })
    }
}
