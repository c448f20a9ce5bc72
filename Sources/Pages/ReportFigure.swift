/// A captioned chart in a report (`report-figure` partial).
public struct ReportFigure: Sendable {
    public var caption: String
    public var chart: Chart
    public init(caption: String, chart: Chart) {
        self.caption = caption
        self.chart = chart
    }
}
