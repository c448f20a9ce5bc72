import InstroomDomain

/// Shares and bands per RO at the moment a case was escalated (the `escalation.context` column):
/// the commissie judges with what the model saw.
public struct EscalationContext: Codable, Sendable, Equatable {
    public struct Share: Codable, Sendable, Equatable {
        public var share: Double
        public var weight: Double
        public var band: Bandwidth
        public var withinBand: Bool
        public init(share: Double, weight: Double, band: Bandwidth, withinBand: Bool) {
            self.share = share
            self.weight = weight
            self.band = band
            self.withinBand = withinBand
        }
    }
    public var periodStart: String
    public var periodEnd: String
    /// Per RO code (SVG, RN, LJR), after the run that raised the escalation (or when contested).
    public var shares: [String: Share]
    public init(periodStart: String, periodEnd: String, shares: [String: Share]) {
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.shares = shares
    }
}
