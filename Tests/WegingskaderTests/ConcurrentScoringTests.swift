import Foundation
import InstroomDomain
import InstroomTesting
import IntakeGenerator
import Testing
import Wegingskader

/// A rule set is a value shared by every thread of a server or a sweep: scoring must not race.
struct ConcurrentScoringTests {
    @Test func scoringFromManyThreadsGivesTheSameScoresAsOneThread() async throws {
        let rules = RuleSet.bundledDefault()
        let day = Day("2026-03-02")!
        let cases = SyntheticIntake(seed: 3).day(day, count: 2000)
        let expected = cases.map { rules.score(FactView($0, on: day)) }
        let results = await withTaskGroup(of: [CaseScore].self) { group in
            for _ in 0..<8 { group.addTask { cases.map { rules.score(FactView($0, on: day)) } } }
            var all: [[CaseScore]] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8)
        for r in results { #expect(r == expected) }
    }
}
