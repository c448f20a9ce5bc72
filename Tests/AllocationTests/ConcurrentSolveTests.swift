import Allocation
import Foundation
import GLPK
import Testing

/// Several threads solving at once (a server, a sweep) must get the answers one thread gets.
struct ConcurrentSolveTests {
    @Test func concurrentSolvesAgreeWithSequentialOnes() async throws {
        let file = GAPReferenceTests.dataFolder.appendingPathComponent("gap4.txt")
        let instances = try GAPInstance.read(contentsOf: file)
        let expected = try instances.map { try $0.solve(settings: SolverSettings(timeLimitSeconds: 60)).objective }
        let results = try await withThrowingTaskGroup(of: [Double?].self) { group in
            for _ in 0..<6 {
                group.addTask { try instances.map { try $0.solve(settings: SolverSettings(timeLimitSeconds: 60)).objective } }
            }
            var all: [[Double?]] = []
            for try await r in group { all.append(r) }
            return all
        }
        for r in results { #expect(r == expected) }
    }
}
