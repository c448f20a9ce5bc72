import InstroomDomain

/// What placing a case costs beyond today, as a simulated policy prices it (the dual-price policy):
/// whole points taken off a case's profit at an RO in the day model. Production never has them.
///
/// `price` says what the points stand for, so that a case the costs keep from the RO that fits it
/// best is explained by the right reason: the bands' price (`forcedByBand`) or the caseload held free
/// for the rest of the period (`forcedByCapacity`).
public struct PolicyCosts: Sendable, Equatable {
    public enum Price: String, Sendable {
        /// A workload point in an RO's share of the period.
        case bands
        /// A workload point of an RO's caseload held for a working day.
        case caseload
    }

    public var price: Price
    /// Case id -> RO -> cost in whole points (absent = 0).
    public var perCase: [String: [RO: Int]]

    public init(price: Price, perCase: [String: [RO: Int]]) {
        self.price = price
        self.perCase = perCase
    }

    public subscript(id: String) -> [RO: Int]? { perCase[id] }
}
