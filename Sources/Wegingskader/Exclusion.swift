import Foundation
import InstroomDomain

/// An RO that may not take such a case.
public struct Exclusion: Sendable, Equatable {
    public var id: String
    public var label: String
    public var condition: Condition
    public var ro: RO
    public var rationale: String
    public var line: Int?

    public init(id: String, label: String, condition: Condition, ro: RO, rationale: String, line: Int? = nil) {
        self.id = id
        self.label = label
        self.condition = condition
        self.ro = ro
        self.rationale = rationale
        self.line = line
    }
}
