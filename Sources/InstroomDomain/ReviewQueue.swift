/// Who looks at an escalated case.
///
/// The triage experts review the day's proposal before it is confirmed (near-ties, small forced
/// placements, missing data); the begeleidingscommissie decides only real disputes (contested cases,
/// no fitting RO, large forced losses, cases that wait too long).
public enum ReviewQueue: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case triage
    case commissie

    /// Dutch, as the lists and reports show it.
    public var label: String {
        switch self {
        case .triage: "Triagereview"
        case .commissie: "Begeleidingscommissie"
        }
    }
}
