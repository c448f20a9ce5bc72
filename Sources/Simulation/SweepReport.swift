import Foundation
import InstroomDomain

/// The sweep report: the trade-off between band width and fit, and every variant in a table.
public enum SweepReport {
    public static func html(_ r: SweepResult) -> String {
        var b = SimulationReport.page(title: "Bandbreedtes verkend: \(r.scenario.title)")
        b += "<h1>Bandbreedtes verkend: \(Format.html(r.scenario.title))</h1>"
        b += "<p class=\"lead\">\(DutchNumber.integer(r.variants.count)) varianten van het scenario <span class=\"code\">\(Format.html(r.scenario.name))</span>, elk een jaar dag voor dag doorgerekend op dezelfde instroom (\(DutchNumber.integer(r.intake.cases)) zaken in \(DutchNumber.integer(r.intake.workingDays)) werkdagen). Gevarieerd: "
        b += r.vary.map { "<code>\(Format.html($0.key))</code> (\($0.values.map { DutchNumber.decimal($0, digits: 2) }.joined(separator: "; ")))" }.joined(separator: ", ") + ".</p>"
        if let shard = r.shard { b += "<p class=\"bad\">Deelresultaat: \(Format.html(shard)). Voeg de delen samen met <code>instroom sweep merge</code>.</p>" }
        b += "<div class=\"warn\"><strong>Let op: alle getallen zijn illustratief.</strong> De bronnen noemen geen bandbreedtes, capaciteiten, gewichten, duur of volumes.</div>"

        let ok = r.variants.filter { $0.totals != nil }
        let bandSweep = r.vary.allSatisfy { $0.key.hasPrefix("bands.") && $0.key != "bands.softPenalty" }
        func xValue(_ v: VariantResult) -> Double { bandSweep ? (v.totalBandWidth ?? 0) * 100 : (v.settings[r.vary[0].key] ?? 0) }
        let xTitle = bandSweep ? "totale bandbreedte (som van max − min over de RO's, procentpunt)" : r.vary[0].key
        let points = ok.map { v -> (x: Double, lost: Double, best: Double) in
            let t = v.totals!
            return (xValue(v), t.fitBest > 0 ? Double(t.fitLostToBands) / Double(t.fitBest) * 100 : 0, t.atBestFitShare * 100)
        }.sorted { ($0.x, $0.lost) < ($1.x, $1.lost) }
        b += "<h2>Afweging: bandbreedte tegen fit</h2><p>Elk punt is een variant. Smallere banden sturen meer zaken weg van de best passende RO; bredere banden laten de inhoud meer ruimte.</p><div class=\"grid\">"
        if !points.isEmpty {
            let xs = points.map(\.x)
            let (lo, hi) = (xs.min()!, xs.max()!)
            let pad = hi > lo ? (hi - lo) * 0.05 : 1
            let ticks = niceTicks(lo, hi)
            let x = SVGChart.Axis(min: lo - pad, max: hi + pad, ticks: ticks, title: xTitle)
            let yLost = SVGChart.niceAxis(max: max(points.map(\.lost).max() ?? 0, 0.5), title: "fitverlies door banden (% van haalbaar)", format: { DutchNumber.decimal($0, digits: 1) + "%" })
            b += SimulationReport.figure("Fitverlies door bandbreedtes", SVGChart.line(
                series: [.init(name: "fitverlies door bandbreedtes", color: "#c0392b", points: points.map { ($0.x, $0.lost) }, markers: true)],
                x: x, y: yLost, label: "Fitverlies tegen bandbreedte"))
            let yBest = SVGChart.niceAxis(max: 100, title: "zaken bij best passende RO", format: { DutchNumber.decimal($0, digits: 0) + "%" })
            b += SimulationReport.figure("Zaken bij de best passende RO", SVGChart.line(
                series: [.init(name: "bij best passende RO", color: "#2980b9", points: points.map { ($0.x, $0.best) }, markers: true)],
                x: x, y: yBest, label: "Best passend tegen bandbreedte"))
        }
        b += "</div><h2>Alle varianten</h2><table class=\"summary\"><thead><tr><th>#</th>"
        for a in r.vary { b += "<th>\(Format.html(a.key))</th>" }
        b += "<th>Bandbreedtes</th><th>Bij best passende RO</th><th>Fitverlies banden</th><th>Fitverlies capaciteit</th><th>Harde band niet te handhaven (dagen)</th><th>Zachte marge (punten)</th><th>Geëscaleerd</th><th>Dagen met wachtende zaken</th></tr></thead><tbody>"
        for v in r.variants {
            b += "<tr><td class=\"num\">\(v.index + 1)</td>"
            for a in r.vary { b += "<td class=\"num\">\(DutchNumber.decimal(v.settings[a.key] ?? 0, digits: 2))</td>" }
            guard let t = v.totals, let bands = v.bands else {
                b += "<td colspan=\"8\" class=\"bad\">ongeldige variant: \(Format.html(v.error ?? "onbekend"))</td></tr>"
                continue
            }
            b += "<td>" + RO.allCases.map { ro in let x = bands[ro.rawValue]!; return "\(ro.displayName) \(DutchNumber.percent(x.min, digits: 0))–\(DutchNumber.percent(x.max, digits: 0))" }.joined(separator: ", ") + "</td>"
            b += "<td class=\"num\">\(DutchNumber.percent(t.atBestFitShare))</td><td class=\"num\">\(DutchNumber.integer(t.fitLostToBands))</td><td class=\"num\">\(DutchNumber.integer(t.fitLostToCapacity))</td>"
            b += "<td class=\"num\">\(DutchNumber.integer(t.hardBandFailureDays))</td><td class=\"num\">\(DutchNumber.decimal(t.softSlack.values.reduce(0, +), digits: 0))</td>"
            b += "<td class=\"num\">\(DutchNumber.integer(t.escalatedCases))</td><td class=\"num\">\(DutchNumber.integer(t.daysWithWaiting))</td></tr>"
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
