import Allocation
import Foundation
import InstroomDomain
import InstroomTesting
import IntakeFormats
import IntakeGenerator
import Testing

@testable import Simulation

/// A small hand-checkable scenario: 10 working days x 40 cases, capacity that never runs out, no bands.
func smallScenario(_ extra: String = "", caseload: Int = 100_000, weeks: String = "[]") throws -> Scenario {
    let folder = Fixtures.temporaryFolder()
    let url = folder.appendingPathComponent("klein.yaml")
    let text = """
        name: klein
        title: Klein testscenario
        seed: 7
        calendar: {start: 2026-03-02, workingDays: 10}
        allocation:
          bands: {mode: soft, SVG: {min: 0, max: 1}, RN: {min: 0, max: 1}, LJR: {min: 0, max: 1}}
        capacity:
          caseload: {SVG: \(caseload), RN: \(caseload), LJR: \(caseload)}
          weeks: \(weeks)
        durations: {advies: 5, vi: 10, toezicht: 20}
        intake: {perDay: 40}
        \(extra)
        """
    try text.write(to: url, atomically: true, encoding: .utf8)
    return try Scenario.load(contentsOf: url)
}

func encode<T: Encodable>(_ value: T) throws -> Data {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try e.encode(value)
}

func simulate(_ s: Scenario) throws -> ScenarioResult {
    try Simulator.run(s, basis: try IntakeBasis.make(for: s))
}

@Suite(.serialized) struct ScenarioFileTests {
    @Test func bundledScenariosLoadWithTheirBands() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("Scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 4)
        var names: Set<String> = []
        for f in files {
            let s = try Scenario.load(contentsOf: folder.appendingPathComponent(f))
            names.insert(s.name)
            #expect(!s.assumptions.isEmpty, "\(f) writes out its assumptions")
            #expect(s.assumptions.contains { $0.contains("illustratief") }, "\(f) says its numbers are illustrative")
            let basis = try IntakeBasis.make(for: s)
            #expect(basis.days.count == 250)
            #expect((55_000...65_000).contains(basis.source.cases), "\(f): about 60,000 cases a year")
        }
        #expect(names.isSuperset(of: ["baseline", "no-bands", "narrow-bands", "wide-bands"]))
        let narrow = try Scenario.load(contentsOf: folder.appendingPathComponent("narrow-bands.yaml"))
        #expect(narrow.config.band(.SVG) == Bandwidth(min: 0.25, max: 0.35, mode: .hard))
        // Inherited from the baseline through `extends`.
        #expect(narrow.capacity.caseload[.RN] == 17_500)
        #expect(narrow.durations[.toezicht] == 120)
    }

    @Test func unknownFieldsAreRefusedWithFileAndLine() throws {
        let error = #expect(throws: InputError.self) { try smallScenario("bandz: 3") }
        #expect(error?.line == 12)
        #expect(error?.description.contains("bandz") == true)
    }

    @Test func theAllocationSectionsSolverBlockReachesEveryDay() throws {
        let folder = Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("solver.yaml")
        try """
        name: solver
        title: Tijdslimiet uit het scenario
        seed: 7
        calendar: {start: 2026-03-02, workingDays: 3}
        allocation:
          bands: {mode: soft, SVG: {min: 0, max: 1}, RN: {min: 0, max: 1}, LJR: {min: 0, max: 1}}
          solver: {timeLimitSeconds: 11, formulation: perCase}
        capacity:
          caseload: {SVG: 100000, RN: 100000, LJR: 100000}
        durations: {advies: 5, vi: 10, toezicht: 20}
        intake: {perDay: 20}
        """.write(to: url, atomically: true, encoding: .utf8)
        let scenario = try Scenario.load(contentsOf: url)
        #expect(scenario.config.formulation == .perCase)
        let result = try simulate(scenario)
        #expect(result.scenario.solverTimeLimitSeconds == 11)
        #expect(try simulate(smallScenario()).scenario.solverTimeLimitSeconds == 30)
        let bad = folder.appendingPathComponent("bad.yaml")
        try "extends: \(url.path)\nallocation:\n  solver: {timeLimitSeconds: -3}\n".write(to: bad, atomically: true, encoding: .utf8)
        let error = #expect(throws: InputError.self) { try Scenario.load(contentsOf: bad) }
        #expect(error?.line == 3)
        #expect(error?.field == "allocation.solver.timeLimitSeconds")
    }

    @Test func dailyCapacityInTheAllocationSectionIsRefused() throws {
        let folder = Fixtures.temporaryFolder()
        let url = folder.appendingPathComponent("bad.yaml")
        try "extends: \(Fixtures.packageRoot.path)/Scenarios/baseline.yaml\nallocation: {capacity: {SVG: 1}}\n".write(
            to: url,
            atomically: true,
            encoding: .utf8
        )
        #expect(throws: InputError.self) { try Scenario.load(contentsOf: url) }
    }

    @Test func isoWeeks() {
        #expect(Day("2026-01-01")!.isoWeek == 1)
        #expect(Day("2027-01-01")!.isoWeek == 53)
        #expect(Day("2026-12-28")!.isoWeek == 53)
        #expect(Day("2026-07-15")!.isoWeek == 29)
    }
}

@Suite(.serialized) struct SimulatorTests {
    @Test func sameSeedGivesByteIdenticalJSON() throws {
        let s = try smallScenario()
        let a = try encode(Comparison(scenarios: [try simulate(s)]))
        let b = try encode(Comparison(scenarios: [try simulate(s)]))
        #expect(a == b)
        let other = try smallScenario("", caseload: 100_000)
        var reseeded = other
        reseeded.seed = 8
        #expect(try encode(Comparison(scenarios: [try simulate(reseeded)])) != a, "another seed, another intake")
    }

    @Test func everyCaseIsAccountedFor() throws {
        let r = try simulate(try smallScenario())
        let t = r.totals
        #expect(t.intake == 400)
        #expect(t.assigned + t.waitingAtEnd == t.intake)
        #expect(r.days?.count == 10)
        #expect(r.days?.map(\.intake).reduce(0, +) == 400)
        #expect(t.assignedPerRO.values.reduce(0, +) == t.assigned)
        #expect(t.fitLossHistogram.values.reduce(0, +) == t.assigned)
        #expect(t.fitBest - t.fitAssigned == t.fitLostToBands + t.fitLostToCapacity)
    }

    /// Without bands and with room everywhere, every case goes to a best-fitting RO: nothing is lost.
    /// A hard ceiling of 10% for SVG then costs fit, at SVG, and holds the share under the ceiling.
    @Test func differentBandsGiveDifferentExplainableMetrics() throws {
        let free = try simulate(try smallScenario())
        #expect(free.totals.fitLostToBands == 0)
        #expect(free.totals.fitLostToCapacity == 0)
        #expect(free.totals.fitAssigned == free.totals.fitBest)
        #expect(free.totals.softSlack.values.reduce(0, +) == 0)
        #expect(free.totals.escalations["gedwongen_band"] == 0)
        let svgShare = free.totals.finalShare["SVG"]!
        #expect(svgShare > 0.15, "the content alone gives SVG more than the ceiling below")

        let capped = try simulate(try smallScenario().setting("bands.SVG.min", to: 0).setting("bands.SVG.max", to: 0.10))
        var hard = try smallScenario()
        hard.config.bands[.SVG] = Bandwidth(min: 0, max: 0.10, mode: .hard)
        let hardResult = try simulate(hard)
        for r in [capped, hardResult] {
            #expect(r.totals.fitLostToBands > 0)
            #expect(r.totals.fitLostToBandsPerRO["SVG"]! == r.totals.fitLostToBands, "the fit is lost where SVG fitted better")
            #expect(r.totals.atBestFit < free.totals.atBestFit)
            #expect(r.totals.escalations["gedwongen_band"]! > 0)
        }
        // Hard: the ceiling holds every day; soft (penalty 10 per point): it holds unless slack is reported.
        #expect(hardResult.totals.finalShare["SVG"]! <= 0.10 + 1e-6 || hardResult.totals.hardBandFailureDays > 0)
        let cappedSlack = capped.totals.softSlack["SVG"]!
        #expect(capped.days!.allSatisfy { $0.share["SVG"]! <= 0.10 + 1e-6 } || cappedSlack > 0)
    }

    @Test func shortCapacityMakesCasesWaitAndIsReported() throws {
        let r = try simulate(try smallScenario(caseload: 60))
        #expect(r.totals.daysWithWaiting > 0)
        #expect(r.totals.escalations["geen_capaciteit"]! > 0)
        #expect(r.totals.assigned + r.totals.waitingAtEnd == r.totals.intake)
        #expect(r.days!.allSatisfy { d in d.utilisation.values.allSatisfy { $0 <= 1 + 1e-9 } })
    }

    /// Hard bands that cannot hold do not stop the replay: the day is counted and allocated with soft bands.
    @Test func impossibleHardBandsAreCountedNotFatal() throws {
        var s = try smallScenario()
        s.config.bands[.SVG] = Bandwidth(min: 0.9, max: 1, mode: .hard)
        s.config.bands[.RN] = Bandwidth(min: 0, max: 0.1, mode: .hard)
        s.config.bands[.LJR] = Bandwidth(min: 0, max: 0.1, mode: .hard)
        // Room for a few cases a day only: a 90% floor for SVG cannot hold.
        s.capacity.caseload[.SVG] = 30
        let r = try simulate(s)
        #expect(r.totals.hardBandFailureDays > 0)
        #expect(r.totals.hardBandFailures.first?.explanation.isEmpty == false)
        #expect(r.days!.contains { $0.hardBandFailure == true })
    }

    @Test func aHistoricalIntakeFileIsReplayed() throws {
        let folder = Fixtures.temporaryFolder()
        let cases = SyntheticIntake(seed: 3).day(Day("2026-03-02")!, count: 12) + SyntheticIntake(seed: 3).day(Day("2026-03-07")!, count: 5)
        try IntakeWriter.csvData(cases).write(to: folder.appendingPathComponent("hist.csv"))
        let url = folder.appendingPathComponent("hist.yaml")
        try """
        extends: \(Fixtures.packageRoot.path)/Scenarios/baseline.yaml
        name: historisch
        calendar: {start: 2026-03-02}
        intake: {file: hist.csv}
        """.write(to: url, atomically: true, encoding: .utf8)
        var s = try Scenario.load(contentsOf: url)
        s.calendar.workingDays = nil
        let basis = try IntakeBasis.make(for: s)
        // 2 March (Mon) through 9 March (Mon): the Saturday's cases arrive on Monday.
        #expect(basis.days.count == 6)
        #expect(basis.cases(at: 5).count == 5)
        let r = try Simulator.run(s, basis: basis)
        #expect(r.totals.intake == 17)
        #expect(r.intake.kind == "bestand")
    }

    @Test func reportIsDutchStandaloneHTMLWithCharts() throws {
        let a = try simulate(try smallScenario())
        var narrow = try smallScenario().setting("bands.SVG.max", to: 0.2)
        narrow.title = "Smal <SVG>"
        let b = try Simulator.run(narrow, basis: try IntakeBasis.make(for: try smallScenario()))
        let html = try SimulationReport.html(Comparison(scenarios: [a, b]))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"nl\">"))
        #expect(html.components(separatedBy: "<svg xmlns").count - 1 >= 6)
        #expect(html.contains("Smal &lt;SVG&gt;"))
        #expect(html.contains("illustratief"))
        #expect(!html.contains("<script"))
        #expect(html.contains(",") && html.contains("%"))
    }
}

@Suite(.serialized) struct SweepTests {
    func sweep() throws -> ParameterSweep {
        let s = try smallScenario()
        return ParameterSweep(
            scenario: s,
            axes: [
                try SweepAxis.parse("bands.SVG.max=0.10:0.40:0.15"),
                try SweepAxis.parse("bands.SVG.min=0:0.2:0.2"),
            ],
            basis: try IntakeBasis.make(for: s)
        )
    }

    @Test func axesParse() throws {
        #expect(try SweepAxis.parse("bands.SVG.min=0.15:0.30:0.05").values == [0.15, 0.2, 0.25, 0.3])
        #expect(try SweepAxis.parse("capacity.scale=1").values == [1])
        #expect(throws: VariantError.self) { try SweepAxis.parse("bands.XYZ.min=0:1:0.5") }
        #expect(throws: VariantError.self) { try SweepAxis.parse("bands.SVG.min=0.3:0.1:0.1") }
    }

    @Test func twoShardsMergedEqualTheWholeGrid() throws {
        let sw = try sweep()
        #expect(sw.gridSize == 6)
        let whole = sw.run()
        let one = sw.run(shard: (1, 2))
        let two = sw.run(shard: (2, 2))
        #expect(Set(one.variants.map(\.index)).isDisjoint(with: two.variants.map(\.index)))
        #expect(one.shard == "1/2")
        let merged = try ParameterSweep.merge([two, one])
        #expect(try encode(merged) == encode(whole))
        #expect(try ParameterSweep.merge([one]).shard?.contains("ontbreken") == true)
        // Invalid variants (min 0.2 above max 0.1) are reported, not fatal.
        let invalid = whole.variants.filter { $0.error != nil }
        #expect(invalid.map(\.index) == [1])
        #expect(whole.variants.filter { $0.totals != nil }.count == 5)
    }

    /// Variants on threads give the result of one thread.
    @Test func jobsDoNotChangeTheResult() throws {
        let sw = try sweep()
        #expect(try encode(sw.run(jobs: 2)) == encode(sw.run(jobs: 1)))
    }

    @Test func narrowerCeilingsLoseMoreFit() throws {
        let r = try sweep().run()
        let lost = r.variants.filter { $0.settings["bands.SVG.min"] == 0 }.map { $0.totals!.fitLostToBands }
        #expect(lost.count == 3)
        #expect(lost[0] >= lost[1] && lost[1] >= lost[2])
        #expect(lost[0] > lost[2])
        let html = try SweepReport.html(r)
        #expect(html.contains("<html lang=\"nl\">"))
        #expect(html.contains("ongeldige variant"))
    }
}
