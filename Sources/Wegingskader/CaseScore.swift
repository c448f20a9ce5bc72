import Foundation
import InstroomDomain

/// One rule that fired for one RO, with its points: the raw material of every explanation.
public struct Contribution: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case base, criterion, route, exclusion }

    public var ruleId: String
    /// Dutch; for a risk-specific weight it names the level ("Huiselijk geweld bij hoog risico").
    public var label: String
    public var ro: RO
    /// Fit points; routes and exclusions add none (they decide who may take the case).
    public var points: Int
    public var kind: Kind
    public var rationale: String

    public init(ruleId: String, label: String, ro: RO, points: Int, kind: Kind, rationale: String) {
        self.ruleId = ruleId
        self.label = label
        self.ro = ro
        self.points = points
        self.kind = kind
        self.rationale = rationale
    }

    /// The Dutch sentence for the RO this contribution is about.
    public var sentence: String {
        switch kind {
        case .base, .criterion: "\(label): \(Contribution.signed(points)) voor \(ro.displayName)"
        case .route: "Route: \(label) alleen bij \(ro.displayName)"
        case .exclusion: "Uitgesloten: \(label) — niet bij \(ro.displayName)"
        }
    }

    static func signed(_ points: Int) -> String { points < 0 ? "\(points)" : "+\(points)" }
}

/// Missing or stale critical data: a data-quality signal, never a guess.
public struct DataFlag: Sendable, Codable, Equatable, Hashable {
    /// `scil_onbekend`, `scil_verouderd`, `risc_onbekend`, `risc_verouderd`.
    public var code: String
    /// Dutch.
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }

    public static let scilUnknown = DataFlag(
        code: "scil_onbekend", label: "SCIL ontbreekt: LVB is niet vastgesteld en ook niet uitgesloten"
    )
    public static let riscUnknown = DataFlag(
        code: "risc_onbekend", label: "RISc ontbreekt: het risico op recidive is onbekend"
    )
    public static func scilStale(after days: Int) -> DataFlag {
        DataFlag(code: "scil_verouderd", label: "SCIL is ouder dan \(days) dagen en telt als onbekend")
    }
    public static func riscStale(after days: Int) -> DataFlag {
        DataFlag(code: "risc_verouderd", label: "RISc is ouder dan \(days) dagen en telt als onbekend")
    }
}

/// How well each RO fits one case under one rule set, and why.
public struct CaseScore: Sendable, Equatable {
    /// Fit per RO, for all three ROs (also those barred, so the explanation is complete).
    public var scores: [RO: Int]
    /// The ROs that may take the case after routes and exclusions, in `RO.allCases` order; never empty.
    public var allowed: [RO]
    public var contributions: [Contribution]
    public var flags: [DataFlag]
    /// The highest score among `allowed`; ties go to the first in `RO.allCases` order.
    public var bestFit: RO
    public var runnerUp: RO?
    /// Best minus runner-up; nil when only one RO is allowed.
    public var margin: Int?
    /// The margin is within the rule set's near-tie margin: a case for the experts (or the commissie).
    public var isNearTie: Bool
    /// The best score is below the rule set's minimum fit: "geen passende RO".
    public var isUnfit: Bool

    public init(
        scores: [RO: Int], allowed: [RO], contributions: [Contribution], flags: [DataFlag],
        bestFit: RO, runnerUp: RO?, margin: Int?, isNearTie: Bool, isUnfit: Bool
    ) {
        self.scores = scores
        self.allowed = allowed
        self.contributions = contributions
        self.flags = flags
        self.bestFit = bestFit
        self.runnerUp = runnerUp
        self.margin = margin
        self.isNearTie = isNearTie
        self.isUnfit = isUnfit
    }

    public func score(_ ro: RO) -> Int { scores[ro] ?? 0 }

    public func isAllowed(_ ro: RO) -> Bool { allowed.contains(ro) }

    /// Dutch sentences for one RO, in rule-file order; the base sentence always comes first.
    public func reasons(for ro: RO) -> [String] {
        var sentences: [String] = []
        for c in contributions {
            if c.ro == ro {
                sentences.append(c.sentence)
            } else if c.kind == .route {
                sentences.append("Niet toegestaan: \(c.label) alleen bij \(c.ro.displayName) (route)")
            }
        }
        return sentences
    }

    /// The bonus the allocator adds for an existing trajectory (convenant rule 8), in Dutch.
    public static func continuityReason(_ ro: RO, bonus: Int) -> String {
        "Continuïteit: lopend traject bij \(ro.displayName): \(Contribution.signed(bonus)) voor \(ro.displayName)"
    }

    /// A Dutch paragraph for an escalation or a golden-case report.
    public var explanation: String {
        var lines: [String] = []
        var head = "Best passend: \(bestFit.displayName) (\(score(bestFit)))"
        if let runnerUp, let margin {
            head += ", daarna \(runnerUp.displayName) (\(score(runnerUp))), verschil \(margin)"
        } else {
            head += ", enige toegestane RO"
        }
        if isNearTie { head += "; bijna gelijk: voorleggen aan de inhoudsdeskundigen" }
        if isUnfit { head += "; geen passende RO" }
        lines.append(head + ".")
        for ro in RO.allCases {
            let status = isAllowed(ro) ? "" : ", niet toegestaan"
            lines.append("  \(ro.displayName) \(score(ro))\(status): " + reasons(for: ro).joined(separator: "; "))
        }
        for flag in flags { lines.append("  Let op: \(flag.label).") }
        return lines.joined(separator: "\n")
    }
}

extension CaseScore: Codable {
    enum CodingKeys: String, CodingKey {
        case scores, allowed, bestFit, runnerUp, margin, isNearTie, isUnfit, flags, contributions
    }

    /// `scores` is written as an object keyed by RO code (`{"SVG": 3, "RN": 1, "LJR": 1}`), not as the
    /// key-value array Swift uses for enum-keyed dictionaries.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value) }), forKey: .scores)
        try c.encode(allowed, forKey: .allowed)
        try c.encode(bestFit, forKey: .bestFit)
        try c.encodeIfPresent(runnerUp, forKey: .runnerUp)
        try c.encodeIfPresent(margin, forKey: .margin)
        try c.encode(isNearTie, forKey: .isNearTie)
        try c.encode(isUnfit, forKey: .isUnfit)
        try c.encode(flags, forKey: .flags)
        try c.encode(contributions, forKey: .contributions)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var scores: [RO: Int] = [:]
        for (key, value) in try c.decode([String: Int].self, forKey: .scores) {
            guard let ro = RO(rawValue: key) else {
                throw DecodingError.dataCorruptedError(forKey: .scores, in: c, debugDescription: "unknown RO '\(key)'")
            }
            scores[ro] = value
        }
        self.init(
            scores: scores, allowed: try c.decode([RO].self, forKey: .allowed),
            contributions: try c.decode([Contribution].self, forKey: .contributions),
            flags: try c.decode([DataFlag].self, forKey: .flags), bestFit: try c.decode(RO.self, forKey: .bestFit),
            runnerUp: try c.decodeIfPresent(RO.self, forKey: .runnerUp), margin: try c.decodeIfPresent(Int.self, forKey: .margin),
            isNearTie: try c.decode(Bool.self, forKey: .isNearTie), isUnfit: try c.decode(Bool.self, forKey: .isUnfit)
        )
    }
}

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

    struct HardRule: Sendable {
        let condition: Condition
        let roIndex: Int
        let contribution: Contribution
    }

    let base: [Points]
    let criteria: [WeighedRule]
    let routes: [HardRule]
    let exclusions: [HardRule]

    static let ros = RO.allCases
    static func index(_ ro: RO) -> Int { ros.firstIndex(of: ro)! }

    init(base: [RO: Int], criteria: [Criterion], routes: [Route], exclusions: [Exclusion]) {
        self.base = CompiledRules.ros.map { ro in
            Points(index: CompiledRules.index(ro), contribution: Contribution(
                ruleId: "basis", label: RuleSet.baseLabel, ro: ro, points: base[ro] ?? 0, kind: .base, rationale: RuleSet.baseRationale
            ))
        }
        func points(_ weights: [RO: Int], _ c: Criterion, label: String) -> [Points] {
            CompiledRules.ros.compactMap { ro in
                guard let p = weights[ro], p != 0 else { return nil }
                return Points(index: CompiledRules.index(ro), contribution: Contribution(
                    ruleId: c.id, label: label, ro: ro, points: p, kind: .criterion, rationale: c.rationale
                ))
            }
        }
        self.criteria = criteria.map { c in
            WeighedRule(
                condition: c.condition, points: points(c.weights, c, label: c.label),
                pointsByRisk: RiscLevel.allCases.map { level in c.byRisk[level].map { points($0, c, label: c.label(at: level)) } }
            )
        }
        self.routes = routes.map {
            HardRule(condition: $0.condition, roIndex: CompiledRules.index($0.ro), contribution: Contribution(
                ruleId: $0.id, label: $0.label, ro: $0.ro, points: 0, kind: .route, rationale: $0.rationale
            ))
        }
        self.exclusions = exclusions.map {
            HardRule(condition: $0.condition, roIndex: CompiledRules.index($0.ro), contribution: Contribution(
                ruleId: $0.id, label: $0.label, ro: $0.ro, points: 0, kind: .exclusion, rationale: $0.rationale
            ))
        }
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

        var best = -1, second = -1
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
            contributions: contributions, flags: flags(facts), bestFit: ros[best],
            runnerUp: second >= 0 ? ros[second] : nil, margin: margin,
            isNearTie: margin.map { $0 <= nearTieMargin } ?? false, isUnfit: totals[best] < minimumFit
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
