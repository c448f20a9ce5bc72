import InstroomDomain

/// What a day's proposal holds while the triagepunt reviews it: the cases to allocate and every
/// judgement made on the draft so far. The plan itself is recomputed from these (same input, same
/// plan), so the stored draft never disagrees with what the solver would do.
public struct ProposalContent: Codable, Sendable, Equatable {
    /// Gemotiveerd afwijken: the case goes to `ro`, for `reason`, at the cost measured when it was set.
    public struct Override: Codable, Sendable, Equatable {
        public var ro: RO
        public var reason: String
        public var by: String
        public var at: String
        /// The RO the proposal had before the deviation.
        public var proposedRO: RO?
        /// Fit points lost against the best allowed RO.
        public var fitLoss: Int
        /// How much the whole day's objective fell (other cases re-optimised around the pin).
        public var objectiveCost: Double
        public init(ro: RO, reason: String, by: String, at: String, proposedRO: RO?, fitLoss: Int, objectiveCost: Double) {
            self.ro = ro
            self.reason = reason
            self.by = by
            self.at = at
            self.proposedRO = proposedRO
            self.fitLoss = fitLoss
            self.objectiveCost = objectiveCost
        }
    }

    /// Who agreed with a review item or contested a case, when, and why.
    public struct Note: Codable, Sendable, Equatable {
        public var by: String
        public var at: String
        public var text: String?
        public init(by: String, at: String, text: String? = nil) {
            self.by = by
            self.at = at
            self.text = text
        }
    }

    /// The day's new cases and the cases still waiting from earlier days, as they were proposed.
    public var cases: [IntakeCase]
    /// Which of `cases` are new (the rest waited).
    public var newCaseIds: [String]
    public var intakeFile: String?
    public var overrides: [String: Override] = [:]
    public var contests: [String: Note] = [:]
    public var accepted: [String: Note] = [:]
    /// The wegingskader the draft was proposed with (its hash, version and whole source): the review and
    /// the confirmation use it, whatever the beheerder activates meanwhile. Nil in drafts stored before
    /// it was recorded; those use the current one.
    public var rulesHash: String?
    public var rulesVersion: String?
    public var rulesSource: String?

    public init(
        cases: [IntakeCase],
        newCaseIds: [String],
        intakeFile: String?,
        rulesHash: String? = nil,
        rulesVersion: String? = nil,
        rulesSource: String? = nil
    ) {
        self.cases = cases
        self.newCaseIds = newCaseIds
        self.intakeFile = intakeFile
        self.rulesHash = rulesHash
        self.rulesVersion = rulesVersion
        self.rulesSource = rulesSource
    }
}
