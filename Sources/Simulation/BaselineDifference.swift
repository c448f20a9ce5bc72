import Foundation
import InstroomDomain

/// A scenario against the baseline (the first scenario of a comparison), in cases and fit points:
/// the board's question "what does this setting cost in fit, and how many more cases reach their
/// best-fit RO?" answered without subtracting two reports by hand. Every field is this scenario's
/// figure minus the baseline's, so a positive `atBestFit` is more cases at their best fit and a
/// positive `fitLostToBands` is more fit lost.
public struct BaselineDifference: Codable, Sendable, Equatable {
    /// The baseline's `name`.
    public var baseline: String
    public var atBestFit: Int
    /// Difference in the share of ALL cases at their best fit (0.033 = 3.3 percentage points).
    public var atBestFitShare: Double
    public var fitAssigned: Int
    public var fitLostToBands: Int
    public var fitLostToCapacity: Int
    public var fitWaitingAtEnd: Int
    public var fitLost: Int
    public var waitingAtEnd: Int
    public var escalatedCases: Int
    /// Per escalation reason (its code), as `Totals.escalations`: a reason keeps its own entry, so that
    /// reasons can be grouped by the queue that handles them.
    public var escalations: [String: Int]
    public var softSlack: Double
    public var slackAtPeriodEnd: Double
    public var hardBandFailureDays: Int

    public init(_ t: Totals, against b: Totals, baseline: String) {
        self.baseline = baseline
        atBestFit = t.atBestFit - b.atBestFit
        atBestFitShare = Format.round(t.atBestFitShare - b.atBestFitShare)
        fitAssigned = t.fitAssigned - b.fitAssigned
        fitLostToBands = t.fitLostToBands - b.fitLostToBands
        fitLostToCapacity = t.fitLostToCapacity - b.fitLostToCapacity
        fitWaitingAtEnd = t.fitWaitingAtEnd - b.fitWaitingAtEnd
        fitLost = t.fitLost - b.fitLost
        waitingAtEnd = t.waitingAtEnd - b.waitingAtEnd
        escalatedCases = t.escalatedCases - b.escalatedCases
        var e: [String: Int] = [:]
        for code in Set(t.escalations.keys).union(b.escalations.keys) { e[code] = (t.escalations[code] ?? 0) - (b.escalations[code] ?? 0) }
        escalations = e
        softSlack = Format.round(t.softSlack.values.reduce(0, +) - b.softSlack.values.reduce(0, +), 3)
        slackAtPeriodEnd = Format.round(t.slackAtPeriodEnd.values.reduce(0, +) - b.slackAtPeriodEnd.values.reduce(0, +), 3)
        hardBandFailureDays = t.hardBandFailureDays - b.hardBandFailureDays
    }
}
