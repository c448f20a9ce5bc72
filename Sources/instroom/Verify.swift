import ArgumentParser
import Ledger

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Checks the ledger: the audit hash chain, and that every run, assignment, decision, escalation, rule set and case "
            + "agrees with the audit.",
        discussion: """
            Prints each problem (table, row, what is wrong) and exits 1, or prints a one-line summary and exits 0. The summary
            ends with the newest audit hash: note it, and a later verify shows whether entries were cut off at the end.
            """
    )

    @OptionGroup var ledger: ReadLedgerOptions

    func run() throws {
        let verification = try ledger.open().verify()
        for problem in verification.problems { TerminalText.print(problem.description) }
        TerminalText.print(verification.summary + (verification.headHash.map { verification.isIntact ? " (\($0))" : "" } ?? ""))
        if !verification.isIntact { throw ExitCode.failure }
    }
}
