import ArgumentParser
import Foundation
import Triage

struct Allocate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a day's intake, assign it with GLPK within the bands, and record it in the ledger.",
        discussion: "Earlier assignments are fixed; running the same day and intake again changes nothing."
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
    @Flag(help: "Print the result as JSON (documented in the README).") var json = false

    func run() throws {
        let (cases, day, file) = try intake.load()
        let (ledger, config, rules) = try policy.load(opening: self.ledger.open)
        let report = try DailyRun(ledger: ledger, rules: rules, config: config).allocate(
            intake: cases,
            day: day,
            intakeFile: file,
            allow: Set(allow)
        )
        if json { try printJSON(report) } else { TerminalText.print(ReportText.allocation(report)) }
    }
}
