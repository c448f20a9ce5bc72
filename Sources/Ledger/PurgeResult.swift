import InstroomDomain

/// What `Ledger.purge(receivedBefore:by:)` removed.
public struct PurgeResult: Sendable, Equatable {
    public var receivedBefore: Day
    /// Closed cases whose facts and explanations were removed now.
    public var purgedCases: Int
    /// Cases received before the cut-off that are kept because they are not closed yet (no final
    /// assignment, or an open escalation): they are purged by a later run once closed.
    public var keptOpen: Int

    public init(receivedBefore: Day, purgedCases: Int, keptOpen: Int) {
        self.receivedBefore = receivedBefore
        self.purgedCases = purgedCases
        self.keptOpen = keptOpen
    }
}
