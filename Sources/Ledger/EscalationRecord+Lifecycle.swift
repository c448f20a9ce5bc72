import InstroomDomain

extension EscalationRecord {
    /// Where this escalation is in its life (`EscalationLifecycle`), from its stored status, RO and reasons.
    public var state: EscalationLifecycle.State {
        switch status {
        case .decided: return .decided
        case .resolved: return .resolved
        case .open:
            return .raised(provisional: provisionalRO != nil, contested: reasons.contains { $0.code == .contested })
        }
    }

    /// Open and contested by a triage expert: the case's assignment may not become final until the
    /// commissie decides.
    public var isOpenContest: Bool { state.isContested }

    /// Moves the escalation by `event` as the lifecycle allows, or refuses; the caller writes the record.
    @discardableResult
    mutating func apply(_ event: EscalationLifecycle.Event) throws(EscalationLifecycle.Refusal) -> EscalationLifecycle.State {
        let next = try EscalationLifecycle.next(state, on: event)
        switch next {
        case .decided: status = .decided
        case .resolved: status = .resolved
        case .waiting, .provisional, .contestedWaiting, .contestedProvisional: status = .open
        }
        return next
    }

    /// `apply`, with a refusal as the ledger reports it (naming the escalation and the case).
    @discardableResult
    mutating func step(_ event: EscalationLifecycle.Event) throws -> EscalationLifecycle.State {
        do { return try apply(event) } catch {
            throw LedgerError.refused("escalation \(id.map(String.init) ?? "-") (case \(caseId)): \(error)")
        }
    }
}
