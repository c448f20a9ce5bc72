import Pages

/// The sweep report as the `sweep-report` template reads it: the trade-off charts and one row per
/// variant, every figure formatted in Dutch, no markup.
public struct SweepReportPage: Sendable {
    public struct Axis: Sendable {
        public var key: String
        /// "0,1; 0,25; 0,4".
        public var values: String
        /// No comma after the last axis.
        public var last: Bool
    }

    /// A valid variant's figures, one table cell each.
    public struct Figures: Sendable {
        public var bands: String
        public var atBestFit: String
        public var fitLostToBands: String
        public var fitLostToCapacity: String
        public var fitWaitingAtEnd: String
        public var fitLost: String
        public var waitingAtEnd: String
        public var hardBandFailureDays: String
        public var softSlack: String
        public var slackAtPeriodEnd: String
        public var escalatedCases: String
        public var daysWithWaiting: String
    }

    public struct Variant: Sendable {
        public var number: Int
        public var settings: [String]
        /// Why the variant is invalid (Dutch); then `result` is nil.
        public var error: String?
        /// Not `figures`: a missing value would fall through to the page's charts in the template.
        public var result: Figures?
    }

    public var title: String
    public var variantCount: String
    public var scenarioName: String
    /// "1.234 zaken in 250 werkdagen".
    public var intake: String
    public var axes: [Axis]
    /// Which shard this partial result is, if it is one.
    public var shard: String?
    public var figures: [ReportFigure]
    public var varyKeys: [String]
    public var variants: [Variant]
}
