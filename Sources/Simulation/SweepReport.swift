import Foundation
import InstroomDomain

/// The sweep report: the trade-off between band width and fit, and every variant in a table.
public enum SweepReport {
    public static func html(_ r: SweepResult) -> String {
        var b = SimulationReport.page(title: "Bandbreedtes verkend: \(r.scenario.title)")
        b += "<h1>Bandbreedtes verkend: \(Format.html(r.scenario.title))</h1>"
        b +=
            "<p class=\"lead\">\(DutchNumber.integer(r.variants.count)) varianten van het scenario <span class=\"code\">\(Format.html(r.scenario.name))</span>, elk een jaar dag voor dag doorgerekend op dezelfde instroom (\(DutchNumber.integer(r.intake.cases)) zaken in \(DutchNumber.integer(r.intake.workingDays)) werkdagen). Gevarieerd: "
        b +=
            r.vary.map {
                "<code>\(Format.html($0.key))</code> (\($0.values.map { DutchNumber.decimal($0, upTo: 4) }.joined(separator: "; ")))"
            }.joined(separator: ", ") + ".</p>"
        if let shard = r.shard {
            b += "<p class=\"bad\">Deelresultaat: \(Format.html(shard)). Voeg de delen samen met <code>instroom sweep merge</code>.</p>"
        }
        b +=
            "<div class=\"warn\"><strong>Let op: alle getallen zijn illustratief.</strong> De bronnen noemen geen bandbreedtes, capaciteiten, gewichten, duur of volumes.</div>"

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
        b +=
            "<h2>Afweging: bandbreedte tegen fit</h2><p>Elk punt is een variant. Smallere banden sturen meer zaken weg van de best passende RO; bredere banden laten de inhoud meer ruimte, maar kunnen meer zaken naar een RO sturen die vol raakt. Het totale fitverlies telt daarom alles: door bandbreedtes, door capaciteit en de fit van zaken die aan het eind van de periode nog wachten. De assen beginnen niet bij nul, zodat de verschillen zichtbaar zijn.</p><div class=\"grid\">"
        if !points.isEmpty {
            let xs = points.map(\.x)
            let (lo, hi) = (xs.min()!, xs.max()!)
            let pad = hi > lo ? (hi - lo) * 0.05 : 1
            let ticks = niceTicks(lo, hi)
            let x = SVGChart.Axis(min: lo - pad, max: hi + pad, ticks: ticks, title: xTitle)
            let yLost = SVGChart.niceRange(
                points.map(\.lost) + points.map(\.bands),
                title: "fitverlies (% van de haalbare fit)",
                format: { DutchNumber.decimal($0, upTo: 2) + "%" }
            )
            b += SimulationReport.figure(
                "Fitverlies: totaal en door bandbreedtes",
                SVGChart.line(
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
            let yBest = SVGChart.niceRange(
                points.map(\.best),
                title: "bij best passende RO (% van alle zaken)",
                format: { DutchNumber.decimal($0, upTo: 2) + "%" }
            )
            b += SimulationReport.figure(
                "Zaken bij de best passende RO",
                SVGChart.line(
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
        }
        b += "</div><h2>Alle varianten</h2><table class=\"summary\"><thead><tr><th>#</th>"
        for a in r.vary { b += "<th>\(Format.html(a.key))</th>" }
        b +=
            "<th>Bandbreedtes</th><th>Bij best passende RO (van alle zaken)</th><th>Fitverlies banden</th><th>Fitverlies capaciteit</th><th>Fit wachtend aan het eind</th><th>Fitverlies totaal</th><th>Wachtend aan het eind (zaken)</th><th>Harde band niet te handhaven (dagen)</th><th>Zachte marge (punten, dag voor dag)</th><th>Buiten de band aan het eind (punten)</th><th>Geëscaleerd</th><th>Dagen met wachtende zaken</th></tr></thead><tbody>"
        for v in r.variants {
            b += "<tr><td class=\"num\">\(v.index + 1)</td>"
            for a in r.vary { b += "<td class=\"num\">\(DutchNumber.decimal(v.settings[a.key] ?? 0, upTo: 4))</td>" }
            guard let t = v.totals, let bands = v.bands else {
                b += "<td colspan=\"12\" class=\"bad\">ongeldige variant: \(Format.html(v.errorDutch ?? v.error ?? "onbekend"))</td></tr>"
                continue
            }
            b += "<td>" + SimulationReport.bandsCell(bands, separator: ", ") + "</td>"
            b +=
                "<td class=\"num\">\(DutchNumber.percent(t.atBestFitShare, digits: 2))</td><td class=\"num\">\(DutchNumber.integer(t.fitLostToBands))</td><td class=\"num\">\(DutchNumber.integer(t.fitLostToCapacity))</td>"
            b +=
                "<td class=\"num\">\(DutchNumber.integer(t.fitWaitingAtEnd))</td><td class=\"num\"><strong>\(DutchNumber.integer(t.fitLost))</strong></td><td class=\"num\">\(DutchNumber.integer(t.waitingAtEnd))</td>"
            b +=
                "<td class=\"num\">\(DutchNumber.integer(t.hardBandFailureDays))</td><td class=\"num\">\(DutchNumber.decimal(t.softSlack.values.reduce(0, +), digits: 0))</td>"
            b += "<td class=\"num\">\(DutchNumber.decimal(t.slackAtPeriodEnd.values.reduce(0, +), digits: 0))</td>"
            b +=
                "<td class=\"num\">\(DutchNumber.integer(t.escalatedCases))</td><td class=\"num\">\(DutchNumber.integer(t.daysWithWaiting))</td></tr>"
        }
        b += "</tbody></table>"
        b += SimulationReport.method()
        return b + "</body></html>\n"
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
