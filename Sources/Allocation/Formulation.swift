/// How a day becomes an integer program: a property of the allocation model, not of GLPK.
///
/// `aggregated` groups identical cases into classes with integer counts (same optimum, far fewer
/// variables); `perCase` is the textbook model with one binary per case and RO.
public enum Formulation: String, CaseIterable, Codable, Sendable {
    case aggregated, perCase
}
