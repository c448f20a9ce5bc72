import Allocation
import Foundation
import InstroomDomain
import InstroomTesting
import Ledger
import Review
import Testing
import Triage

/// What reaches a list and what does not.
struct ReviewListTests {
    @Test func genericWorkIsOnNeitherList() throws {
        // Only the base fires: any RO may take it, so there is nothing to judge.
        let generic = (1...6).map {
            IntakeCase(
                id: "G\($0)",
                kind: .advies,
                received: Fixtures.monday,
                scil: .geenLVB,
                scilDate: Fixtures.monday,
                risc: .laag,
                riscDate: Fixtures.monday
            )
        }
        let plan = try DayPlan.make(
            cases: generic,
            day: Fixtures.monday,
            rules: Fixtures.rules(),
            config: Fixtures.config(),
            prior: PeriodShares(),
            capacityLeft: [.SVG: 100, .RN: 100, .LJR: 100]
        )
        #expect(plan.escalations.isEmpty)
        #expect(plan.outcome.assignments.count == 6)
        // Their ties were settled by the rule and say so.
        #expect(plan.ties.count == 6 && plan.ties.values.allSatisfy { $0.tied == RO.allCases })
    }

    @Test func aGenerated300CaseDayKeepsTheListsShort() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let report = try DailyRun(ledger: ledger, rules: Fixtures.rules(), config: Fixtures.config())
            .allocate(intake: Fixtures.intake(Fixtures.monday, count: 300, seed: 8), day: Fixtures.monday)
        let commissie = report.escalations.filter { $0.queue == .commissie }.count
        let triage = report.escalations.filter { $0.queue == .triage }.count
        #expect(commissie <= 6, "commissie \(commissie) of 300")
        #expect(triage <= 45, "triage review \(triage) of 300")
        // Every reason is still counted in the report, also those on no list.
        #expect(report.escalations.contains { $0.queue == nil })
        // Only the commissie's cases are provisional; everything else is final after an unattended run.
        #expect(report.assignments.filter { !$0.final }.count == commissie)
    }
}
