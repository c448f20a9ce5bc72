import InstroomDomain

/// How a case's reasons together decide where it goes and what is said first.
public enum ReviewRouting {
    /// The commissie when any reason goes there, else the triage review when any reason goes there,
    /// else nobody: the reasons are counted in the figures only.
    public static func queue(of reasons: [EscalationReason]) -> ReviewQueue? {
        if reasons.contains(where: { $0.queue == .commissie }) { return .commissie }
        if reasons.contains(where: { $0.queue == .triage }) { return .triage }
        return nil
    }

    /// The reason shown first: one of the case's queue, in the order of `EscalationCode`.
    public static func primary(of reasons: [EscalationReason]) -> EscalationReason? {
        let queue = queue(of: reasons)
        return reasons.filter { $0.queue == queue }.min { $0.code < $1.code } ?? reasons.min { $0.code < $1.code }
    }
}
