import Foundation
import GRDB
import Logging

/// How a connection waits while another process holds the ledger's write lock: short sleeps up to
/// `timeout`, and one log line when the wait becomes noticeable, so an operator sees why a command
/// pauses. Then SQLite reports SQLITE_BUSY, which the ledger turns into `LedgerError.busy`.
struct LedgerBusyWait: Sendable {
    let path: String
    let timeout: TimeInterval

    /// Between two tries; SQLite's own busy handler sleeps similarly.
    static let pause: TimeInterval = 0.02
    /// A wait shorter than this is normal traffic and is not logged.
    static let noticeable: TimeInterval = 1

    var callback: Database.BusyCallback {
        let maximumTries = Int((timeout / Self.pause).rounded(.up))
        let noticeAt = Int(Self.noticeable / Self.pause)
        let path = path
        let timeout = timeout
        return { tries in
            guard tries < maximumTries else { return false }
            if tries == noticeAt {
                ledgerLogger.info(
                    "waiting for the ledger: another instroom process is writing",
                    metadata: ["ledger": "\(path)", "timeoutSeconds": "\(timeout)"]
                )
            }
            Thread.sleep(forTimeInterval: Self.pause)
            return true
        }
    }
}
