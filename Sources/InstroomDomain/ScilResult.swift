import Foundation

/// Outcome of the SCIL screener. `onbekend` is a data-quality signal, never an LVB "no".
public enum ScilResult: String, CaseIterable, Codable, Sendable {
    case lvb
    case geenLVB = "geen_lvb"
    case onbekend
}
