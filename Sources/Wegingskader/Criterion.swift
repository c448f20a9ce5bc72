import Foundation
import InstroomDomain

/// A weighed criterion: when its condition holds, each RO gets its points.
public struct Criterion: Sendable, Equatable {
    public var id: String
    /// Dutch, shown in every explanation ("Verslavingsproblematiek").
    public var label: String
    public var axis: Axis
    public var condition: Condition
    /// Points per RO; an RO left out gets nothing.
    public var weights: [RO: Int]
    /// Safety and autonomy: for these RISc levels (as read on the day, so stale counts as onbekend),
    /// these weights replace `weights`.
    public var byRisk: [RiscLevel: [RO: Int]]
    /// Dutch: why the 3RO weigh it so.
    public var rationale: String
    /// Where the criterion starts in the rule file.
    public var line: Int?

    public init(
        id: String,
        label: String,
        axis: Axis,
        condition: Condition,
        weights: [RO: Int],
        byRisk: [RiscLevel: [RO: Int]] = [:],
        rationale: String,
        line: Int? = nil
    ) {
        self.id = id
        self.label = label
        self.axis = axis
        self.condition = condition
        self.weights = weights
        self.byRisk = byRisk
        self.rationale = rationale
        self.line = line
    }

    /// The weights that apply at a RISc level.
    public func weights(at risc: RiscLevel) -> [RO: Int] { byRisk[risc] ?? weights }

    /// Dutch label of the risk-specific variant: "Huiselijk geweld bij hoog risico".
    public func label(at risc: RiscLevel) -> String {
        byRisk[risc] == nil ? label : "\(label) bij \(risc == .onbekend ? "onbekend" : risc.rawValue) risico"
    }
}
