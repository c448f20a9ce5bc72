import GLPK
import Testing

struct SolveCacheTests {
    /// max 5x + 4y s.t. 6x + 4y <= capacity, x + 2y <= 6, x, y integer.
    func model(capacity: Double = 24, name: String = "y") -> LinearModel {
        var m = LinearModel(name: "small", sense: .maximise)
        let x = m.addColumn("x", kind: .integer, lower: 0, objective: 5)
        let y = m.addColumn(name, kind: .integer, lower: 0, objective: 4)
        m.addRow("a", upper: capacity, terms: [(x, 6), (y, 4)])
        m.addRow("b", upper: 6, terms: [(x, 1), (y, 2)])
        return m
    }

    let settings = SolverSettings(timeLimitSeconds: 5)

    @Test func anIdenticalModelIsAnsweredFromTheCacheWithTheSameSolution() throws {
        let cache = SolveCache()
        let first = try GLPKSolver.solve(model(), settings: settings, cache: cache)
        let second = try GLPKSolver.solve(model(), settings: settings, cache: cache)
        #expect(cache.counts.hits == 1 && cache.counts.misses == 1)
        #expect(second.status == .optimal)
        #expect(second.values == first.values)
        #expect(second.values == [4, 0])
        #expect(second.objective == first.objective)
    }

    @Test func anyDifferenceInTheModelOrTheSettingsIsSolvedAgain() throws {
        let cache = SolveCache()
        _ = try GLPKSolver.solve(model(), settings: settings, cache: cache)
        let tighter = try GLPKSolver.solve(model(capacity: 12), settings: settings, cache: cache)
        _ = try GLPKSolver.solve(model(name: "z"), settings: settings, cache: cache)
        _ = try GLPKSolver.solve(model(), settings: SolverSettings(timeLimitSeconds: 5, cuts: .none), cache: cache)
        #expect(cache.counts.hits == 0 && cache.counts.misses == 4)
        #expect(tighter.objective == 12)
    }

    @Test func onlyProvenOptimaAreKept() throws {
        let cache = SolveCache()
        var m = LinearModel(name: "infeasible", sense: .minimise)
        let x = m.addColumn("x", kind: .binary)
        m.addRow("atLeastTwo", lower: 2, terms: [(x, 1)])
        for _ in 0..<2 { #expect(try GLPKSolver.solve(m, settings: settings, cache: cache).status == .infeasible) }
        #expect(cache.counts.hits == 0 && cache.counts.misses == 2)
    }

    @Test func aWarmStartBypassesTheCache() throws {
        let cache = SolveCache()
        let noPresolve = SolverSettings(timeLimitSeconds: 5, presolve: false)
        _ = try GLPKSolver.solve(model(), settings: noPresolve, cache: cache)
        let warm = try GLPKSolver.solve(model(), settings: noPresolve, warmStart: [4, 0], cache: cache)
        #expect(warm.objective == 20)
        #expect(cache.counts.hits == 0 && cache.counts.misses == 1)
    }
}

extension SolveCacheTests {
    /// A full cache forgets its oldest result first; what it forgot is solved again, to the same optimum.
    @Test func aFullCacheForgetsTheOldestFirst() throws {
        let cache = SolveCache(limit: 2)
        for capacity in [24.0, 12, 18] { _ = try GLPKSolver.solve(model(capacity: capacity), settings: settings, cache: cache) }
        let newest = try GLPKSolver.solve(model(capacity: 18), settings: settings, cache: cache)
        #expect(cache.counts.hits == 1 && cache.counts.misses == 3)
        let forgotten = try GLPKSolver.solve(model(capacity: 24), settings: settings, cache: cache)
        #expect(cache.counts.hits == 1 && cache.counts.misses == 4)
        #expect(forgotten.values == [4, 0] && newest.status == .optimal)
    }
}
