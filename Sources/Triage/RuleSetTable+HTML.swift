import Pages
import Wegingskader

extension RuleSetTable {
    /// The table's content for the `rule-table` template.
    public static func page(_ rules: RuleSet) -> RuleTablePage {
        let head = header(rules)
        return RuleTablePage(
            title: "\(rules.title) \(rules.version)",
            heading: head[0],
            summary: head[1],
            columns: columns,
            columnCount: columns.count,
            sections: rows(rules).map { RuleTablePage.Section(name: $0.section, rows: $0.rows) }
        )
    }

    /// A standalone Dutch HTML page (inline CSS, a print stylesheet); every text from the rule file is escaped.
    public static func html(_ rules: RuleSet) throws -> String {
        try PageRenderer().render("rule-table", page(rules))
    }
}
