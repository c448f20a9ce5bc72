import Foundation
import InstroomDomain

/// The plain-text summary `simulate` prints.
public enum SimulationText {
    public static func summary(_ c: Comparison) -> String {
        var lines: [String] = []
        let header = ["scenario", "cases", "best fit", "fit lost (bands)", "fit lost (capacity)", "escalated", "days waiting", "hard-band failures"]
            + RO.allCases.map { "share \($0.displayName)" }
        var rows: [[String]] = []
        for s in c.scenarios {
            let t = s.totals
            rows.append([s.scenario.name, String(t.intake), DutchNumber.percent(t.atBestFitShare), String(t.fitLostToBands), String(t.fitLostToCapacity),
                         String(t.escalatedCases), String(t.daysWithWaiting), String(t.hardBandFailureDays)]
                        + RO.allCases.map { DutchNumber.percent(t.finalShare[$0.rawValue] ?? 0) })
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
