import ArgumentParser
import Ledger

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copies the ledger to a new file with SQLite's online backup (safe while others use it), and verifies the copy.",
        discussion: "The copy is created with mode 0600; an existing file is never overwritten."
    )

    @Argument(help: "The backup file to create.") var file: String
    @OptionGroup var ledger: ReadLedgerOptions

    func run() throws {
        let verification = try ledger.open().backup(to: file)
        TerminalText.print("wrote \(file): \(verification.summary)")
        if !verification.isIntact { throw ExitCode.failure }
    }
}
