import Foundation
import GRDB

extension Ledger {
    /// Runs a whole read-decide-write under the ledger's write lock: `BEGIN IMMEDIATE` takes the lock
    /// before the first read, so what `body` reads (backlog, capacity used, shares, contests) is what its
    /// writes change, and a second process waits (up to the busy timeout) until this one commits.
    ///
    /// Why a lock and not optimistic retries: solving a day takes 5 ms to 1.5 s, the triagepunt runs a
    /// handful of writes a day, and a retry would solve the day again while the other writer holds the
    /// lock anyway. Holding the lock for the solve is simpler, never writes a stale decision, and costs a
    /// concurrent writer at most one solve's wait. Readers (reports, the commissie's lists) are not
    /// blocked: the ledger is in WAL mode.
    ///
    /// Nothing is written if `body` throws. Not reentrant: do not call other `Ledger` methods inside.
    public func exclusive<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        try writeTransaction { db in try body(LedgerTransaction(db: db, ledger: self)) }
    }

    /// The same typed view for a read that decides nothing (a plan to export, a proposal to show): one
    /// consistent snapshot, no write lock. The writes of `LedgerTransaction` fail here.
    public func reading<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        try queue.read { db in try body(LedgerTransaction(db: db, ledger: self)) }
    }
}
