import InstroomDomain

/// The settings a run was made with: the `run.config` column.
///
/// Owned by the ledger (not `AllocationConfig`) so that a new solver option does not silently change
/// the audit format. Maps are keyed by code (`SVG`, `advies`, `hoog`) so the stored JSON reads as
/// objects; ledgers up to v2 stored `AllocationConfig` itself, whose maps encode as key-value arrays,
/// and migration v3 rewrites them.
public struct RunConfiguration: Codable, Sendable, Equatable {
    public struct Workload: Codable, Sendable, Equatable {
        public var vi: Double
        public var advies: Double
        /// Per supervision intensity code.
        public var toezicht: [String: Double]
        public init(vi: Double, advies: Double, toezicht: [String: Double]) {
            self.vi = vi
            self.advies = advies
            self.toezicht = toezicht
        }
    }

    public struct Solver: Codable, Sendable, Equatable {
        public var timeLimitSeconds: Double
        /// `aggregated` or `perCase`.
        public var formulation: String
        public init(timeLimitSeconds: Double, formulation: String) {
            self.timeLimitSeconds = timeLimitSeconds
            self.formulation = formulation
        }
    }

    public var period: BandPeriod
    /// Per RO code.
    public var bands: [String: Bandwidth]
    public var softBandPenalty: Double
    /// Workload points per working day, per RO code.
    public var capacity: [String: Double]
    public var workload: Workload
    /// Per case kind code.
    public var waitingPriority: [String: Double]
    public var continuityBonus: Int
    public var staleAfterDays: Int
    public var escalationDeadlineDays: Int
    public var solver: Solver

    public init(
        period: BandPeriod,
        bands: [String: Bandwidth],
        softBandPenalty: Double,
        capacity: [String: Double],
        workload: Workload,
        waitingPriority: [String: Double],
        continuityBonus: Int,
        staleAfterDays: Int,
        escalationDeadlineDays: Int,
        solver: Solver
    ) {
        self.period = period
        self.bands = bands
        self.softBandPenalty = softBandPenalty
        self.capacity = capacity
        self.workload = workload
        self.waitingPriority = waitingPriority
        self.continuityBonus = continuityBonus
        self.staleAfterDays = staleAfterDays
        self.escalationDeadlineDays = escalationDeadlineDays
        self.solver = solver
    }
}
