import Foundation
import InstroomDomain

/// Scenarios replayed on the same intake, side by side: what `instroom simulate` writes.
public struct Comparison: Codable, Sendable, Equatable {
    public var scenarios: [ScenarioResult]
    /// A reminder that travels with the file.
    public var note: String

    /// The first scenario is the baseline: every other one carries its difference against it.
    public init(scenarios: [ScenarioResult]) {
        var scenarios = scenarios
        if let base = scenarios.first {
            scenarios[0].againstBaseline = nil
            for i in scenarios.indices.dropFirst() {
                scenarios[i].againstBaseline = BaselineDifference(scenarios[i].totals, against: base.totals, baseline: base.scenario.name)
            }
        }
        self.scenarios = scenarios
        note =
            "Alle getallen in de scenario's zijn illustratief: de bronnen noemen geen bandbreedtes, capaciteiten, gewichten, duur of volumes."
    }
}
