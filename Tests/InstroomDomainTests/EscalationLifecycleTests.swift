import InstroomDomain
import Testing

/// Every step of an escalation's life, legal and illegal: the table below is the whole state machine.
struct EscalationLifecycleTests {
    typealias S = EscalationLifecycle.State
    typealias R = EscalationLifecycle.Refusal

    /// (state, event) -> next state or refusal, for every pair.
    static let table: [S: [EscalationLifecycle.Event: Result<S, R>]] = [
        .waiting: [.placed: .success(.resolved), .contested: .success(.contestedWaiting), .decided: .failure(.waitingHasNoRO)],
        .provisional: [.placed: .failure(.alreadyPlaced), .contested: .success(.contestedProvisional), .decided: .success(.decided)],
        .contestedWaiting: [
            .placed: .success(.contestedProvisional), .contested: .success(.contestedWaiting), .decided: .failure(.waitingHasNoRO),
        ],
        .contestedProvisional: [
            .placed: .failure(.alreadyPlaced), .contested: .success(.contestedProvisional), .decided: .success(.decided),
        ],
        .decided: [.placed: .failure(.closed(.decided)), .contested: .failure(.closed(.decided)), .decided: .failure(.closed(.decided))],
        .resolved: [
            .placed: .failure(.closed(.resolved)), .contested: .failure(.closed(.resolved)), .decided: .failure(.closed(.resolved)),
        ],
    ]

    @Test(arguments: S.allCases, EscalationLifecycle.Event.allCases)
    func everyTransition(state: S, event: EscalationLifecycle.Event) throws {
        let expected = try #require(Self.table[state]?[event])
        let actual = Result { () throws(R) -> S in try EscalationLifecycle.next(state, on: event) }
        #expect(actual == expected, "\(state) on \(event)")
    }

    @Test func closedStatesAreTheOnlyOnesWithoutALegalStep() {
        for state in S.allCases {
            let legal = EscalationLifecycle.Event.allCases.filter { (try? EscalationLifecycle.next(state, on: $0)) != nil }
            #expect(legal.isEmpty == !state.isOpen, "\(state)")
        }
    }

    @Test func raisedStatesAndRefusalsReadAsTheyShould() {
        #expect(S.raised(provisional: false, contested: false) == .waiting)
        #expect(S.raised(provisional: true, contested: false) == .provisional)
        #expect(S.raised(provisional: false, contested: true) == .contestedWaiting)
        #expect(S.raised(provisional: true, contested: true) == .contestedProvisional)
        #expect(S.contestedProvisional.isContested && S.contestedProvisional.hasRO && !S.contestedWaiting.hasRO)
        #expect(R.closed(.decided).description.contains("geen werk retour"))
        #expect(R.waitingHasNoRO.description.contains("next run"))
    }
}
