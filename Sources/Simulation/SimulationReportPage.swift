import Pages

/// The simulation report as the `simulation-report` template reads it: tables, charts and texts in
/// Dutch, no markup.
public struct SimulationReportPage: Sendable {
    public struct Difference: Sendable {
        public var baseTitle: String
        /// One sentence per scenario (`SimulationReport.keyPoints`).
        public var points: [Point]
        public var table: ReportTable
    }

    /// A scenario's differences with the baseline in a sentence, after its title.
    public struct Point: Sendable, Equatable {
        public var title: String
        public var text: String
    }

    public struct Hindsight: Sendable {
        /// One sentence per scenario with hindsight (`SimulationReport.hindsightPoint`).
        public var points: [Point]
        public var table: ReportTable
        /// "20 werkdagen": the hindsight model's block length.
        public var blockDays: String
    }

    public struct Scenario: Sendable {
        public var color: String
        public var title: String
        public var name: String
        public var description: String
        public var assumptions: [String]
        public var hasFailures: Bool
        /// The first days on which the hard bands could not hold, with why.
        public var failures: [String]
        public var moreFailures: String?
    }

    public var title: String
    public var lead: String?
    public var summary: ReportTable
    public var difference: Difference?
    public var hindsight: Hindsight?
    public var shareFigures: [ReportFigure]
    public var fitFigures: [ReportFigure]
    public var escalationFigure: ReportFigure
    public var escalationTable: ReportTable
    public var utilisationFigures: [ReportFigure]
    public var scenarios: [Scenario]
}
