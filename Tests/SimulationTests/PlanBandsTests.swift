import Allocation
import Foundation
import GLPK
import InstroomDomain
import InstroomTesting
import IntakeFormats
import IntakeGenerator
import Review
import Testing

@testable import Simulation

/// The plan band policy: the rest of the period planned from the state reached, each case steered to the plan.
@Suite(.serialized) struct PlanBandsTests {
    /// The hand-checked model of `HindsightTests` (A at most half the weight, ten cases of k1 gain 4
    /// there) made part way through the period: A already took 10 points of an intake of 10, so of the
    /// 30 points at the end A may hold 15, 5 more: five k1 at A (25), five k1 and ten k2 at B (5 + 20).
    @Test func aPlanMadePartWayHoldsTheBandsOnTheWholePeriod() throws {
        func job(_ name: String, profit: [Double?]) -> HindsightModel.JobClass {
            HindsightTests().job(name, profit: profit, occupancy: [(0, 1)])
        }
        let band = AssignmentModel.Band(min: 0, max: 0.5, softPenalty: nil)
        var model = HindsightModel(
            name: "part",
            agents: ["A", "B"],
            capacity: [[100], [100]],
            classes: [job("k1", profit: [5, 1]), job("k2", profit: [3, 2])],
            periods: [.init(name: "p1", bands: [band, nil], priorWeight: [10, 0], priorIntake: 10)]
        )
        for relaxed in [true, false] {
            let (lp, layout) = try model.build(relaxed: relaxed)
            let s = try #require(model.read(try GLPKSolver.solve(lp, settings: SolverSettings(timeLimitSeconds: 10)), layout: layout))
            #expect(abs(s.fit - 50) < 1e-6, "relaxed: \(relaxed)")
        }
        // Without the prior: the whole-period model of `HindsightTests` (70).
        model.periods[0] = .init(name: "p1", bands: [band, nil])
        let (lp, layout) = try model.build()
        #expect(
            abs((model.read(try GLPKSolver.solve(lp, settings: SolverSettings(timeLimitSeconds: 10)), layout: layout)?.fit ?? 0) - 70)
                < 1e-6
        )
        // A prior that is not a weight is refused before GLPK sees it.
        model.periods[0] = .init(name: "p1", bands: [band, nil], priorWeight: [-1, 0], priorIntake: 10)
        #expect(throws: ModelError.self) { try model.build() }
        model.periods[0] = .init(name: "p1", bands: [band, nil], priorWeight: [0], priorIntake: 10)
        #expect(throws: ModelError.self) { try model.build() }
    }

    /// A plan's gate for a whole dip of two days (`later`): A keeps its ten running cases (1 point each)
    /// and may take the dip's cases only while its load fits the lowered caseload on both days. At 12 on
    /// both A takes two (10 x 5 + 2 x 4 + 8 x 1 = 66); at 12 and then 10 it can take none (60), where a
    /// gate for the first day alone would still let it take two.
    @Test func aGateForTheWholeDip() throws {
        var model = HindsightModel(
            name: "dip",
            agents: ["A", "B"],
            capacity: [[20, 20, 20], [100, 100, 100]],
            classes: [
                HindsightTests().job("k1", profit: [5, 1], occupancy: [(0, 1), (1, 1), (2, 1)]),
                HindsightTests().job("k2", profit: [4, 1], occupancy: [(1, 1), (2, 1)]),
            ],
            periods: [.init(name: "p1", bands: [nil, nil])],
            gates: [.init(agent: 0, block: 1, reduction: 8, classes: [1], previous: nil, later: [.init(block: 2, reduction: 8)])]
        )
        func fit() throws -> Double {
            let (lp, layout) = try model.build(integerClasses: false)
            return try #require(model.read(try GLPKSolver.solve(lp, settings: SolverSettings(timeLimitSeconds: 10)), layout: layout)).fit
        }
        #expect(abs(try fit() - 66) < 1e-6)
        model.gates[0].later[0].reduction = 10
        #expect(abs(try fit() - 60) < 1e-6)
        model.gates[0].later = []
        #expect(abs(try fit() - 66) < 1e-6)
        model.gates[0].later = [.init(block: 3, reduction: 1)]
        #expect(throws: ModelError.self) { try model.build() }
    }

    /// The first working day's cases of `s` and the costs `policy` gives them (nothing running yet).
    func firstDay(_ s: Scenario, _ policy: inout PlanBands) throws -> ([ScoredCase], [String: [RO: Int]]) {
        let basis = try IntakeBasis.make(for: s)
        let today = Scoring.score(basis.cases(at: 0), on: basis.days[0], rules: s.rules, config: s.config)
        policy.observe(today, day: 0)
        let releases = Array(repeating: 0.0, count: basis.days.count * 3)
        let costs = try #require(try policy.costs(day: 0, pool: today, prior: PeriodShares(), load: [0, 0, 0], releases: releases))
        return (today, costs.perCase)
    }

    /// Day one of a small period: the plan has a class for every case of the day and steers each to one
    /// RO; the RO it gives a class's cases follow the plan's split, and a case keeps its RO when asked again.
    @Test func everyCaseOfThePlanDayIsSteered() throws {
        var s = try smallScenario(caseload: 400).setting("bands.SVG.max", to: 0.15)
        s.calendar.workingDays = 20
        s.bandPolicy = .plan
        var policy = try PlanBands(scenario: s, basis: IntakeBasis.make(for: s))
        let (today, costs) = try firstDay(s, &policy)
        for c in today {
            let cost = try #require(costs[c.intake.id], "\(c.intake.id) is steered")
            #expect(
                cost.count == 2 && cost.values.allSatisfy { $0 == PlanBands.endGameCost },
                "a 10-day period without dips is all end game"
            )
        }
        var split = PlanBands.Split(
            day: 0,
            dipDays: 0..<0,
            counts: [PlanBands.Key(day: 0, profit: [3, 1, 1], weight: 1, duration: 5, priority: 1): [1, 3, 0]]
        )
        let key = PlanBands.Key(day: 0, profit: [3, 1, 1], weight: 1, duration: 5, priority: 1)
        let targets = (0..<8).map { split.target("z\($0)", key: key) }
        #expect(targets == [1, 0, 1, 1, 1, 0, 1, 1], "a quarter at the first RO, three quarters at the second, in turn")
        #expect(split.target("z0", key: key) == 1, "a case asked again keeps its RO")
        #expect(split.target("z9", key: PlanBands.Key(day: -1, profit: [3, 1, 1], weight: 1, duration: 5, priority: 1)) == nil)
        // A class the forecast did not have follows its coarse class: the same order of preference.
        #expect(
            key.coarse.profit == [0, 1, 2]
                && PlanBands.Key(day: 0, profit: [5, nil, 7], weight: 1, duration: 5, priority: 1).coarse.profit == [1, nil, 0]
        )
        #expect(split.target("z10", key: PlanBands.Key(day: 0, profit: [9, 2, 2], weight: 1, duration: 5, priority: 1)) != nil)
        #expect(
            split.target("z11", key: PlanBands.Key(day: 0, profit: [9, 2, 2], weight: 2, duration: 5, priority: 1)) == nil,
            "another weight"
        )
    }

    /// Two dips at half the caseload: a day is decided as in the end game from `dipLeadDays` before a
    /// dip to its end; far from both dips and before the end game a case is only nudged (`earlyCost`).
    @Test func theDaysBeforeADipAreSteeredAsTheEndGame() throws {
        var s = try smallScenario(caseload: 300, weeks: "[{from: 22, to: 22, factor: 0.5}, {from: 32, to: 32, factor: 0.5}]")
        s.calendar.workingDays = 150
        s.bandPolicy = .plan
        let basis = try IntakeBasis.make(for: s)
        var policy = try PlanBands(scenario: s, basis: basis)
        let isDip = CaseloadDip.days(s, on: basis.days)
        #expect(isDip.filter { $0 }.count == 10)
        for j in basis.days.indices {
            let dipAhead = (j...min(basis.days.count - 1, j + PlanBands.dipLeadDays)).contains { isDip[$0] }
            #expect(policy.nearDip[j] == dipAhead, "day \(j)")
        }
        try #require(!policy.nearDip[0] && policy.endGameStart[0] > 0)
        let (today, costs) = try firstDay(s, &policy)
        for c in today {
            let cost = try #require(costs[c.intake.id], "\(c.intake.id) is steered")
            #expect(cost.count == 2 && cost.values.allSatisfy { $0 == PlanBands.earlyCost })
        }
    }

    /// A small replay with a ceiling the content would cross: every case placed or waiting, inside the
    /// bands at the end, and twice the same JSON.
    @Test func aReplayEndsInsideTheBandsAndIsDeterministic() throws {
        var s = try smallScenario(caseload: 400).setting("bands.SVG.max", to: 0.15)
        s.bandPolicy = .plan
        let basis = try IntakeBasis.make(for: s)
        let r = try Simulator.run(s, basis: basis)
        #expect(r.scenario.bandPolicy == "plan")
        #expect(r.totals.assigned + r.totals.waitingAtEnd == r.totals.intake)
        #expect(r.totals.slackAtPeriodEnd.values.reduce(0, +) == 0, "inside every band at the end of the period")
        #expect(try encode(Simulator.run(s, basis: basis)) == encode(r))
    }

    /// A week at half the caseload in the plan: the dip's gates are planned, every case is placed or waits,
    /// the dip is recorded per RO, and twice the same JSON.
    @Test func aDipIsPlannedThrough() throws {
        var s = try smallScenario(caseload: 300, weeks: "[{from: 11, to: 11, factor: 0.5}]")
        s.bandPolicy = .plan
        let basis = try IntakeBasis.make(for: s)
        let r = try Simulator.run(s, basis: basis)
        #expect(r.totals.assigned + r.totals.waitingAtEnd == r.totals.intake)
        let dip = try #require(r.totals.dips.first)
        #expect(dip.days == 5 && dip.from == basis.days[5])
        #expect(try encode(Simulator.run(s, basis: basis)) == encode(r))
    }

    /// An intake file has no other year: the plan forecasts the period's days seen so far, repeated.
    @Test func anIntakeFileIsPlannedOnTheDaysSeen() throws {
        let folder = Fixtures.temporaryFolder()
        let cases = (0..<10).flatMap { d in SyntheticIntake(seed: 3).day(Day("2026-03-02")!.adding(days: d), count: 8) }
        try IntakeWriter.csvData(cases).write(to: folder.appendingPathComponent("hist.csv"))
        let url = folder.appendingPathComponent("hist.yaml")
        try """
        extends: \(Fixtures.packageRoot.path)/Scenarios/baseline.yaml
        name: historisch
        calendar: {start: 2026-03-02}
        intake: {file: hist.csv}
        allocation: {bandPolicy: plan}
        """.write(to: url, atomically: true, encoding: .utf8)
        var s = try Scenario.load(contentsOf: url)
        s.calendar.workingDays = nil
        let basis = try IntakeBasis.make(for: s)
        #expect(try PlanBands(scenario: s, basis: basis).forecast?.isEmpty == nil)
        let r = try Simulator.run(s, basis: basis)
        #expect(r.totals.intake == cases.count)
        #expect(r.totals.assigned + r.totals.waitingAtEnd == r.totals.intake)
    }

    @Test func selectableFromYAML() throws {
        let folder = Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("plan.yaml")
        try "extends: \(Fixtures.packageRoot.path)/Scenarios/narrow-bands.yaml\nname: plan\nallocation:\n  bandPolicy: plan\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let s = try Scenario.load(contentsOf: url)
        #expect(s.bandPolicy == .plan)
        #expect(BandPolicy.plan.daysUseLookahead(s.config), "hard bands: the look-ahead's day bands, as for the prices")
    }
}
