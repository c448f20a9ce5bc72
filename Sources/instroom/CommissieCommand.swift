import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage

struct CommissieCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commissie",
        abstract: "Reports for the begeleidingscommissie.",
        subcommands: [Report.self]
    )

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "A standalone Dutch HTML report over a period: escalations by reason and RO, decisions, lead times, changes to the model's choice and the criteria involved, open and overdue items."
        )

        @Option(help: "First day (YYYY-MM-DD); with --to.") var from: Day?
        @Option(help: "Last day (YYYY-MM-DD); with --from.") var to: Day?
        @Option(help: "A whole period instead: 2026, 2026-Q1 or 2026-03. Default: the current year.") var period: ReportPeriod?
        @Option(help: "The day against which deadlines are judged (YYYY-MM-DD). Default: today.") var date: Day?
        @Option(help: "The HTML file to write.") var output: String
        @OptionGroup var ledger: ReadLedgerOptions
        @OptionGroup var settings: ConfigOption

        func validate() throws {
            if period != nil && (from != nil || to != nil) { throw ValidationError("give either --period or --from/--to, not both") }
            if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        }

        func run() throws {
            let range: (from: Day, to: Day)
            if let from, let to {
                range = (from, to)
                guard range.from <= range.to else { throw ValidationError("--from is after --to") }
            } else {
                let period = period ?? ReportPeriod(year: Day.today().year)
                range = (period.from, period.to)
            }
            let report = try CommissieReport.build(
                try settings.commissie(ledger),
                from: range.from,
                to: range.to,
                asOf: date ?? Day.today()
            )
            try Data(try report.html().utf8).write(to: URL(fileURLWithPath: output))
            TerminalText.print(
                "wrote \(output): \(DutchNumber.count(report.escalations, "escalatie", "escalaties")), \(DutchNumber.count(report.decided, "besluit", "besluiten")) (\(report.moved) verplaatst), \(report.open.count) open, \(report.overdue.count) over de termijn"
            )
        }
    }
}
