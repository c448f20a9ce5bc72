import Allocation
import Foundation
import GLPK
import InstroomDomain
import Logging
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
    /// run one after the other. The intake is generated once for every variant that does not change it,
    /// and scored once for every group of those variants with the same scoring input (`ScoredIntake`):
    /// the groups run one after the other, so one scored intake is held at a time. The variants share
    /// one `SolveCache`: a day model identical to one another variant solved is not solved again.
    public func run(shard: (part: Int, of: Int)? = nil, jobs: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil) -> SweepResult {
        let todo = indices(shard: shard)
        let box = ResultBox(count: todo.count)
        let shared = ParameterSweep(scenario: scenario, axes: axes, basis: basis.materialized())
        let jobs = GLPKThreads.safe ? max(1, min(jobs, todo.count)) : 1
        let cache = SolveCache()

        // Slots grouped by scoring input; a variant that fails to apply or changes the intake scores its own.
        var groups: [(key: ScoredIntake.Key?, config: AllocationConfig?, slots: [Int])] = []
        for slot in todo.indices {
            let key = (try? shared.scenario(todo[slot])).flatMap {
                $0.intake == scenario.intake ? ($0.config, ScoredIntake.Key($0.config)) : nil
            }
            if let key, let g = groups.firstIndex(where: { $0.key == key.1 }) {
                groups[g].slots.append(slot)
            } else if let key {
                groups.append((key.1, key.0, [slot]))
            } else if let g = groups.firstIndex(where: { $0.key == nil }) {
                groups[g].slots.append(slot)
            } else {
                groups.append((nil, nil, [slot]))
            }
        }
        for group in groups {
            let scored = group.config.map { ScoredIntake.make(basis: shared.basis, rules: scenario.rules, config: $0, jobs: jobs) }
            let slots = group.slots
            let worker: @Sendable (Int) -> Void = { slot in
                let result = shared.variant(todo[slot], scored: scored, cache: cache)
                let done = box.store(result, at: slot)
                progress?(done, todo.count)
            }
            if jobs == 1 {
                for slot in slots { worker(slot) }
            } else {
                let next = Counter()
                DispatchQueue.concurrentPerform(iterations: min(jobs, slots.count)) { _ in
                    while let k = next.take(below: slots.count) { worker(slots[k]) }
                }
            }
        }
        let (hits, misses) = cache.counts
        logger.info(
            "sweep replayed",
            metadata: ["variants": "\(todo.count)", "dayModelsSolved": "\(misses)", "dayModelsReused": "\(hits)"]
        )
        return SweepResult(
            scenario: ScenarioSummary(scenario),
            intake: basis.source,
            vary: axes,
            gridSize: gridSize,
            shard: shard.map { "\($0.part)/\($0.of)" },
            variants: box.results.compactMap { $0 }
        )
    }

    /// The scenario of variant `index`: the settings applied in axis order.
    func scenario(_ index: Int) throws -> Scenario {
        var s = scenario
        for (key, value) in settings(index) { s = try s.setting(key, to: value) }
        return s
    }

    /// Replays variant `index`; `scored` is used when it was scored with the variant's scoring input
    /// on this sweep's intake.
    public func variant(_ index: Int, scored: ScoredIntake? = nil, cache: SolveCache? = nil) -> VariantResult {
        let settings = settings(index)
        var dict: [String: Double] = [:]
        for s in settings { dict[s.key] = s.value }
        do {
            let s = try scenario(index)
            // A variant that changes the volume replays its own intake (same seed); the others share one.
            let own = s.intake != scenario.intake ? try IntakeBasis.make(for: s, seed: basis.source.seed) : basis
            let reuse = s.intake == scenario.intake && scored?.key == ScoredIntake.Key(s.config) ? scored : nil
            let r = try Simulator.run(s, basis: own, keepSeries: false, scored: reuse, cache: cache)
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
