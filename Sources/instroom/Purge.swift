import ArgumentParser
import InstroomDomain
import Ledger

struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Removes the facts and explanations of closed cases past the retention period; the audit and its hash chain stay.",
        discussion: """
            A case is closed when its assignment is final and no escalation of it is open. Its facts become a tombstone and its
            scores and explanations are emptied; id, dates, kind, weight, ROs and the audit are kept, so reports and `verify`
            still work. The retention period is a parameter (default \(Ledger.defaultRetentionYears) years, a placeholder: the
            sources set none). The purge is audited.
            """
    )

    @Option(help: "Purge closed cases received before this day (YYYY-MM-DD). Default: today minus --retention-years.")
    var before: Day?
    @Option(help: "The retention period in years, when --before is not given.")
    var retentionYears = Ledger.defaultRetentionYears
    @Option(help: "Who purges (recorded in the audit).") var by: String
    @OptionGroup var ledger: ReadLedgerOptions

    func validate() throws {
        if ledger.readOnly { throw ValidationError("purge writes to the ledger: drop --read-only") }
        guard (1...100).contains(retentionYears) else { throw ValidationError("--retention-years must be 1 to 100") }
    }

    func run() throws {
        let cutoff = before ?? Ledger.retentionCutoff(today: Day.today(), years: retentionYears)
        let result = try ledger.open().purge(receivedBefore: cutoff, by: by)
        TerminalText.print(
            "purged \(result.purgedCases) closed case(s) received before \(result.receivedBefore); "
                + "\(result.keptOpen) older case(s) kept because they are not closed yet"
        )
    }
}
