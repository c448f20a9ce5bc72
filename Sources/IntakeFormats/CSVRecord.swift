import Foundation

/// One CSV record with the physical line (1-based) on which it starts.
struct CSVRecord: Equatable, Sendable {
    var line: Int
    var cells: [String]
}
