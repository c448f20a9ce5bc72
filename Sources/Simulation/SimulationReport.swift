import Foundation
import InstroomDomain
import Review

/// The side-by-side report for the directies: standalone HTML in Dutch with inline SVG charts.
public enum SimulationReport {
    static let roColors: [RO: String] = [.SVG: "#1f77b4", .RN: "#e67e22", .LJR: "#2e8b57"]
    static let scenarioColors = ["#34495e", "#c0392b", "#2980b9", "#8e44ad", "#16a085", "#d35400", "#7f8c8d", "#b7950b"]
    static let monthNames = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    static func scenarioColor(_ i: Int) -> String { scenarioColors[i % scenarioColors.count] }

    public static func html(_ c: Comparison) -> String {
        var b = page(title: "Bandbreedtescenario's: de verdeling dag voor dag gesimuleerd")
        let first = c.scenarios.first
        b += "<h1>Bandbreedtescenario's: de verdeling dag voor dag gesimuleerd</h1>"
        if let src = first?.intake {
            let what =
                src.kind == "synthetisch"
                ? "synthetische instroom (seed \(src.seed.map(String.init) ?? "–"), gemiddeld \(DutchNumber.integer(src.perDay ?? 0)) zaken per werkdag vóór het seizoenspatroon)"
                : "historische instroom uit \(Format.html(src.file ?? "bestand"))"
            b +=
                "<p class=\"lead\">\(DutchNumber.count(c.scenarios.count, "scenario", "scenario's")), elk dag voor dag doorgerekend met de productieverdeling (wegingskader, GLPK-model, escalatieregels) op dezelfde \(what): \(DutchNumber.integer(src.cases)) zaken in \(DutchNumber.integer(src.workingDays)) werkdagen, \(dateNL(src.start)) t/m \(dateNL(src.end)).</p>"
        }
        b +=
            "<div class=\"warn\"><strong>Let op: alle getallen zijn illustratief.</strong> De bronnen (convenant 2023, plannen van SVG, visie van de minister, evaluatie SOM) noemen geen bandbreedtes, capaciteiten, werklastgewichten, doorlooptijden of volumes. De scenario's laten zien <em>hoe</em> keuzes uitwerken, niet hoeveel.</div>"

        b += "<h2>Samenvatting</h2>"
        b += summaryTable(c)
        b += differenceTable(c)
        b += hindsightTable(c)

        b +=
            "<h2>Aandeel per RO in de tijd</h2><p>Cumulatief aandeel in de gewogen instroom van de periode (werkpunten), met de bandbreedte als gekleurde strook (gestippelde randen). Het aandeel begint opnieuw aan het begin van elke bandperiode.</p><div class=\"grid\">"
        for s in c.scenarios { b += figure(s.scenario.title, shareChart(s)) }
        b += "</div>"

        b +=
            "<h2>Fit</h2><p>Fitverlies per zaak: de fit (wegingskader plus continuïteitsbonus) bij de best passende toegestane RO min de fit bij de RO die de zaak kreeg. 0 = de zaak ging naar een best passende RO.</p><div class=\"grid\">"
        b += figure("Verdeling van het fitverlies per zaak", fitHistogram(c))
        b += figure("Fitverlies per oorzaak", fitLostByCause(c))
        b += "</div>"

        b += "<h2>Escalaties naar de begeleidingscommissie</h2><div class=\"grid\">"
        b += figure("Escalaties per maand (alle redenen)", escalationsPerMonth(c))
        b += "<div>" + escalationTable(c) + "</div></div>"

        b +=
            "<h2>Capaciteitsgebruik</h2><p>Lopende werklast als deel van de caseload van die week (100% = vol). Boven 100% kan alleen door de beginlast of een capaciteitsdip (zomer, kerst).</p><div class=\"grid\">"
        for s in c.scenarios { b += figure(s.scenario.title, utilisationChart(s)) }
        b += "</div>"

        b += "<h2>Scenario's en aannames</h2>"
        for (i, s) in c.scenarios.enumerated() {
            b +=
                "<section class=\"scenario\" style=\"border-left-color:\(scenarioColor(i))\"><h3>\(Format.html(s.scenario.title)) <span class=\"code\">\(Format.html(s.scenario.name))</span></h3>"
            b += "<p>\(Format.html(s.scenario.description))</p><ul>"
            for a in s.scenario.assumptions { b += "<li>\(Format.html(a))</li>" }
            b += "</ul>"
            if !s.totals.hardBandFailures.isEmpty {
                b +=
                    "<p><strong>Dagen waarop de harde bandbreedtes niet te handhaven waren</strong> (verdeeld met zachte banden):</p><ul class=\"small\">"
                for f in s.totals.hardBandFailures.prefix(5) { b += "<li>\(dateNL(f.day)): \(Format.html(f.explanation))</li>" }
                if s.totals.hardBandFailureDays > 5 {
                    b += "<li>… en nog \(DutchNumber.count(s.totals.hardBandFailureDays - 5, "dag", "dagen")).</li>"
                }
                b += "</ul>"
            }
            b += "</section>"
        }
        b += method()
        return b + "</body></html>\n"
    }

    // MARK: tables

    /// A band as the directies agreed it, to the hundredth of a percent: "27,5–32,5%".
    static func bandLabel(_ b: ScenarioSummary.BandSummary) -> String {
        "\(DutchNumber.decimal(b.min * 100, upTo: 2))–\(DutchNumber.percent(b.max, upTo: 2))"
    }

    static func bandsCell(_ bands: [String: ScenarioSummary.BandSummary], separator: String = "<br>") -> String {
        RO.allCases.map { ro in
            let b = bands[ro.rawValue]!
            return b.min <= 0 && b.max >= 1
                ? "\(ro.displayName): geen" : "\(ro.displayName) \(bandLabel(b)) \(b.mode == "hard" ? "hard" : "zacht")"
        }.joined(separator: separator)
    }

    /// A difference with its sign: "+1.574", "−12.045", "0".
    static func signed(_ n: Int) -> String { n > 0 ? "+\(DutchNumber.integer(n))" : n < 0 ? "−\(DutchNumber.integer(-n))" : "0" }

    static func signed(_ x: Double, digits: Int) -> String {
        let text = DutchNumber.decimal(abs(x), digits: digits)
        return text == DutchNumber.decimal(0, digits: digits) ? text : (x > 0 ? "+" : "−") + text
    }

    static func share(_ part: Int, of whole: Int, digits: Int = 1) -> String {
        DutchNumber.percent(whole > 0 ? Double(part) / Double(whole) : 0, digits: digits)
    }

    static func summaryTable(_ c: Comparison) -> String {
        var rows: [(String, [String])] = []
        func row(_ label: String, _ value: (ScenarioResult) -> String) { rows.append((label, c.scenarios.map(value))) }
        row("Bandbreedtes") {
            bandsCell($0.scenario.bands) + ($0.scenario.bandPolicy == "lookahead" ? "<br><em>vooruitkijkend verdeeld</em>" : "")
        }
        row("Zaken in de instroom") { DutchNumber.integer($0.totals.intake) }
        row("Toegewezen / wachtend aan het eind") {
            "\(DutchNumber.integer($0.totals.assigned)) / \(DutchNumber.integer($0.totals.waitingAtEnd))"
        }
        row("Bij de best passende RO (van alle zaken, ook de wachtende)") { s in
            "<strong>\(DutchNumber.percent(s.totals.atBestFitShare))</strong> (\(DutchNumber.count(s.totals.atBestFit, "zaak", "zaken")))"
        }
        row("Fit behaald") { s in
            "\(DutchNumber.count(s.totals.fitAssigned, "punt", "punten")) van \(DutchNumber.integer(s.totals.fitAssigned + s.totals.fitLost)) haalbaar"
        }
        row("Fitverlies door bandbreedtes") { s in
            "<strong>\(DutchNumber.count(s.totals.fitLostToBands, "punt", "punten"))</strong> (\(share(s.totals.fitLostToBands, of: s.totals.fitAssigned + s.totals.fitLost, digits: 2)) van de haalbare fit)"
        }
        row("— waarvan bij") { s in
            RO.allCases.map { "\($0.displayName) \(DutchNumber.integer(s.totals.fitLostToBandsPerRO[$0.rawValue] ?? 0))" }.joined(
                separator: ", "
            )
        }
        row("Fitverlies door capaciteit") { s in
            "\(DutchNumber.count(s.totals.fitLostToCapacity, "punt", "punten")) (\(share(s.totals.fitLostToCapacity, of: s.totals.fitAssigned + s.totals.fitLost, digits: 2)))"
        }
        row("Fit van zaken die aan het eind nog wachten") { s in DutchNumber.count(s.totals.fitWaitingAtEnd, "punt", "punten") }
        row("Fitverlies totaal") { s in
            "<strong>\(DutchNumber.count(s.totals.fitLost, "punt", "punten"))</strong> (\(share(s.totals.fitLost, of: s.totals.fitAssigned + s.totals.fitLost, digits: 2)))"
        }
        row("Aandeel aan het eind") { s in
            RO.allCases.map { "\($0.displayName) \(DutchNumber.percent(s.totals.finalShare[$0.rawValue] ?? 0))" }.joined(separator: "<br>")
        }
        row("Buiten de band aan het eind van de periode") { s in
            let total = s.totals.slackAtPeriodEnd.values.reduce(0, +)
            return total > 0 ? DutchNumber.amount(total, upTo: 0, "werkpunt", "werkpunten") : "0 (binnen de band)"
        }
        row("Geëscaleerde zaken (alle redenen, ook alleen geteld)") { s in
            "\(DutchNumber.integer(s.totals.escalatedCases)) (\(share(s.totals.escalatedCases, of: s.totals.intake)))"
        }
        for queue in ReviewQueue.allCases {
            row("Naar de \(queue == .triage ? "triagereview" : "begeleidingscommissie")") { s in
                let volumes = s.totals.reviewVolumes
                let n = volumes.cases[queue.rawValue] ?? 0
                let perWeek = volumes.weeks.isEmpty ? 0 : Double(n) / Double(volumes.weeks.count)
                let reasons = (volumes.reasons[queue.rawValue] ?? [:]).sorted { $0.key < $1.key }
                    .map { "\(EscalationCode(rawValue: $0.key)?.label ?? $0.key): \(DutchNumber.integer($0.value))" }.joined(
                        separator: "<br>"
                    )
                return
                    "\(DutchNumber.count(n, "zaak", "zaken")) (\(share(n, of: s.totals.intake))); gemiddeld \(DutchNumber.decimal(perWeek, digits: 1)) per week"
                    + (reasons.isEmpty ? "" : "<br>\(reasons)")
            }
        }
        row("Wachten") { s in
            let t = s.totals
            return
                "\(DutchNumber.count(t.daysWithWaiting, "dag", "dagen")) met wachtende zaken; max. \(DutchNumber.count(t.maxWaiting, "zaak", "zaken")) tegelijk; "
                + "\(DutchNumber.integer(t.waitingAtEnd)) \(t.waitingAtEnd == 1 ? "zaak wacht" : "zaken wachten") aan het eind; gemiddeld \(DutchNumber.decimal(t.averageWaitDays, digits: 3)) werkdag per zaak (over alle zaken)"
        }
        row("Zachte marge gebruikt (dag voor dag)") { s in
            let total = s.totals.softSlack.values.reduce(0, +)
            return total > 0
                ? "\(DutchNumber.amount(total, upTo: 0, "werkpunt", "werkpunten")) op \(DutchNumber.count(s.totals.daysWithSlack, "dag", "dagen"))<br>"
                    + RO.allCases.map { "\($0.displayName) \(DutchNumber.decimal(s.totals.softSlack[$0.rawValue] ?? 0, digits: 0))" }
                    .joined(separator: ", ") : "geen"
        }
        row("Dagen harde band niet te handhaven") { s in
            s.totals.hardBandFailureDays == 0 ? "0" : "<span class=\"bad\">\(DutchNumber.integer(s.totals.hardBandFailureDays))</span>"
        }
        row("Dagen waarop het rekenmodel zijn tijdslimiet bereikte") { s in
            s.totals.solverTimeLimitDays.isEmpty
                ? "0"
                : "<span class=\"bad\">\(s.totals.solverTimeLimitDays.count)</span> (\(s.totals.solverTimeLimitDays.prefix(3).map { dateNL($0) }.joined(separator: ", ")))"
        }
        row("Gemiddelde bezetting") { s in
            RO.allCases.map { "\($0.displayName) \(DutchNumber.percent(s.totals.averageUtilisation[$0.rawValue] ?? 0, digits: 0))" }.joined(
                separator: ", "
            )
        }
        return table(c, rows)
    }

    static func table(_ c: Comparison, _ rows: [(String, [String])]) -> String {
        var h = "<table class=\"summary\"><thead><tr><th></th>"
        for (i, s) in c.scenarios.enumerated() {
            h += "<th><span class=\"swatch\" style=\"background:\(scenarioColor(i))\"></span>\(Format.html(s.scenario.title))</th>"
        }
        h += "</tr></thead><tbody>"
        for (label, cells) in rows { h += "<tr><th>\(label)</th>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>" }
        return h + "</tbody></table>"
    }

    /// Every scenario against the baseline, in cases and fit points.
    static func differenceTable(_ c: Comparison) -> String {
        guard let base = c.scenarios.first, c.scenarios.count > 1 else { return "" }
        var rows: [(String, [String])] = []
        func row(_ label: String, _ value: (BaselineDifference) -> String) {
            rows.append((label, c.scenarios.map { s in s.againstBaseline.map(value) ?? "<span class=\"small\">basis</span>" }))
        }
        row("Zaken bij de best passende RO") { d in
            "<strong>\(signed(d.atBestFit))</strong> (\(signed(d.atBestFitShare * 100, digits: 1)) procentpunt)"
        }
        row("Fit behaald (punten)") { signed($0.fitAssigned) }
        row("Fitverlies door bandbreedtes (punten)") { signed($0.fitLostToBands) }
        row("Fitverlies door capaciteit (punten)") { signed($0.fitLostToCapacity) }
        row("Fit van zaken die aan het eind wachten (punten)") { signed($0.fitWaitingAtEnd) }
        row("Fitverlies totaal (punten)") { d in "<strong>\(signed(d.fitLost))</strong>" }
        row("Zaken die aan het eind wachten") { signed($0.waitingAtEnd) }
        row("Buiten de band aan het eind (werkpunten)") { signed($0.slackAtPeriodEnd, digits: 0) }
        row("Geëscaleerde zaken") { signed($0.escalatedCases) }
        for code in EscalationCode.allCases where c.scenarios.contains(where: { ($0.totals.escalations[code.rawValue] ?? 0) > 0 }) {
            row("— \(Format.html(code.label))") { signed($0.escalations[code.rawValue] ?? 0) }
        }
        row("Dagen harde band niet te handhaven") { signed($0.hardBandFailureDays) }
        return
            "<h2>Verschil met \(Format.html(base.scenario.title))</h2><p>Elk scenario min het basisscenario (het eerste): een positief getal bij ‘zaken bij de best passende RO’ is winst, bij fitverlies is het een verlies. De best passende RO telt over alle zaken, ook die aan het eind nog wachten.</p>"
            + table(c, rows)
    }

    /// The daily policy against the whole period solved at once with hindsight.
    static func hindsightTable(_ c: Comparison) -> String {
        guard c.scenarios.contains(where: { $0.hindsight != nil }) else { return "" }
        var rows: [(String, [String])] = []
        func row(_ label: String, _ value: (HindsightBenchmark) -> String) {
            rows.append((label, c.scenarios.map { s in s.hindsight.map(value) ?? "–" }))
        }
        func points(_ x: Double) -> String { DutchNumber.amount(x, upTo: 0, "punt", "punten") }
        row("Oplossing met terugblik") { h in
            switch h.status {
            case "optimal": "optimaal (bewezen)"
            case "feasible":
                "beste gevonden binnen \(DutchNumber.decimal(h.timeLimitSeconds, upTo: 0)) s (grens \(h.mipBound.map { DutchNumber.decimal($0, upTo: 0) } ?? "–"))"
            default:
                "LP-relaxatie: een bovengrens (geen geheeltallige oplossing binnen \(DutchNumber.decimal(h.timeLimitSeconds, upTo: 0)) s)"
            }
        }
        row("Fit dag voor dag / met terugblik") { h in "\(points(h.daily.fit)) / \(points(h.hindsight.fit))" }
        row("<strong>Verhouding fit</strong>") { h in "<strong>\(DutchNumber.percent(h.fitRatio, digits: 1))</strong>" }
        row("Buiten de band aan het eind: dag voor dag / met terugblik") { h in
            "\(DutchNumber.amount(h.daily.slackAtPeriodEnd, upTo: 0, "werkpunt", "werkpunten")) / \(DutchNumber.amount(h.hindsight.slackAtPeriodEnd, upTo: 0, "werkpunt", "werkpunten"))"
        }
        row(
            "<strong>Verhouding waarde</strong> (fit − \(c.scenarios.compactMap(\.hindsight).first.map { DutchNumber.decimal($0.slackPrice, upTo: 1) } ?? "") per werkpunt buiten de band)"
        ) { h in
            "<strong>\(DutchNumber.percent(h.valueRatio, digits: 1))</strong>"
        }
        row("Gretig (elke zaak naar zijn beste RO met ruimte): fit, verhouding") { h in
            "\(points(h.greedy.fit)), \(DutchNumber.percent(h.greedyFitRatio, digits: 1))"
        }
        row("Gretig: verhouding waarde") { h in DutchNumber.percent(h.greedyValueRatio, digits: 1) }
        row("Bij de best passende RO: dag voor dag / terugblik / gretig") { h in
            "\(DutchNumber.decimal(h.daily.atBestFit, upTo: 0)) / \(DutchNumber.decimal(h.hindsight.atBestFit, upTo: 0)) / \(DutchNumber.decimal(h.greedy.atBestFit, upTo: 0))"
        }
        row("Wachtend aan het eind: dag voor dag / terugblik / gretig") { h in
            "\(DutchNumber.decimal(h.daily.waitingAtEnd, upTo: 0)) / \(DutchNumber.decimal(h.hindsight.waitingAtEnd, upTo: 1)) / \(DutchNumber.decimal(h.greedy.waitingAtEnd, upTo: 0))"
        }
        row("Model met terugblik") { h in
            "\(DutchNumber.integer(h.classes)) klassen, \(DutchNumber.integer(h.columns)) kolommen, \(DutchNumber.integer(h.rows)) rijen\(h.hardBandsRelaxed ? "; harde banden waren over de hele periode niet te halen en zijn zacht gemaakt" : "")"
        }
        return
            "<h2>De prijs van dag voor dag beslissen</h2><p>Het model met terugblik verdeelt dezelfde zaken met dezelfde scores, capaciteit en bandbreedtes in één keer over de hele periode, alsof alle zaken van tevoren bekend waren. De verhouding is wat de dagelijkse verdeling daarvan haalt. Ter vergelijking: onderzoek naar de plaatsing van vluchtelingen (Annie MOORE) meldt meer dan 98% voor een dynamisch beleid en minder dan 90% voor gretig plaatsen. Waarde = fit min de prijs van de zachte band per werkpunt buiten de band aan het eind van de periode.</p>"
            + table(c, rows)
            + "<p class=\"small\">Het model met terugblik rekent in blokken van \(c.scenarios.compactMap(\.hindsight).first.map { DutchNumber.count($0.blockDays, "werkdag", "werkdagen") } ?? "") en verdeelt een klasse van gelijke zaken de hele periode in dezelfde verhouding over de RO's; de capaciteit geldt voor het gemiddelde van een blok en mag, zoals in de dagelijkse verdeling, tijdelijk boven een verlaagde caseload (zomer, kerst) liggen. De bandbreedtes gelden aan het eind van de periode.</p>"
    }

    static func escalationTable(_ c: Comparison) -> String {
        var h = "<table class=\"summary\"><thead><tr><th>Reden</th>"
        for s in c.scenarios { h += "<th>\(Format.html(s.scenario.title))</th>" }
        h += "</tr></thead><tbody>"
        for code in EscalationCode.allCases {
            h +=
                "<tr><th>\(Format.html(code.label))</th>"
                + c.scenarios.map { "<td class=\"num\">\(DutchNumber.integer($0.totals.escalations[code.rawValue] ?? 0))</td>" }.joined()
                + "</tr>"
        }
        return h
            + "</tbody></table><p class=\"small\">Een zaak kan om meer redenen escaleren. ‘Geen capaciteit’ telt elke zaak die minstens één dag wachtte één keer.</p>"
    }

    // MARK: charts

    static func monthTicks(_ days: [Day]) -> [(value: Double, label: String)] {
        var ticks: [(Double, String)] = []
        var last = -1
        for (i, d) in days.enumerated() where d.month != last {
            last = d.month
            ticks.append((Double(i), monthNames[d.month - 1]))
        }
        return ticks
    }

    static func shareChart(_ s: ScenarioResult) -> String {
        let days = s.days ?? []
        let x = SVGChart.Axis(min: 0, max: Double(max(1, days.count - 1)), ticks: monthTicks(days.map(\.day)), title: "werkdag (maand)")
        let maxShare = days.flatMap { $0.share.values }.max() ?? 1
        let bandTop =
            RO.allCases.compactMap { ro -> Double? in
                let b = s.scenario.bands[ro.rawValue]!
                return b.max >= 1 ? nil : b.max
            }.max() ?? 0
        let y = SVGChart.niceAxis(
            max: min(1, max(maxShare, bandTop) + 0.05),
            title: "aandeel gewogen instroom",
            format: { DutchNumber.percent($0, digits: 0) }
        )
        let series = RO.allCases.map { ro in
            SVGChart.Series(
                name: ro.displayName,
                color: roColors[ro]!,
                points: days.enumerated().map { (Double($0.offset), $0.element.share[ro.rawValue] ?? 0) }
            )
        }
        let bands = RO.allCases.compactMap { ro -> SVGChart.Band? in
            let b = s.scenario.bands[ro.rawValue]!
            guard b.min > 0 || b.max < 1 else { return nil }
            return SVGChart.Band(
                color: roColors[ro]!,
                min: b.min,
                max: b.max,
                label: "band \(ro.displayName) (\(b.mode == "hard" ? "hard" : "zacht"))"
            )
        }
        return SVGChart.line(series: series, bands: bands, x: x, y: y, label: "Aandeel per RO, \(s.scenario.title)")
    }

    static func utilisationChart(_ s: ScenarioResult) -> String {
        let days = s.days ?? []
        let x = SVGChart.Axis(min: 0, max: Double(max(1, days.count - 1)), ticks: monthTicks(days.map(\.day)), title: "werkdag (maand)")
        let maxU = days.flatMap { $0.utilisation.values }.max() ?? 1
        let y = SVGChart.niceAxis(max: max(1.1, maxU), title: "bezetting van de caseload", format: { DutchNumber.percent($0, digits: 0) })
        let series = RO.allCases.map { ro in
            SVGChart.Series(
                name: ro.displayName,
                color: roColors[ro]!,
                points: days.enumerated().map { (Double($0.offset), $0.element.utilisation[ro.rawValue] ?? 0) }
            )
        }
        return SVGChart.line(
            series: series,
            x: x,
            y: y,
            reference: (1, "100% = caseload vol"),
            label: "Capaciteitsgebruik, \(s.scenario.title)"
        )
    }

    static func fitHistogram(_ c: Comparison) -> String {
        let buckets = Totals.histogramBuckets
        let labels = ["0", "1–2", "3–5", "6–10", "> 10"]
        let series = c.scenarios.enumerated().map { i, s in
            SVGChart.Series(
                name: s.scenario.title,
                color: scenarioColor(i),
                points: buckets.enumerated().map { k, key in
                    (Double(k), s.totals.assigned > 0 ? Double(s.totals.fitLossHistogram[key] ?? 0) / Double(s.totals.assigned) * 100 : 0)
                }
            )
        }
        let maxV = series.flatMap { $0.points.map(\.y) }.max() ?? 1
        let y = SVGChart.niceAxis(max: maxV, title: "% van de toegewezen zaken", format: { DutchNumber.decimal($0, digits: 0) + "%" })
        return SVGChart.bars(
            categories: labels,
            series: series,
            y: y,
            xTitle: "fitverlies per zaak (punten)",
            label: "Verdeling van het fitverlies"
        )
    }

    /// Fit lost to bands, to capacity and by cases still waiting, and their total, per scenario.
    static func fitLostByCause(_ c: Comparison) -> String {
        let series = c.scenarios.enumerated().map { i, s in
            let t = s.totals
            return SVGChart.Series(
                name: s.scenario.title,
                color: scenarioColor(i),
                points: [
                    (0, Double(t.fitLostToBands)), (1, Double(t.fitLostToCapacity)), (2, Double(t.fitWaitingAtEnd)), (3, Double(t.fitLost)),
                ]
            )
        }
        let maxV = series.flatMap { $0.points.map(\.y) }.max() ?? 1
        let y = SVGChart.niceAxis(max: max(maxV, 10), title: "fitverlies (punten)", format: { DutchNumber.decimal($0, digits: 0) })
        return SVGChart.bars(
            categories: ["bandbreedtes", "capaciteit", "wachtend aan het eind", "totaal"],
            series: series,
            y: y,
            xTitle: "oorzaak",
            label: "Fitverlies per oorzaak"
        )
    }

    static func escalationsPerMonth(_ c: Comparison) -> String {
        let months = c.scenarios.first?.months.map(\.month) ?? []
        let series = c.scenarios.enumerated().map { i, s in
            let byMonth = Dictionary(uniqueKeysWithValues: s.months.map { ($0.month, $0.escalations.values.reduce(0, +)) })
            return SVGChart.Series(
                name: s.scenario.title,
                color: scenarioColor(i),
                points: months.enumerated().map { (Double($0.offset), Double(byMonth[$0.element] ?? 0)) },
                markers: true
            )
        }
        let ticks = months.enumerated().map { (Double($0.offset), monthNames[(Int($0.element.suffix(2)) ?? 1) - 1]) }
        let x = SVGChart.Axis(min: -0.5, max: Double(months.count) - 0.5, ticks: ticks, title: "maand")
        let maxV = series.flatMap { $0.points.map(\.y) }.max() ?? 1
        let y = SVGChart.niceAxis(max: maxV, title: "escalaties", format: { DutchNumber.decimal($0, digits: 0) })
        return SVGChart.line(series: series, x: x, y: y, label: "Escalaties per maand")
    }

    // MARK: page

    static func figure(_ caption: String, _ svg: String) -> String {
        "<figure><figcaption>\(Format.html(caption))</figcaption>\(svg)</figure>"
    }

    static func dateNL(_ d: Day) -> String {
        let full = [
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
        ]
        return "\(d.components.day) \(full[d.month - 1]) \(d.year)"
    }

    static func page(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Format.html(title))</title>
        <style>
        body{font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#222;margin:24px auto;max-width:1320px;padding:0 20px;line-height:1.45}
        h1{font-size:26px;margin-bottom:4px}h2{font-size:20px;margin-top:34px;border-bottom:2px solid #eee;padding-bottom:4px}h3{font-size:16px;margin:0 0 6px}
        .lead{font-size:15px;color:#444}.warn{background:#fff6db;border:1px solid #f0d58c;padding:10px 14px;border-radius:6px;margin:14px 0}
        table.summary{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0}table.summary th,table.summary td{border-bottom:1px solid #e3e3e3;padding:6px 8px;text-align:left;vertical-align:top}
        table.summary thead th{background:#f4f6f8;font-weight:600}table.summary tbody th{font-weight:500;color:#444;width:230px}td.num{text-align:right}
        .swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:baseline}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:18px}figure{margin:0;border:1px solid #eee;border-radius:6px;padding:8px 10px}
        figcaption{font-weight:600;font-size:14px;margin-bottom:4px}svg.chart{width:100%;height:auto;display:block}
        svg .tick{font-size:11px;fill:#555}svg .axis{font-size:12px;fill:#333}svg .legend{font-size:12px;fill:#222}svg .small{font-size:11px;fill:#333}
        .scenario{border-left:5px solid #999;padding:4px 12px;margin:12px 0}.code{font-family:monospace;font-weight:400;color:#777;font-size:13px}
        .small{font-size:12px;color:#555}.legend{font-size:12.5px;display:flex;flex-wrap:wrap;gap:4px 14px;margin-top:2px}.legend span{white-space:nowrap}.legend svg{vertical-align:middle;margin-right:4px}.bad{color:#b03a2e;font-weight:600}
        </style></head><body>
        """
    }

    static func method() -> String {
        """
        <h2>Werkwijze</h2>
        <ul class="small">
        <li>Elke werkdag gaan de nieuwe zaken en de wachtende zaken door dezelfde verdeling als <code>instroom allocate</code>: scoren met het wegingskader, het GLPK-model van de dag, de escalatieregels. Er is geen tweede implementatie.</li>
        <li>Meegenomen van dag tot dag: het cumulatieve aandeel per RO in de bandperiode (geen werk retour), de lopende werklast per RO en de wachtende zaken.</li>
        <li>Capaciteit: een zaak bezet zijn werkpunten bij zijn RO gedurende een vaste duur per soort zaak. Vrije capaciteit op een dag = caseload van die week − lopende werklast − resterende beginlast.</li>
        <li>Harde bandbreedtes die op een dag niet te handhaven zijn, tellen als overschrijding; die dag wordt met zachte banden verdeeld en dat staat in het overzicht.</li>
        <li>Fitverlies door bandbreedtes: toewijzingen tegen de beste match in terwijl de beter passende RO ruimte had (escalatiereden ‘gedwongen door de bandbreedte’); fitverlies door capaciteit: de beter passende RO zat vol; zaken die aan het eind nog wachten, tellen met hun hele haalbare fit. Samen het totale fitverlies.</li>
        <li>Het aandeel bij de best passende RO telt over alle zaken van de instroom, ook die aan het eind nog wachten (die staan niet bij hun beste RO). De gemiddelde wachttijd telt ook over alle zaken.</li>
        <li>Zachte marge (dag voor dag): per dag de afstand van het cumulatieve aandeel tot de afgesproken band, opgeteld. Buiten de band aan het eind: de afstand aan het eind van elke bandperiode, waar de afspraak over gaat.</li>
        <li>Alle getallen zijn illustratief. Dezelfde scenario's met dezelfde seed geven hetzelfde resultaat (de JSON is byte-identiek).</li>
        </ul>
        """
    }
}
