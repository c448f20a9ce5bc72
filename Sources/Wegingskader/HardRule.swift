import Foundation
import InstroomDomain

/// A rule that decides who may take a case instead of weighing the fit: a route (a product only one
/// RO delivers, so only that RO may take the case) or an exclusion (that RO may not take it).
///
/// Both are read, checked for contradictions and explained alike; only their effect differs.
public struct HardRule: Sendable, Equatable {
    public enum Effect: String, Sendable, Equatable {
        /// When the condition holds, only `ro` may take the case.
        case route
        /// When the condition holds, `ro` may not take the case.
        case exclusion
    }

    public var id: String
    public var label: String
    public var condition: Condition
    public var ro: RO
    public var effect: Effect
    public var rationale: String
    /// Line in the rule file, for errors and the rule table.
    public var line: Int?

    public init(id: String, label: String, condition: Condition, ro: RO, effect: Effect, rationale: String, line: Int? = nil) {
        self.id = id
        self.label = label
        self.condition = condition
        self.ro = ro
        self.effect = effect
        self.rationale = rationale
        self.line = line
    }
}
