import InstroomDomain

/// How a tie between equally fitting ROs was settled, with the Dutch sentence the triagepunt reads.
public struct TieDecision: Codable, Sendable, Equatable {
    /// The ROs with the same (best) score, in `RO.allCases` order.
    public var tied: [RO]
    public var chosen: RO
    public var step: TieStep
    /// "Gelijke score (SVG = RN); RN gekozen: verst onder het midden van de bandbreedte."
    public var explanation: String

    public init(tied: [RO], chosen: RO, step: TieStep, explanation: String) {
        self.tied = tied
        self.chosen = chosen
        self.step = step
        self.explanation = explanation
    }

    /// "SVG = RN": a tie is shown as a tie, never as one best fit.
    public static func label(_ tied: [RO]) -> String { tied.map(\.displayName).joined(separator: " = ") }
}
