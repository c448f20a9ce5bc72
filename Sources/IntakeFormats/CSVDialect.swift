import Foundation

/// The CSV flavours the writer produces; the reader detects both.
public enum CSVDialect: String, CaseIterable, Codable, Sendable {
    /// UTF-8, commas, LF line ends, decimal point, YYYY-MM-DD. The default and the canonical form.
    case standard
    /// What Dutch Excel opens without an import wizard: UTF-8 BOM, semicolons, CRLF, decimal comma,
    /// DD-MM-YYYY.
    case dutchExcel
}
