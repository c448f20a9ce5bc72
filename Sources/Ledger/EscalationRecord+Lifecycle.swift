import InstroomDomain

extension EscalationRecord {
    /// Open and contested by a triage expert: the case's assignment may not become final until the
    /// commissie decides.
    public var isOpenContest: Bool { status == .open && reasons.contains { $0.code == .contested } }
}
