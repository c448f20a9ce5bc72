import Dispatch
import Foundation
import GLPK
import InstroomDomain

/// Turns a day into the assignment model and back. The linear program is built once, here: solving,
/// exporting and counting columns and rows all use `built`.
public struct DayModel: Sendable {
    public let instance: DayInstance
    public let formulation: Formulation
    /// Cases grouped into classes; each inner array is in urgency order.
    public let groups: [[CandidateCase]]
    public let model: AssignmentModel
    /// `model` as the linear program GLPK solves and `export-model` writes.
    public let built: AssignmentModel.Built

    /// Days of waiting that raise a case's waiting penalty; a longer wait counts as this many. The
    /// commissie sees a case long before (`commissie.maxWaitingDays`).
    public static let maximumCountedAge = 63
    /// The kinds' priorities are multiplied by this, one more than the largest counted age, so that the
    /// age term orders cases within a kind and never across kinds.
    public static let agePriorityScale = maximumCountedAge + 1

    /// One step of the waiting penalty for a case of `weight` (the formulation comment of AssignmentModel,
    /// "Waiting penalty"): more than any fit the day could gain by leaving it waiting. The day model
    /// multiplies it by the kind's priority and the case's age; the hindsight and the price forecast,
    /// which have no ages, by the priority alone.
    public static func waitingUnit(weight: Double, lightest: Double, spread: Double, softPenalty: Double) -> Double {
        (weight / lightest) * (spread + 1) + 4 * softPenalty * weight + 1
    }

    public init(_ instance: DayInstance, formulation: Formulation? = nil) throws {
        self.instance = instance
        let formulation = formulation ?? instance.config.formulation
        self.formulation = formulation
        let config = instance.config
        let ordered = CandidateCase.inUrgencyOrder(instance.cases)
        // Each case's profit per RO, looked up once: a fit is a dictionary lookup, and every step
        // below needs them. A policy's costs (`DayInstance.costs`) are part of the profit here, so the
        // spread, and with it the waiting penalty, covers them: niets op de plank holds whatever they are.
        let bonus = config.continuityBonus
        let caseProfits = ordered.map { c in
            let costs = instance.costs?[c.id]
            return RO.allCases.map { ro in c.profit(ro, continuityBonus: bonus).map { $0 - (costs?[ro] ?? 0) } }
        }

        // Penalty for waiting: larger than anything the rest of the objective could gain by leaving
        // the case on the shelf (niets op de plank), scaled by the kind's priority (rule 7). Derived in
        // the formulation comment of AssignmentModel ("Waiting penalty"). `spread` spans 0 as well as
        // the day's profits, so that -p[k,r] <= spread also on a day whose every fit is negative.
        var highest = 0
        var lowest = 0
        for p in caseProfits.joined() {
            guard let p else { continue }
            highest = max(highest, p)
            lowest = min(lowest, p)
        }
        let spread = Double(highest - lowest)
        let lightest = ordered.map(\.weight).filter { $0 > 0 }.min() ?? 1
        let softPenalty = RO.allCases.contains { config.band($0).mode == .soft } ? config.softBandPenalty : 0
        // Niets op de plank also orders the waiting: each day a case has waited adds one `unit` to its
        // penalty, so within a kind the older of two equal cases is placed first whenever an RO has room.
        // The kind's priority is scaled by `DayModel.agePriorityScale`, above any capped age, so that a
        // long wait never overtakes the configured order of the kinds (toezicht first).
        func waitPenalty(_ c: CandidateCase) -> Double {
            let unit = Self.waitingUnit(weight: c.weight, lightest: lightest, spread: spread, softPenalty: softPenalty)
            let age = Double(min(max(0, c.received.days(until: instance.day)), Self.maximumCountedAge))
            return ((config.priority(c.kind) * Double(Self.agePriorityScale) + age) * unit).rounded(.up)
        }

        // A case gets no column at an RO that has no room for it today: the column could only be 0, and
        // a day whose every column is such (3/2/1 points left, two toezicht-hoog cases) would otherwise
        // reach GLPK as a problem its presolver empties. Such a case simply waits (niets op de plank
        // holds: no RO has room for it).
        let room = RO.allCases.map { max(0, instance.capacityLeft[$0] ?? 0) }
        func columnProfits(_ i: Int) -> [Int?] {
            RO.allCases.indices.map { r in ordered[i].weight <= room[r] + 1e-9 ? caseProfits[i][r] : nil }
        }

        struct Key: Hashable {
            var profit: [Int?]
            var weight: Double
            var penalty: Double
        }
        var groups: [[CandidateCase]] = []
        var groupKeys: [Key] = []
        var index: [Key: Int] = [:]
        for (i, c) in ordered.enumerated() {
            let key = Key(profit: columnProfits(i), weight: c.weight, penalty: waitPenalty(c))
            if formulation != .perCase, let g = index[key] {
                groups[g].append(c)
                continue
            }
            if formulation != .perCase { index[key] = groups.count }
            groups.append([c])
            groupKeys.append(key)
        }
        self.groups = groups

        let prefix = formulation == .perCase ? "c" : "k"
        let classes = groups.indices.map { i in
            AssignmentModel.JobClass(
                name: "\(prefix)\(i + 1)",
                count: groups[i].count,
                profit: groupKeys[i].profit.map { $0.map(Double.init) },
                resource: RO.allCases.map { _ in groupKeys[i].weight },
                shareWeight: groupKeys[i].weight,
                waitPenalty: groupKeys[i].penalty
            )
        }
        let bands = RO.allCases.map { ro -> AssignmentModel.Band? in
            let b = config.band(ro)
            return AssignmentModel.Band(min: b.min, max: b.max, softPenalty: b.mode == .soft ? config.softBandPenalty : nil)
        }
        model = AssignmentModel(
            name: "instroom_\(instance.day.description.replacingOccurrences(of: "-", with: ""))",
            sense: .maximise,
            agents: RO.allCases.map(\.rawValue),
            capacity: room,
            classes: classes,
            bands: bands,
            priorShareWeight: RO.allCases.map { instance.prior.weight[$0] ?? 0 }
        )
        built = try model.build()
    }

    /// `started`: when the caller began the day (reading, scoring, building this model), so that the
    /// time limit covers all of it; default now. `cache`: proven optima of identical models solved
    /// before (a sweep's variants), see `SolveCache`.
    public func solve(settings: SolverSettings, started: DispatchTime = .now(), cache: SolveCache? = nil) throws -> DayOutcome {
        let solution = try built.solve(settings: settings, started: started, cache: cache)
        var outcome = DayOutcome(
            status: solution.result.status,
            message: solution.result.message,
            assignments: [:],
            waiting: [],
            blockedByBands: [],
            objective: solution.result.objective,
            fit: 0,
            sharesAfter: PeriodShares(weight: instance.prior.weight),
            capacityUsed: [:],
            belowBand: [:],
            aboveBand: [:],
            solver: solution.result,
            classes: groups.count,
            columns: built.model.columns.count,
            rows: built.model.rows.count
        )
        guard solution.result.hasSolution else { return outcome }
        let bonus = instance.config.continuityBonus
        for (k, group) in groups.enumerated() {
            var next = 0
            for (r, ro) in RO.allCases.enumerated() {
                for _ in 0..<solution.assigned[k][r] {
                    let c = group[next]
                    next += 1
                    outcome.assignments[c.id] = ro
                    outcome.fit += c.profit(ro, continuityBonus: bonus) ?? 0
                    outcome.capacityUsed[ro, default: 0] += c.weight
                    outcome.sharesAfter.weight[ro, default: 0] += c.weight
                }
            }
            outcome.waiting += group[next...].map(\.id)
            outcome.sharesAfter.waiting += group[next...].reduce(0) { $0 + $1.weight }
        }
        for (r, ro) in RO.allCases.enumerated() {
            if solution.below[r] > 1e-9 { outcome.belowBand[ro] = solution.below[r] }
            if solution.above[r] > 1e-9 { outcome.aboveBand[ro] = solution.above[r] }
        }
        guard !outcome.waiting.isEmpty else { return outcome }
        let byId = Dictionary(uniqueKeysWithValues: instance.cases.map { ($0.id, $0) })
        outcome.blockedByBands = outcome.waiting.filter { id in
            let c = byId[id]!
            return c.allowed.contains { ro in (instance.capacityLeft[ro] ?? 0) - (outcome.capacityUsed[ro] ?? 0) >= c.weight - 1e-9 }
        }
        return outcome
    }

    public func write(to path: String, format: ModelFileFormat) throws {
        try built.write(to: path, format: format)
    }
}
