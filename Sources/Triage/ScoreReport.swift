import Foundation
import InstroomDomain
import Review
import Wegingskader

/// `instroom score --json`: scores and explanations of an intake, without a solve.
public struct ScoreReport: Codable, Sendable {
    public struct Line: Codable, Sendable {
        public var caseId: String
        public var kind: CaseKind
        public var weight: Double
        public var scores: [String: Int]
        public var allowed: [RO]
        public var bestFit: RO
        public var runnerUp: RO?
        public var nearTie: Bool
        public var unfit: Bool
        public var reasons: [String: [String]]
        public var contributions: [Contribution]
        public var flags: [DataFlag]
    }

    public var date: Day
    public var ruleSet: AllocationReport.RuleSetInfo
    public var cases: [Line]

    public init(_ scored: [ScoredCase], rules: RuleSet, day: Day) {
        date = day
        ruleSet = .init(version: rules.version, hash: rules.hash)
        cases = scored.map { s in
            Line(
                caseId: s.intake.id,
                kind: s.intake.kind,
                weight: s.weight,
                scores: Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, s.score.scores[$0] ?? 0) }),
                allowed: s.score.allowed,
                bestFit: s.score.bestFit,
                runnerUp: s.score.runnerUp,
                nearTie: s.score.isNearTie,
                unfit: s.score.isUnfit,
                reasons: Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, s.score.reasons(for: $0)) }),
                contributions: s.score.contributions,
                flags: s.score.flags
            )
        }
    }
}
