import Foundation
import GLPK
import InstroomDomain
import YAMLReading

/// Everything the directies and the triagepunt agree on that is not the wegingskader itself:
/// bands, capacities, workload weights, priorities, the model's formulation and GLPK's settings.
public struct AllocationConfig: Codable, Sendable, Equatable {
    public var period: BandPeriod
    public var bands: [RO: Bandwidth]
    /// Objective points lost per workload point outside a soft band.
    public var softBandPenalty: Double
    /// Free workload points per RO per working day.
    public var capacity: [RO: Double]
    public var workload: WorkloadWeights
    /// Who goes first under scarcity (convenant rule 7): a larger number waits last.
    public var waitingPriority: [CaseKind: Double]
    /// Extra fit for the RO the client already has a trajectory with (convenant rule 8).
    public var continuityBonus: Int
    /// Facts older than this many days count as unknown (SOM evaluation: one year).
    public var staleAfterDays: Int
    /// Working days the commissie has to decide an escalation.
    public var escalationDeadlineDays: Int
    /// How the day becomes an integer program (the `solver:` block's `formulation`).
    public var formulation: Formulation
    /// How GLPK solves it (the rest of the `solver:` block).
    public var solver: SolverSettings
    /// Which escalations go to the triage review and which to the begeleidingscommissie.
    public var escalation: EscalationPolicy

    public init(
        period: BandPeriod,
        bands: [RO: Bandwidth],
        softBandPenalty: Double,
        capacity: [RO: Double],
        workload: WorkloadWeights,
        waitingPriority: [CaseKind: Double],
        continuityBonus: Int,
        staleAfterDays: Int,
        escalationDeadlineDays: Int,
        formulation: Formulation = .aggregated,
        solver: SolverSettings = SolverSettings(),
        escalation: EscalationPolicy = .standard
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
        self.formulation = formulation
        self.solver = solver
        self.escalation = escalation
    }

    public func band(_ ro: RO) -> Bandwidth { bands[ro] ?? Bandwidth(min: 0, max: 1, mode: .soft) }
    public func capacity(_ ro: RO) -> Double { capacity[ro] ?? 0 }
    public func priority(_ kind: CaseKind) -> Double { waitingPriority[kind] ?? 1 }
}

extension AllocationConfig {
    static let fields: Set<String> = [
        "period", "bands", "capacity", "workload", "waitingPriority", "continuityBonus",
        "staleAfterDays", "escalationDeadlineDays", "solver",
    ]
    /// Blocks a file may leave out even without a base: they have defaults of their own.
    static let optionalFields: Set<String> = ["commissie", "triage", "queues"]

    /// Reads a configuration; fields the file leaves out keep their value in `base`.
    /// Without a base every field is required.
    public static func parse(_ yaml: YAMLValue, over base: AllocationConfig?) throws -> AllocationConfig {
        let f = try yaml.fields(allowed: fields.union(optionalFields), required: base == nil ? fields : [])
        func pick<T>(_ key: String, _ read: (YAMLValue) throws -> T, _ fallback: KeyPath<AllocationConfig, T>) throws -> T {
            if let v = f[key] { return try read(v) }
            return base![keyPath: fallback]
        }
        let period = try pick("period", { try $0.oneOf(BandPeriod.self) }, \.period)
        var bands = base?.bands ?? [:]
        var penalty = base?.softBandPenalty ?? 10
        if let b = f["bands"] {
            let entries = try b.fields(allowed: Set(["mode", "softPenalty"] + RO.allCases.map(\.rawValue)))
            let mode = try entries["mode"]?.oneOf(BandMode.self)
            if let p = entries["softPenalty"] { penalty = try p.double(in: 0...1_000_000) }
            for ro in RO.allCases {
                if let v = entries[ro.rawValue] {
                    bands[ro] = try parseBand(v, defaultMode: mode ?? base?.bands[ro]?.mode ?? .hard)
                } else if let mode, let old = bands[ro] {
                    bands[ro] = Bandwidth(min: old.min, max: old.max, mode: mode)
                }
            }
            try checkBands(bands, at: b)
        }
        let capacity = try pick("capacity", { v in try v.perRO { try $0.double(in: 0...10_000_000) } }, \.capacity)
        let workload = try pick("workload", parseWorkload, \.workload)
        let priority = try pick(
            "waitingPriority",
            { v in
                var result: [CaseKind: Double] = [:]
                for (key, value) in try v.mapping(allowed: Set(CaseKind.allCases.map(\.rawValue))) {
                    result[CaseKind(rawValue: key)!] = try value.double(in: 1...1000)
                }
                return result
            },
            \.waitingPriority
        )
        let continuity = try pick("continuityBonus", { try $0.int(in: 0...1000) }, \.continuityBonus)
        let stale = try pick("staleAfterDays", { try $0.int(in: 1...100_000) }, \.staleAfterDays)
        let deadline = try pick("escalationDeadlineDays", { try $0.int(in: 1...365) }, \.escalationDeadlineDays)
        var formulation = base?.formulation ?? .aggregated
        var solver = base?.solver ?? SolverSettings()
        if let v = f["solver"] { try parseSolver(v, formulation: &formulation, settings: &solver) }
        return AllocationConfig(
            period: period,
            bands: bands,
            softBandPenalty: penalty,
            capacity: capacity,
            workload: workload,
            waitingPriority: priority,
            continuityBonus: continuity,
            staleAfterDays: stale,
            escalationDeadlineDays: deadline,
            formulation: formulation,
            solver: solver,
            escalation: try EscalationPolicy.parse(
                commissie: f["commissie"],
                triage: f["triage"],
                queues: f["queues"],
                over: base?.escalation ?? .standard
            )
        )
    }

    static let solverFields: Set<String> = [
        "formulation", "timeLimitSeconds", "relativeGap", "presolve", "cuts", "branching", "backtracking",
        "integralObjectiveStop", "verbose",
    ]

    /// The `solver:` block: the model's formulation and GLPK's settings. Every key is optional; a key
    /// the block leaves out keeps its value from the base (or `SolverSettings`' default).
    static func parseSolver(_ v: YAMLValue, formulation: inout Formulation, settings: inout SolverSettings) throws {
        let s = try v.fields(allowed: solverFields)
        if let x = s["formulation"] { formulation = try x.oneOf(Formulation.self) }
        if let x = s["timeLimitSeconds"] { settings.timeLimitSeconds = try x.double(in: SolverSettings.timeLimitRange) }
        if let x = s["relativeGap"] { settings.relativeGap = try x.double(in: 0...1) }
        if let x = s["presolve"] { settings.presolve = try x.bool() }
        if let x = s["cuts"] {
            let c = try x.fields(allowed: ["gomory", "mir", "cover", "clique"])
            if let y = c["gomory"] { settings.cuts.gomory = try y.bool() }
            if let y = c["mir"] { settings.cuts.mir = try y.bool() }
            if let y = c["cover"] { settings.cuts.cover = try y.bool() }
            if let y = c["clique"] { settings.cuts.clique = try y.bool() }
        }
        if let x = s["branching"] { settings.branching = try x.oneOf(SolverSettings.Branching.self) }
        if let x = s["backtracking"] { settings.backtracking = try x.oneOf(SolverSettings.Backtracking.self) }
        if let x = s["integralObjectiveStop"] { settings.integralObjectiveStop = try x.bool() }
        if let x = s["verbose"] { settings.verbose = try x.bool() }
    }

    static func parseBand(_ v: YAMLValue, defaultMode: BandMode) throws -> Bandwidth {
        let f = try v.fields(allowed: ["min", "max", "mode"], required: ["min", "max"])
        let band = Bandwidth(
            min: try f["min"]!.double(in: 0...1),
            max: try f["max"]!.double(in: 0...1),
            mode: try f["mode"]?.oneOf(BandMode.self) ?? defaultMode
        )
        guard band.min <= band.max else {
            throw v.error(
                "min \(band.min) is above max \(band.max)",
                dutch: "minimum \(DutchNumber.decimal(band.min, upTo: 4)) ligt boven maximum \(DutchNumber.decimal(band.max, upTo: 4))"
            )
        }
        return band
    }

    /// Bands that cannot all hold at once are refused before any day is allocated (a configuration, or a
    /// scenario's bands over its base).
    public static func checkBands(_ bands: [RO: Bandwidth], at v: YAMLValue) throws {
        let minSum = RO.allCases.reduce(0) { $0 + (bands[$1]?.min ?? 0) }
        let maxSum = RO.allCases.reduce(0) { $0 + (bands[$1]?.max ?? 1) }
        if minSum > 1 + 1e-9 {
            throw v.error(
                "impossible bandwidths: the minimum shares add up to \(Int((minSum * 100).rounded()))%, more than 100%",
                dutch: "onmogelijke bandbreedtes: de minimumaandelen tellen op tot \(Int((minSum * 100).rounded()))%, meer dan 100%"
            )
        }
        if maxSum < 1 - 1e-9 {
            throw v.error(
                "impossible bandwidths: the maximum shares add up to \(Int((maxSum * 100).rounded()))%, less than 100%",
                dutch: "onmogelijke bandbreedtes: de maximumaandelen tellen op tot \(Int((maxSum * 100).rounded()))%, minder dan 100%"
            )
        }
    }

    static func parseWorkload(_ v: YAMLValue) throws -> WorkloadWeights {
        let f = try v.fields(allowed: ["vi", "advies", "toezicht"], required: ["vi", "advies", "toezicht"])
        var toezicht: [Intensity: Double] = [:]
        let t = f["toezicht"]!
        if (try? t.string()) != nil {
            let w = try t.double(in: WorkloadWeights.allowedRange)
            for i in Intensity.allCases { toezicht[i] = w }
        } else {
            for (key, value) in try t.mapping(allowed: Set(Intensity.allCases.map(\.rawValue))) {
                toezicht[Intensity(rawValue: key)!] = try value.double(in: WorkloadWeights.allowedRange)
            }
            for i in Intensity.allCases where toezicht[i] == nil {
                throw t.error(
                    "missing workload for intensity '\(i.rawValue)'",
                    dutch: "werklast voor intensiteit ‘\(i.rawValue)’ ontbreekt"
                )
            }
        }
        return WorkloadWeights(
            vi: try f["vi"]!.double(in: WorkloadWeights.allowedRange),
            advies: try f["advies"]!.double(in: WorkloadWeights.allowedRange),
            toezicht: toezicht
        )
    }

    public static func load(contentsOf url: URL, over base: AllocationConfig?) throws -> AllocationConfig {
        try parse(try YAMLValue.load(contentsOf: url), over: base)
    }
}
