import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage
import Wegingskader

struct LedgerOptions: ParsableArguments {
    @Option(help: "The SQLite ledger file; created when missing.")
    var db: String = "instroom.sqlite"

    func open() throws -> Ledger { try Ledger(path: db) }
}
