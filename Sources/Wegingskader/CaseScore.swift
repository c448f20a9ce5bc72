import Foundation
import InstroomDomain

/// How well each RO fits one case under one rule set, and why.
public struct CaseScore: Codable, Sendable, Equatable {
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
        scores: [RO: Int],
        allowed: [RO],
        contributions: [Contribution],
        flags: [DataFlag],
        bestFit: RO,
        runnerUp: RO?,
        margin: Int?,
        isNearTie: Bool,
        isUnfit: Bool
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
