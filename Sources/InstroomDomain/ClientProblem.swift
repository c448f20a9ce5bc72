import Foundation

/// The client's problems: the second axis. LVB is not here: it comes from the SCIL screener.
public enum ClientProblem: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Comparable {
    case verslaving
    case psychiatrie
    case dakloos
    case overlast
    case vervreemding
    case schulden
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
