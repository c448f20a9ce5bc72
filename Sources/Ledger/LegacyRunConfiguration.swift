import InstroomDomain

/// `run.config` as ledgers up to v2 stored it: `AllocationConfig` encoded by Triage, whose maps keyed by
/// enums encode as `[key, value, key, value]` arrays. Read only by migration v3, which rewrites each
/// row as a `RunConfiguration`; frozen here so a later change to `AllocationConfig` cannot break it.
struct LegacyRunConfiguration: Decodable {
    struct Workload: Decodable {
        var vi: Double
        var advies: Double
        var toezicht: PairList<Intensity, Double>
    }
    struct Solver: Decodable {
        var timeLimitSeconds: Double
        var formulation: String
    }
    var period: BandPeriod
    var bands: PairList<RO, Bandwidth>
    var softBandPenalty: Double
    var capacity: PairList<RO, Double>
    var workload: Workload
    var waitingPriority: PairList<CaseKind, Double>
    var continuityBonus: Int
    var staleAfterDays: Int
    var escalationDeadlineDays: Int
    var solver: Solver

    var converted: RunConfiguration {
        RunConfiguration(
            period: period,
            bands: Dictionary(uniqueKeysWithValues: bands.pairs.map { ($0.key.rawValue, $0.value) }),
            softBandPenalty: softBandPenalty,
            capacity: Dictionary(uniqueKeysWithValues: capacity.pairs.map { ($0.key.rawValue, $0.value) }),
            workload: .init(
                vi: workload.vi,
                advies: workload.advies,
                toezicht: Dictionary(uniqueKeysWithValues: workload.toezicht.pairs.map { ($0.key.rawValue, $0.value) })
            ),
            waitingPriority: Dictionary(uniqueKeysWithValues: waitingPriority.pairs.map { ($0.key.rawValue, $0.value) }),
            continuityBonus: continuityBonus,
            staleAfterDays: staleAfterDays,
            escalationDeadlineDays: escalationDeadlineDays,
            solver: .init(timeLimitSeconds: solver.timeLimitSeconds, formulation: solver.formulation)
        )
    }
}

/// A map that Foundation encoded as `[key, value, key, value]` (enum keys before `CodingKeyRepresentable`).
struct PairList<Key: RawRepresentable<String> & Hashable, Value: Decodable>: Decodable {
    var pairs: [(key: Key, value: Value)] = []

    init(from decoder: Decoder) throws {
        var list = try decoder.unkeyedContainer()
        while !list.isAtEnd {
            let code = try list.decode(String.self)
            guard let key = Key(rawValue: code) else {
                throw DecodingError.dataCorruptedError(in: list, debugDescription: "unknown key '\(code)'")
            }
            pairs.append((key, try list.decode(Value.self)))
        }
    }
}
