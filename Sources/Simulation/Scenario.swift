import Allocation
import Foundation
import InstroomDomain
import IntakeGenerator
import Triage
import Wegingskader

/// A bandwidth scenario the directies want to compare: the policy (bands, rules, weights), the
/// capacity over the year, how long cases occupy an RO, and the intake (synthetic or historical).
///
/// **Every number in a scenario is an illustrative parameter**: the sources give no bandwidths,
/// capacities, workload weights, durations or volumes. See `Scenarios/README` in the repository README.
public struct Scenario: Sendable {
    public var name: String
    /// Dutch title shown in the report.
    public var title: String
    public var description: String
    /// The assumptions written out, in Dutch (shown in the report).
    public var assumptions: [String]
    public var seed: UInt64
    public var calendar: Calendar
    /// Bands, workload weights, priorities, continuity bonus, soft-band penalty: the production settings.
    /// Its `capacity` (free points per day) is not used: the simulator derives the day's free capacity
    /// from the caseload model below.
    public var config: AllocationConfig
    /// How the period's bands are fed to each day's model (`allocation.bandPolicy`).
    public var bandPolicy: BandPolicy
    public var rules: RuleSet
    public var capacity: Capacity
    /// Working days a case occupies its workload points at its RO, per kind.
    public var durations: [CaseKind: Int]
    public var intake: Intake

    public struct Calendar: Sendable, Equatable {
        public var start: Day
        /// Working days to simulate (Monday–Friday, holidays excluded). nil with an intake file: until its last day.
        public var workingDays: Int?
        public var holidays: [Day]
    }

    /// Capacity as a caseload: the workload points an RO can carry at once. The day's free capacity is
    /// the week's caseload minus the load of cases still running (and the initial load not yet run down).
    public struct Capacity: Sendable, Equatable {
        public var caseload: [RO: Double]
        /// Load already carried on the first day (work from before the simulation), run down evenly.
        public var initialLoad: [RO: Double]
        public var initialLoadDays: Int
        public var weeks: [WeekFactor]

        /// The caseload in ISO week `week`: the base times every factor whose range holds the week.
        public func caseload(_ ro: RO, week: Int) -> Double {
            var c = caseload[ro] ?? 0
            for w in weeks where (w.from...w.to).contains(week) && (w.ros.isEmpty || w.ros.contains(ro)) { c *= w.factor }
            return c
        }
    }

    /// A multiplier on the caseload for a range of ISO weeks (holidays, a training week, a reorganisation).
    public struct WeekFactor: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var factor: Double
        /// Empty: all ROs.
        public var ros: [RO]
        public var label: String
    }

    public struct Intake: Sendable, Equatable {
        /// Cases per working day before the seasonal factor (synthetic intake only).
        public var perDay: Int
        /// Factor per month, January first (synthetic intake only).
        public var seasonal: [Double]
        public var mix: IntakeMix
        /// A historical intake file (CSV/JSON) replayed instead of synthetic intake.
        public var file: String?
    }
}
