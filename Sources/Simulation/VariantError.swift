import Foundation
import InstroomDomain
import Triage
import Wegingskader

public enum VariantError: Error, CustomStringConvertible, Equatable {
    case unknownKey(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unknownKey(let k): "unknown sweep key '\(k)'; expected one of: \(Scenario.variableKeys.joined(separator: ", "))"
        case .invalid(let m): m
        }
    }
}
