import Foundation
import InstroomDomain

// MARK: - Scoring

/// The rules as the hot path wants them: index-addressed weights, prebuilt contributions, compiled conditions.
struct CompiledRules: Sendable {
    struct Points: Sendable {
        let index: Int
        let contribution: Contribution
    }

    struct WeighedRule: Sendable {
        let condition: Condition
        let points: [Points]
        /// Indexed by RiscLevel position; nil means "use `points`".
        let pointsByRisk: [[Points]?]
    }

    struct Gate: Sendable {
        let condition: Condition
        let roIndex: Int
        let contribution: Contribution
    }

    let base: [Points]
    let criteria: [WeighedRule]
    let routes: [Gate]
    let exclusions: [Gate]

    static let ros = RO.allCases
    static func index(_ ro: RO) -> Int { ros.firstIndex(of: ro)! }

    init(base: [RO: Int], criteria: [Criterion], routes: [HardRule], exclusions: [HardRule]) {
        self.base = CompiledRules.ros.map { ro in
            Points(
                index: CompiledRules.index(ro),
                contribution: Contribution(
                    ruleId: "basis",
                    label: RuleSet.baseLabel,
                    ro: ro,
                    points: base[ro] ?? 0,
                    kind: .base,
                    rationale: RuleSet.baseRationale
                )
            )
        }
        func points(_ weights: [RO: Int], _ c: Criterion, label: String) -> [Points] {
            CompiledRules.ros.compactMap { ro in
                guard let p = weights[ro], p != 0 else { return nil }
                return Points(
                    index: CompiledRules.index(ro),
                    contribution: Contribution(
                        ruleId: c.id,
                        label: label,
                        ro: ro,
                        points: p,
                        kind: .criterion,
                        rationale: c.rationale
                    )
                )
            }
        }
        self.criteria = criteria.map { c in
            WeighedRule(
                condition: c.condition,
                points: points(c.weights, c, label: c.label),
                pointsByRisk: RiscLevel.allCases.map { level in c.byRisk[level].map { points($0, c, label: c.label(at: level)) } }
            )
        }
        func gate(_ rule: HardRule) -> Gate {
            Gate(
                condition: rule.condition,
                roIndex: CompiledRules.index(rule.ro),
                contribution: Contribution(
                    ruleId: rule.id,
                    label: rule.label,
                    ro: rule.ro,
                    points: 0,
                    kind: rule.effect == .route ? .route : .exclusion,
                    rationale: rule.rationale
                )
            )
        }
        self.routes = routes.map(gate)
        self.exclusions = exclusions.map(gate)
    }
}

extension RuleSet {
    /// Scores one case on the day its facts are read for (stale facts count as unknown).
    public func score(_ facts: FactView) -> CaseScore {
        let bits = FactBits(facts)
        let riskIndex = RiscLevel.allCases.firstIndex(of: bits.risc)!
        var totals = [0, 0, 0]
        var contributions: [Contribution] = []
        contributions.reserveCapacity(8)
        for p in compiled.base {
            totals[p.index] += p.contribution.points
            contributions.append(p.contribution)
        }
        for rule in compiled.criteria where rule.condition.holds(bits) {
            for p in rule.pointsByRisk[riskIndex] ?? rule.points {
                totals[p.index] += p.contribution.points
                contributions.append(p.contribution)
            }
        }
        var allowedMask = 0b111
        for rule in compiled.routes where rule.condition.holds(bits) {
            allowedMask &= 1 << rule.roIndex
            contributions.append(rule.contribution)
        }
        for rule in compiled.exclusions where rule.condition.holds(bits) {
            allowedMask &= ~(1 << rule.roIndex)
            contributions.append(rule.contribution)
        }
        // Loading refuses rule sets whose hard rules can bar every RO; this only guards the impossible.
        if allowedMask == 0 { allowedMask = 0b111 }

        var best = -1
        var second = -1
        for i in 0..<3 where allowedMask & (1 << i) != 0 {
            if best < 0 || totals[i] > totals[best] {
                second = best
                best = i
            } else if second < 0 || totals[i] > totals[second] {
                second = i
            }
        }
        let ros = CompiledRules.ros
        let margin = second >= 0 ? totals[best] - totals[second] : nil
        return CaseScore(
            scores: [ros[0]: totals[0], ros[1]: totals[1], ros[2]: totals[2]],
            allowed: (0..<3).filter { allowedMask & (1 << $0) != 0 }.map { ros[$0] },
            contributions: contributions,
            flags: flags(facts),
            bestFit: ros[best],
            runnerUp: second >= 0 ? ros[second] : nil,
            margin: margin,
            isNearTie: margin.map { $0 <= nearTieMargin } ?? false,
            isUnfit: totals[best] < minimumFit
        )
    }

    /// SCIL and RISc are critical: a missing one is a data-quality signal; a stale one says so.
    private func flags(_ facts: FactView) -> [DataFlag] {
        var flags: [DataFlag] = []
        let intake = facts.intake
        if intake.scil == .onbekend {
            flags.append(.scilUnknown)
        } else if facts.scil == .onbekend {
            flags.append(.scilStale(after: facts.staleAfterDays))
        }
        if intake.risc == .onbekend {
            flags.append(.riscUnknown)
        } else if facts.risc == .onbekend {
            flags.append(.riscStale(after: facts.staleAfterDays))
        }
        return flags
    }
}
