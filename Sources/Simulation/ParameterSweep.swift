import Foundation
import InstroomDomain
import Synchronization

/// A grid of scenario variants, replayed on one intake, split into shards for any batch scheduler.
public struct ParameterSweep: Sendable {
    public var scenario: Scenario
    public var axes: [SweepAxis]
    public var basis: IntakeBasis

    public init(scenario: Scenario, axes: [SweepAxis], basis: IntakeBasis) {
        self.scenario = scenario
        self.axes = axes
        self.basis = basis
    }

    /// Number of variants: the product of the axis lengths.
    public var gridSize: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The settings of variant `index` (the first axis varies slowest).
    public func settings(_ index: Int) -> [(key: String, value: Double)] {
        var rest = index
        var out: [(String, Double)] = []
        for axis in axes.reversed() {
            out.append((axis.key, axis.values[rest % axis.values.count]))
            rest /= axis.values.count
        }
        return out.reversed()
    }

    /// The variant indices of shard `part` of `of` (1-based): every `of`-th index, so shards are
    /// deterministic, disjoint, cover the grid and are about equally heavy.
    public func indices(shard: (part: Int, of: Int)?) -> [Int] {
        guard let shard else { return Array(0..<gridSize) }
        return (0..<gridSize).filter { $0 % shard.of == shard.part - 1 }
    }

    /// Replays the shard's variants, `jobs` at a time on threads (each variant one after the other in
    /// its own thread, results stored by index, so the result does not depend on `jobs` or on timing).
    /// Threads need a GLPK with a thread-local environment (`GLPKThreads.safe`); without one the variants
    /// run one after the other. The intake is generated once for every variant that does not change it.
    public func run(shard: (part: Int, of: Int)? = nil, jobs: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil) -> SweepResult {
        let todo = indices(shard: shard)
        let box = ResultBox(count: todo.count)
        let shared = ParameterSweep(scenario: scenario, axes: axes, basis: basis.materialized())
        let worker: @Sendable (Int) -> Void = { slot in
            let result = shared.variant(todo[slot])
            let done = box.store(result, at: slot)
            progress?(done, todo.count)
        }
        let jobs = GLPKThreads.safe ? max(1, min(jobs, todo.count)) : 1
        if jobs == 1 {
            for slot in todo.indices { worker(slot) }
        } else {
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                while let slot = next.take(below: todo.count) { worker(slot) }
            }
        }
        return SweepResult(
            scenario: ScenarioSummary(scenario),
            intake: basis.source,
            vary: axes,
            gridSize: gridSize,
            shard: shard.map { "\($0.part)/\($0.of)" },
            variants: box.results.compactMap { $0 }
        )
    }

    public func variant(_ index: Int) -> VariantResult {
        let settings = settings(index)
        var dict: [String: Double] = [:]
        for s in settings { dict[s.key] = s.value }
        do {
            var s = scenario
            for (key, value) in settings { s = try s.setting(key, to: value) }
            // A variant that changes the volume replays its own intake (same seed); the others share one.
            let own = s.intake != scenario.intake ? try IntakeBasis.make(for: s, seed: basis.source.seed) : basis
            let r = try Simulator.run(s, basis: own, keepSeries: false)
            return VariantResult(
                index: index,
                settings: dict,
                error: nil,
                bands: r.scenario.bands,
                totalBandWidth: r.scenario.totalBandWidth,
                totals: r.totals
            )
        } catch let error as VariantError {
            return VariantResult(
                index: index,
                settings: dict,
                error: "\(error)",
                errorDutch: error.dutch,
                bands: nil,
                totalBandWidth: nil,
                totals: nil
            )
        } catch {
            return VariantResult(
                index: index,
                settings: dict,
                error: "\(error)",
                errorDutch: "\(error)",
                bands: nil,
                totalBandWidth: nil,
                totals: nil
            )
        }
    }

    /// Joins shard results into one; the joined file of a complete grid equals the unsharded run's.
    public static func merge(_ parts: [SweepResult]) throws -> SweepResult {
        guard var merged = parts.first else { throw VariantError.invalid("nothing to merge") }
        var byIndex: [Int: VariantResult] = [:]
        for p in parts {
            guard p.scenario == merged.scenario, p.vary == merged.vary, p.gridSize == merged.gridSize, p.intake == merged.intake else {
                throw VariantError.invalid("the files come from different sweeps (scenario, --vary, intake or seed differ)")
            }
            for v in p.variants {
                if let old = byIndex[v.index], old != v { throw VariantError.invalid("variant \(v.index) differs between the files") }
                byIndex[v.index] = v
            }
        }
        merged.variants = byIndex.keys.sorted().map { byIndex[$0]! }
        let missing = merged.gridSize - merged.variants.count
        merged.shard = missing == 0 ? nil : "onvolledig: \(missing) van \(merged.gridSize) varianten ontbreken"
        return merged
    }
}

/// Results written by concurrent workers, each into its own slot.
final class ResultBox: Sendable {
    private let state: Mutex<(slots: [VariantResult?], done: Int)>

    init(count: Int) { state = Mutex((slots: Array(repeating: nil, count: count), done: 0)) }

    /// Stores `r` and returns how many slots are filled now.
    func store(_ r: VariantResult, at slot: Int) -> Int {
        state.withLock { s in
            s.slots[slot] = r
            s.done += 1
            return s.done
        }
    }

    var results: [VariantResult?] { state.withLock { $0.slots } }
}

/// Hands out slot numbers to concurrent workers, each exactly once.
final class Counter: Sendable {
    private let value = Mutex(0)

    func take(below limit: Int) -> Int? {
        value.withLock { v in
            guard v < limit else { return nil }
            v += 1
            return v - 1
        }
    }
}
