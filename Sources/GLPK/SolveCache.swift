import Crypto
import Foundation
import Synchronization

/// Proven optima of models solved before, found again by the model's content.
///
/// A parameter sweep builds the same day model in many of its variants: every variant whose varied
/// setting cannot bind that day, and whose days before were the same, sends GLPK a model identical
/// column for column (`AssignmentModel` gives a band row that cannot bind a bound that does not
/// depend on the band). GLPK, given the same model and settings, finds the same solution, so a hit
/// returns exactly what solving again would. Only proven optima are kept: a result that stopped at the
/// time limit depends on the machine's speed and is solved again. Safe to share between threads.
///
/// It holds at most `limit` results and forgets the oldest first: a miss only costs a solve, so the
/// limit bounds the memory (about 2 KB a day model) without changing any result.
public final class SolveCache: Sendable {
    private struct Entry {
        var result: SolveResult
        /// The solution's non-zero column values (most columns of a day model are 0); `values` is empty.
        var nonZeroColumns: [Int32]
        var nonZeroValues: [Double]
        var columns: Int
    }

    private struct State {
        var entries: [SHA256Digest: Entry] = [:]
        /// Keys in the order they were stored, as a ring of `limit` slots; `next` is the oldest.
        var ring: [SHA256Digest?]
        var next = 0
        var hits = 0
        var misses = 0
    }

    private let state: Mutex<State>

    /// `limit`: results kept; the default holds forty variants of a 250-day replay.
    public init(limit: Int = 10_000) {
        state = Mutex(State(ring: Array(repeating: nil, count: max(1, limit))))
    }

    /// Solves answered from the cache, and solves that went to GLPK.
    public var counts: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    /// The cached result for `model` under `settings`, or `solve()`'s, kept when it is a proven optimum.
    func result(for model: LinearModel, settings: SolverSettings, solve: () throws -> SolveResult) rethrows -> SolveResult {
        let key = Self.key(model, settings)
        let hit: SolveResult? = state.withLock { s in
            guard let entry = s.entries[key] else {
                s.misses += 1
                return nil
            }
            s.hits += 1
            var result = entry.result
            result.values = Array(repeating: 0, count: entry.columns)
            for (j, v) in zip(entry.nonZeroColumns, entry.nonZeroValues) { result.values[Int(j)] = v }
            return result
        }
        if let hit { return hit }
        let result = try solve()
        guard result.status == .optimal else { return result }
        var stored = result
        stored.values = []
        let nonZero = result.values.indices.filter { result.values[$0] != 0 }
        let entry = Entry(
            result: stored,
            nonZeroColumns: nonZero.map { Int32($0) },
            nonZeroValues: nonZero.map { result.values[$0] },
            columns: result.values.count
        )
        state.withLock { s in
            // Another thread may have stored the same model meanwhile: the same result, one slot.
            guard s.entries.updateValue(entry, forKey: key) == nil else { return }
            if let oldest = s.ring[s.next] { s.entries[oldest] = nil }
            s.ring[s.next] = key
            s.next = (s.next + 1) % s.ring.count
        }
        return result
    }

    /// SHA-256 over everything GLPK is given: the settings, the objective, every column and row with its
    /// bounds and name, and every coefficient. Names are included although GLPK's search does not read
    /// them, so that a hit is the same model in every respect a person could inspect.
    static func key(_ model: LinearModel, _ settings: SolverSettings) -> SHA256Digest {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (model.columns.count + model.rows.count) + 16 * model.termValues.count)
        func add(_ text: String) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(0)
        }
        func add(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        func add(_ value: Double?) {
            bytes.append(value == nil ? 0 : 1)
            add(value ?? 0)
        }
        add(String(describing: settings))
        add(model.name)
        add(model.sense.rawValue)
        add(model.objectiveName)
        add(model.objectiveConstant)
        for c in model.columns {
            add(c.name)
            add(c.lower)
            add(c.upper)
            let kind: UInt8 =
                switch c.kind {
                case .continuous: 0
                case .integer: 1
                case .binary: 2
                }
            bytes.append(kind)
            add(c.objective)
        }
        for r in model.rows {
            add(r.name)
            add(r.lower)
            add(r.upper)
        }
        model.termRows.withUnsafeBytes { bytes.append(contentsOf: $0) }
        model.termColumns.withUnsafeBytes { bytes.append(contentsOf: $0) }
        for v in model.termValues { add(v) }
        return SHA256.hash(data: bytes)
    }
}
