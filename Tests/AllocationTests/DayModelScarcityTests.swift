import Allocation
import Foundation
import GLPK
import InstroomDomain
import Testing

/// Days on which no case fits anywhere are a normal outcome (the cases wait), never an empty or
/// degenerate call that makes GLPK abort the process (issue 14: `glp_add_cols: ncs = 0`).
struct DayModelScarcityTests {
    static let day = Day("2026-03-02")!

    static func toezichtHoog(_ id: String, fit: Int = 3) -> CandidateCase {
        CandidateCase(
            id: id,
            kind: .toezicht,
            weight: 4,
            fit: [.SVG: fit, .RN: fit - 1, .LJR: fit - 2],
            allowed: RO.allCases,
            received: day
        )
    }

    static func solve(
        _ cases: [CandidateCase],
        capacityLeft: [RO: Double],
        prior: PeriodShares,
        bands: BandMode = .soft
    ) throws -> DayOutcome {
        var config = DayModelTests.config(
            bands: [
                .SVG: .init(min: 0.2, max: 0.4, mode: bands), .RN: .init(min: 0.4, max: 0.65, mode: bands),
                .LJR: .init(min: 0.1, max: 0.3, mode: bands),
            ],
            capacity: [.SVG: 400, .RN: 800, .LJR: 300]
        )
        config.solver = SolverSettings(timeLimitSeconds: 10)
        let instance = DayInstance(day: day, cases: cases, prior: prior, capacityLeft: capacityLeft, config: config)
        var outcomes: [DayOutcome] = []
        for formulation in Formulation.allCases {
            outcomes.append(try DayModel(instance, formulation: formulation).solve(settings: config.solver))
        }
        #expect(outcomes[0].assignments == outcomes[1].assignments)
        return outcomes[0]
    }

    /// The reproducer: a second run on the same day with 3/2/1 points left and two toezicht-hoog cases.
    @Test(arguments: [BandMode.soft, .hard])
    func twoHeavyCasesOnANearlyFullDayWait(bands: BandMode) throws {
        let prior = PeriodShares(weight: [.SVG: 397, .RN: 798, .LJR: 299])
        let outcome = try Self.solve(
            [Self.toezichtHoog("T1"), Self.toezichtHoog("T2")],
            capacityLeft: [.SVG: 3, .RN: 2, .LJR: 1],
            prior: prior,
            bands: bands
        )
        #expect(outcome.status == .optimal)
        #expect(outcome.assignments.isEmpty)
        #expect(outcome.waiting.sorted() == ["T1", "T2"])
        #expect(outcome.blockedByBands.isEmpty)
    }

    @Test func aDayWithNoCapacityAtAllLetsEveryCaseWait() throws {
        let cases = (1...5).map { Self.toezichtHoog("T\($0)", fit: $0) }
        let outcome = try Self.solve(cases, capacityLeft: [:], prior: PeriodShares())
        #expect(outcome.status == .optimal)
        #expect(outcome.waiting.count == 5)
        #expect(outcome.fit == 0)
    }

    /// Heavy cases wait, lighter ones still go where they fit: removing the heavy ones from the
    /// model changes nothing for the others.
    @Test func onlyTheCasesThatFitNowhereWait() throws {
        let light = CandidateCase(
            id: "A1",
            kind: .advies,
            weight: 1,
            fit: [.SVG: 1, .RN: 4, .LJR: 0],
            allowed: RO.allCases,
            received: Self.day
        )
        let outcome = try Self.solve(
            [Self.toezichtHoog("T1"), light, Self.toezichtHoog("T2")],
            capacityLeft: [.SVG: 3, .RN: 2, .LJR: 1],
            prior: PeriodShares(weight: [.SVG: 397, .RN: 798, .LJR: 299])
        )
        #expect(outcome.status == .optimal)
        #expect(outcome.assignments == ["A1": .RN])
        #expect(outcome.waiting.sorted() == ["T1", "T2"])
    }

    @Test func anEmptyDayIsAnEmptyOutcome() throws {
        let outcome = try Self.solve(
            [],
            capacityLeft: [.SVG: 3, .RN: 2, .LJR: 1],
            prior: PeriodShares(weight: [.SVG: 1, .RN: 1, .LJR: 1])
        )
        #expect(outcome.status == .optimal)
        #expect(outcome.assignments.isEmpty && outcome.waiting.isEmpty)
    }
}
