import Allocation
import Foundation
import InstroomDomain
import InstroomTesting
import Review
import Testing

@testable import Simulation

/// Scoring an intake once for many replays changes no figure of a replay.
@Suite(.serialized) struct ScoredIntakeTests {
    /// The bundled baseline (missing SCIL/RISc among its cases, so the missing-data probe matters) and a
    /// short-capacity scenario (cases wait and are scored again on the day they are placed) replay to the
    /// same JSON with the intake scored up front, on one thread or two, as scored day by day.
    @Test func scoringOnceGivesTheSameReplay() throws {
        for s in [try bundled("baseline.yaml", workingDays: 12), try smallScenario(caseload: 60)] {
            let basis = try IntakeBasis.make(for: s).materialized()
            let daily = try encode(Simulator.run(s, basis: basis))
            let once = ScoredIntake.make(basis: basis, rules: s.rules, config: s.config, jobs: 1)
            #expect(try encode(Simulator.run(s, basis: basis, scored: once)) == daily)
            let threads = ScoredIntake.make(basis: basis, rules: s.rules, config: s.config, jobs: 2)
            #expect(try encode(Simulator.run(s, basis: basis, scored: threads)) == daily)
        }
        let short = try bundled("baseline.yaml", workingDays: 3)
        let probed = ScoredIntake.make(basis: try IntakeBasis.make(for: short), rules: short.rules, config: short.config)
        #expect(probed.days.joined().contains { $0.missingData?.scil != nil || $0.missingData?.risc != nil }, "some probe finds a change")
        #expect(probed.days.joined().allSatisfy { $0.missingData != nil })
    }

    /// A sweep that varies a workload weight as well as a band scores once per weight; its variants equal
    /// the same variants replayed on their own, and `--jobs 2` gives the byte-identical JSON of `--jobs 1`.
    @Test func aSweepScoresOncePerScoringInput() throws {
        let s = try smallScenario(caseload: 150)
        let sweep = ParameterSweep(
            scenario: s,
            axes: [try SweepAxis.parse("workload.vi=2:3:1"), try SweepAxis.parse("bands.SVG.max=0.10:0.30:0.20")],
            basis: try IntakeBasis.make(for: s)
        )
        let one = sweep.run(jobs: 1)
        #expect(one.variants.count == 4)
        #expect(try encode(sweep.run(jobs: 2)) == encode(one))
        for v in one.variants { #expect(try encode(sweep.variant(v.index)) == encode(v), "variant \(v.index) on its own") }
        let vi = one.variants.map { $0.settings["workload.vi"]! }
        #expect(Set(vi) == [2, 3])
        #expect(one.variants[0].totals != one.variants[2].totals, "the weight changes the replay")
    }
}

/// The forecast band policy: the share the period is heading for, held to the agreed bands.
@Suite(.serialized) struct ForecastBandsTests {
    @Test func theForecastIsTheRestOfThePeriodAtTheNaturalSplit() throws {
        let s = try smallScenario()
        let basis = try IntakeBasis.make(for: s)
        var policy = ForecastBands(scenario: s, basis: basis)
        #expect(policy.forecast(day: 0).isEmpty, "nothing seen yet")
        let today = Scoring.score(basis.cases(at: 0), on: basis.days[0], rules: s.rules, config: s.config)
        policy.observe(today)
        let ahead = policy.forecast(day: 1)
        let weight = today.reduce(0) { $0 + $1.weight }
        // Eight working days follow day 1 in the 10-day period, at day 0's weighted intake.
        #expect(abs(ahead.values.reduce(0, +) - 8 * weight) <= 3)
        #expect(ahead.values.allSatisfy { $0 == $0.rounded() })
        #expect(policy.forecast(day: 9).values.allSatisfy { $0 == 0 }, "the last day: nothing left to forecast")
    }

    @Test func aForecastReplayAccountsForEveryCase() throws {
        var s = try smallScenario(caseload: 150).setting("bands.SVG.max", to: 0.15)
        s.config.softBandPenalty = 10
        let cumulative = try simulate(s)
        s.bandPolicy = .forecast
        let forecast = try simulate(s)
        #expect(forecast.scenario.bandPolicy == "forecast")
        #expect(forecast.totals.assigned + forecast.totals.waitingAtEnd == forecast.totals.intake)
        #expect(forecast.totals.fitLostToBands > 0, "the ceiling still costs fit")
        #expect(cumulative.totals.intake == forecast.totals.intake)
    }
}
