import Foundation
import GRDB
import Logging

extension Ledger {
    /// Before SQLite opens `path`: a reading command refuses a missing file; a writing one creates it
    /// with mode 0600 (the ledger holds special-category data). SQLite gives the -wal and -shm files the
    /// database file's mode. `O_EXCL` makes this safe when several processes create the same new ledger.
    ///
    /// A ledger made before the files were created 0600 (or copied with a wider mode) is tightened to
    /// 0600, its -wal and -shm files with it, the first time a writing command opens it; a reading command
    /// leaves the files as they are and only logs it.
    static func prepareFile(_ path: String, access: LedgerAccess) throws {
        if FileManager.default.fileExists(atPath: path) { return try restrictToOwner(path, access: access) }
        guard access == .create else { throw LedgerError.missing(path: path) }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd >= 0 {
            close(fd)
        } else if errno != EEXIST {
            throw LedgerError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Owner-only modes for an existing ledger and its log files (see `prepareFile`).
    static func restrictToOwner(_ path: String, access: LedgerAccess) throws {
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            let mode = String(info.st_mode & 0o777, radix: 8)
            guard access != .readOnly else {
                ledgerLogger.warning(
                    "ledger file readable by others; a writing command will restrict it to 0600",
                    metadata: ["file": "\(file)", "mode": "\(mode)"]
                )
                continue
            }
            guard chmod(file, 0o600) == 0 else {
                throw LedgerError.cannotOpen(
                    path: path,
                    reason: "cannot restrict \(file) (mode \(mode)) to 0600: \(String(cString: strerror(errno)))"
                )
            }
            ledgerLogger.notice("ledger file restricted to 0600", metadata: ["file": "\(file)", "was": "\(mode)"])
        }
    }

    /// Migrates, or for a read-only opening checks that no migration is needed.
    static func bringUpToDate(_ queue: DatabaseQueue, path: String, access: LedgerAccess) throws {
        guard access == .readOnly else { return try Schema.migrate(queue) }
        let current = try queue.read { db in try Schema.migrator.hasCompletedMigrations(db) }
        guard current else { throw LedgerError.needsMigration(path: path) }
    }
}
