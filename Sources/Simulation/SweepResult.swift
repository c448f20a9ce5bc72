import Foundation
import InstroomDomain

public struct SweepResult: Codable, Sendable, Equatable {
    public var scenario: ScenarioSummary
    public var intake: IntakeBasis.Source
    public var vary: [SweepAxis]
    public var gridSize: Int
    /// "i/n" for one shard; absent for a whole grid (run at once or merged).
    public var shard: String?
    public var variants: [VariantResult]
}
