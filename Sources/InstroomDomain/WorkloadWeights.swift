import Foundation

/// Workload points per case kind (and per supervision intensity): the unit of capacity and of bands.
///
/// The sources give no numbers; the defaults in the bundled configuration are illustrative.
public struct WorkloadWeights: Codable, Sendable, Equatable {
    public var vi: Double
    public var advies: Double
    public var toezicht: [Intensity: Double]

    /// The workload points one case may weigh, in the configuration and in an intake's `weight`.
    /// Bounded so that the model's coefficients stay within a range GLPK can scale (weights of 1e-300
    /// next to 1e6 make it abort) and every sum and report of points stays finite.
    public static let allowedRange: ClosedRange<Double> = 0.01...1000

    public init(vi: Double, advies: Double, toezicht: [Intensity: Double]) {
        self.vi = vi
        self.advies = advies
        self.toezicht = toezicht
    }

    /// The points a case weighs: its own explicit weight if the intake gives one.
    public func weight(of intake: IntakeCase) -> Double {
        if let explicit = intake.weight { return explicit }
        switch intake.kind {
        case .vi: return vi
        case .advies: return advies
        case .toezicht: return toezicht[intake.intensity ?? .midden] ?? toezicht[.midden] ?? 1
        }
    }
}
