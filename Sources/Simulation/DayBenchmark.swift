import Allocation
import Foundation
import InstroomDomain
import IntakeFormats
import IntakeGenerator
import Ledger
import Triage
import Wegingskader

/// One day end to end, as the triagepunt runs it: read the intake file, score, build, solve, record
/// into an existing, empty ledger. Repeated runs report the median; peak memory is the process's.
public struct DayBenchmark: Sendable {
    public struct Result: Codable, Sendable {
        public var cases: Int
        public var repeats: Int
        public var formulation: String
        /// Median wall time of read + score + build + solve + record.
        public var totalSeconds: Double
        public var readSeconds: Double
        public var solverSeconds: Double
        public var status: String
        public var objective: Double?
        public var gap: Double?
        public var nodes: Int
        public var classes: Int
        public var columns: Int
        public var rows: Int
        public var peakMemoryMiB: Double
    }

    public var cases: Int
    public var seed: UInt64
    public var day: Day
    public var repeats: Int
    public var rules: RuleSet
    public var config: AllocationConfig

    public init(cases: Int, seed: UInt64, day: Day, repeats: Int, rules: RuleSet, config: AllocationConfig) {
        self.cases = cases
        self.seed = seed
        self.day = day
        self.repeats = repeats
        self.rules = rules
        self.config = config
    }

    /// Capacities scale with the day's size so that a benchmark day neither runs dry nor is trivially loose.
    public static func scaledConfig(_ base: AllocationConfig, cases: Int) -> AllocationConfig {
        var config = base
        let factor = Double(cases) / 300
        for ro in RO.allCases { config.capacity[ro] = (base.capacity[ro] ?? 0) * factor }
        return config
    }

    public func run(in folder: URL) throws -> Result {
        let intakeURL = folder.appendingPathComponent("bench-\(cases).csv")
        try IntakeWriter.csvData(SyntheticIntake(seed: seed).day(day, count: cases)).write(to: intakeURL)
        var totals: [Double] = []
        var reads: [Double] = []
        var solves: [Double] = []
        var last: AllocationReport?
        for i in 0..<max(1, repeats) {
            let ledgerPath = folder.appendingPathComponent("bench-\(cases)-\(i).sqlite").path
            try? FileManager.default.removeItem(atPath: ledgerPath)
            // The ledger exists before the day starts, as at the triagepunt: creating the file and its
            // schema is not part of a day's work (it happens once per ledger).
            let run = DailyRun(ledger: try Ledger(path: ledgerPath), rules: rules, config: config, actor: "benchmark")
            let ((report, read), total) = try Measurement.seconds {
                let (intake, read) = try Measurement.seconds { try IntakeReader.read(contentsOf: intakeURL) }
                return (try run.allocate(intake: intake, day: day), read)
            }
            totals.append(total)
            reads.append(read)
            solves.append(report.solver?.seconds ?? 0)
            last = report
        }
        let r = last!
        return Result(
            cases: cases,
            repeats: max(1, repeats),
            formulation: config.formulation.rawValue,
            totalSeconds: Measurement.median(totals),
            readSeconds: Measurement.median(reads),
            solverSeconds: Measurement.median(solves),
            status: r.status,
            objective: r.objective,
            gap: r.solver?.gap,
            nodes: r.solver?.nodes ?? 0,
            classes: r.solver?.classes ?? 0,
            columns: r.solver?.columns ?? 0,
            rows: r.solver?.rows ?? 0,
            peakMemoryMiB: Measurement.peakMemoryMiB()
        )
    }
}
