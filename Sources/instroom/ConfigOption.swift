import Allocation
import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage

/// The allocation settings only (the commissie needs the deadline in working days and the bands).
struct ConfigOption: ParsableArguments {
    @Option(help: "Allocation settings (YAML); sets escalationDeadlineDays and the bands. Default: the bundled illustrative settings.")
    var config: String?

    func commissie(_ ledger: ReadLedgerOptions) throws -> Commissie {
        Commissie(ledger: try ledger.open(), config: try AllocationConfig.bundled(overriddenBy: config))
    }
}
