import Allocation
import Foundation
import InstroomDomain
import Review
import Wegingskader

/// What `allocate` prints and `--json` documents: per case the RO, the scores and their reasons,
/// the escalations, the shares against their bands, and what the solver proved.
public struct AllocationReport: Codable, Sendable {
    public struct Line: Codable, Sendable, Equatable {
        public var caseId: String
        public var kind: CaseKind
        public var ro: RO
        /// False while the begeleidingscommissie may still move it.
        public var final: Bool
        public var weight: Double
        public var scores: [String: Int]
        public var bestFit: RO
        /// Dutch sentences per RO: every criterion that fired and its contribution.
        public var reasons: [String: [String]]
        public var continuity: RO?
        public var flags: [DataFlag]
        public var ruleVersion: String
        public var ruleHash: String
        /// Present when ROs scored the same: which tied and how the tie rule settled it.
        public var tie: TieDecision? = nil
        /// Every allowed RO with the top score ("SVG = RN" when more than one): a tie is shown as a tie.
        public var bestFits: [RO]? = nil
    }

    public struct Escalation: Codable, Sendable, Equatable {
        public var caseId: String
        /// The primary reason's code, e.g. `bijna_gelijk`.
        public var reason: String
        public var label: String
        public var detail: String
        public var reasons: [EscalationReason]
        public var provisionalRO: RO?
        /// Who looks at it: the triage review, the commissie, or nobody (counted only).
        public var queue: ReviewQueue?
    }

    public struct Share: Codable, Sendable, Equatable {
        public var share: Double
        public var weight: Double
        public var band: Bandwidth
        public var withinBand: Bool
        public var belowSlack: Double
        public var aboveSlack: Double
        public var capacityUsed: Double
        public var capacity: Double
    }

    public struct Solver: Codable, Sendable, Equatable {
        public var status: String
        public var seconds: Double
        /// The time limit GLPK was given (`solver.timeLimitSeconds` of the configuration).
        public var timeLimitSeconds: Double
        public var gap: Double?
        public var nodes: Int
        public var formulation: String
        public var classes: Int
        public var columns: Int
        public var rows: Int
        public var message: String
    }

    public var status: String
    public var date: Day
    public var runId: Int64?
    /// True when every case was already allocated: nothing was written.
    public var unchanged: Bool
    public var newCases: Int
    public var ruleSet: RuleSetInfo
    public var assignments: [Line]
    public var waiting: [String]
    public var escalations: [Escalation]
    public var shares: [String: Share]
    public var objective: Double?
    public var fit: Int
    public var solver: Solver?

    public struct RuleSetInfo: Codable, Sendable, Equatable {
        public var version: String
        public var hash: String
    }
}

extension AllocationReport.Line {
    init(_ s: ScoredCase, ro: RO, final: Bool, rules: RuleSet) {
        caseId = s.intake.id
        kind = s.intake.kind
        self.ro = ro
        self.final = final
        weight = s.weight
        scores = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, s.score.scores[$0] ?? 0) })
        bestFit = s.score.bestFit
        let top = s.score.allowed.map { s.score.score($0) }.max()
        bestFits = s.score.allowed.filter { s.score.score($0) == top }
        reasons = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, s.score.reasons(for: $0)) })
        continuity = s.intake.relation
        flags = s.score.flags
        ruleVersion = rules.version
        ruleHash = rules.hash
    }
}

extension AllocationReport.Escalation {
    init(caseId: String, reasons: [EscalationReason], provisionalRO: RO?) {
        let primary = ReviewRouting.primary(of: reasons)!
        self.caseId = caseId
        reason = primary.code.rawValue
        label = primary.label
        detail = primary.detail
        self.reasons = reasons
        self.provisionalRO = provisionalRO
        queue = ReviewRouting.queue(of: reasons)
    }
}
