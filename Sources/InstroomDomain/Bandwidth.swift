import Foundation

/// A bandbreedte: the agreed minimum and maximum share of an RO in the weighted intake of a period.
///
/// The convenant leaves the numbers "still to be filled in": every value comes from configuration.
public struct Bandwidth: Codable, Sendable, Equatable {
    public var min: Double
    public var max: Double
    public var mode: BandMode

    public init(min: Double, max: Double, mode: BandMode = .hard) {
        self.min = min
        self.max = max
        self.mode = mode
    }

    public func contains(_ share: Double, tolerance: Double = 1e-9) -> Bool {
        share >= min - tolerance && share <= max + tolerance
    }

    /// Dutch, as reports and escalation reasons show it: "15–35%".
    public var label: String { "\(DutchNumber.decimal(min * 100, upTo: 1))–\(DutchNumber.decimal(max * 100, upTo: 1))%" }
}
