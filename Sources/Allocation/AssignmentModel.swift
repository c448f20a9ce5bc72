import Dispatch
import GLPK

/// The integer program at the heart of instroom: a generalised assignment problem with waiting,
/// bandwidths on cumulative shares, and classes of identical jobs.
///
/// Formulation (every name below is the name GLPK's rows and columns carry in an exported LP file):
///
///     Sets        K  job classes (one case, or several cases with identical scores and weight)
///                 R  agents (the ROs; in a GAP instance, its agents)
///     Parameters  n[k]     number of jobs in class k
///                 p[k,r]   profit of one job of k at r (fit + continuity bonus); absent = not allowed
///                 a[k,r]   resource one job of k uses at r (workload points)
///                 C[r]     capacity of r (free workload points today)
///                 w[k]     weight of one job of k in the shares (workload points)
///                 W0[r]    weighted intake already assigned to r earlier in the period (fixed)
///                 D        weighted intake of the period: W0 (all earlier assignments) plus
///                          sum_k n[k] w[k] (today's cases, whether they are assigned or wait)
///                 lo[r], hi[r]  band on r's share; soft bands cost rho per point outside
///                 pi[k]    penalty for one job of k left waiting (absent = must be assigned)
///     Variables   assign(k,r)  in {0..n[k]}   jobs of k given to r (binary when n[k] = 1)
///                 wait(k)      in {0..n[k]}   jobs of k that wait for capacity
///                 below(r), above(r) in {0, 1, ..}  soft-band slack in whole workload points
///                              (whole points keep the objective integral, so a bound that rounds to
///                              the incumbent proves optimality; glpsol proves such days far sooner)
///     maximise    fit: sum p[k,r] assign(k,r) - sum pi[k] wait(k) - rho sum (below(r) + above(r))
///     subject to  once(k):       sum_r assign(k,r) + wait(k) = n[k]
///                 capacity(r):   sum_k a[k,r] assign(k,r) <= C[r]   (rounded down when every a[k,r] is whole)
///                 band_min(r):   W0[r] + sum_k w[k] assign(k,r) + below(r) >= lo[r] D
///                 band_max(r):   W0[r] + sum_k w[k] assign(k,r) - above(r) <= hi[r] D
///                 (with whole weights both sides are whole points, so lo[r] D rounds up, hi[r] D down;
///                 a row that cannot bind today gets its bound at its edge: 0 for a floor met already, the
///                 weight of every case r may take for a ceiling out of reach)
///
/// Waiting penalty (a triage day; `DayModel.waitPenalty`, convenant rules 7 and "niets op de plank"):
///
///     pi[k] = ceil( (prio[k] * M + age[k]) * ( (w[k] / lightest) * (spread + 1) + 4 rho' w[k] + 1 ) )
///
///     prio[k]   waitingPriority of the class's kind, >= 1
///     age[k]    days the class's cases have waited (received to today), capped at M - 1 (M = 64); cases of
///               different ages are different classes
///     M         DayModel.agePriorityScale
///     spread    max(0, max p) - min(0, min p) over every allowed (case, RO) of the day, so -p[k,r] <= spread
///     lightest  the smallest positive w of the day, so w[k] / lightest >= 1
///     rho'      softPenalty: rho when some band is soft, else 0; a[k,r] = w[k] (the resource is the weight)
///
/// Claim: in an optimum a job waits only if no RO allowed for it has room (C[r] - sum_k a[k,r] assign(k,r)
/// < w[k]), or a hard band_max(r) forbids it (DayOutcome.blockedByBands, refused by DayPlan).
/// Proof: take a solution with wait(k) >= 1 and an allowed r with room for w[k]; move one job:
/// wait(k) -= 1, assign(k,r) += 1. once(k) still holds, capacity(r) holds by the room. D does not
/// change (waiting jobs are already in D), so no band row of another RO moves; band_min(r) only gains;
/// band_max(r) holds with above(r) grown by at most w[k] (whole points). The objective changes by
///
///     delta = p[k,r] + pi[k] - rho' * (growth of above(r))
///          >= -spread + prio[k] ((w[k]/lightest)(spread + 1) + 4 rho' w[k] + 1) - rho' w[k]
///          >= -spread + (spread + 1) + 4 rho' w[k] + 1 - rho' w[k]  >  0,
///
/// so that solution was not optimal. The move needs only pi[k] > spread + rho' w[k]; the rest is margin:
/// - prio[k] orders the kinds under scarcity: for two jobs of equal weight at the same RO whose
///   priorities differ by >= 1, pi differs by >= (w/lightest)(spread + 1) + 4 rho' w > spread >= any fit
///   difference, so the higher priority is placed first (a swap changes no capacity or band row).
///   Between jobs of unequal weight it is a weighting, not a guarantee. An age below M never bridges a
///   priority step: (prio M + age) differs by at least 1 between priorities that differ by >= 1.
/// - age[k] orders the waiting within a kind: for two jobs of one kind and equal weight, one waiting
///   longer, pi differs by >= (w/lightest)(spread + 1) + 4 rho' w + 1 > spread + 4 rho' w, so placing the
///   younger while the older waits is never optimal (swap them: same capacity, same band rows).
/// - (w[k]/lightest) makes the penalty per workload point at least (spread + 1)/lightest, so capacity is
///   not spent on light cases for their fit while a heavier one waits.
/// - 4 rho' w[k] bounds the band cost of any exchange moving w[k] points: at most the four slack columns
///   below(r), above(r), below(r'), above(r') of the two ROs involved, each by w[k]. With fractional
///   weights above(r) may have to grow by ceil(w[k]) instead of w[k]; the proof then needs
///   3 rho' w[k] + 2 >= rho' (as ceil(w[k]) < w[k] + 1), which can fail only for weights below 1/3 point.
///
/// A minimisation problem (GAP costs) is the same model with `sense = .minimise` and no waiting or bands.
public struct AssignmentModel: Sendable {
    public struct JobClass: Sendable, Equatable {
        /// Short name used in row and column names (`k17`, `c17`, `j17`).
        public var name: String
        public var count: Int
        /// Profit (or cost) per agent; nil where the agent may not take the job.
        public var profit: [Double?]
        /// Resource use per agent.
        public var resource: [Double]
        /// Weight in the share constraints.
        public var shareWeight: Double
        /// Penalty per job left waiting; nil means the job must be assigned.
        public var waitPenalty: Double?

        public init(
            name: String,
            count: Int = 1,
            profit: [Double?],
            resource: [Double],
            shareWeight: Double = 0,
            waitPenalty: Double? = nil
        ) {
            self.name = name
            self.count = count
            self.profit = profit
            self.resource = resource
            self.shareWeight = shareWeight
            self.waitPenalty = waitPenalty
        }
    }

    public struct Band: Sendable, Equatable {
        public var min: Double
        public var max: Double
        /// nil for a hard band; the objective cost per point of slack for a soft one.
        public var softPenalty: Double?
        public init(min: Double, max: Double, softPenalty: Double?) {
            self.min = min
            self.max = max
            self.softPenalty = softPenalty
        }
    }

    public var name: String
    public var sense: LinearModel.Sense
    public var agents: [String]
    /// nil for an agent without a capacity limit.
    public var capacity: [Double?]
    public var classes: [JobClass]
    /// Bands per agent (nil: no band), with the period's earlier weighted intake.
    public var bands: [Band?]
    public var priorShareWeight: [Double]

    public init(
        name: String,
        sense: LinearModel.Sense,
        agents: [String],
        capacity: [Double?],
        classes: [JobClass],
        bands: [Band?]? = nil,
        priorShareWeight: [Double]? = nil
    ) {
        self.name = name
        self.sense = sense
        self.agents = agents
        self.capacity = capacity
        self.classes = classes
        self.bands = bands ?? Array(repeating: nil, count: agents.count)
        self.priorShareWeight = priorShareWeight ?? Array(repeating: 0, count: agents.count)
    }

    /// Column indices of the built model, to read a solution back.
    public struct Layout: Sendable {
        /// assign[k][r]: column index, nil where not allowed.
        public var assign: [[Int?]]
        public var wait: [Int?]
        public var below: [Int?]
        public var above: [Int?]
    }

    /// Checks the data against the shape of the model, with messages a person can act on.
    public func validate() throws {
        var problems: [String] = []
        let m = agents.count
        if capacity.count != m || bands.count != m || priorShareWeight.count != m {
            problems.append("capacity, bands and prior shares need one entry per agent (\(m))")
        }
        for c in classes {
            if c.count < 1 { problems.append("class \(c.name): count \(c.count) must be at least 1") }
            if c.profit.count != m || c.resource.count != m {
                problems.append("class \(c.name): needs one profit and one resource per agent")
            }
            if c.profit.allSatisfy({ $0 == nil }) && c.waitPenalty == nil {
                problems.append("class \(c.name): no agent may take it and it may not wait")
            }
            if let bad = c.resource.first(where: { !$0.isFinite || $0 < 0 }) {
                problems.append("class \(c.name): resource use \(bad) must be a finite number >= 0 (a workload weight or a GAP resource)")
            }
            if !c.shareWeight.isFinite || c.shareWeight < 0 {
                problems.append("class \(c.name): share weight \(c.shareWeight) must be a finite number >= 0 (a workload weight)")
            }
            if let bad = c.profit.compactMap({ $0 }).first(where: { !$0.isFinite }) {
                problems.append("class \(c.name): profit \(bad) must be finite")
            }
            if let pi = c.waitPenalty, !pi.isFinite || pi < 0 {
                problems.append(
                    "class \(c.name): wait penalty \(pi) must be a finite number >= 0 "
                        + "(it grows with the ratio of the heaviest to the lightest workload weight)"
                )
            }
        }
        for (r, band) in bands.enumerated() {
            guard let band else { continue }
            if !(0...1).contains(band.min) || !(0...1).contains(band.max) || band.min > band.max {
                problems.append("band of \(agents[r]): \(band.min)...\(band.max) is not a share range within 0...1")
            }
        }
        for (r, cap) in capacity.enumerated() where cap.map({ !$0.isFinite || $0 < 0 }) ?? false {
            problems.append("capacity of \(agents[r]) must be a finite number >= 0")
        }
        if !problems.isEmpty { throw ModelError.invalid(problems) }
    }

    /// The linear program of this model, built once, with the layout to read its solution back. The
    /// only way to solve an `AssignmentModel`: whoever solves holds the one program that is solved,
    /// exported and counted (columns, rows), so it is never built twice.
    public struct Built: Sendable {
        public let model: LinearModel
        public let layout: Layout
        let agentCount: Int

        /// `started`: when the caller began (reading, building), so the time limit covers all of it.
        public func solve(
            settings: SolverSettings,
            warmStart: [Double]? = nil,
            started: DispatchTime = .now(),
            cache: SolveCache? = nil
        ) throws -> Solution {
            let result = try GLPKSolver.solve(model, settings: settings, warmStart: warmStart, started: started, cache: cache)
            let m = agentCount
            guard result.hasSolution else {
                return Solution(
                    result: result,
                    assigned: [],
                    waiting: [],
                    below: Array(repeating: 0, count: m),
                    above: Array(repeating: 0, count: m)
                )
            }
            let v = result.values
            return Solution(
                result: result,
                assigned: layout.assign.map { row in row.map { $0.map { Int(v[$0].rounded()) } ?? 0 } },
                waiting: layout.wait.map { $0.map { Int(v[$0].rounded()) } ?? 0 },
                below: layout.below.map { $0.map { v[$0] } ?? 0 },
                above: layout.above.map { $0.map { v[$0] } ?? 0 }
            )
        }

        public func write(to path: String, format: ModelFileFormat) throws {
            try GLPKSolver.write(model, to: path, format: format)
        }
    }

    /// Builds the model in the order of the formulation above.
    /// With a `deadline`, building stops with `ModelError.timeLimitReached` once it has passed (a
    /// 200 x 5000 GAP instance has a million columns).
    public func build(deadline: DispatchTime? = nil) throws -> Built {
        try validate()
        func checkTime(_ k: Int) throws {
            if let deadline, k % 256 == 0, DispatchTime.now() >= deadline { throw ModelError.timeLimitReached }
        }
        let m = agents.count
        var lp = LinearModel(name: name, sense: sense)
        let sign = sense == .maximise ? 1.0 : -1.0  // penalties always work against the objective

        // Variables.
        var layout = Layout(assign: [], wait: [], below: Array(repeating: nil, count: m), above: Array(repeating: nil, count: m))
        for (k, c) in classes.enumerated() {
            try checkTime(k)
            let kind: LinearModel.Kind = c.count == 1 ? .binary : .integer
            layout.assign.append(
                (0..<m).map { r in
                    c.profit[r].map {
                        lp.addColumn("assign(\(c.name),\(agents[r]))", kind: kind, lower: 0, upper: Double(c.count), objective: $0)
                    }
                }
            )
            layout.wait.append(
                c.waitPenalty.map {
                    lp.addColumn("wait(\(c.name))", kind: kind, lower: 0, upper: Double(c.count), objective: -sign * $0)
                }
            )
        }
        for r in 0..<m {
            guard let band = bands[r], let rho = band.softPenalty else { continue }
            layout.below[r] = lp.addColumn("below(\(agents[r]))", kind: .integer, lower: 0, objective: -sign * rho)
            layout.above[r] = lp.addColumn("above(\(agents[r]))", kind: .integer, lower: 0, objective: -sign * rho)
        }

        // once(k): every job of the class is assigned or waits.
        for (k, c) in classes.enumerated() {
            var terms = layout.assign[k].compactMap { $0 }.map { (column: $0, coefficient: 1.0) }
            if let w = layout.wait[k] { terms.append((w, 1)) }
            lp.addRow("once(\(c.name))", lower: Double(c.count), upper: Double(c.count), terms: terms)
        }

        // capacity(r).
        for r in 0..<m {
            guard let cap = capacity[r] else { continue }
            let terms = classes.indices.compactMap { k in layout.assign[k][r].map { (column: $0, coefficient: classes[k].resource[r]) } }
            // Whole resources can only fill whole points: rounding the capacity down is exact and spares
            // GLPK a knapsack with a fractional right-hand side (30 s unproven -> 0.01 s on a measured day).
            let whole = terms.allSatisfy { $0.coefficient == $0.coefficient.rounded() }
            lp.addRow("capacity(\(agents[r]))", upper: whole ? (cap + 1e-9).rounded(.down) : cap, terms: terms)
        }

        // band_min(r), band_max(r): the share of the period's weighted intake D, which is fixed today
        // (earlier assignments plus every case in today's problem, assigned or waiting), so each band
        // is a knapsack row over r's own columns. With whole weights the bound is rounded to whole
        // points, which is exact and closes most of the LP gap before branching.
        let intake = priorShareWeight.reduce(0, +) + classes.reduce(0) { $0 + Double($1.count) * $1.shareWeight }
        let wholePoints = (classes.map(\.shareWeight) + priorShareWeight).allSatisfy { $0 == $0.rounded() }
        for r in 0..<m {
            guard let band = bands[r] else { continue }
            for (isMin, share) in [(true, band.min), (false, band.max)] {
                if isMin && share <= 0 { continue }
                if !isMin && share >= 1 { continue }
                let members = classes.indices.filter { classes[$0].shareWeight > 0 && layout.assign[$0][r] != nil }
                var terms = members.map { k in (column: layout.assign[k][r]!, coefficient: classes[k].shareWeight) }
                var rhs = share * intake - priorShareWeight[r]
                if wholePoints { rhs = isMin ? (rhs - 1e-9).rounded(.up) : (rhs + 1e-9).rounded(.down) }
                // A row that cannot bind today (the floor is met with nothing assigned, or the ceiling holds
                // with every case that may go to r assigned there) gets the bound at its edge instead, so
                // its value no longer depends on the band: models that differ only in such a band are
                // identical, and a sweep solves them once (`SolveCache`). The presolver drops the row
                // either way, so the solution is the same.
                let reach = members.reduce(0) { $0 + Double(classes[$1].count) * classes[$1].shareWeight }
                if isMin { rhs = max(rhs, 0) } else { rhs = min(rhs, reach) }
                if isMin {
                    if let s = layout.below[r] { terms.append((s, 1)) }
                    lp.addRow("band_min(\(agents[r]))", lower: rhs, terms: terms)
                } else {
                    if let s = layout.above[r] { terms.append((s, -1)) }
                    lp.addRow("band_max(\(agents[r]))", upper: rhs, terms: terms)
                }
            }
        }
        return Built(model: lp, layout: layout, agentCount: m)
    }

    /// The solution in the model's own terms.
    public struct Solution: Sendable {
        public var result: SolveResult
        /// assigned[k][r]: how many jobs of class k went to agent r.
        public var assigned: [[Int]]
        public var waiting: [Int]
        public var below: [Double]
        public var above: [Double]
    }
}
