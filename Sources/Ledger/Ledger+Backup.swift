import Foundation
import GRDB

extension Ledger {
    /// Copies the ledger to a new file with SQLite's online backup API: a consistent snapshot even
    /// while other processes write (it is taken under a read transaction). The copy is created with
    /// mode 0600 and verified; an existing file is never overwritten.
    @discardableResult
    public func backup(to destination: String) throws -> LedgerVerification {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw LedgerError.refused("\(destination) already exists; a backup never overwrites a file: choose a new name")
        }
        try Ledger.prepareFile(destination, access: .create)
        do {
            try queue.backup(to: try DatabaseQueue(path: destination))
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw LedgerError.cannotOpen(path: destination, reason: "\(error)")
        }
        return try Ledger(path: destination, access: .readOnly).verify()
    }

    /// Restores a backup into the ledger at `path`. The backup is first copied beside the ledger and
    /// verified there (an older backup is migrated in that copy); a backup that does not verify is
    /// refused and nothing is replaced. An existing ledger is replaced only with `replacing`, and is
    /// first kept, itself by online backup, as `path.before-restore-TIMESTAMP`. The restore writes into
    /// the ledger through SQLite's backup API under its write lock, so processes that have it open see
    /// either the old or the restored ledger, never a mix.
    public static func restore(
        from backup: String,
        to path: String,
        replacing: Bool,
        clock: @escaping @Sendable () -> Date = Date.init
    ) throws -> RestoreResult {
        guard FileManager.default.fileExists(atPath: backup) else { throw LedgerError.missing(path: backup) }
        let exists = FileManager.default.fileExists(atPath: path)
        if exists, !replacing {
            throw LedgerError.refused(
                "a ledger exists at \(path); restore --force replaces it (it is kept as \(path).before-restore-TIMESTAMP first)"
            )
        }
        let staging = path + ".restoring-\(ProcessInfo.processInfo.processIdentifier)"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging + suffix) } }
        var readOnly = Configuration()
        readOnly.readonly = true
        do {
            try prepareFile(staging, access: .create)
            try DatabaseQueue(path: backup, configuration: readOnly).backup(to: try DatabaseQueue(path: staging))
        } catch {
            throw LedgerError.cannotOpen(path: backup, reason: "\(error)")
        }
        let restored = try Ledger(path: staging, clock: clock)
        let verification = try restored.verify()
        guard verification.isIntact else {
            throw LedgerError.refused(
                "the backup \(backup) does not verify, nothing was restored:\n"
                    + verification.problems.map { "  \($0)" }.joined(separator: "\n")
            )
        }
        var kept: String?
        if exists {
            let current = try Ledger(path: path, clock: clock)
            let stamp = iso.string(from: clock()).replacingOccurrences(of: ":", with: "")
            kept = "\(path).before-restore-\(stamp)"
            try current.backup(to: kept!)
            try restored.queue.backup(to: current.queue)
        } else {
            try prepareFile(path, access: .create)
            try restored.queue.backup(to: try DatabaseQueue(path: path))
        }
        return RestoreResult(verification: try Ledger(path: path, clock: clock).verify(), previousKeptAt: kept)
    }
}
