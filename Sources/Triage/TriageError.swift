import Allocation
import Foundation
import GLPK
import InstroomDomain
import Wegingskader

public enum TriageError: Error, CustomStringConvertible, Sendable {
    case infeasible(day: Day, explanation: String)
    case solverFailed(day: Day, message: String)
    case conflictingFacts(String)
    /// A review step that the workflow does not allow (no proposal, a case not in it, open review items).
    case refused(String)

    public var description: String {
        switch self {
        case .infeasible(let day, let explanation): "\(day) cannot be allocated within the hard bands: \(explanation)"
        case .solverFailed(let day, let message): "\(day): the solver did not produce an assignment: \(message)"
        case .conflictingFacts(let message): message
        case .refused(let message): message
        }
    }

    /// The kind of refusal for the operational log, without the text (which names shares and bands).
    var logKind: String {
        switch self {
        case .infeasible: "infeasibleHardBands"
        case .solverFailed: "solverFailed"
        case .conflictingFacts: "conflictingFacts"
        case .refused: "refused"
        }
    }
}
