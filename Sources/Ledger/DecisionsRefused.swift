/// A batch of decisions the ledger refused as a whole: nothing was written, and every item that could not
/// be decided is listed with why, so the commissie can correct its list in one go rather than item by item.
public struct DecisionsRefused: Error, CustomStringConvertible, Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// The item as given (`4`, `C20260302-0031`, `B3`).
        public var reference: String
        public var reason: String

        public init(reference: String, reason: String) {
            self.reference = reference
            self.reason = reason
        }
    }

    public var items: [Item]
    /// How many items the batch had.
    public var batchSize: Int

    public init(items: [Item], batchSize: Int) {
        self.items = items
        self.batchSize = batchSize
    }

    /// One item: its reason alone (as a single `decide` always said); several: a line per refused item.
    public var description: String {
        if batchSize == 1, let only = items.first { return only.reason }
        return (["nothing was decided: \(items.count) of \(batchSize) items refused"] + items.map { "  \($0.reference): \($0.reason)" })
            .joined(separator: "\n")
    }
}
