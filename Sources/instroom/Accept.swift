import ArgumentParser
import Foundation
import InstroomDomain
import Triage

struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review items of the day's proposal seen and agreed as proposed."
    )

    @Argument(help: "Case ids on the review list.") var caseIds: [String]
    @Option(help: "Who reviewed them (required).") var by: String
    @Option(help: "The proposal's day (YYYY-MM-DD). Default: the only proposal under review.") var date: Day?
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var ledger: LedgerOptions
    @Flag(help: "Print the proposal as JSON.") var json = false

    func validate() throws {
        guard !caseIds.isEmpty else { throw ValidationError("name at least one case") }
    }

    func run() throws {
        let (ledger, config, rules) = try policy.load(opening: self.ledger.open)
        let run = DailyRun(ledger: ledger, rules: rules, config: config, actor: by)
        let proposal = try run.accept(caseIds: caseIds, day: try run.proposalDay(date))
        if json { try printJSON(proposal) } else { TerminalText.print(ReportText.proposal(proposal)) }
    }
}
