import InstroomDomain

/// The structured side of an audit entry, next to its Dutch `detail`: what a program (or a later
/// report) needs without parsing Dutch sentences. Every field is optional; only those that apply are stored.
public struct AuditData: Codable, Sendable, Hashable {
    public var escalationId: Int64?
    public var bandAlertId: Int64?
    /// The alert a new band forecast replaced.
    public var supersededBy: Int64?
    public var decisionId: Int64?
    public var ro: RO?
    public var roBefore: RO?
    public var roAfter: RO?
    public var final: Bool?
    public var reasons: [EscalationCode]?
    public var ruleVersion: String?
    public var ruleHash: String?
    public var solverStatus: RunStatus?
    public var newCases: Int?
    public var assigned: Int?
    public var escalated: Int?
    /// Fit points a deviation from the proposal costs (gemotiveerd afwijken).
    public var fitLoss: Int?
    /// Cases whose facts and explanations a purge removed (from v6 on).
    public var purged: Int?
    /// The purge's cut-off: cases received before this day (from v6 on).
    public var receivedBefore: String?

    public init(
        escalationId: Int64? = nil,
        bandAlertId: Int64? = nil,
        supersededBy: Int64? = nil,
        decisionId: Int64? = nil,
        ro: RO? = nil,
        roBefore: RO? = nil,
        roAfter: RO? = nil,
        final: Bool? = nil,
        reasons: [EscalationCode]? = nil,
        ruleVersion: String? = nil,
        ruleHash: String? = nil,
        solverStatus: RunStatus? = nil,
        newCases: Int? = nil,
        assigned: Int? = nil,
        escalated: Int? = nil,
        fitLoss: Int? = nil,
        purged: Int? = nil,
        receivedBefore: String? = nil
    ) {
        self.escalationId = escalationId
        self.bandAlertId = bandAlertId
        self.supersededBy = supersededBy
        self.decisionId = decisionId
        self.ro = ro
        self.roBefore = roBefore
        self.roAfter = roAfter
        self.final = final
        self.reasons = reasons
        self.ruleVersion = ruleVersion
        self.ruleHash = ruleHash
        self.solverStatus = solverStatus
        self.newCases = newCases
        self.assigned = assigned
        self.escalated = escalated
        self.fitLoss = fitLoss
        self.purged = purged
        self.receivedBefore = receivedBefore
    }
}
