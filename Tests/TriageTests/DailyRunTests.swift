import Allocation
import Foundation
import GLPK
import InstroomDomain
import InstroomTesting
import Ledger
import Testing
import Triage
import Wegingskader

/// The daily allocation end to end against a real SQLite ledger in a temporary folder.
struct DailyRunTests {
    @Test func bundledDefaultsLoad() {
        let config = AllocationConfig.bundled()
        #expect(config.bands.count == 3)
        #expect(RO.allCases.allSatisfy { config.capacity($0) > 0 })
    }

    @Test func theDayIsSolvedWithTheConfigurationsSolverSettings() throws {
        let config = Fixtures.config { $0.solver.timeLimitSeconds = 12.5 }
        let plan = try DayPlan.make(
            cases: Fixtures.intake(Fixtures.monday, count: 30),
            day: Fixtures.monday,
            rules: Fixtures.rules(),
            config: config,
            prior: PeriodShares(),
            capacityLeft: config.capacity
        )
        #expect(plan.outcome.solver?.timeLimitSeconds == 12.5)
        let report = try DailyRun(ledger: try Ledger(path: Fixtures.ledgerPath()), rules: Fixtures.rules(), config: config)
            .allocate(intake: Fixtures.intake(Fixtures.monday, count: 30), day: Fixtures.monday)
        #expect(report.solver?.timeLimitSeconds == 12.5)
    }

    @Test func allocatesEveryCaseExactlyOnceAndARerunChangesNothing() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let run = DailyRun(ledger: ledger, rules: Fixtures.rules(), config: Fixtures.config())
        let intake = Fixtures.intake(Fixtures.monday, count: 300)
        let first = try run.allocate(intake: intake, day: Fixtures.monday)
        #expect(first.status == "optimal")
        #expect(first.assignments.count == 300)
        #expect(Set(first.assignments.map(\.caseId)) == Set(intake.map(\.id)))
        #expect(first.waiting.isEmpty)
        let before = try ledger.counts()

        let second = try run.allocate(intake: intake, day: Fixtures.monday)
        #expect(second.unchanged)
        #expect(second.assignments.map(\.caseId) == first.assignments.map(\.caseId))
        #expect(second.assignments.map(\.ro) == first.assignments.map(\.ro))
        let after = try ledger.counts()
        #expect(after.assignments == before.assignments)
        #expect(after.runs == before.runs)
        #expect(after.audit == before.audit)
    }

    @Test func fiveConsecutiveDaysKeepHardBandsAndNeverMoveEarlierAssignments() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let config = Fixtures.config { c in
            for ro in RO.allCases { c.bands[ro]!.mode = .hard }
        }
        let run = DailyRun(ledger: ledger, rules: Fixtures.rules(), config: config)
        var seen: [String: RO] = [:]
        for (i, day) in Fixtures.workingDays(from: Fixtures.monday, count: 5).enumerated() {
            let intake = Fixtures.intake(day, count: 200, seed: UInt64(i + 1))
            let report = try run.allocate(intake: intake, day: day)
            #expect(report.status == "optimal")
            for ro in RO.allCases {
                let share = try #require(report.shares[ro.rawValue])
                #expect(share.withinBand, "\(day) \(ro): \(share.share) outside \(share.band.label)")
            }
            // Every earlier assignment is still where it was.
            let current = try ledger.currentAssignments(Array(seen.keys))
            for (id, ro) in seen { #expect(current[id]?.ro == ro) }
            for line in report.assignments { seen[line.caseId] = line.ro }
        }
        #expect(seen.count == 1000)
    }

    @Test func capacityExhaustionEscalatesAndTheBacklogGoesFirstNextDay() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let config = Fixtures.config { c in c.capacity = [.SVG: 20, .RN: 30, .LJR: 15] }
        let run = DailyRun(ledger: ledger, rules: Fixtures.rules(), config: config)
        let intake = Fixtures.intake(Fixtures.monday, count: 80)
        let report = try run.allocate(intake: intake, day: Fixtures.monday)
        #expect(!report.waiting.isEmpty)
        #expect(report.assignments.count + report.waiting.count == intake.count)
        let waitingEscalations = report.escalations.filter { $0.reasons.contains { $0.code == .noCapacity } }
        #expect(Set(waitingEscalations.map(\.caseId)) == Set(report.waiting))
        #expect(try ledger.backlog(until: Fixtures.monday).count == report.waiting.count)

        let tuesday = Fixtures.monday.adding(days: 1)
        let next = try DailyRun(ledger: ledger, rules: Fixtures.rules(), config: Fixtures.config()).allocate(intake: [], day: tuesday)
        #expect(Set(next.assignments.map(\.caseId)) == Set(report.waiting))
        #expect(try ledger.backlog(until: tuesday).isEmpty)
        #expect(try ledger.escalations(openOnly: true).allSatisfy { $0.provisionalRO != nil })
    }

    @Test func impossibleHardBandsAreRefusedWithAClearMessageAndNothingWritten() throws {
        let path = Fixtures.ledgerPath()
        let ledger = try Ledger(path: path)
        let rules = Fixtures.rules()
        // First a day with wide bands: SVG cannot end it at 90% or more (routes and exclusions see to that).
        let wide = Fixtures.config { c in
            c.bands = [.SVG: .init(min: 0, max: 1), .RN: .init(min: 0, max: 1), .LJR: .init(min: 0, max: 1)]
        }
        _ = try DailyRun(ledger: ledger, rules: rules, config: wide).allocate(
            intake: Fixtures.intake(Fixtures.monday, count: 200),
            day: Fixtures.monday
        )
        let before = try ledger.counts()
        let narrow = Fixtures.config { c in
            c.bands = [.SVG: .init(min: 0.9, max: 1), .RN: .init(min: 0, max: 0.05), .LJR: .init(min: 0, max: 0.05)]
        }
        let tuesday = Fixtures.monday.adding(days: 1)
        #expect {
            try DailyRun(ledger: ledger, rules: rules, config: narrow).allocate(
                intake: Fixtures.intake(tuesday, count: 20, seed: 9),
                day: tuesday
            )
        } throws: { error in
            guard case TriageError.infeasible = error else { return false }
            return "\(error)".contains("hard band")
        }
        let after = try ledger.counts()
        #expect(after.cases == before.cases && after.assignments == before.assignments && after.runs == before.runs)
    }

    @Test func softBandsReportSlackInsteadOfRefusing() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        // RN must hold 90% but has room for only 10 points today: the soft band gives way, visibly.
        let config = Fixtures.config { c in
            c.bands = [
                .SVG: .init(min: 0, max: 0.05, mode: .soft), .RN: .init(min: 0.9, max: 1, mode: .soft),
                .LJR: .init(min: 0, max: 0.05, mode: .soft),
            ]
            c.capacity = [.SVG: 1000, .RN: 10, .LJR: 1000]
        }
        let report = try DailyRun(ledger: ledger, rules: Fixtures.rules(), config: config).allocate(
            intake: Fixtures.intake(Fixtures.monday, count: 200),
            day: Fixtures.monday
        )
        #expect(report.status == "optimal")
        #expect(report.assignments.count == 200)
        let slack = RO.allCases.reduce(0.0) { $0 + report.shares[$1.rawValue]!.belowSlack + report.shares[$1.rawValue]!.aboveSlack }
        #expect(slack > 0)
        #expect(report.shares["RN"]!.belowSlack > 0)
        #expect(!report.shares["RN"]!.withinBand)
    }

    @Test func aKnownCaseWithChangedFactsIsRefused() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let run = DailyRun(ledger: ledger, rules: Fixtures.rules(), config: Fixtures.config())
        var intake = Fixtures.intake(Fixtures.monday, count: 10)
        _ = try run.allocate(intake: intake, day: Fixtures.monday)
        intake[0].region = "Elders"
        #expect(throws: TriageError.self) { try run.allocate(intake: intake, day: Fixtures.monday) }
    }

    @Test func assignmentsCarryTheRuleVersionAndAReasonPerRO() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let rules = Fixtures.rules()
        let report = try DailyRun(ledger: ledger, rules: rules, config: Fixtures.config()).allocate(
            intake: Fixtures.intake(Fixtures.monday, count: 50),
            day: Fixtures.monday
        )
        for line in report.assignments {
            #expect(line.ruleHash == rules.hash)
            for ro in RO.allCases { #expect(!(line.reasons[ro.rawValue] ?? []).isEmpty) }
        }
    }
}
