import Foundation
import InstroomDomain

/// The plain-text summary `simulate` prints.
public enum SimulationText {
    public static func summary(_ c: Comparison) -> String {
        var lines: [String] = []
        let header =
            [
                "scenario", "cases", "best fit (all cases)", "fit lost (bands)", "fit lost (capacity)", "fit lost (total)",
                "waiting at end",
                "escalated", "triage review", "commissie", "days waiting", "hard-band failures",
            ]
            + RO.allCases.map { "share \($0.displayName)" }
        var rows: [[String]] = []
        for s in c.scenarios {
            let t = s.totals
            rows.append(
                [
                    s.scenario.name, String(t.intake), DutchNumber.percent(t.atBestFitShare), String(t.fitLostToBands),
                    String(t.fitLostToCapacity),
                    String(t.fitLost), String(t.waitingAtEnd), String(t.escalatedCases), String(t.reviewVolumes.cases["triage"] ?? 0),
                    String(t.reviewVolumes.cases["commissie"] ?? 0), String(t.daysWithWaiting), String(t.hardBandFailureDays),
                ]
                    + RO.allCases.map { DutchNumber.percent(t.finalShare[$0.rawValue] ?? 0) }
            )
        }
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == 0
                    ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[i] - c.count) + c
            }
            .joined(separator: "  ")
        }
        lines.append(line(header))
        for r in rows { lines.append(line(r)) }
        func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
        for s in c.scenarios {
            if let d = s.againstBaseline {
                lines.append(
                    "\(s.scenario.name) against \(d.baseline): \(signed(d.atBestFit)) cases at best fit, fit lost \(signed(d.fitLost)) "
                        + "(bands \(signed(d.fitLostToBands)), capacity \(signed(d.fitLostToCapacity)), waiting \(signed(d.fitWaitingAtEnd))), waiting at end \(signed(d.waitingAtEnd))"
                )
            }
            if let h = s.hindsight {
                lines.append(
                    "\(s.scenario.name) against hindsight (\(h.status)): fit \(DutchNumber.percent(h.fitRatio, digits: 2)), value \(DutchNumber.percent(h.valueRatio, digits: 2)); "
                        + "slack at period end \(Int(h.daily.slackAtPeriodEnd.rounded())) vs \(Int(h.hindsight.slackAtPeriodEnd.rounded())) points; greedy fit \(DutchNumber.percent(h.greedyFitRatio, digits: 2)), value \(DutchNumber.percent(h.greedyValueRatio, digits: 2))"
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
