import Allocation
import Foundation
import GLPK
import InstroomDomain
import Testing

/// The day model on hand-made and random days: exact-once, capacity, bands, and the aggregated
/// formulation's equivalence with the per-case one.
struct DayModelTests {
    static let day = Day("2026-03-02")!

    static func config(bands: [RO: Bandwidth]? = nil, capacity: [RO: Double] = [.SVG: 1000, .RN: 1000, .LJR: 1000]) -> AllocationConfig {
        AllocationConfig(
            period: .year,
            bands: bands ?? [.SVG: .init(min: 0, max: 1), .RN: .init(min: 0, max: 1), .LJR: .init(min: 0, max: 1)],
            softBandPenalty: 10,
            capacity: capacity,
            workload: WorkloadWeights(vi: 3, advies: 1, toezicht: [.laag: 2, .midden: 3, .hoog: 4]),
            waitingPriority: [.toezicht: 3, .advies: 2, .vi: 2],
            continuityBonus: 2,
            staleAfterDays: 365,
            escalationDeadlineDays: 5
        )
    }

    /// A reproducible random day: fits 0...6, weights 1...4, some exclusions and relations.
    static func randomCases(_ n: Int, seed: UInt64) -> [CandidateCase] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<n).map { i in
            let fit = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0, Int(next() % 7)) })
            var allowed = RO.allCases
            if next() % 10 == 0 { allowed.remove(at: Int(next() % 3)) }
            let relation: RO? = next() % 8 == 0 ? RO.allCases[Int(next() % 3)] : nil
            return CandidateCase(
                id: String(format: "C%05d", i),
                kind: [.vi, .advies, .toezicht][Int(next() % 3)],
                weight: Double(1 + next() % 4),
                fit: fit,
                allowed: allowed,
                relation: relation,
                received: day
            )
        }
    }

    static func solve(
        _ cases: [CandidateCase],
        config: AllocationConfig,
        prior: PeriodShares = .init(),
        formulation: Formulation
    ) throws -> DayOutcome {
        let problem = DayInstance(day: day, cases: cases, prior: prior, capacityLeft: config.capacity, config: config)
        return try DayModel(problem, formulation: formulation).solve(settings: SolverSettings(timeLimitSeconds: 60))
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func aggregatedAndPerCaseModelsReachTheSameOptimum(seed: UInt64) throws {
        let cases = Self.randomCases(120, seed: seed)
        let bands: [RO: Bandwidth] = [
            .SVG: .init(min: 0.25, max: 0.35, mode: .soft), .RN: .init(min: 0.35, max: 0.5), .LJR: .init(min: 0.15, max: 0.3),
        ]
        let config = Self.config(bands: bands, capacity: [.SVG: 120, .RN: 150, .LJR: 90])
        let prior = PeriodShares(weight: [.SVG: 300, .RN: 420, .LJR: 200])
        let aggregated = try Self.solve(cases, config: config, prior: prior, formulation: .aggregated)
        let perCase = try Self.solve(cases, config: config, prior: prior, formulation: .perCase)
        #expect(aggregated.status == .optimal)
        #expect(perCase.status == .optimal)
        #expect(aggregated.classes < perCase.classes)
        let a = try #require(aggregated.objective)
        let p = try #require(perCase.objective)
        #expect(abs(a - p) < 1e-6, "aggregated \(a) vs per case \(p)")
    }

    @Test func everyCaseIsAssignedExactlyOnce() throws {
        let cases = Self.randomCases(300, seed: 42)
        let outcome = try Self.solve(cases, config: Self.config(), formulation: .aggregated)
        #expect(outcome.status == .optimal)
        #expect(outcome.waiting.isEmpty)
        #expect(Set(outcome.assignments.keys) == Set(cases.map(\.id)))
        for c in cases { #expect(c.allowed.contains(outcome.assignments[c.id]!)) }
        // Without bands or scarcity every case lands at its most profitable allowed RO.
        for c in cases {
            let best = c.allowed.map { c.profit($0, continuityBonus: 2)! }.max()!
            #expect(c.profit(outcome.assignments[c.id]!, continuityBonus: 2) == best)
        }
    }

    @Test func capacityExhaustionLeavesCasesWaitingNotLost() throws {
        let cases = Self.randomCases(60, seed: 7)
        let outcome = try Self.solve(cases, config: Self.config(capacity: [.SVG: 10, .RN: 10, .LJR: 10]), formulation: .aggregated)
        #expect(outcome.status == .optimal)
        #expect(!outcome.waiting.isEmpty)
        #expect(outcome.assignments.count + outcome.waiting.count == cases.count)
        #expect(Set(outcome.waiting).isDisjoint(with: outcome.assignments.keys))
        for ro in RO.allCases { #expect((outcome.capacityUsed[ro] ?? 0) <= 10) }
        // Niets op de plank: no waiting case fits in any allowed RO's remaining room.
        for id in outcome.waiting {
            let c = cases.first { $0.id == id }!
            for ro in c.allowed { #expect(10 - (outcome.capacityUsed[ro] ?? 0) < c.weight) }
        }
        #expect(outcome.blockedByBands.isEmpty)
    }

    /// Niets op de plank also when every fit of the day is negative (a rule set may subtract points):
    /// the waiting penalty must outweigh -p[k,r], not only the spread of the day's profits.
    @Test func aCaseWithOnlyNegativeFitsStillGetsAnROWithRoom() throws {
        let cases = (0..<6).map { i in
            CandidateCase(
                id: "N\(i)",
                kind: .advies,
                weight: 1,
                fit: [.SVG: -5, .RN: -5, .LJR: -5],
                allowed: RO.allCases,
                received: Self.day
            )
        }
        for formulation in Formulation.allCases {
            let outcome = try Self.solve(cases, config: Self.config(), formulation: formulation)
            #expect(outcome.status == .optimal)
            #expect(outcome.waiting.isEmpty, "\(formulation): \(outcome.waiting.count) cases wait while every RO has room")
            #expect(outcome.assignments.count == cases.count)
        }
    }

    @Test func hardBandsHoldOnTheCumulativeShare() throws {
        let cases = Self.randomCases(200, seed: 11)
        let bands: [RO: Bandwidth] = [.SVG: .init(min: 0.3, max: 0.34), .RN: .init(min: 0.3, max: 0.4), .LJR: .init(min: 0.3, max: 0.4)]
        let prior = PeriodShares(weight: [.SVG: 320, .RN: 350, .LJR: 330])
        let outcome = try Self.solve(cases, config: Self.config(bands: bands), prior: prior, formulation: .aggregated)
        #expect(outcome.status == .optimal)
        #expect(outcome.waiting.isEmpty)
        for ro in RO.allCases { #expect(bands[ro]!.contains(outcome.sharesAfter.share(ro), tolerance: 1e-6)) }
    }

    @Test func hardBandsAlreadyBrokenMakeTheDayInfeasible() throws {
        let bands: [RO: Bandwidth] = [.SVG: .init(min: 0.3, max: 0.4), .RN: .init(min: 0.3, max: 0.4), .LJR: .init(min: 0.3, max: 0.4)]
        // SVG holds 80% of the period already; one day of 10 light cases cannot bring it under 40%.
        let prior = PeriodShares(weight: [.SVG: 800, .RN: 100, .LJR: 100])
        let outcome = try Self.solve(
            Self.randomCases(10, seed: 3),
            config: Self.config(bands: bands),
            prior: prior,
            formulation: .aggregated
        )
        #expect(outcome.status == .infeasible)
        #expect(outcome.assignments.isEmpty)
    }

    @Test func softBandsReportTheirSlackInstead() throws {
        let bands: [RO: Bandwidth] = [
            .SVG: .init(min: 0.3, max: 0.4, mode: .soft), .RN: .init(min: 0.3, max: 0.4, mode: .soft),
            .LJR: .init(min: 0.3, max: 0.4, mode: .soft),
        ]
        let prior = PeriodShares(weight: [.SVG: 800, .RN: 100, .LJR: 100])
        let outcome = try Self.solve(
            Self.randomCases(10, seed: 3),
            config: Self.config(bands: bands),
            prior: prior,
            formulation: .aggregated
        )
        #expect(outcome.status == .optimal)
        #expect(outcome.assignments.count == 10)
        #expect((outcome.aboveBand[.SVG] ?? 0) > 0)
    }

    @Test func theSameDayGivesTheSameAssignment() throws {
        let cases = Self.randomCases(250, seed: 5)
        let config = Self.config(capacity: [.SVG: 150, .RN: 200, .LJR: 100])
        let a = try Self.solve(cases, config: config, formulation: .aggregated)
        let b = try Self.solve(cases.reversed(), config: config, formulation: .aggregated)
        #expect(a.assignments == b.assignments)
        #expect(a.waiting.sorted() == b.waiting.sorted())
    }
}
