/// What `Ledger.restore(from:to:replacing:)` did.
public struct RestoreResult: Sendable, Equatable {
    /// The verification of the restored ledger (it was verified before it replaced anything).
    public var verification: LedgerVerification
    /// Where the ledger that was replaced was kept; nil when there was none.
    public var previousKeptAt: String?

    public init(verification: LedgerVerification, previousKeptAt: String?) {
        self.verification = verification
        self.previousKeptAt = previousKeptAt
    }
}
