import Allocation
import Foundation
import InstroomDomain
import Triage
import Wegingskader

/// Replays a scenario day by day with the production allocator (`DayPlan.make`: the same scoring,
/// day model, GLPK solve and escalation rules as `instroom allocate`). Carried from day to day:
/// the period's cumulative shares (reset at the start of each band period), the load each RO
/// carries, and the cases left waiting.
///
/// Capacity model: a case occupies its workload points at its RO for `durations[kind]` working days
/// (counting its first day); the day's free capacity is the week's caseload minus the active load
/// minus what is left of the initial load.
///
/// Hard bands that cannot hold on a day (`TriageError.infeasible`) do not stop the replay: the day
/// counts as a hard-band failure and is allocated once more with every band soft, and both are reported.
public enum Simulator {
    public static func run(_ scenario: Scenario, basis: IntakeBasis, keepSeries: Bool = true,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ScenarioResult {
        let config = scenario.config
        var relaxed = config
        for ro in RO.allCases { relaxed.bands[ro] = Bandwidth(min: config.band(ro).min, max: config.band(ro).max, mode: .soft) }
        let ros = RO.allCases
        let n = basis.days.count
        let maxDuration = scenario.durations.values.max() ?? 1
        // releases[(day * 3) + r]: points that come free at the start of working day `day`.
        var releases = Array(repeating: 0.0, count: (n + maxDuration + 1) * 3)
        var load = [0.0, 0.0, 0.0]
        var prior = PeriodShares()
        var periodStart: Day?
        var waiting: [IntakeCase] = []
        var everWaited = Set<String>()
        let dayIndex = Dictionary(basis.days.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })

        var acc = Accumulator(scenario: scenario)
        var series: [DayRecord] = []
        if keepSeries { series.reserveCapacity(n) }

        for i in 0..<n {
            let day = basis.days[i]
            let start = config.period.start(of: day)
            if start != periodStart {
                periodStart = start
                prior = PeriodShares()
            }
            for r in 0..<3 { load[r] = max(0, load[r] - releases[i * 3 + r]) }
            let week = day.isoWeek
            let initialLeft = max(0, 1 - Double(i) / Double(max(1, scenario.capacity.initialLoadDays)))
            var caseload = [0.0, 0.0, 0.0]
            var free: [RO: Double] = [:]
            for (r, ro) in ros.enumerated() {
                caseload[r] = scenario.capacity.caseload(ro, week: week)
                let busy = load[r] + (scenario.capacity.initialLoad[ro] ?? 0) * initialLeft
                free[ro] = max(0, caseload[r] - busy)
            }

            let today = basis.cases(at: i)
            let pool = waiting + today
            var failure: String?
            let plan: DayPlan
            do {
                plan = try DayPlan.make(cases: pool, day: day, rules: scenario.rules, config: config, prior: prior, capacityLeft: free)
            } catch TriageError.infeasible(_, let explanation) {
                failure = explanation
                plan = try DayPlan.make(cases: pool, day: day, rules: scenario.rules, config: relaxed, prior: prior, capacityLeft: free)
            }
            let outcome = plan.outcome
            prior = outcome.sharesAfter
            // The solver stopped at its time limit with an incumbent that is not proven optimal: such a
            // day depends on machine speed, so it is counted (and breaks byte-identity across machines).
            if outcome.status != .optimal { acc.solverTimeLimitDays.append(day) }

            var assignedToday = 0
            var escalatedToday = 0
            var nextWaiting: [IntakeCase] = []
            for s in plan.scored {
                let id = s.intake.id
                guard let ro = outcome.assignments[id] else {
                    nextWaiting.append(s.intake)
                    if everWaited.insert(id).inserted { acc.escalation(.noCapacity, month: day) ; escalatedToday += 1 }
                    continue
                }
                assignedToday += 1
                let r = ros.firstIndex(of: ro)!
                load[r] += s.weight
                releases[(i + (scenario.durations[s.intake.kind] ?? 1)) * 3 + r] += s.weight
                let reasons = plan.escalations[id] ?? []
                if !reasons.isEmpty { escalatedToday += 1 }
                acc.assigned(s, to: ro, reasons: reasons, day: day, waitedDays: i - (dayIndex[s.intake.received] ?? i),
                             continuityBonus: config.continuityBonus)
            }
            waiting = nextWaiting

            var slack = 0.0
            for ro in ros {
                let points = (outcome.belowBand[ro] ?? 0) + (outcome.aboveBand[ro] ?? 0)
                acc.slack[ro, default: 0] += points
                slack += points
            }
            if slack > 1e-9 { acc.daysWithSlack += 1 }
            if let failure { acc.hardBandFailures.append(.init(day: day, explanation: failure)) }
            if !waiting.isEmpty { acc.daysWithWaiting += 1 }
            acc.maxWaiting = max(acc.maxWaiting, waiting.count)
            acc.caseDaysWaiting += waiting.count
            acc.intake += today.count

            var utilisation: [String: Double] = [:]
            for (r, ro) in ros.enumerated() {
                let busy = load[r] + (scenario.capacity.initialLoad[ro] ?? 0) * initialLeft
                let u = caseload[r] > 0 ? busy / caseload[r] : 0
                utilisation[ro.rawValue] = Format.round(u, 4)
                acc.utilisationSum[ro, default: 0] += u
                acc.utilisationPeak[ro] = max(acc.utilisationPeak[ro] ?? 0, u)
            }
            if keepSeries {
                series.append(DayRecord(
                    day: day, intake: today.count, assigned: assignedToday, waiting: waiting.count, escalated: escalatedToday,
                    share: Dictionary(uniqueKeysWithValues: ros.map { ($0.rawValue, Format.round(prior.share($0), 5)) }),
                    utilisation: utilisation, slack: Format.round(slack, 3), hardBandFailure: failure == nil ? nil : true))
            }
            progress?(i + 1, n)
        }
        return acc.result(days: keepSeries ? series : nil, workingDays: n, waitingAtEnd: waiting.count, shares: prior, basis: basis.source)
    }
}

// MARK: - Results

/// Everything the report and the JSON show about one scenario. No timings or run dates: the same
/// scenario and seed give byte-identical JSON.
public struct ScenarioResult: Codable, Sendable, Equatable {
    public var scenario: ScenarioSummary
    public var intake: IntakeBasis.Source
    public var totals: Totals
    public var months: [MonthRecord]
    /// One record per working day (left out in sweeps).
    public var days: [DayRecord]?
}

public struct ScenarioSummary: Codable, Sendable, Equatable {
    public var name: String
    public var title: String
    public var description: String
    public var assumptions: [String]
    public var seed: UInt64
    public var period: String
    public var bands: [String: BandSummary]
    public var softBandPenalty: Double
    public var caseload: [String: Double]
    public var durations: [String: Int]
    public var workload: [String: Double]
    public var rules: String
    public var totalBandWidth: Double

    public struct BandSummary: Codable, Sendable, Equatable {
        public var min: Double
        public var max: Double
        public var mode: String
    }

    init(_ s: Scenario) {
        name = s.name
        title = s.title
        description = s.description
        assumptions = s.assumptions
        seed = s.seed
        period = s.config.period.rawValue
        bands = Dictionary(uniqueKeysWithValues: RO.allCases.map { ro in
            let b = s.config.band(ro)
            return (ro.rawValue, BandSummary(min: Format.round(b.min), max: Format.round(b.max), mode: b.mode.rawValue))
        })
        softBandPenalty = s.config.softBandPenalty
        caseload = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, s.capacity.caseload[$0] ?? 0) })
        durations = Dictionary(uniqueKeysWithValues: CaseKind.allCases.map { ($0.rawValue, s.durations[$0] ?? 0) })
        var w: [String: Double] = ["vi": s.config.workload.vi, "advies": s.config.workload.advies]
        for i in Intensity.allCases { w["toezicht_\(i.rawValue)"] = s.config.workload.toezicht[i] ?? 0 }
        workload = w
        rules = "\(s.rules.version) (\(s.rules.shortHash))"
        totalBandWidth = Format.round(s.totalBandWidth)
    }
}

public struct Totals: Codable, Sendable, Equatable {
    public var workingDays: Int
    public var intake: Int
    public var assigned: Int
    public var waitingAtEnd: Int
    /// Assigned to an RO whose wegingskader score equals the best score (ties count as best fit).
    public var atBestFit: Int
    public var atBestFitShare: Double
    /// Fit (with continuity) of the assignments, and what the best allowed RO would have given.
    public var fitAssigned: Int
    public var fitBest: Int
    /// Fit lost because a band forced a worse RO (total and per RO that fitted better).
    public var fitLostToBands: Int
    public var fitLostToBandsPerRO: [String: Int]
    public var fitLostToCapacity: Int
    public var fitLostToCapacityPerRO: [String: Int]
    /// Cases per fit-loss bucket ("0", "1-2", "3-5", "6-10", ">10" points).
    public var fitLossHistogram: [String: Int]
    public var assignedPerRO: [String: Int]
    public var finalShare: [String: Double]
    public var escalations: [String: Int]
    public var escalatedCases: Int
    public var daysWithWaiting: Int
    public var maxWaiting: Int
    public var caseDaysWaiting: Int
    public var averageWaitDays: Double
    /// Soft-band slack used, workload points summed over the days.
    public var softSlack: [String: Double]
    public var daysWithSlack: Int
    public var averageUtilisation: [String: Double]
    public var peakUtilisation: [String: Double]
    public var hardBandFailureDays: Int
    public var hardBandFailures: [HardBandFailure]
    /// Days on which GLPK stopped at `solver.timeLimitSeconds` without proving optimality.
    public var solverTimeLimitDays: [Day]

    public struct HardBandFailure: Codable, Sendable, Equatable {
        public var day: Day
        public var explanation: String
    }

    public static let histogramBuckets = ["0", "1-2", "3-5", "6-10", ">10"]
}

public struct MonthRecord: Codable, Sendable, Equatable {
    /// "2026-03".
    public var month: String
    public var assigned: Int
    public var atBestFit: Int
    public var fitLostToBands: Int
    public var escalations: [String: Int]
}

public struct DayRecord: Codable, Sendable, Equatable {
    public var day: Day
    public var intake: Int
    public var assigned: Int
    public var waiting: Int
    public var escalated: Int
    /// Cumulative share of the period after the day, per RO.
    public var share: [String: Double]
    /// Active load as a share of the week's caseload, per RO.
    public var utilisation: [String: Double]
    public var slack: Double
    public var hardBandFailure: Bool?
}

/// Running totals of a replay.
struct Accumulator {
    let summary: ScenarioSummary
    var intake = 0
    var assigned = 0
    var atBestFit = 0
    var fitAssigned = 0
    var fitBest = 0
    var lostBands: [RO: Int] = [:]
    var lostCapacity: [RO: Int] = [:]
    var histogram: [String: Int] = [:]
    var perRO: [RO: Int] = [:]
    var escalations: [EscalationCode: Int] = [:]
    var escalatedCases = 0
    var daysWithWaiting = 0
    var maxWaiting = 0
    var caseDaysWaiting = 0
    var waitDaysOfAssigned = 0
    var slack: [RO: Double] = [:]
    var daysWithSlack = 0
    var utilisationSum: [RO: Double] = [:]
    var utilisationPeak: [RO: Double] = [:]
    var hardBandFailures: [Totals.HardBandFailure] = []
    var solverTimeLimitDays: [Day] = []
    var months: [MonthRecord] = []

    init(scenario: Scenario) { summary = ScenarioSummary(scenario) }

    mutating func month(_ day: Day) -> Int {
        let key = String(day.description.prefix(7))
        if months.last?.month != key { months.append(MonthRecord(month: key, assigned: 0, atBestFit: 0, fitLostToBands: 0, escalations: [:])) }
        return months.count - 1
    }

    mutating func escalation(_ code: EscalationCode, month day: Day) {
        escalations[code, default: 0] += 1
        months[month(day)].escalations[code.rawValue, default: 0] += 1
    }

    mutating func assigned(_ s: ScoredCase, to ro: RO, reasons: [EscalationReason], day: Day, waitedDays: Int, continuityBonus: Int) {
        let m = month(day)
        assigned += 1
        perRO[ro, default: 0] += 1
        months[m].assigned += 1
        waitDaysOfAssigned += max(0, waitedDays)
        let score = s.score
        if score.score(ro) >= score.score(score.bestFit) {
            atBestFit += 1
            months[m].atBestFit += 1
        }
        let candidate = s.candidate
        let got = candidate.profit(ro, continuityBonus: continuityBonus) ?? 0
        // The best allowed RO by fit with continuity, ties to the RO order (as the escalation rules do).
        var best = ro
        var bestProfit = got
        for other in RO.allCases {
            if let p = candidate.profit(other, continuityBonus: continuityBonus), p > bestProfit { best = other; bestProfit = p }
        }
        fitAssigned += got
        fitBest += bestProfit
        let lost = bestProfit - got
        let bucket = switch lost {
        case ...0: "0"
        case 1...2: "1-2"
        case 3...5: "3-5"
        case 6...10: "6-10"
        default: ">10"
        }
        histogram[bucket, default: 0] += 1
        if lost > 0 {
            if reasons.contains(where: { $0.code == .forcedByCapacity }) {
                lostCapacity[best, default: 0] += lost
            } else {
                lostBands[best, default: 0] += lost
                months[m].fitLostToBands += lost
            }
        }
        if !reasons.isEmpty { escalatedCases += 1 }
        for r in reasons { escalation(r.code, month: day) }
    }

    func result(days: [DayRecord]?, workingDays: Int, waitingAtEnd: Int, shares: PeriodShares, basis: IntakeBasis.Source) -> ScenarioResult {
        func byRO<T>(_ d: [RO: T], _ zero: T) -> [String: T] { Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, d[$0] ?? zero) }) }
        var hist: [String: Int] = [:]
        for b in Totals.histogramBuckets { hist[b] = histogram[b] ?? 0 }
        let totals = Totals(
            workingDays: workingDays, intake: intake, assigned: assigned, waitingAtEnd: waitingAtEnd,
            atBestFit: atBestFit, atBestFitShare: Format.round(assigned > 0 ? Double(atBestFit) / Double(assigned) : 0),
            fitAssigned: fitAssigned, fitBest: fitBest,
            fitLostToBands: lostBands.values.reduce(0, +), fitLostToBandsPerRO: byRO(lostBands, 0),
            fitLostToCapacity: lostCapacity.values.reduce(0, +), fitLostToCapacityPerRO: byRO(lostCapacity, 0),
            fitLossHistogram: hist, assignedPerRO: byRO(perRO, 0),
            finalShare: Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, Format.round(shares.share($0))) }),
            escalations: Dictionary(uniqueKeysWithValues: EscalationCode.allCases.map { ($0.rawValue, escalations[$0] ?? 0) }),
            escalatedCases: escalatedCases, daysWithWaiting: daysWithWaiting, maxWaiting: maxWaiting, caseDaysWaiting: caseDaysWaiting,
            averageWaitDays: Format.round(assigned > 0 ? Double(waitDaysOfAssigned) / Double(assigned) : 0, 4),
            softSlack: byRO(slack.mapValues { Format.round($0, 3) }, 0), daysWithSlack: daysWithSlack,
            averageUtilisation: byRO(utilisationSum.mapValues { Format.round($0 / Double(max(1, workingDays)), 4) }, 0),
            peakUtilisation: byRO(utilisationPeak.mapValues { Format.round($0, 4) }, 0),
            hardBandFailureDays: hardBandFailures.count, hardBandFailures: Array(hardBandFailures.prefix(20)),
            solverTimeLimitDays: solverTimeLimitDays)
        return ScenarioResult(scenario: summary, intake: basis, totals: totals, months: months, days: days)
    }
}
