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

/// The plain-text summary `simulate` prints.
public enum SimulationText {
    public static func summary(_ c: Comparison) -> String {
        var lines: [String] = []
        let header = ["scenario", "cases", "best fit", "fit lost (bands)", "fit lost (capacity)", "escalated", "days waiting", "hard-band failures"]
            + RO.allCases.map { "share \($0.displayName)" }
        var rows: [[String]] = []
        for s in c.scenarios {
            let t = s.totals
            rows.append([s.scenario.name, String(t.intake), Format.percent(t.atBestFitShare), String(t.fitLostToBands), String(t.fitLostToCapacity),
                         String(t.escalatedCases), String(t.daysWithWaiting), String(t.hardBandFailureDays)]
                        + RO.allCases.map { Format.percent(t.finalShare[$0.rawValue] ?? 0) })
        }
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == 0 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[i] - c.count) + c }
                .joined(separator: "  ")
        }
        lines.append(line(header))
        for r in rows { lines.append(line(r)) }
        return lines.joined(separator: "\n")
    }
}
