import Foundation
import InstroomDomain

/// The convenant's three axes along which specialisms are recognised.
public enum Axis: String, CaseIterable, Codable, Sendable {
    /// (The context of) the offence.
    case offence = "delict"
    /// The client's problems.
    case problems = "problematiek"
    /// The interventions the case needs.
    case interventions = "interventie"

    /// Dutch, as tables show it.
    public var label: String {
        switch self {
        case .offence: "delict"
        case .problems: "problematiek"
        case .interventions: "interventie"
        }
    }
}
