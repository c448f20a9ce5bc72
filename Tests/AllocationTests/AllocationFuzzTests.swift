import Allocation
import Foundation
import GLPK
import InstroomDomain
import InstroomTesting
import Testing
import YAMLReading

/// Fuzzing the configuration reader, the GAP instance reader and the model builder (issue 14).
/// Every mutant is read within bounds or refused with file and line; every model that is built
/// reaches GLPK only valid, and GLPK's outcome is a normal one. A trap or an abort ends the process.
struct AllocationFuzzTests {
    @Test func configurationMutantsAreReadWithinBoundsOrRefused() {
        let base = AllocationConfig.bundled()
        for (seed, text) in FuzzInputs(parser: "config", count: 1000, seed: 4) {
            do {
                let config = try AllocationConfig.parse(try YAMLValue.parse(text, file: "fuzz.yaml"), over: base)
                let weights = [config.workload.vi, config.workload.advies] + Array(config.workload.toezicht.values)
                #expect(weights.allSatisfy { WorkloadWeights.allowedRange.contains($0) }, "\(seed): \(weights)")
                #expect(config.capacity.values.allSatisfy { $0.isFinite && $0 >= 0 }, "\(seed)")
                #expect(config.solver.problems.isEmpty, "\(seed): \(config.solver.problems)")
            } catch let error as InputError {
                #expect(error.file == "fuzz.yaml", "\(seed): \(error)")
            } catch {
                Issue.record("\(seed): unexpected error \(error)")
            }
        }
    }

    @Test func gapMutantsAreSolvedOrRefusedWithLineAndField() throws {
        var solved = 0
        for (seed, text) in FuzzInputs(parser: "gap", count: 1000, seed: 5) {
            let instances: [GAPInstance]
            do { instances = try GAPInstance.parse(text, file: "fuzz.txt", sense: .maximise) } catch let error as InputError {
                #expect(error.file == "fuzz.txt" && error.line != nil, "\(seed): \(error)")
                continue
            }
            for instance in instances.prefix(2) where instance.agentCount * instance.jobCount <= 400 {
                let result = try instance.solve(settings: SolverSettings(timeLimitSeconds: 2))
                #expect(result.status != .failed, "\(seed): \(result.message)")
                solved += 1
            }
        }
        #expect(solved > 50)
    }

    /// Random days within the configuration's bounds, from empty to scarce, hard and soft bands,
    /// weights from 0.01 to 1000 points: DayModel builds a valid model and GLPK answers normally.
    @Test func randomDaysWithinTheBoundsAlwaysGiveANormalOutcome() throws {
        var g = Random(seed: 14)
        let weights = [0.01, 0.5, 1, 2, 3, 4, 7.25, 1000]
        for round in 0..<200 {
            let n = g.int(0...12)
            let cases = (0..<n).map { i in
                CandidateCase(
                    id: "R\(round)-\(i)",
                    kind: CaseKind.allCases[g.int(0...2)],
                    weight: weights[g.int(0...(weights.count - 1))],
                    fit: Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0, g.int(-10...10)) }),
                    allowed: RO.allCases.filter { _ in g.int(0...4) > 0 },
                    relation: g.int(0...3) == 0 ? .RN : nil,
                    received: Fixtures.monday
                )
            }.filter { !$0.allowed.isEmpty }
            let mode: BandMode = g.int(0...1) == 0 ? .hard : .soft
            let low = Double(g.int(0...30)) / 100
            let config = Fixtures.config {
                $0.bands = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0, Bandwidth(min: low, max: low + 0.45, mode: mode)) })
                $0.waitingPriority = [.toezicht: Double(g.int(1...1000)), .advies: 2, .vi: 1]
                $0.softBandPenalty = [0, 10, 1_000_000][g.int(0...2)]
            }
            let capacity = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0, [0, 1, 3, 10, 1e7][g.int(0...4)]) })
            let prior = PeriodShares(weight: Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0, Double(g.int(0...2000))) }))
            let instance = DayInstance(day: Fixtures.monday, cases: cases, prior: prior, capacityLeft: capacity, config: config)
            let outcome = try DayModel(instance).solve(settings: SolverSettings(timeLimitSeconds: 5))
            #expect([.optimal, .feasible, .infeasible].contains(outcome.status), "round \(round): \(outcome.status) \(outcome.message)")
            if outcome.status == .optimal {
                #expect(outcome.assignments.count + outcome.waiting.count == cases.count, "round \(round)")
                for ro in RO.allCases { #expect((outcome.capacityUsed[ro] ?? 0) <= (capacity[ro] ?? 0) + 1e-6, "round \(round)") }
            }
        }
    }

    // MARK: The issue's reproducers

    /// Profits near 9e18 trapped in `gap solve`; they are refused where the file is read.
    @Test func profitsBeyondTheValueRangeAreRefusedWithLineAndField() throws {
        let text = FuzzInputs.corpus("gap").first { $0.name == "issue14-profits-9e18.txt" }!.text
        let error = try #require(throws: InputError.self) { try GAPInstance.parse(text, file: "p.txt", sense: .maximise) }
        #expect(
            error.description
                == "p.txt:3: field 'instance 1: profit[1][1]': 9223372036854775807 is outside the allowed range 0...1000000000"
        )
    }

    /// `--expect` with an optimum of nan, inf or 1e308 trapped when it was printed.
    @Test(arguments: ["nan", "inf", "1e308", "-inf", "x"])
    func anOptimumThatIsNotAFiniteNumberIsRefused(optimum: String) throws {
        let text = "file\tinstance\tsense\tagents\tjobs\toptimum\ngap1.txt\t1\tmax\t5\t15\t\(optimum)\n"
        let error = try #require(throws: InputError.self) { try GAPOptima.parse(text, file: "o.tsv") }
        #expect(error.line == 2 && error.field == "optimum", "\(error)")
    }

    @Test func aGAPFileThatIsADirectoryIsRefused() throws {
        let dir = Fixtures.temporaryFolder()
        let error = try #require(throws: InputError.self) { try GAPInstance.read(contentsOf: dir) }
        #expect(error.message == "cannot read the file: it is a directory")
    }

    @Test(arguments: ["0999-12-31", "2101-01-01", "+026-03-03"])
    func aConfigurationOrScenarioDateOutsideTheYearsIsRefused(date: String) throws {
        let yaml = try YAMLValue.parse("start: \(date)\n", file: "s.yaml")
        let error = try #require(throws: InputError.self) { try yaml.fields(allowed: ["start"])["start"]!.day() }
        #expect(error.line == 1 && error.field == "start", "\(error)")
    }

    /// Workload weights 1e-300 and 1e6 (the scale-factor abort) are refused in the configuration too.
    @Test func configurationWeightsOutsideTheRangeAreRefused() throws {
        let text = FuzzInputs.corpus("config").first { $0.name == "issue14-weights.yaml" }!.text
        let error = try #require(throws: InputError.self) {
            try AllocationConfig.parse(try YAMLValue.parse(text, file: "c.yaml"), over: AllocationConfig.bundled())
        }
        #expect(error.line == 3 && error.field == "workload.vi", "\(error.description)")
        let tiny = text.replacingOccurrences(of: "vi: 1e6", with: "vi: 3")
        let second = try #require(throws: InputError.self) {
            try AllocationConfig.parse(try YAMLValue.parse(tiny, file: "c.yaml"), over: AllocationConfig.bundled())
        }
        #expect(second.description == "c.yaml:2: field 'workload.advies': 1e-300 is outside the allowed range 0.01...1000.0")
    }
}

/// SplitMix64, for the random days.
struct Random {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return range.lowerBound + Int(z % UInt64(range.count))
    }
}
