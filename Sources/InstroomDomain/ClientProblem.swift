import Foundation

/// The client's problems: the second axis. LVB is not here: it comes from the SCIL screener.
public enum ClientProblem: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, OrderedByCode {
    case verslaving
    case psychiatrie
    case dakloos
    case overlast
    case vervreemding
    case schulden
}
