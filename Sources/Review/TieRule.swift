import Allocation
import InstroomDomain

/// Settles ties between ROs with the same fit by an explicit rule instead of the order of the ROs:
/// continuity first, then the RO furthest below the midpoint of its band, then the RO with the most
/// free capacity relative to its capacity, then a fixed choice derived from the case id.
///
/// It runs after the solve, on the proven optimum: a tied case moves to the RO the rule prefers only
/// when that RO has room and the move opens no band slack, so fit, capacity use within limits and the
/// objective stay exactly as GLPK proved them. Cases are taken in an order derived from their ids,
/// and shares and free capacity are updated after every move, so ties spread as the rule intends.
public enum TieRule {
    /// The settled outcome and, per tied case, how its tie was decided.
    public static func settle(_ outcome: DayOutcome, cases: [CandidateCase], instance: DayInstance) -> (DayOutcome, [String: TieDecision]) {
        var outcome = outcome
        var decisions: [String: TieDecision] = [:]
        let config = instance.config
        let bonus = config.continuityBonus
        // Only a case with a tie at its best fit can move; each id is hashed once, not per comparison.
        // A policy's costs (`DayInstance.costs`) are part of what ties: equal fit at unequal cost is no tie.
        let tiedCases: [(order: (UInt64, String), c: CandidateCase, tied: [RO])] = cases.compactMap { c in
            let costs = instance.costs?[c.id]
            let profits = c.allowed.compactMap { ro in c.profit(ro, continuityBonus: bonus).map { (ro, $0 - (costs?[ro] ?? 0)) } }
            guard let best = profits.map(\.1).max() else { return nil }
            let tied = RO.allCases.filter { ro in profits.contains { $0.0 == ro && $0.1 == best } }
            return tied.count > 1 ? ((stableHash(c.id), c.id), c, tied) : nil
        }
        for (_, c, tied) in tiedCases.sorted(by: { $0.order < $1.order }) {
            guard let assigned = outcome.assignments[c.id], tied.contains(assigned) else { continue }
            // Equal only once a simulated policy's costs are taken off: said so, not "gelijke score".
            let equal = instance.costs?[c.id]?.isEmpty == false ? "Gelijk na schaduwprijs" : "Gelijke score"

            // Judge the ROs as they stand without this case.
            var without = outcome.sharesAfter
            without.weight[assigned, default: 0] -= c.weight
            var used = outcome.capacityUsed
            used[assigned, default: 0] -= c.weight
            let (preferred, step) = prefer(tied, relation: c.relation, caseId: c.id, shares: without, used: used, instance: instance)

            if preferred == assigned {
                decisions[c.id] = decision(tied, chosen: assigned, step: step, equal: equal)
            } else if hasRoom(preferred, for: c.weight, leaving: assigned, outcome: outcome, instance: instance) {
                outcome.assignments[c.id] = preferred
                outcome.capacityUsed[assigned, default: 0] -= c.weight
                outcome.capacityUsed[preferred, default: 0] += c.weight
                outcome.sharesAfter.weight[assigned, default: 0] -= c.weight
                outcome.sharesAfter.weight[preferred, default: 0] += c.weight
                decisions[c.id] = decision(tied, chosen: preferred, step: step, equal: equal)
            } else {
                decisions[c.id] = TieDecision(
                    tied: tied,
                    chosen: assigned,
                    step: .noRoom,
                    explanation: "\(equal) (\(TieDecision.label(tied))); \(assigned.displayName) gekozen: "
                        + "\(preferred.displayName) had vandaag geen ruimte binnen capaciteit of bandbreedte."
                )
            }
        }
        return (outcome, decisions)
    }

    /// The RO the rule prefers among `tied`, and the step that decided.
    static func prefer(
        _ tied: [RO],
        relation: RO?,
        caseId: String,
        shares: PeriodShares,
        used: [RO: Double],
        instance: DayInstance
    )
        -> (RO, TieStep)
    {
        if let relation, tied.contains(relation) { return (relation, .continuity) }
        let config = instance.config
        func belowMidpoint(_ ro: RO) -> Double {
            let band = config.band(ro)
            return (band.min + band.max) / 2 - shares.share(ro)
        }
        func freeRelative(_ ro: RO) -> Double {
            let capacity = config.capacity(ro)
            guard capacity > 0 else { return 0 }
            return ((instance.capacityLeft[ro] ?? 0) - (used[ro] ?? 0)) / capacity
        }
        var candidates = tied
        for (measure, step) in [(belowMidpoint, TieStep.bandMidpoint), (freeRelative, TieStep.capacity)] {
            let top = candidates.map(measure).max()!
            candidates = candidates.filter { measure($0) >= top - 1e-9 }
            if candidates.count == 1 { return (candidates[0], step) }
        }
        return (candidates[Int(stableHash(caseId) % UInt64(candidates.count))], .caseId)
    }

    /// Moving `weight` from `from` to `ro` fits `ro`'s capacity and neither raises `ro` above its band
    /// nor drops `from` below its band: the objective the solver proved stays what it was.
    static func hasRoom(_ ro: RO, for weight: Double, leaving from: RO, outcome: DayOutcome, instance: DayInstance) -> Bool {
        let tolerance = 1e-9
        let free = (instance.capacityLeft[ro] ?? 0) - (outcome.capacityUsed[ro] ?? 0)
        guard free >= weight - tolerance else { return false }
        let shares = outcome.sharesAfter
        let base = shares.intake
        let to = instance.config.band(ro)
        let away = instance.config.band(from)
        return (shares.weight[ro] ?? 0) + weight <= to.max * base + tolerance
            && (shares.weight[from] ?? 0) - weight >= away.min * base - tolerance
    }

    static func decision(_ tied: [RO], chosen: RO, step: TieStep, equal: String = "Gelijke score") -> TieDecision {
        let why: String =
            switch step {
            case .continuity: "lopend traject bij \(chosen.displayName) (continuïteit)"
            case .bandMidpoint: "verst onder het midden van de bandbreedte"
            case .capacity: "meeste vrije capaciteit naar verhouding"
            case .caseId, .noRoom: "verder gelijk; vaste keuze op zaaknummer"
            }
        return TieDecision(
            tied: tied,
            chosen: chosen,
            step: step,
            explanation: "\(equal) (\(TieDecision.label(tied))); \(chosen.displayName) gekozen: \(why)."
        )
    }

    /// FNV-1a over the id's bytes: the same on every machine and run (Swift's `hashValue` is seeded).
    public static func stableHash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
