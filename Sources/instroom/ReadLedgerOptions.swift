import ArgumentParser
import Ledger

/// `--db` for commands that only read: a missing file is refused (a mistyped path must not look like an
/// empty ledger), and `--read-only` opens it without any write, migration included.
struct ReadLedgerOptions: ParsableArguments {
    @Option(help: "The SQLite ledger file; must exist.")
    var db: String = "instroom.sqlite"
    @Flag(help: "Open the ledger read-only (refused when its schema first needs an update).")
    var readOnly = false

    func open() throws -> Ledger { try Ledger(path: db, access: readOnly ? .readOnly : .existing) }
}
