import Wegingskader

/// The wegingskader as a standalone table, as the `rule-table` template (Pages) reads it: the rule set's
/// plain rows by section. Here and not in Wegingskader, so the rule module stays free of pages.
public struct RuleTablePage: Sendable {
    public struct Section: Sendable {
        public var name: String
        public var rows: [RuleSetTable.Row]
    }

    public var title: String
    public var heading: String
    public var summary: String
    public var columns: [String]
    /// Stored for the template (read by reflection): the section rows span every column.
    public var columnCount: Int
    public var sections: [Section]
}
