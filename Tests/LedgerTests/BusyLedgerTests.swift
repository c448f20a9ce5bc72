import Foundation
import InstroomDomain
import InstroomTesting
import Ledger
import Testing

/// A ledger another process is writing: a second writer waits for it, and when the wait is too long
/// it is refused in words, with nothing written (issue 14: "database is locked" after 10 s).
struct BusyLedgerTests {
    @Test func aWriterThatWaitsTooLongGetsAClearMessageAndWritesNothing() throws {
        let path = Fixtures.ledgerPath()
        let holder = try Ledger(path: path)
        let waiter = try Ledger(path: path, busyTimeout: 0.3)
        let before = try waiter.counts()
        _ = try holder.exclusive { _ in
            #expect {
                try waiter.contest(caseId: "X", reason: "r", by: "b", on: Day("2026-03-02")!, deadline: Day("2026-03-09")!)
            } throws: { error in
                guard case LedgerError.busy = error else { return false }
                return "\(error)".contains("another instroom process is writing") && "\(error)".contains("try again")
            }
        }
        #expect(try waiter.counts() == before)
    }

    @Test func aWriterWaitsForTheOtherToFinish() throws {
        let path = Fixtures.ledgerPath()
        let holder = try Ledger(path: path)
        let waiter = try Ledger(path: path, busyTimeout: 30)
        let released = Date().addingTimeInterval(0.5)
        let thread = Thread {
            // The holder keeps the write lock for half a second, then commits.
            try? holder.exclusive { _ in while Date() < released { Thread.sleep(forTimeInterval: 0.05) } }
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.1)
        // Waits instead of failing: the refusal is the ledger's own (no such case), not a busy ledger.
        #expect {
            try waiter.contest(caseId: "X", reason: "r", by: "b", on: Day("2026-03-02")!, deadline: Day("2026-03-09")!)
        } throws: { error in
            if case LedgerError.notFound = error { return true }
            return false
        }
    }
}
