import Foundation

/// Any table as a CSV file in one of the writer's dialects, for lists people open in a spreadsheet
/// (the day's assignments). Cells are text the caller formatted (Dutch numbers for `dutchExcel`).
public enum CSVTable {
    /// The bytes of the file: a header line, then one line per row; the Dutch Excel dialect starts with
    /// a UTF-8 BOM and uses semicolons and CRLF. A text cell that a spreadsheet would run as a formula
    /// (`=`, `+`, `@`, or `-` not followed by a digit) gets a leading apostrophe, so a reason typed into
    /// a form can never become a formula on a colleague's screen.
    public static func data(header: [String], rows: [[String]], dialect: CSVDialect) -> Data {
        let separator = dialect == .standard ? "," : ";"
        let newline = dialect == .standard ? "\n" : "\r\n"
        var text = ""
        for line in [header] + rows {
            text += line.map { IntakeWriter.quote(defused($0), separator: separator) }.joined(separator: separator) + newline
        }
        var data = Data()
        if dialect == .dutchExcel { data.append(contentsOf: TextDecoding.utf8BOM) }
        data.append(contentsOf: Array(text.utf8))
        return data
    }

    static func defused(_ cell: String) -> String {
        guard let first = cell.first else { return cell }
        let formula =
            first == "=" || first == "+" || first == "@" || first == "\t" || first == "\r"
            || (first == "-" && !(cell.dropFirst().first?.isNumber ?? false))
        return formula ? "'" + cell : cell
    }
}
