import Foundation
import InstroomDomain
import Ledger
import Review

/// A day's proposal as the triagepunt reviews it: the plan, the triage review list with the state of
/// every item, what goes to the begeleidingscommissie, and the deviations made so far.
public struct DayProposal: Codable, Sendable {
    /// One case that needs a look, with its reasons and where it stands.
    public struct Item: Codable, Sendable, Equatable {
        public var caseId: String
        /// The RO the proposal gives it now (nil: it waits for capacity).
        public var ro: RO?
        public var queue: ReviewQueue
        public var reasons: [EscalationReason]
        public var state: ReviewState
        /// Who accepted, overrode or contested it, and their reason.
        public var by: String?
        public var note: String?
    }

    public var day: Day
    /// The plan as `allocate` would record it; `final` says what becomes final on confirmation.
    public var report: AllocationReport
    /// The triage review list (the experts, on the day).
    public var review: [Item]
    /// What goes to the begeleidingscommissie on confirmation (its queue, and every contested case).
    public var commissie: [Item]
    public var overrides: [String: ProposalContent.Override]
    /// Review items still open: confirmation is refused while there are any, unless `--accept-rest`.
    public var open: [String] { review.filter { $0.state == .open }.map(\.caseId) }
}
