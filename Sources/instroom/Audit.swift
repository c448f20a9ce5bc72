import Allocation
import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The append-only audit trail: runs, rule versions, assignments, escalations, contests, decisions, band forecasts."
    )

    @Option(name: .customLong("case"), help: "Only the entries about this case (and the runs that allocated it).") var caseId: String?
    @Flag(help: "Print JSON (documented in the README).") var json = false
    @OptionGroup var ledger: ReadLedgerOptions

    func run() throws {
        let trail = try Commissie(ledger: try ledger.open(), config: AllocationConfig.bundled()).audit(caseId: caseId)
        if json { try printJSON(trail) } else { TerminalText.print(CommissieText.audit(trail)) }
    }
}
