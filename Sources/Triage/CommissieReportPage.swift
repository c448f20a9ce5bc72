import InstroomDomain

/// The commissie report as the `commissie-report` template reads it: every figure and label already
/// formatted in Dutch, no markup (the template adds it and escapes every text).
public struct CommissieReportPage: Sendable {
    public struct Card: Sendable {
        public var value: String
        public var label: String
        public var sub: String?
        public var alert: Bool
    }

    public struct Anchor: Sendable {
        public var anchor: String
        public var text: String
    }

    /// One line of an escalation's explanation: the primary reason's detail, or a further reason under its label.
    public struct WhyLine: Sendable {
        public var first: Bool
        public var also: String?
        public var detail: String
    }

    public struct EscalationRow: Sendable {
        public var id: Int64
        public var caseId: String
        public var kind: String
        public var provisional: String
        public var bestFit: String
        public var day: String
        public var deadline: String
        public var overdue: Bool
        /// "2 werkdagen te laat".
        public var late: String?
        public var why: [WhyLine]
    }

    public struct Group: Sendable {
        public var number: Int
        public var code: String
        public var label: String
        public var size: String
        public var overdueText: String?
        public var rows: [EscalationRow]
    }

    public struct DecisionRow: Sendable {
        public var id: Int64
        public var caseId: String
        public var reason: String
        public var moved: Bool
        public var before: String
        public var after: String
        public var days: Int
        public var decidedBy: String
        public var date: String
        public var rationale: String
    }

    public struct ReasonRow: Sendable {
        public var dim: Bool
        public var label: String
        public var code: String
        public var count: Int
        public var barPercent: Int
        public var primary: Int
        public var perRO: [Int]
        public var decided: String
        public var moved: String
    }

    public struct RORow: Sendable {
        public var ro: String
        public var escalations: Int
        public var confirmed: Int
        public var movedAway: Int
        public var movedTo: Int
        public var open: Int
    }

    public struct CriterionRow: Sendable {
        public var hot: Bool
        public var label: String
        public var ruleId: String
        public var kind: String
        public var ro: String
        /// With its sign: "+3", "-2", "0".
        public var points: String
        public var moved: Int
        public var confirmed: Int
        public var favouredModelRO: Int
        public var favouredCommissieRO: Int
    }

    public struct BandAlertRow: Sendable {
        public var open: Bool
        public var ref: String
        public var ro: String
        public var day: String
        public var share: String
        public var projected: String
        public var band: String
        public var status: String
        public var detail: String
    }

    public var title: String
    public var subtitle: String
    public var cards: [Card]
    public var toc: [Anchor]
    /// The sentence above the agenda; nil when nothing is open.
    public var agendaIntro: String?
    public var agendaItems: [String]
    public var groups: [Group]
    /// The sentence above the decisions; nil when there are none.
    public var decisionsNote: String?
    public var decisions: [DecisionRow]
    public var roNames: [String]
    public var reasons: [ReasonRow]
    public var ros: [RORow]
    public var criteria: [CriterionRow]
    /// Stored, not computed: the template reads fields by reflection.
    public var hasCriteria: Bool
    public var bandAlerts: [BandAlertRow]
    public var hasBandAlerts: Bool
}
