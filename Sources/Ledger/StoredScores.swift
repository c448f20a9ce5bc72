import InstroomDomain

/// What the wegingskader said about a case when it was assigned: the `assignment.scores` column.
///
/// Owned by the ledger so that a change to the `allocate --json` line does not change the audit
/// format. The field names are those of the line that ledgers up to v2 stored (which carried more
/// fields; they are ignored), so old rows read as they are.
public struct StoredScores: Codable, Sendable, Hashable {
    /// A data-quality flag (missing or stale SCIL or RISc) as the wegingskader raised it.
    public struct Flag: Codable, Sendable, Hashable {
        /// `scil_onbekend`, `scil_verouderd`, `risc_onbekend`, `risc_verouderd`.
        public var code: String
        /// Dutch.
        public var label: String
        public init(code: String, label: String) {
            self.code = code
            self.label = label
        }
    }

    /// Fit per RO code (`SVG`, `RN`, `LJR`).
    public var scores: [String: Int]
    public var bestFit: RO
    /// Dutch sentences per RO code: every criterion that fired and its contribution.
    public var reasons: [String: [String]]
    /// The RO the client already had a trajectory with.
    public var continuity: RO?
    public var flags: [Flag]
    public var ruleVersion: String
    public var ruleHash: String

    public init(
        scores: [String: Int],
        bestFit: RO,
        reasons: [String: [String]],
        continuity: RO?,
        flags: [Flag],
        ruleVersion: String,
        ruleHash: String
    ) {
        self.scores = scores
        self.bestFit = bestFit
        self.reasons = reasons
        self.continuity = continuity
        self.flags = flags
        self.ruleVersion = ruleVersion
        self.ruleHash = ruleHash
    }
}
