import Foundation
import InstroomDomain

public struct VariantResult: Codable, Sendable, Equatable {
    public var index: Int
    public var settings: [String: Double]
    /// Why the variant could not run (e.g. min above max); the others still run. English for the
    /// command line; `errorDutch` for the report.
    public var error: String?
    public var errorDutch: String?
    public var bands: [String: ScenarioSummary.BandSummary]?
    public var totalBandWidth: Double?
    public var totals: Totals?
}
