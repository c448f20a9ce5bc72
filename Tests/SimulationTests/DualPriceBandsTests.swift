import Allocation
import Foundation
import InstroomDomain
import InstroomTesting
import Review
import Testing
import Triage

@testable import Simulation

/// The dual-price band policy: a forecast LP's duals priced into each day's model.
@Suite(.serialized) struct DualPriceBandsTests {
    @Test func selectableFromYAMLAndRejectedWhenMisspelled() throws {
        let folder = Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("prijzen.yaml")
        try "extends: \(Fixtures.packageRoot.path)/Scenarios/baseline.yaml\nname: prijzen\nallocation:\n  bandPolicy: prices\n"
            .write(to: url, atomically: true, encoding: .utf8)
        #expect(try Scenario.load(contentsOf: url).bandPolicy == .prices)
        let bundled = try Scenario.load(contentsOf: Fixtures.packageRoot.appendingPathComponent("Scenarios/baseline-prices.yaml"))
        #expect(bundled.bandPolicy == .prices)

        let bad = folder.appendingPathComponent("prijs.yaml")
        try "extends: \(url.path)\nallocation:\n  bandPolicy: price\n".write(to: bad, atomically: true, encoding: .utf8)
        let error = #expect(throws: InputError.self) { try Scenario.load(contentsOf: bad) }
        #expect(error?.field == "allocation.bandPolicy")
    }

    /// Where a band is hard, `prices` gives each day the look-ahead's bands; on soft bands the agreed cumulative ones.
    @Test func hardBandsGetTheLookaheadsDayBands() throws {
        let baseline = try Scenario.load(contentsOf: Fixtures.packageRoot.appendingPathComponent("Scenarios/baseline.yaml"))
        let narrow = try Scenario.load(contentsOf: Fixtures.packageRoot.appendingPathComponent("Scenarios/narrow-bands.yaml"))
        #expect(!BandPolicy.prices.daysUseLookahead(baseline.config))
        #expect(BandPolicy.prices.daysUseLookahead(narrow.config))
        #expect(BandPolicy.lookahead.daysUseLookahead(baseline.config))
        #expect(!BandPolicy.cumulative.daysUseLookahead(narrow.config) && !BandPolicy.forecast.daysUseLookahead(narrow.config))
        // A hard band of 0-100% binds nothing: still the agreed ones.
        var open = baseline.config
        open.bands[.SVG] = Bandwidth(min: 0, max: 1, mode: .hard)
        #expect(!BandPolicy.prices.daysUseLookahead(open))
    }

    /// Ample capacity and no band that binds: every price is zero.
    @Test func pricesAreZeroWhenNothingBinds() throws {
        var lp = forecast(capacity: 10_000, svgMax: 1)
        var prices = try #require(try lp.solve(timeLimitSeconds: 10))
        #expect(prices.band == [0, 0, 0])
        #expect(prices.capacity.joined().allSatisfy { $0 == 0 })

        // A ceiling the cases' fit would cross is priced, at most at the agreed price per point.
        lp = forecast(capacity: 10_000, svgMax: 0.2)
        prices = try #require(try lp.solve(timeLimitSeconds: 10))
        #expect(prices.band[0] > 0 && prices.band[0] <= 10 + 1e-9)
        #expect(prices.capacity.joined().allSatisfy { $0 == 0 })

        // Too little caseload at SVG for the cases that fit there best: SVG's load is priced, no band is.
        lp = forecast(capacity: 20, svgMax: 1)
        prices = try #require(try lp.solve(timeLimitSeconds: 10))
        #expect(prices.band == [0, 0, 0])
        #expect(prices.capacity[0].contains { $0 > 0 })
        #expect(prices.capacity[1].allSatisfy { $0 == 0 })
        // No band priced, so the load is charged per point-day: the 20-day class pays four times
        // what the 5-day class pays per point at SVG, nothing elsewhere.
        #expect(prices.bandsFree && prices.capacityPerPointDay[0] > 0)
        #expect(abs(prices.cost(weight: 1, heldDays: 20, at: 0) - 4 * prices.cost(weight: 1, heldDays: 5, at: 0)) < 1e-9)
        #expect(prices.cost(weight: 3, heldDays: 20, at: 1) == 0)
    }

    /// The capacity price by hand: block prices spread over the days left, charged only while no band is.
    @Test func capacityIsChargedPerPointDayWhileNoBandIsPriced() {
        var prices = PriceForecast.Prices(band: [0, 0, 0], capacity: [[6, 2], [0, 0], [1, 0]], daysLeft: 20)
        #expect(prices.capacityPerPointDay == [0.4, 0, 0.05])
        // A toezicht of 3 points held 20 days at SVG: 3 x 20 x 0.4 = 24 points; at LJ&R 3 x 20 x 0.05 = 3.
        #expect(abs(prices.cost(weight: 3, heldDays: 20, at: 0) - 24) < 1e-9)
        #expect(abs(prices.cost(weight: 3, heldDays: 20, at: 2) - 3) < 1e-9)
        // A band priced: only the band price, w x 1.5.
        prices.band = [1.5, 0, 0]
        #expect(!prices.bandsFree)
        #expect(abs(prices.cost(weight: 3, heldDays: 20, at: 0) - 4.5) < 1e-9)
        #expect(prices.cost(weight: 3, heldDays: 20, at: 2) == 0)
    }

    /// The hook: no costs is today's model; a cost at an RO moves the cases that have a free alternative.
    @Test func costsMoveCasesAndNilIsTodaysModel() throws {
        let s = try smallScenario()
        let basis = try IntakeBasis.make(for: s)
        let scored = Scoring.score(basis.cases(at: 0), on: basis.days[0], rules: s.rules, config: s.config)
        let room = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0, 10_000.0) })
        func plan(_ costs: PolicyCosts?) throws -> DayPlan {
            try DayPlan.make(
                scored: scored,
                day: basis.days[0],
                rules: s.rules,
                config: s.config,
                prior: PeriodShares(),
                capacityLeft: room,
                costs: costs
            )
        }
        let plain = try plan(nil)
        #expect(try plan(PolicyCosts(price: .bands, perCase: [:])).outcome.assignments == plain.outcome.assignments)
        let perCase = Dictionary(uniqueKeysWithValues: scored.map { ($0.intake.id, [RO.SVG: 1_000]) })
        let costly = try plan(PolicyCosts(price: .bands, perCase: perCase))
        #expect(plain.outcome.assignments.values.contains(.SVG))
        for s in scored where s.candidate.allowed.contains(where: { $0 != .SVG }) {
            #expect(costly.outcome.assignments[s.intake.id] != .SVG, "\(s.intake.id) has an RO without the cost")
        }
        #expect(costly.outcome.waiting.isEmpty, "niets op de plank: a cost never leaves a case waiting")

        // Why a moved case is off its best RO follows what the cost prices: SVG had room all along.
        let moved = scored.filter { plain.outcome.assignments[$0.intake.id] == .SVG && costly.outcome.assignments[$0.intake.id] != .SVG }
        #expect(!moved.isEmpty)
        let held = try plan(PolicyCosts(price: .caseload, perCase: perCase))
        for s in moved {
            #expect(costly.escalations[s.intake.id]?.first?.code == .forcedByBand)
            let reason = try #require(held.escalations[s.intake.id]?.first)
            #expect(reason.code == .forcedByCapacity)
            #expect(reason.detail.contains("de caseload van SVG blijft vrij"), "\(reason.detail)")
        }
    }

    /// A small replay with a ceiling the content would cross: it ends inside the bands, and twice gives the same JSON.
    @Test func aReplayEndsInsideTheBandsAndIsDeterministic() throws {
        var s = try smallScenario(caseload: 400).setting("bands.SVG.max", to: 0.15)
        s.calendar.workingDays = 20
        s.bandPolicy = .prices
        let basis = try IntakeBasis.make(for: s)
        let r = try Simulator.run(s, basis: basis)
        #expect(r.scenario.bandPolicy == "prices")
        #expect(r.totals.assigned + r.totals.waitingAtEnd == r.totals.intake)
        #expect(r.totals.slackAtPeriodEnd.values.reduce(0, +) == 0, "inside every band at the end of the period")
        #expect(try encode(Simulator.run(s, basis: basis)) == encode(r))
    }

    /// Two classes that fit SVG best (one of them only there), over 20 working days in blocks of 10.
    func forecast(capacity: Double, svgMax: Double) -> PriceForecast {
        PriceForecast(
            classes: [
                .init(profit: [10, 2, 1], weight: 3, duration: 20, waitPenalty: 500, count: 40),
                .init(profit: [8, 4, nil], weight: 1, duration: 5, waitPenalty: 200, count: 60),
            ],
            daysLeft: 20,
            blockDays: 10,
            capacity: [
                Array(repeating: capacity, count: 2), Array(repeating: 10_000, count: 2), Array(repeating: 10_000, count: 2),
            ],
            priorWeight: [0, 0, 0],
            priorIntake: 0,
            bands: [
                AssignmentModel.Band(min: 0, max: svgMax, softPenalty: 10), AssignmentModel.Band(min: 0, max: 1, softPenalty: 10), nil,
            ]
        )
    }
}
