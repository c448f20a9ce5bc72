import GLPK

/// The whole band period solved at once, with hindsight: every case of the period known in advance,
/// the same scores, caseload capacity and bands as the daily replay. Its optimum is what deciding with
/// perfect knowledge of the period reaches; the daily policy's ratio to it is the price of deciding
/// day by day.
///
/// Formulation (names as GLPK's rows and columns carry them in an exported LP file):
///
///     Sets        K  job classes: the cases of one band period with the same profit per RO, weight,
///                    duration and waiting penalty (`k17`)
///                 R  agents (the ROs);  B  time blocks (`b12`: a few working days);  P  band periods (`p1`)
///     Parameters  n[k]      cases in class k;  P(k) the band period they arrive in
///                 p[k,r]    fit + continuity of one case of k at r; absent = not allowed
///                 w[k]      workload points of one case of k (its weight in the shares, too)
///                 o[k,b]    points one case of k placed adds to an RO's mean load in block b when the
///                           class is split alike over its arrivals: w[k] times the share of k's cases
///                           that arrived at most d[k] working days before a day of b (active then),
///                           averaged over the block's days
///                 C[r,b]    r's caseload in block b left for the period's cases (the week's caseload
///                           minus what is left of the initial load, >= 0), averaged over the block's days
///                 D[p]      weighted intake of period p: sum over its classes of n[k] w[k], plus the
///                           intake before the first block (a plan made part way through the period)
///                 W[r,p]    points r took in period p before the first block (0 for the whole period)
///                 lo[r], hi[r]  band on r's share of D[p]; soft bands cost rho per point outside
///                 pi[k]     penalty for a case of k that is never placed (it waits to the period's end)
///                 G         gates (r,b): an RO and a working day b of a caseload dip (summer, Christmas)
///                 red[r,b]  C[r,b] minus that day's lowered caseload;  K(b) the classes arriving on day b
///     Variables   assign(k,r)  in {0..n[k]}   cases of k placed at r
///                 wait(k)      in {0..n[k]}   cases of k never placed
///                 below(r,p), above(r,p) in {0,1,..}  soft-band slack at the end of period p
///                 open(r,b)    in {0,1}       r takes new cases on dip day b
///     maximise    fit: sum p[k,r] assign(k,r) - sum pi[k] wait(k) - rho sum (below(r,p) + above(r,p))
///     subject to  once(k):        sum_r assign(k,r) + wait(k) = n[k]
///                 capacity(r,b):  sum_k o[k,b] assign(k,r) + red[r,b] open(r,b) <= C[r,b]   (open: gates only;
///                                 a gate with later blocks has its term in each of them)
///                 takes(k,r,b):   assign(k,r) <= n[k] open(r,b)      k in K(b), (r,b) in G
///                 opens(r,b):     open(r,b) >= open(r,b-1)          consecutive dip days of r
///                 band_min(r,p):  W[r,p] + sum_{k in p} w[k] assign(k,r) + below(r,p) >= lo[r] D[p]
///                 band_max(r,p):  W[r,p] + sum_{k in p} w[k] assign(k,r) - above(r,p) <= hi[r] D[p]
///                 (whole weights: lo D rounds up, hi D down, as in AssignmentModel)
///
/// Aggregation: one integer column per class and RO over the whole period, as the day model groups a
/// day's identical cases, so the size does not grow with the days (the baseline year: about 2,700
/// classes, 11,000 columns). The price is the split: a class goes to the ROs in the same proportions
/// all period, which is what `o[k,b]` assumes; and capacity holds for each block's mean load. A model
/// per (class, day) with the load as a flow over the days is exact in time but has 138,000 columns for
/// the baseline, which GLPK's simplex did not solve in minutes. The bands hold at the end of each period
/// (the agreement), not every day as the daily replay holds them. `relaxed` builds the LP relaxation.
///
/// The gates are the replay's rule for a lowered caseload: an RO keeps the cases it runs above it but
/// takes a new case only while its load fits under it. Closed, the RO takes none of the day's classes
/// and its load stays under the caseload before the dip (what it carries); open, its load is at most the
/// lowered caseload. A gate once open stays open: the load only falls while nothing new comes in.
public struct HindsightModel: Sendable {
    public struct JobClass: Sendable, Equatable {
        public var name: String
        public var count: Int
        public var period: Int
        public var profit: [Double?]
        /// True per agent where the case's wegingskader score is the best (ties count), for counting.
        public var bestFit: [Bool]
        public var weight: Double
        public var waitPenalty: Double
        /// o[k,b]: (block, mean points per placed case), blocks ascending.
        public var occupancy: [(block: Int, points: Double)]

        public init(
            name: String,
            count: Int,
            period: Int,
            profit: [Double?],
            bestFit: [Bool],
            weight: Double,
            waitPenalty: Double,
            occupancy: [(block: Int, points: Double)]
        ) {
            self.name = name
            self.count = count
            self.period = period
            self.profit = profit
            self.bestFit = bestFit
            self.weight = weight
            self.waitPenalty = waitPenalty
            self.occupancy = occupancy
        }

        public static func == (a: JobClass, b: JobClass) -> Bool {
            a.name == b.name && a.count == b.count && a.period == b.period && a.profit == b.profit && a.bestFit == b.bestFit
                && a.weight == b.weight && a.waitPenalty == b.waitPenalty && a.occupancy.map(\.block) == b.occupancy.map(\.block)
                && a.occupancy.map(\.points) == b.occupancy.map(\.points)
        }
    }

    /// A band period. A plan made part way through a period (`priorWeight`, `priorIntake`) holds the
    /// bands on the whole period's shares: the weight each agent took before the model's first block and
    /// the weighted intake of those days count with the model's own.
    public struct Period: Sendable, Equatable {
        public var name: String
        public var bands: [AssignmentModel.Band?]
        /// Workload points per agent placed in the period before the model's first block.
        public var priorWeight: [Double]
        /// Weighted intake of the period before the model's first block.
        public var priorIntake: Double

        public init(name: String, bands: [AssignmentModel.Band?], priorWeight: [Double]? = nil, priorIntake: Double = 0) {
            self.name = name
            self.bands = bands
            self.priorWeight = priorWeight ?? Array(repeating: 0, count: bands.count)
            self.priorIntake = priorIntake
        }
    }

    /// The rule of a lowered caseload (summer, Christmas) for one agent and one block of one working day:
    /// the agent keeps the cases it runs above the lowered caseload but takes a new case only while its
    /// load fits under it. `open(r,b)` is 1 when the agent takes the day's new cases (its load is then at
    /// most `C[r,b] - reduction`, the lowered caseload) and 0 when it takes none of them.
    public struct Gate: Sendable, Equatable {
        public var agent: Int
        public var block: Int
        /// C[r,b] minus the lowered caseload.
        public var reduction: Double
        /// The classes that arrive on the gate's day (none of them may go to the agent while closed).
        public var classes: [Int]
        /// The same agent's gate on the dip's previous day: once the load fits under the lowered caseload it
        /// stays under it (it only falls while nothing new comes in), so a gate once open stays open.
        public var previous: Int?
        /// Later blocks the same choice holds for (a plan's coarser gate: open from the dip's first day to
        /// its last), each with its own reduction.
        public var later: [Later]

        public struct Later: Sendable, Equatable {
            public var block: Int
            public var reduction: Double
            public init(block: Int, reduction: Double) {
                self.block = block
                self.reduction = reduction
            }
        }

        public init(agent: Int, block: Int, reduction: Double, classes: [Int], previous: Int?, later: [Later] = []) {
            self.agent = agent
            self.block = block
            self.reduction = reduction
            self.classes = classes
            self.previous = previous
            self.later = later
        }
    }

    public var name: String
    public var agents: [String]
    /// capacity[r][b].
    public var capacity: [[Double]]
    public var classes: [JobClass]
    public var periods: [Period]
    public var gates: [Gate]

    public init(name: String, agents: [String], capacity: [[Double]], classes: [JobClass], periods: [Period], gates: [Gate] = []) {
        self.name = name
        self.agents = agents
        self.capacity = capacity
        self.classes = classes
        self.periods = periods
        self.gates = gates
    }

    public struct Layout: Sendable {
        public var assign: [[Int?]]
        public var wait: [Int]
        public var below: [[Int?]]
        public var above: [[Int?]]
        public var open: [Int] = []
    }

    public func validate() throws {
        var problems: [String] = []
        let m = agents.count
        let blocks = capacity.first?.count ?? 0
        if capacity.count != m || capacity.contains(where: { $0.count != blocks }) {
            problems.append("capacity needs one row per agent, one value per block")
        }
        if capacity.joined().contains(where: { !$0.isFinite || $0 < 0 }) { problems.append("capacity must be finite and >= 0") }
        for c in classes {
            if c.profit.count != m || c.bestFit.count != m { problems.append("class \(c.name): needs one profit per agent") }
            if c.count < 1 || !periods.indices.contains(c.period) { problems.append("class \(c.name): count >= 1 and a known period") }
            if c.profit.contains(where: { $0.map { !$0.isFinite } ?? false }) { problems.append("class \(c.name): profit must be finite") }
            if !c.weight.isFinite || c.weight < 0 || !c.waitPenalty.isFinite || c.waitPenalty < 0 {
                problems.append("class \(c.name): weight and penalty >= 0")
            }
            if c.occupancy.contains(where: { !(0..<blocks).contains($0.block) || !$0.points.isFinite || $0.points < 0 }) {
                problems.append("class \(c.name): occupancy refers to an unknown block or is negative")
            }
        }
        for p in periods {
            if p.bands.count != m || p.priorWeight.count != m { problems.append("period \(p.name): needs one band per agent") }
            if !p.priorIntake.isFinite || p.priorIntake < 0 || p.priorWeight.contains(where: { !$0.isFinite || $0 < 0 }) {
                problems.append("period \(p.name): prior weight and intake must be finite and >= 0")
            }
            for b in p.bands.compactMap({ $0 }) where !(0...1).contains(b.min) || !(0...1).contains(b.max) || b.min > b.max {
                problems.append("period \(p.name): band \(b.min)...\(b.max) is not a share range")
            }
        }
        for (g, gate) in gates.enumerated() {
            let reductions = [gate.reduction] + gate.later.map(\.reduction)
            if !(0..<m).contains(gate.agent) || !([gate.block] + gate.later.map(\.block)).allSatisfy({ (0..<blocks).contains($0) })
                || reductions.contains(where: { !$0.isFinite || $0 < 0 })
                || gate.classes.contains(where: { !classes.indices.contains($0) }) || gate.previous.map({ !(0..<g).contains($0) }) ?? false
            {
                problems.append("gate \(g): unknown agent, block, class or previous gate, or a negative reduction")
            }
        }
        if !problems.isEmpty { throw ModelError.invalid(Array(problems.prefix(20))) }
    }

    /// The program in the order of the formulation above. `relaxed`: every column continuous (the LP
    /// relaxation); `integerClasses: false` keeps only the gates binary (a relaxation that still holds
    /// the dip rule).
    public func build(relaxed: Bool = false, integerClasses: Bool = true) throws -> (model: LinearModel, layout: Layout) {
        try validate()
        let m = agents.count
        let blocks = capacity.first?.count ?? 0
        var lp = LinearModel(name: name, sense: .maximise)
        let kind: LinearModel.Kind = relaxed || !integerClasses ? .continuous : .integer
        var layout = Layout(assign: [], wait: [], below: [], above: [])

        // Variables.
        for c in classes {
            layout.assign.append(
                (0..<m).map { r in
                    c.profit[r].map {
                        lp.addColumn("assign(\(c.name),\(agents[r]))", kind: kind, lower: 0, upper: Double(c.count), objective: $0)
                    }
                }
            )
            layout.wait.append(lp.addColumn("wait(\(c.name))", kind: kind, lower: 0, upper: Double(c.count), objective: -c.waitPenalty))
        }
        for p in periods {
            layout.below.append(
                (0..<m).map { r in
                    p.bands[r]?.softPenalty.map { lp.addColumn("below(\(agents[r]),\(p.name))", kind: kind, lower: 0, objective: -$0) }
                }
            )
            layout.above.append(
                (0..<m).map { r in
                    p.bands[r]?.softPenalty.map { lp.addColumn("above(\(agents[r]),\(p.name))", kind: kind, lower: 0, objective: -$0) }
                }
            )
        }

        for gate in gates {
            layout.open.append(
                lp.addColumn("open(\(agents[gate.agent]),b\(gate.block))", kind: relaxed ? .continuous : .binary, lower: 0, upper: 1)
            )
        }

        // once(k).
        for (k, c) in classes.enumerated() {
            let terms = layout.assign[k].compactMap { $0 }.map { (column: $0, coefficient: 1.0) } + [(layout.wait[k], 1.0)]
            lp.addRow("once(\(c.name))", lower: Double(c.count), upper: Double(c.count), terms: terms)
        }

        // capacity(r,b).
        var rowTerms = Array(repeating: Array(repeating: [(column: Int, coefficient: Double)](), count: blocks), count: m)
        for (k, c) in classes.enumerated() {
            for r in 0..<m {
                guard let col = layout.assign[k][r] else { continue }
                for o in c.occupancy where o.points > 0 { rowTerms[r][o.block].append((col, o.points)) }
            }
        }
        for (g, gate) in gates.enumerated() {
            rowTerms[gate.agent][gate.block].append((layout.open[g], gate.reduction))
            for l in gate.later { rowTerms[gate.agent][l.block].append((layout.open[g], l.reduction)) }
        }
        for r in 0..<m {
            for b in 0..<blocks where !rowTerms[r][b].isEmpty {
                lp.addRow("capacity(\(agents[r]),b\(b))", upper: capacity[r][b], terms: rowTerms[r][b])
            }
        }

        // takes(k,r,b): none of the day's classes at a closed agent; opens(r,b): open stays open.
        for (g, gate) in gates.enumerated() {
            let r = gate.agent
            for k in gate.classes {
                guard let col = layout.assign[k][r] else { continue }
                lp.addRow(
                    "takes(\(classes[k].name),\(agents[r]),b\(gate.block))",
                    upper: 0,
                    terms: [(col, 1), (layout.open[g], -Double(classes[k].count))]
                )
            }
            if let p = gate.previous {
                lp.addRow("opens(\(agents[r]),b\(gate.block))", lower: 0, terms: [(layout.open[g], 1), (layout.open[p], -1)])
            }
        }

        // band_min(r,p), band_max(r,p).
        let wholePoints = classes.allSatisfy { $0.weight == $0.weight.rounded() }
        for (pi, p) in periods.enumerated() {
            let members = classes.indices.filter { classes[$0].period == pi }
            let intake = p.priorIntake + members.reduce(0.0) { $0 + Double(classes[$1].count) * classes[$1].weight }
            for r in 0..<m {
                guard let band = p.bands[r] else { continue }
                let terms = members.compactMap { k -> (column: Int, coefficient: Double)? in
                    classes[k].weight > 0 ? layout.assign[k][r].map { ($0, classes[k].weight) } : nil
                }
                if band.min > 0 {
                    let rhs = (wholePoints ? (band.min * intake - 1e-9).rounded(.up) : band.min * intake) - p.priorWeight[r]
                    lp.addRow(
                        "band_min(\(agents[r]),\(p.name))",
                        lower: rhs,
                        terms: terms + (layout.below[pi][r].map { [($0, 1.0)] } ?? [])
                    )
                }
                if band.max < 1 {
                    let rhs = (wholePoints ? (band.max * intake + 1e-9).rounded(.down) : band.max * intake) - p.priorWeight[r]
                    lp.addRow(
                        "band_max(\(agents[r]),\(p.name))",
                        upper: rhs,
                        terms: terms + (layout.above[pi][r].map { [($0, -1.0)] } ?? [])
                    )
                }
            }
        }
        return (lp, layout)
    }

    /// A solution in the model's terms.
    public struct Solution: Sendable {
        public var result: SolveResult
        /// Fit + continuity of the placements.
        public var fit: Double
        /// Placements at a best-fitting agent.
        public var atBestFit: Double
        /// Soft-band slack summed over the periods, per agent.
        public var slack: [Double]
        /// wait(k) per class: cases never placed.
        public var waiting: [Double]
    }

    public func read(_ result: SolveResult, layout: Layout) -> Solution? {
        guard result.hasSolution else { return nil }
        let v = result.values
        let m = agents.count
        var s = Solution(result: result, fit: 0, atBestFit: 0, slack: Array(repeating: 0, count: m), waiting: layout.wait.map { v[$0] })
        for (k, c) in classes.enumerated() {
            for r in 0..<m {
                guard let col = layout.assign[k][r] else { continue }
                s.fit += v[col] * (c.profit[r] ?? 0)
                if c.bestFit[r] { s.atBestFit += v[col] }
            }
        }
        for p in layout.below.indices {
            for r in 0..<m { s.slack[r] += (layout.below[p][r].map { v[$0] } ?? 0) + (layout.above[p][r].map { v[$0] } ?? 0) }
        }
        return s
    }
}
