import Foundation
import InstroomDomain

/// A golden case the rules do not agree with, with everything needed to see why.
public struct GoldenDisagreement: Sendable {
    public var caseId: String
    public var description: String
    public var expected: GoldenCase.Expectation
    public var expectedFlags: [String]?
    public var score: CaseScore
    public var why: String

    /// Dutch.
    public var text: String {
        var lines = [
            "\(caseId): \(description)",
            "  verwacht: \(expected.label) — \(why)",
        ]
        if let expectedFlags {
            lines.append("  verwachte signalen: \(expectedFlags.isEmpty ? "geen" : expectedFlags.joined(separator: ", "))")
        }
        lines.append(contentsOf: score.explanation.split(separator: "\n").map { "  " + $0 })
        return lines.joined(separator: "\n")
    }
}
