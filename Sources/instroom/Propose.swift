import ArgumentParser
import Foundation
import Triage

struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose a day: score, solve and flag it, and store it as a draft for the triage experts to review.",
        discussion: """
            Nothing is final until `instroom confirm`. Proposing the same day again replaces the draft (and the
            judgements made on it). Review with `override`, `contest` and `accept`; the review list holds near-ties
            between specialisms, forced placements with a fit loss from triage.minFitLoss up, and missing data that
            could change the best fit; the commissie list what goes to the begeleidingscommissie on confirmation.
            """
    )

    @OptionGroup var intake: IntakeOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var ledger: LedgerOptions
    @Option(
        help: ArgumentHelp(
            "Allow what is refused by default: a weekend, a Dutch public holiday, or a day before the ledger's latest run (repeatable).",
            valueName: "weekend|holiday|out-of-order"
        )
    ) var allow: [DayAllowance] = []
    @Option(help: "Who proposes (recorded in the audit).") var by: String = "triagepunt"
    @Flag(help: "Print the proposal as JSON.") var json = false

    func run() throws {
        let (cases, day, file) = try intake.load()
        let (ledger, config, rules) = try policy.load(opening: self.ledger.open)
        let proposal = try DailyRun(ledger: ledger, rules: rules, config: config, actor: by).propose(
            intake: cases,
            day: day,
            intakeFile: file,
            allow: Set(allow)
        )
        if json { try printJSON(proposal) } else { TerminalText.print(ReportText.proposal(proposal)) }
    }
}
