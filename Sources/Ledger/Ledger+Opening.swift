import Foundation
import GRDB

extension Ledger {
    /// Before SQLite opens `path`: a reading command refuses a missing file; a writing one creates it
    /// with mode 0600 (the ledger holds special-category data). SQLite gives the -wal and -shm files the
    /// database file's mode. `O_EXCL` makes this safe when several processes create the same new ledger.
    static func prepareFile(_ path: String, access: LedgerAccess) throws {
        if FileManager.default.fileExists(atPath: path) { return }
        guard access == .create else { throw LedgerError.missing(path: path) }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd >= 0 {
            close(fd)
        } else if errno != EEXIST {
            throw LedgerError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Migrates, or for a read-only opening checks that no migration is needed.
    static func bringUpToDate(_ queue: DatabaseQueue, path: String, access: LedgerAccess) throws {
        guard access == .readOnly else { return try Schema.migrate(queue) }
        let current = try queue.read { db in try Schema.migrator.hasCompletedMigrations(db) }
        guard current else { throw LedgerError.needsMigration(path: path) }
    }
}
