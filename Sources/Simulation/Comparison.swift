import Foundation
import InstroomDomain

/// Scenarios replayed on the same intake, side by side: what `instroom simulate` writes.
public struct Comparison: Codable, Sendable, Equatable {
    public var scenarios: [ScenarioResult]
    /// A reminder that travels with the file.
    public var note: String

    public init(scenarios: [ScenarioResult]) {
        self.scenarios = scenarios
        note = "Alle getallen in de scenario's zijn illustratief: de bronnen noemen geen bandbreedtes, capaciteiten, gewichten, duur of volumes."
    }
}
