import Allocation
import Foundation
import GLPK
import InstroomDomain
import Testing

/// Niets op de plank orders the waiting (issue 14): the day after a scarce day, the oldest waiting work
/// of a kind is placed before new work of that kind whenever an RO has room, even when the new cases
/// fit better; the configured order of the kinds (toezicht first) still holds over any wait.
struct WaitingFirstTests {
    static let today = Day("2026-03-03")!

    static func advies(_ id: String, received: Day, fit: Int) -> CandidateCase {
        CandidateCase(id: id, kind: .advies, weight: 1, fit: [.SVG: fit, .RN: fit, .LJR: fit], allowed: RO.allCases, received: received)
    }

    static func solve(_ cases: [CandidateCase], capacity: [RO: Double], formulation: Formulation) throws -> DayOutcome {
        var config = DayModelTests.config(
            bands: [
                .SVG: .init(min: 0, max: 1, mode: .soft), .RN: .init(min: 0, max: 1, mode: .soft),
                .LJR: .init(min: 0, max: 1, mode: .soft),
            ],
            capacity: capacity
        )
        config.solver = SolverSettings(timeLimitSeconds: 10)
        let instance = DayInstance(day: today, cases: cases, prior: PeriodShares(weight: [:]), capacityLeft: capacity, config: config)
        return try DayModel(instance, formulation: formulation).solve(settings: config.solver)
    }

    @Test(arguments: Formulation.allCases)
    func olderAdviezenArePlacedBeforeNewOnesThatFitBetter(formulation: Formulation) throws {
        // Yesterday's 30 adviezen waited; today 30 new ones fit better (fit 9 against 1). Room for 40.
        let yesterday = (0..<30).map { Self.advies("old\($0)", received: Self.today.adding(days: -1), fit: 1) }
        let new = (0..<30).map { Self.advies("new\($0)", received: Self.today, fit: 9) }
        let outcome = try Self.solve(yesterday + new, capacity: [.SVG: 15, .RN: 15, .LJR: 10], formulation: formulation)
        #expect(outcome.status == .optimal)
        #expect(outcome.assignments.count == 40)
        let waiting = Set(outcome.waiting)
        #expect(waiting.allSatisfy { $0.hasPrefix("new") }, "older adviezen wait: \(waiting.filter { $0.hasPrefix("old") }.sorted())")
        // Within the waiting ones the oldest come first too: three ages, room for the two oldest groups.
        let older = (0..<10).map { Self.advies("older\($0)", received: Self.today.adding(days: -5), fit: 0) }
        let second = try Self.solve(older + yesterday + new, capacity: [.SVG: 15, .RN: 15, .LJR: 10], formulation: formulation)
        #expect(Set(second.waiting) == Set(new.map(\.id)))
    }

    @Test func aLongWaitingAdviesDoesNotOvertakeANewToezicht() throws {
        // Toezicht first is configured (waitingPriority); 60 days of waiting do not change that order.
        let old = Self.advies("old", received: Self.today.adding(days: -60), fit: 5)
        let toezicht = CandidateCase(
            id: "T",
            kind: .toezicht,
            weight: 1,
            fit: [.SVG: 0, .RN: 0, .LJR: 0],
            allowed: RO.allCases,
            received: Self.today
        )
        let outcome = try Self.solve([old, toezicht], capacity: [.SVG: 1, .RN: 0, .LJR: 0], formulation: .aggregated)
        #expect(outcome.assignments["T"] == .SVG)
        #expect(outcome.waiting == ["old"])
    }
}
