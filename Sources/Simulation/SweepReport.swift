import Foundation
import InstroomDomain
import Pages

/// The sweep report: the trade-off between band width and fit, and every variant in a table.
/// The sweep report: the trade-off between band width and fit, and every variant in a table; rendered by
/// the `sweep-report` template from `SweepReportPage`.
public enum SweepReport {
    /// A standalone Dutch page (inline CSS and a print stylesheet, no external files).
    public static func html(_ r: SweepResult) throws -> String {
        try PageRenderer().render("sweep-report", page(r))
    }

    /// The report's content for the template.
    public static func page(_ r: SweepResult) -> SweepReportPage {
        let ok = r.variants.filter { $0.totals != nil }
        let bandSweep = r.vary.allSatisfy { $0.key.hasPrefix("bands.") && $0.key != "bands.softPenalty" }
        func xValue(_ v: VariantResult) -> Double { bandSweep ? (v.totalBandWidth ?? 0) * 100 : (v.settings[r.vary[0].key] ?? 0) }
        let xTitle = bandSweep ? "totale bandbreedte (som van max − min over de RO's, procentpunt)" : r.vary[0].key
        let points = ok.map { v -> (x: Double, lost: Double, bands: Double, best: Double) in
            let t = v.totals!
            let reachable = Double(t.fitAssigned + t.fitLost)
            return (
                xValue(v), reachable > 0 ? Double(t.fitLost) / reachable * 100 : 0,
                reachable > 0 ? Double(t.fitLostToBands) / reachable * 100 : 0,
                t.atBestFitShare * 100
            )
        }.sorted { ($0.x, $0.lost) < ($1.x, $1.lost) }
        var figures: [ReportFigure] = []
        if !points.isEmpty {
            let xs = points.map(\.x)
            let (lo, hi) = (xs.min()!, xs.max()!)
            let pad = hi > lo ? (hi - lo) * 0.05 : 1
            let ticks = niceTicks(lo, hi)
            let x = Chart.Axis(min: lo - pad, max: hi + pad, ticks: ticks, title: xTitle)
            let yLost = Chart.niceRange(
                points.map(\.lost) + points.map(\.bands),
                title: "fitverlies (% van de haalbare fit)",
                format: { DutchNumber.decimal($0, upTo: 2) + "%" }
            )
            figures.append(
                ReportFigure(
                    caption: "Fitverlies: totaal en door bandbreedtes",
                    chart: Chart.line(
                        series: [
                            .init(
                                name: "fitverlies totaal (banden, capaciteit, wachtend)",
                                color: "#c0392b",
                                points: points.map { ($0.x, $0.lost) },
                                markers: true
                            ),
                            .init(
                                name: "waarvan door bandbreedtes",
                                color: "#7f8c8d",
                                points: points.map { ($0.x, $0.bands) },
                                dashed: true,
                                markers: true
                            ),
                        ],
                        x: x,
                        y: yLost,
                        label: "Fitverlies tegen bandbreedte"
                    )
                )
            )
            let yBest = Chart.niceRange(
                points.map(\.best),
                title: "bij best passende RO (% van alle zaken)",
                format: { DutchNumber.decimal($0, upTo: 2) + "%" }
            )
            figures.append(
                ReportFigure(
                    caption: "Zaken bij de best passende RO",
                    chart: Chart.line(
                        series: [
                            .init(
                                name: "bij best passende RO (van alle zaken, ook wachtende)",
                                color: "#2980b9",
                                points: points.map { ($0.x, $0.best) },
                                markers: true
                            )
                        ],
                        x: x,
                        y: yBest,
                        label: "Best passend tegen bandbreedte"
                    )
                )
            )
        }
        return SweepReportPage(
            title: "Bandbreedtes verkend: \(r.scenario.title)",
            variantCount: DutchNumber.integer(r.variants.count),
            scenarioName: r.scenario.name,
            intake: "\(DutchNumber.integer(r.intake.cases)) zaken in \(DutchNumber.integer(r.intake.workingDays)) werkdagen",
            axes: r.vary.enumerated().map { i, a in
                SweepReportPage.Axis(
                    key: a.key,
                    values: a.values.map { DutchNumber.decimal($0, upTo: 4) }.joined(separator: "; "),
                    last: i == r.vary.count - 1
                )
            },
            shard: r.shard,
            figures: figures,
            varyKeys: r.vary.map { $0.key },
            variants: r.variants.map { v in
                let settings = r.vary.map { DutchNumber.decimal(v.settings[$0.key] ?? 0, upTo: 4) }
                guard let t = v.totals, let bands = v.bands else {
                    return SweepReportPage.Variant(
                        number: v.index + 1,
                        settings: settings,
                        error: v.errorDutch ?? v.error ?? "onbekend",
                        result: nil
                    )
                }
                return SweepReportPage.Variant(
                    number: v.index + 1,
                    settings: settings,
                    error: nil,
                    result: SweepReportPage.Figures(
                        bands: SimulationReport.bandLines(bands).joined(separator: ", "),
                        atBestFit: DutchNumber.percent(t.atBestFitShare, digits: 2),
                        fitLostToBands: DutchNumber.integer(t.fitLostToBands),
                        fitLostToCapacity: DutchNumber.integer(t.fitLostToCapacity),
                        fitWaitingAtEnd: DutchNumber.integer(t.fitWaitingAtEnd),
                        fitLost: DutchNumber.integer(t.fitLost),
                        waitingAtEnd: DutchNumber.integer(t.waitingAtEnd),
                        hardBandFailureDays: DutchNumber.integer(t.hardBandFailureDays),
                        softSlack: DutchNumber.decimal(t.softSlack.values.reduce(0, +), digits: 0),
                        slackAtPeriodEnd: DutchNumber.decimal(t.slackAtPeriodEnd.values.reduce(0, +), digits: 0),
                        escalatedCases: DutchNumber.integer(t.escalatedCases),
                        daysWithWaiting: DutchNumber.integer(t.daysWithWaiting)
                    )
                )
            }
        )
    }

    static func niceTicks(_ lo: Double, _ hi: Double) -> [(value: Double, label: String)] {
        guard hi > lo else { return [(lo, DutchNumber.decimal(lo, digits: 1))] }
        let raw = (hi - lo) / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var v = (lo / step).rounded(.down) * step
        var out: [(Double, String)] = []
        while v <= hi + step * 1e-9 {
            if v >= lo - step * 1e-9 { out.append((v, DutchNumber.decimal(v, digits: step < 1 ? 2 : 0))) }
            v += step
        }
        return out
    }
}
