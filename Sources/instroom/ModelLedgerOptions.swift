import ArgumentParser
import Foundation
import Ledger

/// `--db` for `export-model`: the ledger whose period so far (shares, capacity in use) the day's model
/// starts from. Exporting only reads, so a missing file is an empty period, read from a scratch ledger
/// that is removed again: it never leaves a ledger behind, as `allocate` on the same path would create.
struct ModelLedgerOptions: ParsableArguments {
    @Option(
        help:
            "The SQLite ledger the model starts from (the period's shares and capacity so far); a missing file is an empty period, and nothing is created."
    )
    var db: String = "instroom.sqlite"

    /// Runs `body` with the ledger, or with an empty scratch ledger when `db` does not exist.
    func reading<T>(_ body: (() throws -> Ledger) throws -> T) throws -> T {
        guard !FileManager.default.fileExists(atPath: db) else { return try body { try Ledger(path: db, access: .existing) } }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("instroom-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        return try body {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            return try Ledger(path: scratch.appendingPathComponent("empty.sqlite").path)
        }
    }
}
