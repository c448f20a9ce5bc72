import Foundation
import InstroomDomain

/// How many golden cases a rule set agrees with, and every disagreement explained.
public struct GoldenReport: Sendable {
    public var version: String
    public var shortHash: String
    public var total: Int
    public var agreed: Int
    public var disagreements: [GoldenDisagreement]

    public var allAgree: Bool { disagreements.isEmpty }

    public static func evaluate(_ rules: RuleSet, cases: [GoldenCase], on day: Day) -> GoldenReport {
        var disagreements: [GoldenDisagreement] = []
        for golden in cases {
            let score = rules.score(FactView(golden.intake, on: day))
            if !golden.agrees(with: score) {
                disagreements.append(
                    GoldenDisagreement(
                        caseId: golden.id,
                        description: golden.description,
                        expected: golden.expected,
                        expectedFlags: golden.flags,
                        score: score,
                        why: golden.why
                    )
                )
            }
        }
        return GoldenReport(
            version: rules.version,
            shortHash: rules.shortHash,
            total: cases.count,
            agreed: cases.count - disagreements.count,
            disagreements: disagreements
        )
    }

    /// Dutch.
    public var text: String {
        var lines = ["Wegingskader \(version) (\(shortHash)): \(agreed) van \(total) voorbeeldzaken in overeenstemming."]
        for d in disagreements {
            lines.append("")
            lines.append(d.text)
        }
        return lines.joined(separator: "\n")
    }
}

public typealias GoldenCaseReport = GoldenReport

/// Scores every golden case on `day` and reports agreement.
public func evaluate(_ rules: RuleSet, cases: [GoldenCase], on day: Day) -> GoldenReport {
    GoldenReport.evaluate(rules, cases: cases, on: day)
}
