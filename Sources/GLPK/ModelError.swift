public enum ModelError: Error, CustomStringConvertible, Sendable {
    case invalid([String])
    case invalidSettings([String])
    case writeFailed(String)
    /// The time limit passed while the model was being built; nothing reached GLPK.
    case timeLimitReached

    public var description: String {
        switch self {
        case .invalid(let problems): "the model is invalid and was not given to GLPK:\n  " + problems.joined(separator: "\n  ")
        case .invalidSettings(let problems): "the solver settings are invalid:\n  " + problems.joined(separator: "\n  ")
        case .writeFailed(let path): "GLPK could not write the model to \(path)"
        case .timeLimitReached: "the time limit passed while the model was being built"
        }
    }
}
