import Allocation
import GLPK

/// The forecast LP of the dual-price band policy: the rest of a band period as `HindsightModel` would
/// solve it, on a forecast of the intake still to come, solved as an LP only for its dual prices.
///
///     Sets        K  forecast classes (same profit per RO, weight, duration, waiting penalty)
///                 R  the ROs;  B  blocks of `blockDays` working days from today to the period's end
///     Parameters  n[k]   forecast cases of k in the rest of the period (fractional)
///                 p[k,r], w[k], pi[k]   profit, weight and waiting penalty of one case of k
///                 o[k,b]  mean points one case of k adds to its RO's load in block b, the class
///                         arriving evenly over the days left (duration d[k]): w[k] times the mean over
///                         the block's days j (0 = today) of min(j + 1, d[k]) / E, E = days left
///                 C[r,b]  caseload left in block b after the load already running (mean over its days)
///                 W0[r], D0   weight given to r so far in the period, and the period's weighted intake so far
///     maximise    sum p[k,r] assign(k,r) - sum pi[k] wait(k) - rho sum (below(r) + above(r))
///     subject to  once(k):        sum_r assign(k,r) + wait(k) = n[k]
///                 capacity(r,b):  sum_k o[k,b] assign(k,r) <= C[r,b]
///                 band_min(r):    W0[r] + sum_k w[k] assign(k,r) + below(r) >= lo[r] (D0 + sum_k n[k] w[k])
///                 band_max(r):    W0[r] + sum_k w[k] assign(k,r) - above(r) <= hi[r] (D0 + sum_k n[k] w[k])
///
/// The duals of the band and capacity rows are what one more workload point at an RO (in a block) is
/// worth to the rest of the period: the prices a single day cannot see (Annie MOORE's dual prices).
struct PriceForecast {
    struct ForecastClass {
        var profit: [Int?]
        var weight: Double
        var duration: Int
        var waitPenalty: Double
        var count: Double
    }

    /// The prices per RO: per workload point in the period's shares, and per point of load per block.
    struct Prices: Equatable {
        var band: [Double]
        var capacity: [[Double]]
        /// Working days the forecast covered.
        var daysLeft: Int

        /// Per RO, what one workload point held for one working day costs the rest of the period: the
        /// block prices spread evenly over the days left (a point held all period pays every block's
        /// price). One figure per RO instead of the blocks' own prices, which sit on the block where
        /// the forecast happens to be shortest and move from one solve to the next.
        var capacityPerPointDay: [Double] {
            capacity.map { max(0, $0.reduce(0, +)) / Double(max(1, daysLeft)) }
        }

        /// No band row is priced: the forecast's bands do not bind.
        var bandsFree: Bool { band.allSatisfy { abs($0) < 1e-9 } }

        /// What placing a case of `weight` points that holds them `heldDays` working days at RO `r`
        /// costs the rest of the period, in fit points: its band price, and its capacity price while no
        /// band is priced (`DualPriceBands` says why).
        func cost(weight: Double, heldDays: Int, at r: Int) -> Double {
            weight * (band[r] + (bandsFree ? Double(heldDays) * capacityPerPointDay[r] : 0))
        }
    }

    var classes: [ForecastClass]
    /// Working days from today (included) to the period's end.
    var daysLeft: Int
    var blockDays: Int
    /// capacity[r][b].
    var capacity: [[Double]]
    var priorWeight: [Double]
    var priorIntake: Double
    var bands: [AssignmentModel.Band?]

    var blocks: Int { (daysLeft + blockDays - 1) / blockDays }

    /// Working days of block `b` (the last one may be short).
    func daysIn(_ b: Int) -> Range<Int> { (b * blockDays)..<min(daysLeft, (b + 1) * blockDays) }

    /// o[k,b] / w[k] for a duration: the mean number of a class's cases active on a block's day per case.
    func occupancy(duration: Int) -> [Double] {
        (0..<blocks).map { b in
            let days = daysIn(b)
            let active = days.reduce(0.0) { $0 + Double(min($1 + 1, duration)) }
            return active / (Double(daysLeft) * Double(days.count))
        }
    }

    /// The LP; nil when there is nothing to price.
    func build() -> (model: LinearModel, band: [(min: Int?, max: Int?)], capacity: [[Int?]])? {
        guard daysLeft > 0, !classes.isEmpty else { return nil }
        let m = priorWeight.count
        var lp = LinearModel(name: "prices", sense: .maximise)
        var assign: [[Int?]] = []
        var wait: [Int] = []
        for (k, c) in classes.enumerated() {
            assign.append(
                (0..<m).map { r in
                    c.profit[r].map { lp.addColumn("a\(k)_\(r)", kind: .continuous, lower: 0, upper: c.count, objective: Double($0)) }
                }
            )
            wait.append(lp.addColumn("w\(k)", kind: .continuous, lower: 0, upper: c.count, objective: -c.waitPenalty))
        }
        var below: [Int?] = []
        var above: [Int?] = []
        for r in 0..<m {
            below.append(bands[r]?.softPenalty.map { lp.addColumn("below\(r)", kind: .continuous, lower: 0, objective: -$0) })
            above.append(bands[r]?.softPenalty.map { lp.addColumn("above\(r)", kind: .continuous, lower: 0, objective: -$0) })
        }
        for (k, c) in classes.enumerated() {
            let terms = assign[k].compactMap { $0 }.map { (column: $0, coefficient: 1.0) } + [(wait[k], 1.0)]
            lp.addRow("once\(k)", lower: c.count, upper: c.count, terms: terms)
        }
        let occupancies = Dictionary(Set(classes.map(\.duration)).map { ($0, occupancy(duration: $0)) }, uniquingKeysWith: { a, _ in a })
        var capacityRows = Array(repeating: [Int?](repeating: nil, count: blocks), count: m)
        for r in 0..<m {
            for b in 0..<blocks {
                let terms = classes.indices.compactMap { k -> (column: Int, coefficient: Double)? in
                    let o = classes[k].weight * occupancies[classes[k].duration]![b]
                    return o >= 1e-6 ? assign[k][r].map { ($0, o) } : nil
                }
                guard !terms.isEmpty else { continue }
                capacityRows[r][b] = lp.addRow("cap\(r)_\(b)", upper: max(0, capacity[r][b]), terms: terms)
            }
        }
        let intake = priorIntake + classes.reduce(0.0) { $0 + $1.count * $1.weight }
        var bandRows: [(min: Int?, max: Int?)] = []
        for r in 0..<m {
            guard let band = bands[r] else {
                bandRows.append((nil, nil))
                continue
            }
            let terms = classes.indices.compactMap { k -> (column: Int, coefficient: Double)? in
                classes[k].weight > 0 ? assign[k][r].map { ($0, classes[k].weight) } : nil
            }
            var rows: (min: Int?, max: Int?) = (nil, nil)
            if band.min > 0 {
                rows.min = lp.addRow(
                    "bmin\(r)",
                    lower: band.min * intake - priorWeight[r],
                    terms: terms + (below[r].map { [($0, 1.0)] } ?? [])
                )
            }
            if band.max < 1 {
                rows.max = lp.addRow(
                    "bmax\(r)",
                    upper: band.max * intake - priorWeight[r],
                    terms: terms + (above[r].map { [($0, -1.0)] } ?? [])
                )
            }
            bandRows.append(rows)
        }
        return (lp, bandRows, capacityRows)
    }

    /// The duals of the band and capacity rows, or nil when the LP has none (nothing to price, not
    /// solved within `timeLimitSeconds`). A price is what one more point there costs the rest of the
    /// period: >= 0 on a ceiling and capacity, <= 0 on a floor (a point there gains).
    func solve(timeLimitSeconds: Double) throws -> Prices? {
        guard let (lp, bandRows, capacityRows) = build() else { return nil }
        let result = try GLPKSolver.solve(lp, settings: SolverSettings().with(timeLimitSeconds: timeLimitSeconds))
        guard result.status == .optimal, result.rowDuals.count == lp.rows.count else { return nil }
        let duals = result.rowDuals
        func dual(_ row: Int?) -> Double { row.map { duals[$0] } ?? 0 }
        return Prices(
            band: bandRows.map { dual($0.min) + dual($0.max) },
            capacity: capacityRows.map { $0.map { dual($0) } },
            daysLeft: daysLeft
        )
    }
}
