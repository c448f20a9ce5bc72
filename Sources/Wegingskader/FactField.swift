import Foundation
import InstroomDomain

/// The facts a wegingskader rule may test, with the words a rule file uses for them.
public enum FactField: String, CaseIterable, Codable, Sendable {
    case kind, offence, problem, intervention, scil, risc, intensity, relation, region
    /// 18 to 23 at intake: adolescentenstrafrecht (ASR) and the Jovo approach.
    case youngAdult
    /// Number of client problems, counting LVB: "meervoudige problematiek".
    case problemCount

    /// The values a rule may compare with; nil where any text or number is allowed.
    public var vocabulary: [String]? {
        switch self {
        case .kind: CaseKind.allCases.map(\.rawValue)
        case .offence: Offence.allCases.map(\.rawValue)
        case .problem: ClientProblem.allCases.map(\.rawValue)
        case .intervention: Intervention.allCases.map(\.rawValue)
        case .scil: ScilResult.allCases.map(\.rawValue)
        case .risc: RiscLevel.allCases.map(\.rawValue)
        case .intensity: Intensity.allCases.map(\.rawValue)
        case .relation: RO.allCases.map(\.rawValue) + ["geen"]
        case .youngAdult: ["true", "false"]
        case .region, .problemCount: nil
        }
    }
}
