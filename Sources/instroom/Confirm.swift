import ArgumentParser
import Foundation
import InstroomDomain
import Triage

struct Confirm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Confirm the day's proposal: from now on geen werk retour.",
        discussion: """
            Every assignment becomes final except contested cases and the commissie's cases, which are recorded
            provisionally with their escalation. Refused while review items are open, unless --accept-rest (recorded).
            """
    )

    @Option(help: "The proposal's day (YYYY-MM-DD). Default: the only proposal under review.") var date: Day?
    @Option(help: "Who confirms (required).") var by: String
    @Flag(help: "Accept every review item still open, as proposed (the audit says so).") var acceptRest = false
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var ledger: LedgerOptions
    @Flag(help: "Print the result as JSON (as `allocate --json`).") var json = false

    func run() throws {
        let (ledger, config, rules) = try policy.load(opening: self.ledger.open)
        let run = DailyRun(ledger: ledger, rules: rules, config: config, actor: by)
        let report = try run.confirm(day: try run.proposalDay(date), acceptRest: acceptRest)
        if json { try printJSON(report) } else { TerminalText.print(ReportText.allocation(report)) }
    }
}
