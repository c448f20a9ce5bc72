import InstroomDomain

/// Everything one allocation run writes, assembled before the transaction opens.
public struct RunDraft: Sendable {
    public struct NewCase: Sendable {
        public var intake: IntakeCase
        public var weight: Double
        public init(intake: IntakeCase, weight: Double) {
            self.intake = intake
            self.weight = weight
        }
    }

    public struct Assignment: Sendable {
        public var caseId: String
        public var ro: RO
        public var weight: Double
        public var final: Bool
        public var bestFit: RO?
        public var scores: StoredScores
        public init(caseId: String, ro: RO, weight: Double, final: Bool, bestFit: RO?, scores: StoredScores) {
            self.caseId = caseId
            self.ro = ro
            self.weight = weight
            self.final = final
            self.bestFit = bestFit
            self.scores = scores
        }
    }

    public struct Escalation: Sendable {
        public var caseId: String
        public var reasons: [EscalationReason]
        public var provisionalRO: RO?
        /// Shares and bands after the run, for the dossier.
        public var context: EscalationContext?
        /// Who raised it when not the run's actor: the triage expert who contested the draft.
        public var raisedBy: String?
        public init(
            caseId: String,
            reasons: [EscalationReason],
            provisionalRO: RO?,
            context: EscalationContext? = nil,
            raisedBy: String? = nil
        ) {
            self.caseId = caseId
            self.reasons = reasons
            self.provisionalRO = provisionalRO
            self.context = context
            self.raisedBy = raisedBy
        }
    }

    /// The run's own row (day, settings, solver outcome); its id, start time, rule hash and case
    /// count are filled in when recorded.
    public var run: RunRecord
    public var actor: String
    public var ruleSet: RuleSetRecord
    public var newCases: [NewCase]
    public var assignments: [Assignment]
    public var escalations: [Escalation]
    public var escalationDeadline: Day
    /// Band forecasts of this run (status open; runId and createdAt are filled in when recorded).
    /// nil: no forecast was made and open alerts are left alone; empty: every band is forecast to hold,
    /// so open alerts are resolved.
    public var bandAlerts: [BandAlertRecord]? = nil
    /// The reviewed proposal this run confirms: removed in the same transaction, with a `confirm` audit entry.
    public var confirmation: Confirmation? = nil

    public struct Confirmation: Sendable {
        public var day: Day
        /// Dutch: who confirmed, what was accepted, overridden and contested.
        public var detail: String
        public init(day: Day, detail: String) {
            self.day = day
            self.detail = detail
        }
    }

    public init(
        run: RunRecord,
        actor: String,
        ruleSet: RuleSetRecord,
        newCases: [NewCase],
        assignments: [Assignment],
        escalations: [Escalation],
        escalationDeadline: Day
    ) {
        self.run = run
        self.actor = actor
        self.ruleSet = ruleSet
        self.newCases = newCases
        self.assignments = assignments
        self.escalations = escalations
        self.escalationDeadline = escalationDeadline
    }
}
