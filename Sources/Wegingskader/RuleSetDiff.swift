import Foundation
import InstroomDomain

/// What a new version of the wegingskader changes for a set of cases: exactly the cases whose best
/// fit moves, and the best-fit totals per RO under each version.
public struct RuleSetDiff: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var caseId: String
        public var old: RO
        public var new: RO
        public var oldScores: [RO: Int]
        public var newScores: [RO: Int]
    }

    public var oldVersion: String
    public var newVersion: String
    public var oldHash: String
    public var newHash: String
    public var day: Day
    public var caseCount: Int
    /// In the order of the cases given.
    public var changes: [Change]
    /// How many cases have each RO as best fit, under the old and the new rules (every RO present).
    public var oldTotals: [RO: Int]
    public var newTotals: [RO: Int]

    public static func compare(old: RuleSet, new: RuleSet, cases: [IntakeCase], on day: Day) -> RuleSetDiff {
        var changes: [Change] = []
        var oldTotals = Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0, 0) })
        var newTotals = oldTotals
        for intake in cases {
            let facts = FactView(intake, on: day)
            let before = old.score(facts)
            let after = new.score(facts)
            oldTotals[before.bestFit, default: 0] += 1
            newTotals[after.bestFit, default: 0] += 1
            if before.bestFit != after.bestFit {
                changes.append(
                    Change(
                        caseId: intake.id,
                        old: before.bestFit,
                        new: after.bestFit,
                        oldScores: before.scores,
                        newScores: after.scores
                    )
                )
            }
        }
        return RuleSetDiff(
            oldVersion: old.version,
            newVersion: new.version,
            oldHash: old.hash,
            newHash: new.hash,
            day: day,
            caseCount: cases.count,
            changes: changes,
            oldTotals: oldTotals,
            newTotals: newTotals
        )
    }

    /// Dutch, for the terminal.
    public var text: String {
        func scores(_ s: [RO: Int]) -> String { RO.allCases.map { "\($0.displayName) \(s[$0] ?? 0)" }.joined(separator: ", ") }
        var lines = [
            "Wegingskader \(oldVersion) (\(oldHash.prefix(12))) → \(newVersion) (\(newHash.prefix(12))), peildatum \(day)",
            "\(changes.count) van \(caseCount) zaken krijgen een andere best passende RO.",
        ]
        for c in changes {
            lines.append(
                "  \(c.caseId): \(c.old.displayName) → \(c.new.displayName)   oud: \(scores(c.oldScores)); nieuw: \(scores(c.newScores))"
            )
        }
        lines.append("Best passend per RO (oud → nieuw):")
        for ro in RO.allCases {
            lines.append("  \(ro.displayName): \(oldTotals[ro] ?? 0) → \(newTotals[ro] ?? 0)")
        }
        return lines.joined(separator: "\n")
    }
}
