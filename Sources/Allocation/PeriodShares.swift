import Foundation
import GLPK
import InstroomDomain

/// Weighted intake of the period: what each RO was given (fixed: geen werk retour), and what came in
/// but still waits for room. A band is a share of the whole intake, so waiting work counts in the base.
public struct PeriodShares: Sendable, Equatable, Codable {
    public var weight: [RO: Double]
    /// Weighted intake of the period that waits for capacity.
    public var waiting: Double

    public init(weight: [RO: Double] = [:], waiting: Double = 0) {
        self.weight = weight
        self.waiting = waiting
    }

    /// Weight given to the ROs.
    public var total: Double { RO.allCases.reduce(0) { $0 + (weight[$1] ?? 0) } }

    /// The share base: everything that came in, distributed or waiting.
    public var intake: Double { total + waiting }

    public func share(_ ro: RO) -> Double {
        let t = intake
        return t > 0 ? (weight[ro] ?? 0) / t : 0
    }

    public func adding(_ ro: RO, _ w: Double) -> PeriodShares {
        var copy = self
        copy.weight[ro, default: 0] += w
        return copy
    }
}
