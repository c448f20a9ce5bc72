import InstroomDomain

/// `run.config` as ledgers up to v2 stored it: `AllocationConfig` encoded by Triage, whose maps keyed by
/// enums encode as `[key, value, key, value]` arrays. Read only by migration v3, which rewrites each
/// row as a `RunConfiguration`; frozen here so a later change to `AllocationConfig` cannot break it.
struct LegacyRunConfiguration: Decodable {
    struct Workload: Decodable {
        var vi: Double
        var advies: Double
        var toezicht: [Intensity: Double]
    }
    struct Solver: Decodable {
        var timeLimitSeconds: Double
        var formulation: String
    }
    var period: BandPeriod
    var bands: [RO: Bandwidth]
    var softBandPenalty: Double
    var capacity: [RO: Double]
    var workload: Workload
    var waitingPriority: [CaseKind: Double]
    var continuityBonus: Int
    var staleAfterDays: Int
    var escalationDeadlineDays: Int
    var solver: Solver

    var converted: RunConfiguration {
        RunConfiguration(
            period: period, bands: Dictionary(uniqueKeysWithValues: bands.map { ($0.key.rawValue, $0.value) }),
            softBandPenalty: softBandPenalty, capacity: Dictionary(uniqueKeysWithValues: capacity.map { ($0.key.rawValue, $0.value) }),
            workload: .init(vi: workload.vi, advies: workload.advies,
                            toezicht: Dictionary(uniqueKeysWithValues: workload.toezicht.map { ($0.key.rawValue, $0.value) })),
            waitingPriority: Dictionary(uniqueKeysWithValues: waitingPriority.map { ($0.key.rawValue, $0.value) }),
            continuityBonus: continuityBonus, staleAfterDays: staleAfterDays, escalationDeadlineDays: escalationDeadlineDays,
            solver: .init(timeLimitSeconds: solver.timeLimitSeconds, formulation: solver.formulation))
    }
}
