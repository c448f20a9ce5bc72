import Allocation
import GLPK
import InstroomDomain
import Ledger

extension RunConfiguration {
    /// The snapshot of the settings a run is recorded with.
    init(_ config: AllocationConfig) {
        func coded<K: RawRepresentable<String>, V>(_ map: [K: V]) -> [String: V] {
            Dictionary(uniqueKeysWithValues: map.map { ($0.key.rawValue, $0.value) })
        }
        self.init(
            period: config.period,
            bands: coded(config.bands),
            softBandPenalty: config.softBandPenalty,
            capacity: coded(config.capacity),
            workload: .init(vi: config.workload.vi, advies: config.workload.advies, toezicht: coded(config.workload.toezicht)),
            waitingPriority: coded(config.waitingPriority),
            continuityBonus: config.continuityBonus,
            staleAfterDays: config.staleAfterDays,
            escalationDeadlineDays: config.escalationDeadlineDays,
            solver: .init(timeLimitSeconds: config.solver.timeLimitSeconds, formulation: config.formulation.rawValue)
        )
    }
}
