import Foundation
import InstroomDomain
import Triage
import Wegingskader

public enum VariantError: Error, CustomStringConvertible, Equatable {
    case unknownKey(String)
    /// English for the command line; `dutch` (when given) for the directies' report.
    case invalid(String, dutch: String? = nil)

    public var description: String {
        switch self {
        case .unknownKey(let k): "unknown sweep key '\(k)'; expected one of: \(Scenario.variableKeys.joined(separator: ", "))"
        case .invalid(let m, _): m
        }
    }

    /// What the report says.
    public var dutch: String {
        switch self {
        case .unknownKey(let k): "onbekende instelling '\(k)'"
        case .invalid(let m, let nl): nl ?? m
        }
    }
}
