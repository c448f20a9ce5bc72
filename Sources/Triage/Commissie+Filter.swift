import InstroomDomain

extension Commissie {
    /// What the commissie narrows its worklist to: the same filter lists escalations (`escalations list`)
    /// and decides them in one go (`decide --reason bijna_gelijk --day D`), so the list is the preview of
    /// the batch. Every field is optional; an empty filter matches everything.
    ///
    /// The triage/commissie queue of the review workflow joins here as one more optional field and one
    /// more line in `matches`.
    public struct Filter: Codable, Sendable, Equatable {
        /// Escalations that carry any of these reasons (not only as their primary reason); empty: any reason.
        public var reasons: [EscalationCode]
        /// The provisional RO (the model's choice the commissie is asked to confirm or change).
        public var ro: RO?
        /// The day the escalation was raised.
        public var day: Day?
        /// Raised on or after / on or before.
        public var from: Day?
        public var to: Day?

        public init(reasons: [EscalationCode] = [], ro: RO? = nil, day: Day? = nil, from: Day? = nil, to: Day? = nil) {
            self.reasons = reasons
            self.ro = ro
            self.day = day
            self.from = from
            self.to = to
        }

        /// No narrowing at all: a batch decision refuses it (it would decide every open escalation).
        public var isEmpty: Bool { reasons.isEmpty && ro == nil && day == nil && from == nil && to == nil }

        /// The first and last escalation day the filter can match, for the ledger query.
        var firstDay: Day? { [day, from].compactMap { $0 }.max() }
        var lastDay: Day? { [day, to].compactMap { $0 }.min() }

        public func matches(_ e: EscalationView) -> Bool {
            guard let raised = Day(e.day) else { return false }
            return inDays(raised) && (ro == nil || e.provisionalRO == ro)
                && (reasons.isEmpty || e.reasons.contains { reasons.contains($0.code) })
        }

        /// A band forecast is about an RO, not a case: it matches on its RO and day, and on the reason
        /// `band_prognose` when reasons are given.
        public func matches(_ a: BandAlertView) -> Bool {
            guard let raised = Day(a.day) else { return false }
            return inDays(raised) && (ro == nil || a.ro == ro) && (reasons.isEmpty || reasons.contains(.bandForecast))
        }

        private func inDays(_ raised: Day) -> Bool {
            (firstDay.map { raised >= $0 } ?? true) && (lastDay.map { raised <= $0 } ?? true)
        }
    }
}
