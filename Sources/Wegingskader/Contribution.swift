import Foundation
import InstroomDomain

/// One rule that fired for one RO, with its points: the raw material of every explanation.
public struct Contribution: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case base, criterion, route, exclusion }

    public var ruleId: String
    /// Dutch; for a risk-specific weight it names the level ("Huiselijk geweld bij hoog risico").
    public var label: String
    public var ro: RO
    /// Fit points; routes and exclusions add none (they decide who may take the case).
    public var points: Int
    public var kind: Kind
    public var rationale: String

    public init(ruleId: String, label: String, ro: RO, points: Int, kind: Kind, rationale: String) {
        self.ruleId = ruleId
        self.label = label
        self.ro = ro
        self.points = points
        self.kind = kind
        self.rationale = rationale
    }

    /// The Dutch sentence for the RO this contribution is about.
    public var sentence: String {
        switch kind {
        case .base, .criterion: "\(label): \(Contribution.signed(points)) voor \(ro.displayName)"
        case .route: "Route: \(label) alleen bij \(ro.displayName)"
        case .exclusion: "Uitgesloten: \(label) — niet bij \(ro.displayName)"
        }
    }

    static func signed(_ points: Int) -> String { points < 0 ? "\(points)" : "+\(points)" }
}
