import Foundation
import InstroomDomain
import Pages
import Review

/// The side-by-side report for the directies: its content (`SimulationReportPage`, every figure in Dutch)
/// and the standalone page the `simulation-report` template renders from it, with inline SVG charts.
public enum SimulationReport {
    static let roColors: [RO: String] = [.SVG: "#1f77b4", .RN: "#e67e22", .LJR: "#2e8b57"]
    /// One colour per scenario in the tables and charts: twelve, so that the ten bundled scenarios in one
    /// comparison each have their own.
    static let scenarioColors = [
        "#34495e", "#c0392b", "#2980b9", "#8e44ad", "#16a085", "#d35400", "#7f8c8d", "#b7950b", "#d81b60", "#6d4c41", "#2e7d32", "#00acc1",
        "#3949ab", "#ef6c00",
    ]
    static let monthNames = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    static func scenarioColor(_ i: Int) -> String { scenarioColors[i % scenarioColors.count] }

    /// A standalone Dutch page (inline CSS and a print stylesheet, no external files).
    public static func html(_ c: Comparison) throws -> String {
        try PageRenderer().render("simulation-report", page(c))
    }

    /// The report's content for the template.
    public static func page(_ c: Comparison) -> SimulationReportPage {
        var lead: String?
        if let src = c.scenarios.first?.intake {
            let what =
                src.kind == "synthetisch"
                ? "synthetische instroom (seed \(src.seed.map(String.init) ?? "–"), gemiddeld \(DutchNumber.integer(src.perDay ?? 0)) zaken per werkdag vóór het seizoenspatroon)"
                : "historische instroom uit \(src.file ?? "bestand")"
            lead =
                "\(DutchNumber.count(c.scenarios.count, "scenario", "scenario's")), elk dag voor dag doorgerekend met de productieverdeling (wegingskader, GLPK-model, escalatieregels) op dezelfde \(what): \(DutchNumber.integer(src.cases)) zaken in \(DutchNumber.integer(src.workingDays)) werkdagen, \(dateNL(src.start)) t/m \(dateNL(src.end))."
        }
        return SimulationReportPage(
            title: "Bandbreedtescenario's: de verdeling dag voor dag gesimuleerd",
            lead: lead,
            summary: summaryTable(c),
            difference: differenceTable(c),
            hindsight: hindsightTable(c),
            shareFigures: c.scenarios.map { ReportFigure(caption: $0.scenario.title, chart: shareChart($0)) },
            fitFigures: [
                ReportFigure(caption: "Verdeling van het fitverlies per zaak", chart: fitHistogram(c)),
                ReportFigure(caption: "Fitverlies per oorzaak", chart: fitLostByCause(c)),
            ],
            escalationFigure: ReportFigure(caption: "Escalaties per maand (alle redenen)", chart: escalationsPerMonth(c)),
            escalationTable: escalationTable(c),
            utilisationFigures: c.scenarios.map { ReportFigure(caption: $0.scenario.title, chart: utilisationChart($0)) },
            scenarios: c.scenarios.enumerated().map { i, s in
                SimulationReportPage.Scenario(
                    color: scenarioColor(i),
                    title: s.scenario.title,
                    name: s.scenario.name,
                    description: s.scenario.description,
                    assumptions: s.scenario.assumptions,
                    hasFailures: !s.totals.hardBandFailures.isEmpty,
                    failures: s.totals.hardBandFailures.prefix(5).map { "\(dateNL($0.day)): \($0.explanation)" },
                    moreFailures: s.totals.hardBandFailureDays > 5
                        ? "… en nog \(DutchNumber.count(s.totals.hardBandFailureDays - 5, "dag", "dagen"))." : nil
                )
            }
        )
    }

    // MARK: tables

    /// A band as the directies agreed it, to the hundredth of a percent: "27,5–32,5%".
    static func bandLabel(_ b: ScenarioSummary.BandSummary) -> String {
        "\(DutchNumber.decimal(b.min * 100, upTo: 2))–\(DutchNumber.percent(b.max, upTo: 2))"
    }

    /// One line per RO: "SVG 27,5–32,5% hard", "RN: geen".
    static func bandLines(_ bands: [String: ScenarioSummary.BandSummary]) -> [String] {
        RO.allCases.map { ro in
            let b = bands[ro.rawValue]!
            return b.min <= 0 && b.max >= 1
                ? "\(ro.displayName): geen" : "\(ro.displayName) \(bandLabel(b)) \(b.mode == "hard" ? "hard" : "zacht")"
        }
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

    static func summaryTable(_ c: Comparison) -> ReportTable {
        var rows: [ReportTable.Row] = []
        func row(_ label: RichText, _ value: (ScenarioResult) -> RichText) {
            rows.append(ReportTable.Row(label: label, cells: c.scenarios.map { ReportTable.Cell(value($0)) }))
        }
        func points(_ n: Int) -> String { DutchNumber.count(n, "punt", "punten") }
        row("Bandbreedtes") {
            RichText.lines(
                bandLines($0.scenario.bands).map { RichText($0) }
                    + ($0.scenario.bandPolicy == "lookahead" ? [RichText.em("vooruitkijkend verdeeld")] : [])
                    + ($0.scenario.bandPolicy == "prices" ? [RichText.em("verdeeld met schaduwprijzen")] : [])
                    + ($0.scenario.bandPolicy == "plan" ? [RichText.em("verdeeld met een jaarplan")] : [])
            )
        }
        row("Zaken in de instroom") { RichText(DutchNumber.integer($0.totals.intake)) }
        row("Toegewezen / wachtend aan het eind") {
            RichText("\(DutchNumber.integer($0.totals.assigned)) / \(DutchNumber.integer($0.totals.waitingAtEnd))")
        }
        row("Bij de best passende RO (van alle zaken, ook de wachtende)") { s in
            RichText.strong(DutchNumber.percent(s.totals.atBestFitShare)) + " (\(DutchNumber.count(s.totals.atBestFit, "zaak", "zaken")))"
        }
        row("Fit behaald") { s in
            RichText("\(points(s.totals.fitAssigned)) van \(DutchNumber.integer(s.totals.fitAssigned + s.totals.fitLost)) haalbaar")
        }
        row("Fitverlies door bandbreedtes") { s in
            RichText.strong(points(s.totals.fitLostToBands))
                + " (\(share(s.totals.fitLostToBands, of: s.totals.fitAssigned + s.totals.fitLost, digits: 2)) van de haalbare fit)"
        }
        row("— waarvan bij") { s in
            RichText(
                RO.allCases.map { "\($0.displayName) \(DutchNumber.integer(s.totals.fitLostToBandsPerRO[$0.rawValue] ?? 0))" }.joined(
                    separator: ", "
                )
            )
        }
        row("Fitverlies door capaciteit") { s in
            RichText(
                "\(points(s.totals.fitLostToCapacity)) (\(share(s.totals.fitLostToCapacity, of: s.totals.fitAssigned + s.totals.fitLost, digits: 2)))"
            )
        }
        row("Fit van zaken die aan het eind nog wachten") { s in RichText(points(s.totals.fitWaitingAtEnd)) }
        row("Fitverlies totaal") { s in
            RichText.strong(points(s.totals.fitLost))
                + " (\(share(s.totals.fitLost, of: s.totals.fitAssigned + s.totals.fitLost, digits: 2)))"
        }
        row("Aandeel aan het eind") { s in
            RichText.lines(RO.allCases.map { RichText("\($0.displayName) \(DutchNumber.percent(s.totals.finalShare[$0.rawValue] ?? 0))") })
        }
        row("Buiten de band aan het eind van de periode") { s in
            let total = s.totals.slackAtPeriodEnd.values.reduce(0, +)
            return RichText(total > 0 ? DutchNumber.amount(total, upTo: 0, "werkpunt", "werkpunten") : "0 (binnen de band)")
        }
        row("Geëscaleerde zaken (alle redenen, ook alleen geteld)") { s in
            RichText("\(DutchNumber.integer(s.totals.escalatedCases)) (\(share(s.totals.escalatedCases, of: s.totals.intake)))")
        }
        for queue in ReviewQueue.allCases {
            row(RichText("Naar de \(queue == .triage ? "triagereview" : "begeleidingscommissie")")) { s in
                let volumes = s.totals.reviewVolumes
                let n = volumes.cases[queue.rawValue] ?? 0
                let perWeek = volumes.weeks.isEmpty ? 0 : Double(n) / Double(volumes.weeks.count)
                return RichText(
                    "\(DutchNumber.count(n, "zaak", "zaken")) (\(share(n, of: s.totals.intake))); gemiddeld \(DutchNumber.decimal(perWeek, digits: 1)) per week"
                )
            }
            // One row per reason that sends a case to this queue in any scenario: a column of figures to
            // compare, not a paragraph per scenario.
            let codes = Set(c.scenarios.flatMap { ($0.totals.reviewVolumes.reasons[queue.rawValue] ?? [:]).keys }).sorted()
            for code in codes {
                row(RichText("— \(EscalationCode(rawValue: code)?.label ?? code)")) { s in
                    RichText(DutchNumber.integer(s.totals.reviewVolumes.reasons[queue.rawValue]?[code] ?? 0))
                }
            }
        }
        row("Dagen met wachtende zaken") { s in RichText(DutchNumber.count(s.totals.daysWithWaiting, "dag", "dagen")) }
        row("— hoogste aantal tegelijk") { s in RichText(DutchNumber.count(s.totals.maxWaiting, "zaak", "zaken")) }
        row("— wachtend aan het eind") { s in RichText(DutchNumber.count(s.totals.waitingAtEnd, "zaak", "zaken")) }
        row("— gemiddelde wachttijd (over alle zaken)") { s in
            RichText("\(DutchNumber.decimal(s.totals.averageWaitDays, digits: 3)) werkdag per zaak")
        }
        row("Zachte marge gebruikt (dag voor dag)") { s in
            let total = s.totals.softSlack.values.reduce(0, +)
            guard total > 0 else { return "geen" }
            return RichText(
                "\(DutchNumber.amount(total, upTo: 0, "werkpunt", "werkpunten")) op \(DutchNumber.count(s.totals.daysWithSlack, "dag", "dagen"))"
            )
        }
        if c.scenarios.contains(where: { $0.totals.softSlack.values.reduce(0, +) > 0 }) {
            row("— waarvan bij") { s in
                guard s.totals.softSlack.values.reduce(0, +) > 0 else { return "–" }
                return RichText(
                    RO.allCases.map { "\($0.displayName) \(DutchNumber.decimal(s.totals.softSlack[$0.rawValue] ?? 0, digits: 0))" }.joined(
                        separator: ", "
                    )
                )
            }
        }
        row("Dagen harde band niet te handhaven") { s in
            s.totals.hardBandFailureDays == 0 ? "0" : RichText.bad(DutchNumber.integer(s.totals.hardBandFailureDays))
        }
        row("Dagen waarop het rekenmodel zijn tijdslimiet bereikte") { s in
            s.totals.solverTimeLimitDays.isEmpty
                ? "0"
                : RichText.bad("\(s.totals.solverTimeLimitDays.count)")
                    + " (\(s.totals.solverTimeLimitDays.prefix(3).map { dateNL($0) }.joined(separator: ", ")))"
        }
        row("Gemiddelde bezetting") { s in
            RichText(
                RO.allCases.map { "\($0.displayName) \(DutchNumber.percent(s.totals.averageUtilisation[$0.rawValue] ?? 0, digits: 0))" }
                    .joined(separator: ", ")
            )
        }
        return table(c, rows)
    }

    /// One column per scenario, headed by its title and its colour in the charts.
    static func table(_ c: Comparison, _ rows: [ReportTable.Row]) -> ReportTable {
        ReportTable(
            columns: c.scenarios.enumerated().map { ReportTable.Column(title: $1.scenario.title, swatch: scenarioColor($0)) },
            rows: rows
        )
    }

    /// Every scenario against the baseline, in cases and fit points (also on the web app's scenario page).
    public static func differenceTable(_ c: Comparison) -> SimulationReportPage.Difference? {
        guard let base = c.scenarios.first, c.scenarios.count > 1 else { return nil }
        var rows: [ReportTable.Row] = []
        func row(_ label: String, _ value: (BaselineDifference) -> RichText) {
            rows.append(
                ReportTable.Row(
                    label: RichText(label),
                    cells: c.scenarios.map { s in ReportTable.Cell(s.againstBaseline.map(value) ?? RichText.small("basis")) }
                )
            )
        }
        row("Zaken bij de best passende RO") { d in
            RichText.strong(signed(d.atBestFit)) + " (\(signed(d.atBestFitShare * 100, digits: 1)) procentpunt)"
        }
        row("Fit behaald (punten)") { RichText(signed($0.fitAssigned)) }
        row("Fitverlies door bandbreedtes (punten)") { RichText(signed($0.fitLostToBands)) }
        row("Fitverlies door capaciteit (punten)") { RichText(signed($0.fitLostToCapacity)) }
        row("Fit van zaken die aan het eind wachten (punten)") { RichText(signed($0.fitWaitingAtEnd)) }
        row("Fitverlies totaal (punten)") { d in RichText.strong(signed(d.fitLost)) }
        row("Zaken die aan het eind wachten") { RichText(signed($0.waitingAtEnd)) }
        row("Buiten de band aan het eind (werkpunten)") { RichText(signed($0.slackAtPeriodEnd, digits: 0)) }
        row("Geëscaleerde zaken") { RichText(signed($0.escalatedCases)) }
        for code in EscalationCode.allCases where c.scenarios.contains(where: { ($0.totals.escalations[code.rawValue] ?? 0) > 0 }) {
            row("— \(code.label)") { RichText(signed($0.escalations[code.rawValue] ?? 0)) }
        }
        row("Dagen harde band niet te handhaven") { RichText(signed($0.hardBandFailureDays)) }
        return SimulationReportPage.Difference(baseTitle: base.scenario.title, points: keyPoints(c), table: table(c, rows))
    }

    /// The differences with the baseline in one Dutch sentence per scenario, for readers who want the
    /// conclusion before the table: cases at their best fit, fit lost, and what only some scenarios
    /// have (another distance outside the bands at the end, cases still waiting, days the hard bands
    /// could not hold, a busier commissie).
    public static func keyPoints(_ c: Comparison) -> [SimulationReportPage.Point] {
        guard let base = c.scenarios.first else { return [] }
        return c.scenarios.dropFirst().compactMap { s in
            s.againstBaseline.map {
                SimulationReportPage.Point(title: s.scenario.title, text: keyPoint(s.totals, against: base.totals, d: $0))
            }
        }
    }

    /// "1 zaak wacht", "110 zaken wachten": the verb agrees with the count.
    static func casesWait(_ n: Int) -> String { n == 1 ? "1 zaak wacht" : "\(DutchNumber.integer(n)) zaken wachten" }

    /// The sentence after a scenario's title.
    static func keyPoint(_ t: Totals, against b: Totals, d: BaselineDifference) -> String {
        func more(_ n: Int, _ one: String, _ many: String) -> String {
            n == 0 ? "evenveel \(many)" : "\(DutchNumber.count(abs(n), one, many)) \(n > 0 ? "meer" : "minder")"
        }
        var parts = [
            "\(more(d.atBestFit, "zaak", "zaken")) bij de best passende RO (\(signed(d.atBestFitShare * 100, digits: 1)) procentpunt)",
            d.fitLost == 0
                ? "evenveel fitverlies"
                : "\(DutchNumber.count(abs(d.fitLost), "fitpunt", "fitpunten")) \(d.fitLost > 0 ? "meer" : "minder") verlies",
        ]
        let (outside, baseOutside) = (t.slackAtPeriodEnd.values.reduce(0, +).rounded(), b.slackAtPeriodEnd.values.reduce(0, +).rounded())
        if outside != baseOutside {
            let base = DutchNumber.amount(baseOutside, upTo: 0, "werkpunt", "werkpunten")
            parts.append(
                outside == 0
                    ? "aan het eind van de periode binnen alle bandbreedtes (basis: \(base) erbuiten)"
                    : "aan het eind van de periode \(DutchNumber.amount(outside, upTo: 0, "werkpunt", "werkpunten")) buiten de bandbreedtes (basis: \(base))"
            )
        }
        if t.waitingAtEnd != b.waitingAtEnd {
            parts.append("\(casesWait(t.waitingAtEnd)) aan het eind van de periode (basis: \(DutchNumber.integer(b.waitingAtEnd)))")
        }
        if t.hardBandFailureDays > 0 {
            let days = DutchNumber.count(t.hardBandFailureDays, "dag", "dagen")
            parts.append("op \(days) waren de harde bandbreedtes niet te handhaven")
        }
        let commissie = ReviewQueue.commissie.rawValue
        let toCommissie = (t.reviewVolumes.cases[commissie] ?? 0) - (b.reviewVolumes.cases[commissie] ?? 0)
        if toCommissie != 0 { parts.append("\(more(toCommissie, "zaak", "zaken")) naar de begeleidingscommissie") }
        return parts.joined(separator: "; ") + "."
    }

    /// The reference when the search did not prove its optimum in time: the LP relaxation, and what the
    /// search found (with dips, a gate pattern it did not prove) and proved (a sharper bound).
    static func lpBoundText(_ h: HindsightBenchmark) -> String {
        let limit = "\(DutchNumber.decimal(h.timeLimitSeconds, upTo: 0)) s"
        var text = "LP-relaxatie: een bovengrens ("
        if let found = h.mipObjective {
            text +=
                "het zoeken vond binnen \(limit) een oplossing van \(DutchNumber.decimal(found, upTo: 0)) maar bewees niet dat die optimaal is"
        } else {
            text += "geen geheeltallige oplossing binnen \(limit)"
        }
        if let bound = h.mipBound, bound < (h.lpObjective ?? .infinity) - 0.5 {
            text += "; het zoeken bewees een scherpere bovengrens van \(DutchNumber.decimal(bound, upTo: 0))"
        }
        return text + ")"
    }

    /// The daily policy against the whole period solved at once with hindsight.
    public static func hindsightTable(_ c: Comparison) -> SimulationReportPage.Hindsight? {
        guard let first = c.scenarios.compactMap(\.hindsight).first else { return nil }
        var rows: [ReportTable.Row] = []
        func row(_ label: RichText, _ value: (HindsightBenchmark) -> RichText) {
            rows.append(ReportTable.Row(label: label, cells: c.scenarios.map { s in ReportTable.Cell(s.hindsight.map(value) ?? "–") }))
        }
        func points(_ x: Double) -> String { DutchNumber.amount(x, upTo: 0, "punt", "punten") }
        row("Oplossing met terugblik") { h in
            switch h.status {
            case "optimal": "optimaal (bewezen)"
            case "divisible": "optimaal (bewezen) met de zaken van een klasse deelbaar over de RO's: een bovengrens"
            case "feasible":
                RichText(
                    "beste gevonden binnen \(DutchNumber.decimal(h.timeLimitSeconds, upTo: 0)) s (grens \(h.mipBound.map { DutchNumber.decimal($0, upTo: 0) } ?? "–"))"
                )
            default: RichText(lpBoundText(h))
            }
        }
        row("Fit dag voor dag / met terugblik") { h in RichText("\(points(h.daily.fit)) / \(points(h.hindsight.fit))") }
        row(RichText.strong("Verhouding fit")) { h in RichText.strong(DutchNumber.percent(h.fitRatio, digits: 2)) }
        row("Buiten de band aan het eind: dag voor dag / met terugblik") { h in
            RichText(
                "\(DutchNumber.amount(h.daily.slackAtPeriodEnd, upTo: 0, "werkpunt", "werkpunten")) / \(DutchNumber.amount(h.hindsight.slackAtPeriodEnd, upTo: 0, "werkpunt", "werkpunten"))"
            )
        }
        row(RichText.strong("Verhouding waarde") + " (fit − \(DutchNumber.decimal(first.slackPrice, upTo: 1)) per werkpunt buiten de band)")
        { h in
            RichText.strong(DutchNumber.percent(h.valueRatio, digits: 2))
        }
        row("Gretig (elke zaak naar zijn beste RO met ruimte): fit, verhouding") { h in
            RichText("\(points(h.greedy.fit)), \(DutchNumber.percent(h.greedyFitRatio, digits: 1))")
        }
        row("Gretig: verhouding waarde") { h in RichText(DutchNumber.percent(h.greedyValueRatio, digits: 1)) }
        row("Bij de best passende RO: dag voor dag / terugblik / gretig") { h in
            RichText(
                "\(DutchNumber.decimal(h.daily.atBestFit, upTo: 0)) / \(DutchNumber.decimal(h.hindsight.atBestFit, upTo: 0)) / \(DutchNumber.decimal(h.greedy.atBestFit, upTo: 0))"
            )
        }
        row("Wachtend aan het eind: dag voor dag / terugblik / gretig") { h in
            RichText(
                "\(DutchNumber.decimal(h.daily.waitingAtEnd, upTo: 0)) / \(DutchNumber.decimal(h.hindsight.waitingAtEnd, upTo: 1)) / \(DutchNumber.decimal(h.greedy.waitingAtEnd, upTo: 0))"
            )
        }
        rows.append(
            ReportTable.Row(
                label: "Werkdagen met ruimte voor nieuwe zaken bij een verlaagde caseload: dag voor dag / met terugblik",
                cells: c.scenarios.map { s in
                    ReportTable.Cell(s.hindsight.flatMap { dipLines(daily: s.totals.dips, hindsight: $0.dips) } ?? "–")
                }
            )
        )
        row("Model met terugblik") { h in
            RichText(
                "\(DutchNumber.integer(h.classes)) klassen, \(DutchNumber.integer(h.columns)) kolommen, \(DutchNumber.integer(h.rows)) rijen"
                    + (h.dipGates > 0
                        ? "; per RO en werkdag met verlaagde caseload een keuze of de RO nieuwe zaken aanneemt (\(DutchNumber.count(h.dipGates, "keuze", "keuzes")))"
                        : "")
                    + (h.hardBandsRelaxed ? "; harde banden waren over de hele periode niet te halen en zijn zacht gemaakt" : "")
            )
        }
        return SimulationReportPage.Hindsight(
            points: c.scenarios.compactMap { s in s.hindsight.map { .init(title: s.scenario.title, text: hindsightPoint($0)) } },
            table: table(c, rows),
            blockDays: DutchNumber.count(first.blockDays, "werkdag", "werkdagen")
        )
    }

    /// The hindsight table's conclusion for one scenario in a sentence: the value ratio, how each ends
    /// against the bands and with cases waiting, and the greedy policy's ratio beside it. Against an LP
    /// bound (not proven in time) the ratio is "ten minste".
    static func hindsightPoint(_ h: HindsightBenchmark) -> String {
        func points(_ x: Double) -> String { DutchNumber.amount(x, upTo: 0, "punt", "punten") }
        func workPoints(_ x: Double) -> String { DutchNumber.amount(x, upTo: 0, "werkpunt", "werkpunten") }
        let atLeast = h.status == "lpBound" ? "ten minste " : ""
        var text =
            "haalt dag voor dag \(atLeast)\(DutchNumber.percent(h.valueRatio, digits: 2)) van de waarde met terugblik "
            + "(\(DutchNumber.decimal(h.daily.value, upTo: 0)) van \(points(h.hindsight.value)))"
        let (daily, hindsight) = (h.daily.slackAtPeriodEnd.rounded(), h.hindsight.slackAtPeriodEnd.rounded())
        text +=
            daily == 0
            ? (hindsight == 0
                ? " en eindigt net als de terugblik binnen alle bandbreedtes"
                : " en eindigt binnen alle bandbreedtes (terugblik: \(workPoints(hindsight)) erbuiten)")
            : " en eindigt \(workPoints(daily)) buiten de bandbreedtes (terugblik: \(workPoints(hindsight)))"
        let (waiting, hindsightWaiting) = (h.daily.waitingAtEnd.rounded(), h.hindsight.waitingAtEnd.rounded())
        if waiting != hindsightWaiting {
            text +=
                "; \(casesWait(Int(waiting))) aan het eind "
                + "(terugblik: \(DutchNumber.decimal(hindsightWaiting, upTo: 0)))"
        }
        return text + "; gretig \(DutchNumber.percent(h.greedyValueRatio, digits: 2))."
    }

    /// One line per caseload dip: per RO the working days with room for new cases, day by day and with
    /// hindsight ("kerstweek, 21 t/m 28 december (5 werkdagen): SVG 0 / 5, …"); nil without proven gates.
    static func dipLines(daily: [CaseloadDip], hindsight: [CaseloadDip]) -> RichText? {
        guard !hindsight.isEmpty, daily.count == hindsight.count else { return nil }
        return RichText.lines(
            zip(daily, hindsight).map { d, h in
                let from = d.from.components
                let to = d.to.components
                let span = from.month == to.month ? "\(from.day)" : "\(from.day) \(monthNamesFull[from.month - 1])"
                let counts = RO.allCases.map { ro in "\(ro.displayName) \(d.open[ro.rawValue] ?? 0) / \(h.open[ro.rawValue] ?? 0)" }
                return RichText(
                    "\(d.label), \(span) t/m \(to.day) \(monthNamesFull[to.month - 1]) (\(DutchNumber.count(d.days, "werkdag", "werkdagen"))): "
                        + counts.joined(separator: ", ")
                )
            }
        )
    }

    static func escalationTable(_ c: Comparison) -> ReportTable {
        ReportTable(
            corner: "Reden",
            columns: c.scenarios.map { ReportTable.Column(title: $0.scenario.title) },
            rows: EscalationCode.allCases.map { code in
                ReportTable.Row(
                    label: RichText(code.label),
                    cells: c.scenarios.map {
                        ReportTable.Cell(RichText(DutchNumber.integer($0.totals.escalations[code.rawValue] ?? 0)), number: true)
                    }
                )
            }
        )
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

    static func shareChart(_ s: ScenarioResult) -> Chart {
        let days = s.days ?? []
        let x = Chart.Axis(min: 0, max: Double(max(1, days.count - 1)), ticks: monthTicks(days.map(\.day)), title: "werkdag (maand)")
        let maxShare = days.flatMap { $0.share.values }.max() ?? 1
        let bandTop =
            RO.allCases.compactMap { ro -> Double? in
                let b = s.scenario.bands[ro.rawValue]!
                return b.max >= 1 ? nil : b.max
            }.max() ?? 0
        let y = Chart.niceAxis(
            max: min(1, max(maxShare, bandTop) + 0.05),
            title: "aandeel gewogen instroom",
            format: { DutchNumber.percent($0, digits: 0) }
        )
        let series = RO.allCases.map { ro in
            Chart.Series(
                name: ro.displayName,
                color: roColors[ro]!,
                points: days.enumerated().map { (Double($0.offset), $0.element.share[ro.rawValue] ?? 0) }
            )
        }
        let bands = RO.allCases.compactMap { ro -> Chart.Band? in
            let b = s.scenario.bands[ro.rawValue]!
            guard b.min > 0 || b.max < 1 else { return nil }
            return Chart.Band(
                color: roColors[ro]!,
                min: b.min,
                max: b.max,
                label: "band \(ro.displayName) (\(b.mode == "hard" ? "hard" : "zacht"))"
            )
        }
        return Chart.line(series: series, bands: bands, x: x, y: y, label: "Aandeel per RO, \(s.scenario.title)")
    }

    static func utilisationChart(_ s: ScenarioResult) -> Chart {
        let days = s.days ?? []
        let x = Chart.Axis(min: 0, max: Double(max(1, days.count - 1)), ticks: monthTicks(days.map(\.day)), title: "werkdag (maand)")
        let maxU = days.flatMap { $0.utilisation.values }.max() ?? 1
        let y = Chart.niceAxis(max: max(1.1, maxU), title: "bezetting van de caseload", format: { DutchNumber.percent($0, digits: 0) })
        let series = RO.allCases.map { ro in
            Chart.Series(
                name: ro.displayName,
                color: roColors[ro]!,
                points: days.enumerated().map { (Double($0.offset), $0.element.utilisation[ro.rawValue] ?? 0) }
            )
        }
        return Chart.line(
            series: series,
            x: x,
            y: y,
            reference: (1, "100% = caseload vol"),
            label: "Capaciteitsgebruik, \(s.scenario.title)"
        )
    }

    static func fitHistogram(_ c: Comparison) -> Chart {
        let buckets = Totals.histogramBuckets
        let labels = ["0", "1–2", "3–5", "6–10", "> 10"]
        let series = c.scenarios.enumerated().map { i, s in
            Chart.Series(
                name: s.scenario.title,
                color: scenarioColor(i),
                points: buckets.enumerated().map { k, key in
                    (Double(k), s.totals.assigned > 0 ? Double(s.totals.fitLossHistogram[key] ?? 0) / Double(s.totals.assigned) * 100 : 0)
                }
            )
        }
        let maxV = series.flatMap { $0.points.map(\.y) }.max() ?? 1
        let y = Chart.niceAxis(max: maxV, title: "% van de toegewezen zaken", format: { DutchNumber.decimal($0, digits: 0) + "%" })
        return Chart.bars(
            categories: labels,
            series: series,
            y: y,
            xTitle: "fitverlies per zaak (punten)",
            label: "Verdeling van het fitverlies"
        )
    }

    /// Fit lost to bands, to capacity and by cases still waiting, and their total, per scenario.
    static func fitLostByCause(_ c: Comparison) -> Chart {
        let series = c.scenarios.enumerated().map { i, s in
            let t = s.totals
            return Chart.Series(
                name: s.scenario.title,
                color: scenarioColor(i),
                points: [
                    (0, Double(t.fitLostToBands)), (1, Double(t.fitLostToCapacity)), (2, Double(t.fitWaitingAtEnd)), (3, Double(t.fitLost)),
                ]
            )
        }
        let maxV = series.flatMap { $0.points.map(\.y) }.max() ?? 1
        let y = Chart.niceAxis(max: max(maxV, 10), title: "fitverlies (punten)", format: { DutchNumber.decimal($0, digits: 0) })
        return Chart.bars(
            categories: ["bandbreedtes", "capaciteit", "wachtend aan het eind", "totaal"],
            series: series,
            y: y,
            xTitle: "oorzaak",
            label: "Fitverlies per oorzaak"
        )
    }

    static func escalationsPerMonth(_ c: Comparison) -> Chart {
        let months = c.scenarios.first?.months.map(\.month) ?? []
        let series = c.scenarios.enumerated().map { i, s in
            let byMonth = Dictionary(uniqueKeysWithValues: s.months.map { ($0.month, $0.escalations.values.reduce(0, +)) })
            return Chart.Series(
                name: s.scenario.title,
                color: scenarioColor(i),
                points: months.enumerated().map { (Double($0.offset), Double(byMonth[$0.element] ?? 0)) },
                markers: true
            )
        }
        let ticks = months.enumerated().map { (Double($0.offset), monthNames[(Int($0.element.suffix(2)) ?? 1) - 1]) }
        let x = Chart.Axis(min: -0.5, max: Double(months.count) - 0.5, ticks: ticks, title: "maand")
        let maxV = series.flatMap { $0.points.map(\.y) }.max() ?? 1
        let y = Chart.niceAxis(max: maxV, title: "escalaties", format: { DutchNumber.decimal($0, digits: 0) })
        return Chart.line(series: series, x: x, y: y, label: "Escalaties per maand")
    }

    // MARK: page

    static let monthNamesFull = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
    ]

    static func dateNL(_ d: Day) -> String { "\(d.components.day) \(monthNamesFull[d.month - 1]) \(d.year)" }
}
