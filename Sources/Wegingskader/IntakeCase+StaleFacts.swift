import InstroomDomain

extension IntakeCase {
    /// A fact that was known but is older than the staleness limit: worth saying so in the escalation.
    public func staleFacts(on day: Day, staleAfterDays: Int) -> [FactField] {
        var stale: [FactField] = []
        if scil != .onbekend, scil(on: day, staleAfterDays: staleAfterDays) == .onbekend { stale.append(.scil) }
        if risc != .onbekend, risc(on: day, staleAfterDays: staleAfterDays) == .onbekend { stale.append(.risc) }
        return stale
    }
}
