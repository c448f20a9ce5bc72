import Allocation
import Foundation
import GLPK
import InstroomDomain
import InstroomTesting
import Testing

@testable import Simulation

/// A bundled scenario on a shorter calendar, so that a test replays it in seconds.
func bundled(_ file: String, workingDays: Int = 15) throws -> Scenario {
    var s = try Scenario.load(contentsOf: Fixtures.packageRoot.appendingPathComponent("Scenarios/\(file)"))
    s.calendar.workingDays = workingDays
    return s
}

@Suite(.serialized) struct BaselineDifferenceTests {
    /// The board's question answered in the report and the JSON: the bundled wide bands against the
    /// baseline, in cases and points, equal to the two scenarios' own figures subtracted.
    @Test func wideBandsAgainstTheBaselineEqualTheirOwnFigures() throws {
        let base = try bundled("baseline.yaml")
        let wide = try bundled("wide-bands.yaml")
        let basis = try IntakeBasis.make(for: base)
        let c = Comparison(scenarios: [try Simulator.run(base, basis: basis), try Simulator.run(wide, basis: basis)])
        #expect(c.scenarios[0].againstBaseline == nil)
        let d = try #require(c.scenarios[1].againstBaseline)
        let (b, w) = (c.scenarios[0].totals, c.scenarios[1].totals)
        #expect(d.baseline == "baseline")
        #expect(d.atBestFit == w.atBestFit - b.atBestFit)
        #expect(d.atBestFit > 0, "wider bands let more cases reach their best fit")
        #expect(d.fitLostToBands == w.fitLostToBands - b.fitLostToBands)
        #expect(d.fitLostToCapacity == w.fitLostToCapacity - b.fitLostToCapacity)
        #expect(d.fitLost == w.fitLost - b.fitLost)
        #expect(d.waitingAtEnd == w.waitingAtEnd - b.waitingAtEnd)
        #expect(d.fitAssigned == w.fitAssigned - b.fitAssigned)
        for code in EscalationCode.allCases {
            #expect(d.escalations[code.rawValue] == (w.escalations[code.rawValue] ?? 0) - (b.escalations[code.rawValue] ?? 0))
        }
        #expect(abs(d.atBestFitShare - (w.atBestFitShare - b.atBestFitShare)) < 1e-6)

        let json = String(decoding: try encode(c), as: UTF8.self)
        #expect(json.contains("\"againstBaseline\""))
        #expect(json.contains("\"atBestFit\" : \(d.atBestFit)"))
        let html = try SimulationReport.html(c)
        #expect(html.contains("Verschil met Basis: zachte bandbreedtes"))
        #expect(html.contains("<strong>\(SimulationReport.signed(d.atBestFit))</strong>"))
        #expect(html.contains(SimulationReport.signed(d.fitLostToBands)))
        #expect(html.contains("<strong>\(SimulationReport.signed(d.fitLost))</strong>"))
        // The same in a sentence, above the table.
        let point = try #require(SimulationReport.keyPoints(c).first)
        #expect(point.title == "Brede zachte bandbreedtes")
        #expect(point.text.hasPrefix("\(DutchNumber.count(d.atBestFit, "zaak", "zaken")) meer bij de best passende RO ("))
        #expect(
            point.text.contains("\(DutchNumber.count(abs(d.fitLost), "fitpunt", "fitpunten")) \(d.fitLost > 0 ? "meer" : "minder") verlies")
        )
        #expect(html.contains("<li><strong>\(point.title)</strong>: \(point.text)</li>"))
    }

    /// The key points in correct Dutch: "evenveel", one case, one point, one day (the bands "waren").
    @Test func keyPointsSpeakCorrectDutch() throws {
        let base = try simulate(try smallScenario()).totals
        var d = BaselineDifference(base, against: base, baseline: "basis")
        let zero = SimulationReport.signed(0, digits: 1)
        #expect(
            SimulationReport.keyPoint(base, against: base, d: d)
                == "evenveel zaken bij de best passende RO (\(zero) procentpunt); evenveel fitverlies."
        )
        var t = base
        t.waitingAtEnd = base.waitingAtEnd + 1
        t.hardBandFailureDays = 1
        let baseOutside = base.slackAtPeriodEnd.values.reduce(0, +).rounded()
        t.slackAtPeriodEnd = ["SVG": baseOutside + 1]
        let outside = DutchNumber.amount(baseOutside + 1, upTo: 0, "werkpunt", "werkpunten")
        #expect(baseOutside > 0 || outside == "1 werkpunt")
        t.reviewVolumes.cases["commissie"] = (base.reviewVolumes.cases["commissie"] ?? 0) - 1
        d.atBestFit = 1
        d.fitLost = -1
        let waiting = t.waitingAtEnd == 1 ? "1 zaak wacht" : "\(DutchNumber.integer(t.waitingAtEnd)) zaken wachten"
        #expect(
            SimulationReport.keyPoint(t, against: base, d: d)
                == "1 zaak meer bij de best passende RO (\(zero) procentpunt); 1 fitpunt minder verlies; "
                + "aan het eind van de periode \(outside) buiten de bandbreedtes (basis: \(DutchNumber.amount(baseOutside, upTo: 0, "werkpunt", "werkpunten"))); \(waiting) aan het eind van de periode (basis: \(DutchNumber.integer(base.waitingAtEnd))); "
                + "op 1 dag waren de harde bandbreedtes niet te handhaven; 1 zaak minder naar de begeleidingscommissie."
        )
    }

    /// Cases still waiting at the end are not at their best fit and their fit is not reached.
    @Test func waitingCasesCountEverywhere() throws {
        let r = try simulate(try smallScenario(caseload: 60))
        let t = r.totals
        #expect(t.waitingAtEnd > 0)
        #expect(t.atBestFitShare == Format.round(Double(t.atBestFit) / Double(t.intake)))
        #expect(t.fitWaitingAtEnd > 0)
        #expect(t.fitLost == t.fitBest - t.fitAssigned + t.fitWaitingAtEnd)
        #expect(t.fitLost == t.fitLostToBands + t.fitLostToCapacity + t.fitWaitingAtEnd)
        #expect(t.averageWaitDays == Format.round(Double(t.caseDaysWaiting) / Double(t.intake), 4))
        let html = try SimulationReport.html(Comparison(scenarios: [r]))
        #expect(html.contains("— wachtend aan het eind</th><td>\(DutchNumber.count(t.waitingAtEnd, "zaak", "zaken"))</td>"))
        #expect(html.contains("\(DutchNumber.decimal(t.averageWaitDays, digits: 3)) werkdag per zaak"))
    }

    /// The review queues in the report: a row per queue and one per reason, each the JSON's figure.
    @Test func reviewQueuesHaveARowPerReason() throws {
        let r = try simulate(try smallScenario())
        let html = try SimulationReport.html(Comparison(scenarios: [r]))
        let volumes = r.totals.reviewVolumes
        for queue in ReviewQueue.allCases {
            let n = volumes.cases[queue.rawValue] ?? 0
            #expect(html.contains("<td>\(DutchNumber.count(n, "zaak", "zaken")) ("))
            for (code, count) in volumes.reasons[queue.rawValue] ?? [:] {
                let label = try #require(EscalationCode(rawValue: code)?.label)
                // As the report's templates escape text.
                let escaped = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
                #expect(html.contains("— \(escaped)</th><td>\(DutchNumber.integer(count))</td>"))
            }
        }
        #expect(!(volumes.reasons.values.flatMap(\.keys)).isEmpty, "the small scenario sends cases to review")
    }

    /// Band labels to the hundredth of a percent; no English in the directies' pages.
    @Test func reportsAreExactAndDutch() throws {
        var narrow = try smallScenario()
        narrow.config.bands[.SVG] = Bandwidth(min: 0.275, max: 0.325, mode: .hard)
        narrow.config.bands[.RN] = Bandwidth(min: 0.9, max: 1, mode: .hard)
        narrow.config.bands[.LJR] = Bandwidth(min: 0, max: 0.1, mode: .hard)
        let r = try simulate(narrow)
        #expect(r.totals.hardBandFailureDays > 0)
        let html = try SimulationReport.html(Comparison(scenarios: [r]))
        #expect(html.contains("SVG 27,5–32,5% hard"))
        for english in ["Nothing was recorded", "Make the bands soft", "cannot all hold", "already stands", "is above max"] {
            #expect(!html.contains(english), "English in the report: \(english)")
        }
        #expect(html.contains("De dag is met zachte banden verdeeld."))

        let sweep = ParameterSweep(
            scenario: try smallScenario(),
            axes: [try SweepAxis.parse("bands.SVG.min=0.275;1.5")],
            basis: try IntakeBasis.make(for: try smallScenario())
        )
        let page = try SweepReport.html(sweep.run())
        #expect(page.contains("SVG 27,5–100% zacht"))
        #expect(page.contains("ongeldige variant: bands.SVG.min = 1,5 is geen aandeel tussen 0 en 1"))
        #expect(!page.contains("is not a share"))
        #expect(page.contains("Fitverlies totaal"))
    }
}

@Suite(.serialized) struct ScenarioInheritanceTests {
    /// A scenario that changes only SVG's maximum keeps the base's minimum and mode.
    @Test func extendsKeepsWhatIsNotRestated() throws {
        let folder = Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("svg45.yaml")
        try """
        extends: \(Fixtures.packageRoot.path)/Scenarios/baseline.yaml
        name: svg45
        allocation:
          bands:
            SVG: {max: 0.45}
          bandPolicy: lookahead
        """.write(to: url, atomically: true, encoding: .utf8)
        let s = try Scenario.load(contentsOf: url)
        #expect(s.config.band(.SVG) == Bandwidth(min: 0.20, max: 0.45, mode: .soft))
        #expect(s.config.band(.RN) == Bandwidth(min: 0.40, max: 0.65, mode: .soft))
        #expect(s.config.softBandPenalty == 10)
        #expect(s.config.continuityBonus == 2)
        #expect(s.bandPolicy == .lookahead)

        let bad = folder.appendingPathComponent("bad.yaml")
        try "extends: \(url.path)\nallocation:\n  bands:\n    SVG: {max: 0.1}\n".write(to: bad, atomically: true, encoding: .utf8)
        let error = #expect(throws: InputError.self) { try Scenario.load(contentsOf: bad) }
        #expect(error?.line == 4)
        #expect(error?.description.contains("keeps the base's") == true)

        let policy = folder.appendingPathComponent("policy.yaml")
        try "extends: \(url.path)\nallocation:\n  bandPolicy: later\n".write(to: policy, atomically: true, encoding: .utf8)
        let policyError = #expect(throws: InputError.self) { try Scenario.load(contentsOf: policy) }
        #expect(policyError?.field == "allocation.bandPolicy")
    }
}

@Suite(.serialized) struct HindsightTests {
    /// Ten cases of one point, best at the first agent, in the first period.
    func job(_ name: String, profit: [Double?], occupancy: [(block: Int, points: Double)]) -> HindsightModel.JobClass {
        .init(
            name: name,
            count: 10,
            period: 0,
            profit: profit,
            bestFit: [true, false],
            weight: 1,
            waitPenalty: 100,
            occupancy: occupancy
        )
    }

    /// Two classes, two agents, a hard ceiling of half the weight at agent 0: the ten cases that gain
    /// most there (4 points each) go to 0, the others to 1: 10 x 5 + 10 x 2 = 70.
    @Test func aHandCheckedHindsightModel() throws {
        let model = HindsightModel(
            name: "hand",
            agents: ["A", "B"],
            capacity: [[100], [100]],
            classes: [
                job("k1", profit: [5, 1], occupancy: [(0, 1)]),
                job("k2", profit: [3, 2], occupancy: [(0, 1)]),
            ],
            periods: [.init(name: "p1", bands: [AssignmentModel.Band(min: 0, max: 0.5, softPenalty: nil), nil])]
        )
        for relaxed in [true, false] {
            let (lp, layout) = try model.build(relaxed: relaxed)
            #expect(lp.rows.map(\.name).contains("band_max(A,p1)"))
            #expect(lp.columns.map(\.name).contains("assign(k1,A)"))
            let result = try GLPKSolver.solve(lp, settings: SolverSettings(timeLimitSeconds: 10))
            let s = try #require(model.read(result, layout: layout))
            #expect(abs(s.fit - 70) < 1e-6)
            #expect(abs(s.atBestFit - 10) < 1e-6)
        }
        // Capacity 15 at B for the mean load: five cases cannot be placed anywhere.
        var tight = model
        tight.capacity = [[5], [10]]
        let (lp, layout) = try tight.build()
        let s = try #require(tight.read(try GLPKSolver.solve(lp, settings: SolverSettings(timeLimitSeconds: 10)), layout: layout))
        #expect(abs(s.waiting.reduce(0, +) - 5) < 1e-6)
    }

    /// A dip day with a gate at A: the ten cases of the day before still run there (5 points each), the
    /// dip day's ten (4 each) may join only while A's load fits its lowered caseload of 12. Best: A takes
    /// two of them (10 x 5 + 2 x 4 + 8 x 1 at B = 66); closed, all ten go to B (60). Ignoring the dip,
    /// all twenty fit under 20 at A (90); the LP relaxation opens the gate halfway (more than 66).
    @Test func aHandCheckedDipGate() throws {
        let model = HindsightModel(
            name: "dip",
            agents: ["A", "B"],
            capacity: [[20, 20], [100, 100]],
            classes: [
                job("k1", profit: [5, 1], occupancy: [(0, 1), (1, 1)]),
                job("k2", profit: [4, 1], occupancy: [(1, 1)]),
            ],
            periods: [.init(name: "p1", bands: [nil, nil])],
            gates: [.init(agent: 0, block: 1, reduction: 8, classes: [1], previous: nil)]
        )
        let settings = SolverSettings(timeLimitSeconds: 10)
        for integerClasses in [true, false] {
            let (lp, layout) = try model.build(integerClasses: integerClasses)
            #expect(lp.rows.map(\.name).contains("takes(k2,A,b1)"))
            let s = try #require(model.read(try GLPKSolver.solve(lp, settings: settings), layout: layout))
            #expect(abs(s.fit - 66) < 1e-6)
        }
        let (relaxed, relaxedLayout) = try model.build(relaxed: true)
        let r = try #require(model.read(try GLPKSolver.solve(relaxed, settings: settings), layout: relaxedLayout))
        #expect(r.fit > 66 + 1)
        // A lowered caseload of 0: open, A could not even keep k1; closed, all ten go to B (60).
        var shut = model
        shut.gates[0].reduction = 20
        let (closed, closedLayout) = try shut.build()
        let c = try #require(shut.read(try GLPKSolver.solve(closed, settings: settings), layout: closedLayout))
        #expect(abs(c.fit - 60) < 1e-6)
        var ignored = model
        ignored.gates = []
        let (all, allLayout) = try ignored.build()
        let a = try #require(ignored.read(try GLPKSolver.solve(all, settings: settings), layout: allLayout))
        #expect(abs(a.fit - 90) < 1e-6)
        var selfPrevious = model
        selfPrevious.gates[0].previous = 0
        #expect(throws: ModelError.self) { try selfPrevious.build() }
    }

    /// Ten working days, the second week at half the caseload: the first week is one block, every day
    /// of the second a block of its own; without the rule two blocks of five.
    @Test func dipDaysAreBlocksOfTheirOwn() throws {
        let dip = try smallScenario(caseload: 300, weeks: "[{from: 11, to: 11, factor: 0.5}]")
        let days = try IntakeBasis.make(for: dip).days
        let blocks = HindsightBlocks(scenario: dip, days: days, blockDays: 5, dipRule: true)
        #expect(blocks.isDip == Array(repeating: false, count: 5) + Array(repeating: true, count: 5))
        #expect(blocks.days == [0..<5, 5..<6, 6..<7, 7..<8, 8..<9, 9..<10])
        #expect(blocks.blockOf == [0, 0, 0, 0, 0, 1, 2, 3, 4, 5])
        #expect(blocks.windowStart == [0, 0, 0, 0, 0, 0], "the longest duration (20) reaches back to the first day")
        let plain = HindsightBlocks(scenario: dip, days: days, blockDays: 5, dipRule: false)
        #expect(plain.days == [0..<5, 5..<10])
        #expect(!plain.isDip.contains(true))
    }

    /// A week at half the caseload: the hindsight holds the replay's rule (no new case above the lowered
    /// caseload), which costs it fit against the same year with the dip ignored.
    @Test func theDipRuleInTheHindsight() throws {
        let dip = try smallScenario(caseload: 300, weeks: "[{from: 11, to: 11, factor: 0.5}]")
        let basis = try IntakeBasis.make(for: dip)
        let daily = try Simulator.run(dip, basis: basis)
        let exact = try HindsightBenchmark.run(dip, basis: basis, daily: daily.totals, timeLimitSeconds: 30)
        let ignored = try HindsightBenchmark.run(dip, basis: basis, daily: daily.totals, timeLimitSeconds: 30, dipRule: false)
        #expect(exact.dipGates > 0 && ignored.dipGates == 0)
        #expect(exact.hindsight.value < ignored.hindsight.value - 1)
        #expect(exact.status == "divisible", "the gates proven optimal, the classes divisible")
        #expect(exact.mipObjective != nil && exact.mipObjective == exact.mipBound)
        let html = try SimulationReport.html(Comparison(scenarios: [daily.with(hindsight: exact)]))
        #expect(html.contains("optimaal (bewezen) met de zaken van een klasse deelbaar over de RO"))
        // The dip week, day by day and with hindsight: per RO the working days with room for new cases.
        let dailyDip = try #require(daily.totals.dips.first)
        let hindsightDip = try #require(exact.dips.first)
        #expect(daily.totals.dips.count == 1 && exact.dips.count == 1 && ignored.dips.isEmpty)
        #expect(dailyDip.label == "verlaagde caseload" && dailyDip.days == 5 && dailyDip.from == basis.days[5])
        #expect(hindsightDip.days == 5 && hindsightDip.from == dailyDip.from && hindsightDip.to == dailyDip.to)
        #expect(dailyDip.open.values.allSatisfy { (0...5).contains($0) } && hindsightDip.open.values.allSatisfy { (0...5).contains($0) })
        let line =
            "verlaagde caseload, 9 t/m 13 maart (5 werkdagen): "
            + RO.allCases.map { "\($0.displayName) \(dailyDip.open[$0.rawValue] ?? 0) / \(hindsightDip.open[$0.rawValue] ?? 0)" }
            .joined(separator: ", ")
        #expect(html.replacingOccurrences(of: "&amp;", with: "&").contains(line))
        #expect(html.contains("een keuze of de RO nieuwe zaken aanneemt (\(DutchNumber.count(exact.dipGates, "keuze", "keuzes")))"))

        // Not proven in time: the LP relaxation is the reference, and the report says what the search found.
        var unproven = exact
        unproven.status = "lpBound"
        unproven.lpObjective = 282_541.3
        unproven.mipObjective = 280_472.4
        unproven.mipBound = 280_659.8
        #expect(
            SimulationReport.lpBoundText(unproven)
                == "LP-relaxatie: een bovengrens (het zoeken vond binnen 30 s een oplossing van 280.472 maar bewees niet dat die optimaal is; het zoeken bewees een scherpere bovengrens van 280.660)"
        )
        unproven.mipObjective = nil
        unproven.mipBound = 282_541.1
        #expect(SimulationReport.lpBoundText(unproven) == "LP-relaxatie: een bovengrens (geen geheeltallige oplossing binnen 30 s)")

        // The table's conclusion in a sentence, in the report above the table.
        let sentence = SimulationReport.hindsightPoint(exact)
        #expect(html.contains("</strong>: \(sentence)</li>"))
        #expect(sentence.hasPrefix("haalt dag voor dag \(DutchNumber.percent(exact.valueRatio, digits: 2)) van de waarde met terugblik ("))
        #expect(sentence.hasSuffix("; gretig \(DutchNumber.percent(exact.greedyValueRatio, digits: 2))."))
        var worse = exact
        (worse.daily.slackAtPeriodEnd, worse.hindsight.slackAtPeriodEnd) = (1, 0)
        (worse.daily.waitingAtEnd, worse.hindsight.waitingAtEnd) = (1, 0)
        worse.status = "lpBound"
        #expect(
            SimulationReport.hindsightPoint(worse).contains(
                "ten minste \(DutchNumber.percent(worse.valueRatio, digits: 2)) van de waarde met terugblik"
            )
        )
        #expect(
            SimulationReport.hindsightPoint(worse).contains(
                " en eindigt 1 werkpunt buiten de bandbreedtes (terugblik: 0 werkpunten); 1 zaak wacht aan het eind (terugblik: 0); gretig"
            )
        )
    }

    /// Scenarios that differ only in their daily band policy share one hindsight solve, and get what a
    /// solve of their own gives; another band is a solve of its own.
    @Test func scenariosThatDifferOnlyInTheirDailyPolicyShareOneSolve() throws {
        let base = try smallScenario(caseload: 300, weeks: "[{from: 11, to: 11, factor: 0.5}]").setting("bands.SVG.max", to: 0.3)
        var prices = base
        prices.name = "prijzen"
        prices.bandPolicy = .prices
        var lookahead = base
        lookahead.bandPolicy = .lookahead
        let other = try base.setting("bands.SVG.max", to: 0.2)
        let scenarios = [base, prices, lookahead, other]
        let basis = try IntakeBasis.make(for: base)
        let dailies = try scenarios.map { try Simulator.run($0, basis: basis).totals }
        var references = HindsightReferences()
        #expect(!references.isSolved(base, basis: basis, timeLimitSeconds: 30))
        let shared = try zip(scenarios, dailies).map { try references.benchmark($0, basis: basis, daily: $1, timeLimitSeconds: 30) }
        #expect(references.solves == 2, "one solve for the three policies of one band set, one for the other band")
        #expect(
            references.isSolved(prices, basis: basis, timeLimitSeconds: 30)
                && references.isSolved(other, basis: basis, timeLimitSeconds: 30)
        )
        #expect(!references.isSolved(prices, basis: basis, timeLimitSeconds: 60), "another time limit, another solve")
        for k in 1...2 {
            let own = try HindsightBenchmark.run(scenarios[k], basis: basis, daily: dailies[k], timeLimitSeconds: 30)
            #expect(shared[k] == own, "\(scenarios[k].bandPolicy): the shared solve is the scenario's own")
        }
        #expect(shared[0].hindsight == shared[2].hindsight && shared[2].daily == HindsightBenchmark.outcome(of: dailies[2], slackPrice: 10))
        #expect(shared[3].hindsight != shared[0].hindsight, "another band, another hindsight")
    }

    /// With room everywhere and no bands the daily replay is the hindsight optimum; a soft ceiling makes
    /// the daily policy pay, and the hindsight, which holds the band only at the end, pays no more.
    @Test func theDailyReplayAgainstHindsight() throws {
        let free = try smallScenario()
        let basis = try IntakeBasis.make(for: free)
        let daily = try Simulator.run(free, basis: basis)
        let h = try HindsightBenchmark.run(free, basis: basis, daily: daily.totals, timeLimitSeconds: 30)
        #expect(h.status == "optimal" || h.status == "feasible")
        #expect(h.fitRatio == 1)
        #expect(h.greedyFitRatio == 1, "without bands and with room, greedy is optimal too")

        let capped = try smallScenario().setting("bands.SVG.min", to: 0).setting("bands.SVG.max", to: 0.10)
        let r = try Simulator.run(capped, basis: basis)
        let hc = try HindsightBenchmark.run(capped, basis: basis, daily: r.totals, timeLimitSeconds: 30)
        #expect(hc.valueRatio <= 1 + 1e-9)
        #expect(hc.hindsight.slackAtPeriodEnd <= hc.daily.slackAtPeriodEnd + 1e-6)
        #expect(hc.greedyValueRatio < hc.valueRatio, "greedy ignores the band and pays for it")
        let html = try SimulationReport.html(Comparison(scenarios: [r.with(hindsight: hc)]))
        #expect(html.contains("De prijs van dag voor dag beslissen"))
        #expect(html.contains(DutchNumber.percent(hc.valueRatio, digits: 2)), "two digits: 98.96% is not 99%")
    }
}

@Suite(.serialized) struct LookaheadTests {
    /// The look-ahead pays a price per point instead of forcing each day's share; the last days of the
    /// period get the agreed bands; every case is still accounted for.
    @Test func lookaheadKeepsTheAgreedBandsAtTheEnd() throws {
        var s = try smallScenario().setting("bands.SVG.min", to: 0).setting("bands.SVG.max", to: 0.10)
        s.bandPolicy = .lookahead
        let basis = try IntakeBasis.make(for: s)
        var policy = LookaheadBands(scenario: s, basis: basis)
        #expect(policy.finalDays(0) == 5)
        #expect(policy.config(day: 9) == s.config, "the last days: the agreed bands")
        let r = try Simulator.run(s, basis: basis)
        #expect(r.scenario.bandPolicy == "lookahead")
        #expect(r.totals.assigned + r.totals.waitingAtEnd == r.totals.intake)
        #expect(r.totals.fitLostToBands > 0, "the ceiling still costs fit")
    }
}

@Suite(.serialized) struct ParallelSweepTests {
    /// Debian's GLPK keeps its environment in thread-local storage (glp_config("TLS") names the C11
    /// specifier `_Thread_local`).
    @Test func glpkIsBuiltWithThreadLocalStorage() {
        #expect(GLPKThreads.specifier != nil)
        #expect(GLPKThreads.safe)
    }

    /// Threads give the byte-identical JSON; a volume variant replays its own intake.
    @Test func jobsGiveTheSameJSON() throws {
        let s = try smallScenario()
        let sweep = ParameterSweep(
            scenario: s,
            axes: [try SweepAxis.parse("bands.SVG.max=0.10:0.40:0.10"), try SweepAxis.parse("intake.perDay=40;20")],
            basis: try IntakeBasis.make(for: s)
        )
        let one = try encode(sweep.run(jobs: 1))
        #expect(try encode(sweep.run(jobs: 3)) == one)
        #expect(try encode(sweep.run(jobs: 8)) == one)
        let r = sweep.run(jobs: 2)
        #expect(r.variants.first { $0.settings["intake.perDay"] == 20 }?.totals?.intake == 200)
        #expect(r.variants.first { $0.settings["intake.perDay"] == 40 }?.totals?.intake == 400)
    }

    /// Variants whose varied floor cannot bind send GLPK the same day models: a shared cache answers
    /// them, and the replay is the one solved without it.
    @Test func variantsShareTheDayModelsTheirSettingCannotChange() throws {
        let s = try smallScenario(caseload: 400)
        let basis = try IntakeBasis.make(for: s)
        let cache = SolveCache()
        _ = try Simulator.run(try s.setting("bands.SVG.min", to: 0.01), basis: basis, keepSeries: true, cache: cache)
        let solved = cache.counts.misses
        #expect(solved > 0 && cache.counts.hits == 0)
        let other = try s.setting("bands.SVG.min", to: 0.02)
        let second = try Simulator.run(other, basis: basis, keepSeries: true, cache: cache)
        // Day 1 differs (no earlier intake: the floor can bind), and the tie rule looks at the band's
        // midpoint, so the histories may part; until they do, every day is answered from the cache.
        #expect(cache.counts.hits > 0)
        #expect(try encode(second) == encode(Simulator.run(other, basis: basis, keepSeries: true)))
    }
}

/// The review workflow's volumes are a reported figure of every replay.
struct ReviewVolumeTests {
    @Test func aReplayCountsTheTriageReviewAndTheCommissiePerReasonAndWeek() throws {
        var scenario = try Scenario.load(contentsOf: Fixtures.packageRoot.appendingPathComponent("Scenarios/baseline.yaml"))
        scenario.calendar.workingDays = 15
        let result = try Simulator.run(scenario, basis: try IntakeBasis.make(for: scenario))
        let volumes = result.totals.reviewVolumes
        let triage = volumes.cases["triage"] ?? 0
        let commissie = volumes.cases["commissie"] ?? 0
        #expect(triage > 0)
        // Each week's cases add up to the totals, and every queued reason is counted under its queue.
        #expect(volumes.weeks.reduce(0) { $0 + $1.triage } == triage && volumes.weeks.reduce(0) { $0 + $1.commissie } == commissie)
        #expect((3...4).contains(volumes.weeks.count))  // 15 working days span 3 or 4 ISO weeks
        #expect((volumes.reasons["triage"] ?? [:]).values.reduce(0, +) >= triage)
        // The lists stay short: at most 2% to the commissie and 15% to the triage review.
        #expect(Double(commissie) <= 0.02 * Double(result.totals.intake))
        #expect(Double(triage) <= 0.15 * Double(result.totals.intake))
    }
}
