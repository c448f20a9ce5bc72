import Foundation
import GLPK
import InstroomDomain

/// A case as the allocator sees it: scored by the wegingskader, weighed in workload points.
public struct CandidateCase: Sendable, Equatable {
    public var id: String
    public var kind: CaseKind
    public var weight: Double
    /// Fit per RO from the wegingskader (integers, so the objective is integral).
    public var fit: [RO: Int]
    /// ROs that may take the case after routes and exclusions.
    public var allowed: [RO]
    public var relation: RO?
    public var received: Day
    public var deadline: Day?

    public init(id: String, kind: CaseKind, weight: Double, fit: [RO: Int], allowed: [RO], relation: RO? = nil, received: Day, deadline: Day? = nil) {
        self.id = id
        self.kind = kind
        self.weight = weight
        self.fit = fit
        self.allowed = allowed
        self.relation = relation
        self.received = received
        self.deadline = deadline
    }

    /// Fit plus the continuity bonus at the RO the client already knows: what the model maximises.
    public func profit(_ ro: RO, continuityBonus: Int) -> Int? {
        guard allowed.contains(ro) else { return nil }
        return (fit[ro] ?? 0) + (relation == ro ? continuityBonus : 0)
    }

    /// Who is assigned first within a group of identical cases: earliest deadline, then oldest, then id.
    static func urgency(_ a: CandidateCase, _ b: CandidateCase) -> Bool {
        switch (a.deadline, b.deadline) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        if a.received != b.received { return a.received < b.received }
        return a.id < b.id
    }
}

/// Weighted intake of the period: what each RO was given (fixed: geen werk retour), and what came in
/// but still waits for room. A band is a share of the whole intake, so waiting work counts in the base.
public struct PeriodShares: Sendable, Equatable, Codable {
    public var weight: [RO: Double]
    /// Weighted intake of the period that waits for capacity.
    public var waiting: Double

    public init(weight: [RO: Double] = [:], waiting: Double = 0) {
        self.weight = weight
        self.waiting = waiting
    }

    /// Weight given to the ROs.
    public var total: Double { RO.allCases.reduce(0) { $0 + (weight[$1] ?? 0) } }

    /// The share base: everything that came in, distributed or waiting.
    public var intake: Double { total + waiting }

    public func share(_ ro: RO) -> Double {
        let t = intake
        return t > 0 ? (weight[ro] ?? 0) / t : 0
    }

    public func adding(_ ro: RO, _ w: Double) -> PeriodShares {
        var copy = self
        copy.weight[ro, default: 0] += w
        return copy
    }
}

/// One day's allocation problem: the cases to place, what the period already holds, what capacity is left.
public struct DayProblem: Sendable {
    public var day: Day
    public var cases: [CandidateCase]
    public var prior: PeriodShares
    public var capacityLeft: [RO: Double]
    public var config: AllocationConfig

    public init(day: Day, cases: [CandidateCase], prior: PeriodShares, capacityLeft: [RO: Double], config: AllocationConfig) {
        self.day = day
        self.cases = cases
        self.prior = prior
        self.capacityLeft = capacityLeft
        self.config = config
    }
}

/// The outcome of one day's solve, per case, with what the solver proved.
public struct DayOutcome: Sendable {
    public var status: SolveStatus
    public var message: String
    public var assignments: [String: RO]
    /// Cases that wait: no RO had room for them (or, with hard bands, a band forbade it).
    public var waiting: [String]
    /// Waiting cases for which some allowed RO had capacity left: only hard bands can cause this.
    public var blockedByBands: [String]
    /// Model objective: fit + continuity - waiting penalties - soft band penalties.
    public var objective: Double?
    /// Fit (with continuity) of today's assignments alone.
    public var fit: Int
    public var sharesAfter: PeriodShares
    public var capacityUsed: [RO: Double]
    /// Soft-band slack used, in workload points.
    public var belowBand: [RO: Double]
    public var aboveBand: [RO: Double]
    public var solver: SolveResult?
    public var classes: Int
    public var columns: Int
    public var rows: Int
}

/// Turns a day into the assignment model and back.
public struct DayModel: Sendable {
    public let problem: DayProblem
    public let formulation: SolverSettings.Formulation
    /// Cases grouped into classes; each inner array is in urgency order.
    public let groups: [[CandidateCase]]
    public let model: AssignmentModel

    public init(_ problem: DayProblem, formulation: SolverSettings.Formulation? = nil) {
        self.problem = problem
        let formulation = formulation ?? problem.config.solver.formulation
        self.formulation = formulation
        let config = problem.config
        let ordered = problem.cases.sorted(by: CandidateCase.urgency)

        // Penalty for waiting: larger than anything the rest of the objective could gain by leaving
        // the case on the shelf (niets op de plank), scaled by the kind's priority (rule 7).
        let profits = ordered.flatMap { c in RO.allCases.compactMap { c.profit($0, continuityBonus: config.continuityBonus) } }
        let spread = Double((profits.max() ?? 0) - min(0, profits.min() ?? 0))
        let lightest = ordered.map(\.weight).filter { $0 > 0 }.min() ?? 1
        let softPenalty = RO.allCases.contains { config.band($0).mode == .soft } ? config.softBandPenalty : 0
        func waitPenalty(_ c: CandidateCase) -> Double {
            (config.priority(c.kind) * ((c.weight / lightest) * (spread + 1) + 4 * softPenalty * c.weight + 1)).rounded(.up)
        }

        struct Key: Hashable { var profit: [Int?]; var weight: Double; var penalty: Double }
        var groups: [[CandidateCase]] = []
        var index: [Key: Int] = [:]
        for c in ordered {
            if formulation == .perCase {
                groups.append([c])
                continue
            }
            let key = Key(profit: RO.allCases.map { c.profit($0, continuityBonus: config.continuityBonus) }, weight: c.weight, penalty: waitPenalty(c))
            if let i = index[key] { groups[i].append(c) } else {
                index[key] = groups.count
                groups.append([c])
            }
        }
        self.groups = groups

        let prefix = formulation == .perCase ? "c" : "k"
        let classes = groups.enumerated().map { i, g in
            let c = g[0]
            return AssignmentModel.JobClass(
                name: "\(prefix)\(i + 1)", count: g.count,
                profit: RO.allCases.map { c.profit($0, continuityBonus: config.continuityBonus).map(Double.init) },
                resource: RO.allCases.map { _ in c.weight }, shareWeight: c.weight, waitPenalty: waitPenalty(c)
            )
        }
        let bands = RO.allCases.map { ro -> AssignmentModel.Band? in
            let b = config.band(ro)
            return AssignmentModel.Band(min: b.min, max: b.max, softPenalty: b.mode == .soft ? config.softBandPenalty : nil)
        }
        model = AssignmentModel(
            name: "instroom_\(problem.day.description.replacingOccurrences(of: "-", with: ""))",
            sense: .maximise, agents: RO.allCases.map(\.rawValue),
            capacity: RO.allCases.map { max(0, problem.capacityLeft[$0] ?? 0) },
            classes: classes, bands: bands, priorShareWeight: RO.allCases.map { problem.prior.weight[$0] ?? 0 }
        )
    }

    public func solve(options: SolverOptions) throws -> DayOutcome {
        let built = try model.build()
        let solution = try model.solve(options: options)
        var outcome = DayOutcome(
            status: solution.result.status, message: solution.result.message, assignments: [:], waiting: [], blockedByBands: [],
            objective: solution.result.objective, fit: 0, sharesAfter: PeriodShares(weight: problem.prior.weight), capacityUsed: [:],
            belowBand: [:], aboveBand: [:], solver: solution.result,
            classes: groups.count, columns: built.model.columns.count, rows: built.model.rows.count
        )
        guard solution.result.hasSolution else { return outcome }
        let bonus = problem.config.continuityBonus
        for (k, group) in groups.enumerated() {
            var next = 0
            for (r, ro) in RO.allCases.enumerated() {
                for _ in 0..<solution.assigned[k][r] {
                    let c = group[next]
                    next += 1
                    outcome.assignments[c.id] = ro
                    outcome.fit += c.profit(ro, continuityBonus: bonus) ?? 0
                    outcome.capacityUsed[ro, default: 0] += c.weight
                    outcome.sharesAfter = outcome.sharesAfter.adding(ro, c.weight)
                }
            }
            outcome.waiting += group[next...].map(\.id)
            outcome.sharesAfter.waiting += group[next...].reduce(0) { $0 + $1.weight }
        }
        for (r, ro) in RO.allCases.enumerated() {
            if solution.below[r] > 1e-9 { outcome.belowBand[ro] = solution.below[r] }
            if solution.above[r] > 1e-9 { outcome.aboveBand[ro] = solution.above[r] }
        }
        let byId = Dictionary(uniqueKeysWithValues: problem.cases.map { ($0.id, $0) })
        outcome.blockedByBands = outcome.waiting.filter { id in
            let c = byId[id]!
            return c.allowed.contains { ro in (problem.capacityLeft[ro] ?? 0) - (outcome.capacityUsed[ro] ?? 0) >= c.weight - 1e-9 }
        }
        return outcome
    }

    public func write(to path: String, format: ModelFileFormat) throws {
        try GLPKSolver.write(try model.build().model, to: path, format: format)
    }
}
