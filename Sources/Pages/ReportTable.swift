/// A report's table with one column per scenario (or variant) and a labelled row per figure; drawn by the
/// `report-table` partial, shared by the simulation report and any page that compares scenarios.
public struct ReportTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// A colour swatch before the title (the scenario's colour in the charts).
        public var swatch: String?
        public init(title: String, swatch: String? = nil) {
            self.title = title
            self.swatch = swatch
        }
    }

    public struct Cell: Sendable {
        public var text: RichText
        /// Right-aligned.
        public var number: Bool
        public init(_ text: RichText, number: Bool = false) {
            self.text = text
            self.number = number
        }
    }

    public struct Row: Sendable {
        public var label: RichText
        public var cells: [Cell]
        public init(label: RichText, cells: [Cell]) {
            self.label = label
            self.cells = cells
        }
    }

    /// The header of the label column ("" or "Reden").
    public var corner: String
    public var columns: [Column]
    public var rows: [Row]

    public init(corner: String = "", columns: [Column], rows: [Row]) {
        self.corner = corner
        self.columns = columns
        self.rows = rows
    }
}
