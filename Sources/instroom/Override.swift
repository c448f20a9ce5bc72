import ArgumentParser
import Foundation
import InstroomDomain
import Triage

struct Override: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Gemotiveerd afwijken: place a case of the day's proposal at another RO, with a reason.",
        discussion:
            "The rest of the day is re-optimised around the case; the fit and objective the deviation costs are recorded with the reason."
    )

    @Argument(help: "The case id.") var caseId: String
    @Option(help: "The RO the case goes to (SVG, RN, LJR).") var ro: RO
    @Option(help: "Why (required; recorded in the audit).") var reason: String
    @Option(help: "Who deviates (required).") var by: String
    @Option(help: "The proposal's day (YYYY-MM-DD). Default: the only proposal under review.") var date: Day?
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var ledger: LedgerOptions
    @Flag(help: "Print the proposal as JSON.") var json = false

    func run() throws {
        let (ledger, config, rules) = try policy.load(opening: self.ledger.open)
        let run = DailyRun(ledger: ledger, rules: rules, config: config, actor: by)
        let proposal = try run.override(caseId: caseId, to: ro, reason: reason, day: try run.proposalDay(date))
        if json { try printJSON(proposal) } else { TerminalText.print(ReportText.proposal(proposal)) }
    }
}
