/// The life of one escalation, in one place: its states, and which event may move it where. The ledger
/// asks `next(_:on:)` before it changes an escalation and writes only the state that comes back; an
/// illegal step is refused with a `Refusal` instead of an ad-hoc check in SQL code. What raises an
/// escalation (the reasons, `EscalationCode`) and which queue takes it (`ReviewQueue`) are separate:
/// this is only what happens to it afterwards.
///
///     waiting ──placed──▶ resolved                 (the case got an RO: nothing left to decide)
///     waiting ──contested──▶ contestedWaiting
///     contestedWaiting ──placed──▶ contestedProvisional   (stays open with today's RO)
///     provisional ──contested──▶ contestedProvisional
///     provisional, contestedProvisional ──decided──▶ decided   (the assignment becomes final)
///     contested* ──contested──▶ the same state (another reason joins)
///
/// Everything else is refused: a closed escalation never changes (geen werk retour), a waiting case has
/// no RO to decide on, and a case that has an RO is not placed again.
public enum EscalationLifecycle {
    public enum State: String, CaseIterable, Sendable {
        /// Open: the case waits for capacity and has no RO.
        case waiting
        /// Open: the case has a provisional RO; the commissie decides.
        case provisional
        /// Open: a triage expert contested the case while it waited.
        case contestedWaiting
        /// Open: contested, and provisionally assigned.
        case contestedProvisional
        /// Closed by the commissie: the case's assignment is final.
        case decided
        /// Closed without a decision: a waiting case got an RO.
        case resolved

        public var isOpen: Bool { self != .decided && self != .resolved }
        public var isContested: Bool { self == .contestedWaiting || self == .contestedProvisional }
        /// The case has an RO (provisional until decided).
        public var hasRO: Bool { self == .provisional || self == .contestedProvisional }

        /// The state an escalation is raised in.
        public static func raised(provisional: Bool, contested: Bool) -> State {
            switch (provisional, contested) {
            case (false, false): .waiting
            case (true, false): .provisional
            case (false, true): .contestedWaiting
            case (true, true): .contestedProvisional
            }
        }
    }

    public enum Event: String, CaseIterable, Sendable {
        /// A run gives the case an RO.
        case placed
        /// A triage expert contests the case.
        case contested
        /// The commissie confirms or moves the case.
        case decided
    }

    /// Why a step is not allowed.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        /// The escalation is closed (decided or resolved): it never changes again.
        case closed(State)
        /// A waiting case has no RO to confirm or move: the next run assigns it.
        case waitingHasNoRO
        /// The case already has an RO: a run does not place it again.
        case alreadyPlaced

        public var description: String {
            switch self {
            case .closed(let state): "the escalation is already \(state.rawValue); a final assignment never moves (geen werk retour)"
            case .waitingHasNoRO: "the case waits for capacity and has no RO yet; it is assigned by the next run"
            case .alreadyPlaced: "the case already has a provisional RO; a run does not place it again"
            }
        }
    }

    /// The state after `event`, or the reason it may not happen.
    public static func next(_ state: State, on event: Event) throws(Refusal) -> State {
        guard state.isOpen else { throw .closed(state) }
        switch (state, event) {
        case (.waiting, .placed): return .resolved
        case (.contestedWaiting, .placed): return .contestedProvisional
        case (.provisional, .placed), (.contestedProvisional, .placed): throw .alreadyPlaced
        case (.waiting, .contested), (.contestedWaiting, .contested): return .contestedWaiting
        case (.provisional, .contested), (.contestedProvisional, .contested): return .contestedProvisional
        case (.provisional, .decided), (.contestedProvisional, .decided): return .decided
        case (.waiting, .decided), (.contestedWaiting, .decided): throw .waitingHasNoRO
        case (.decided, _), (.resolved, _): throw .closed(state)
        }
    }
}
