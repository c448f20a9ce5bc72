import ArgumentParser
import Ledger

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restores a backup into the ledger after verifying it; the ledger it replaces is kept as --db.before-restore-TIMESTAMP.",
        discussion: "A backup that does not verify is refused and nothing changes. An existing ledger is only replaced with --force."
    )

    @Argument(help: "The backup file (made by `instroom backup`).") var file: String
    @Option(help: "The SQLite ledger file to restore into.") var db: String = "instroom.sqlite"
    @Flag(help: "Replace an existing ledger (it is kept beside it first).") var force = false

    func run() throws {
        let result = try Ledger.restore(from: file, to: db, replacing: force)
        if let kept = result.previousKeptAt { TerminalText.print("kept the replaced ledger as \(kept)") }
        TerminalText.print("restored \(file) into \(db): \(result.verification.summary)")
    }
}
