import Allocation
import Foundation
import InstroomDomain
import InstroomTesting
import IntakeFormats
import Ledger
import Testing
import Triage
import Wegingskader

/// The begeleidingscommissie end to end through the library, against a real SQLite ledger.
struct CommissieTests {
    /// Low capacities so the bundled sample day both forces placements and lets some cases wait.
    static func tightConfig() -> AllocationConfig {
        Fixtures.config { c in c.capacity = [.SVG: 40, .RN: 45, .LJR: 20] }
    }

    /// Tight capacities, and a commissie that takes every reason (a configuration a triagepunt may
    /// choose): enough escalations of every kind in the ledger to batch, filter and group.
    static func commissieTakesEverything() -> AllocationConfig {
        var c = tightConfig()
        for code in EscalationCode.allCases where code != .bandForecast { c.escalation.queues[code] = .commissie }
        return c
    }

    @Test func escalateContestDecideNextDayAndAudit() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let config = Self.tightConfig()
        let rules = Fixtures.rules()
        let commissie = Commissie(ledger: ledger, config: config)
        let monday = Fixtures.monday
        let tuesday = monday.adding(days: 1)

        // Day 1: the sample intake escalates for at least three different reasons.
        let day1 = try DailyRun(ledger: ledger, rules: rules, config: config)
            .allocate(intake: try IntakeReader.read(contentsOf: SampleIntake.url), day: monday)
        let codes = Set(day1.escalations.flatMap { $0.reasons.map(\.code) })
        #expect(codes.count >= 3, "\(codes)")
        #expect(!day1.waiting.isEmpty)
        let open1 = try commissie.list(openOnly: true, on: monday).escalations
        // Only the commissie's queue reaches the ledger; the triage review was settled before confirmation.
        #expect(open1.count == day1.escalations.filter { $0.queue == .commissie }.count)
        #expect(open1.allSatisfy { !$0.overdue && $0.deadline == monday.adding(workingDays: config.escalationDeadlineDays).description })

        // The dossier has facts, scores with explanations, the reason and the shares at the time.
        let provisional = open1.filter { $0.provisionalRO != nil }
        let toMove = try #require(provisional.first)
        let dossier = try commissie.dossier(String(toMove.id), on: monday)
        #expect(dossier.facts?.id == toMove.caseId)
        #expect(dossier.scores?.count == 3)
        #expect(RO.allCases.allSatisfy { !(dossier.explanations?[$0.rawValue] ?? []).isEmpty })
        #expect(dossier.sharesAtEscalation?.shares.count == 3)
        #expect(!(dossier.escalation?.reasons.isEmpty ?? true))

        // A triage expert contests a case that waits for capacity; a final case cannot be contested.
        let waiting = try #require(day1.waiting.first)
        let contest = try commissie.contest(
            caseId: waiting,
            reason: "Dakloos en overlast: LJ&R, niet de eerstvolgende vrije RO",
            by: "Triagist De Vries",
            on: monday
        )
        #expect(contest.reasons.contains { $0.code == .contested })
        let finalCase = try #require(day1.assignments.first { $0.final })
        #expect { try commissie.contest(caseId: finalCase.caseId, reason: "x", by: "y", on: monday) } throws: {
            "\($0)".contains("geen werk retour")
        }

        // The commissie moves one case and confirms another; both become final.
        let from = try #require(toMove.provisionalRO)
        let target = try #require(RO.allCases.first { $0 != from })
        let before = try ledger.periodWeights(from: monday, to: monday)
        let weight = try #require(try ledger.currentAssignments([toMove.caseId])[toMove.caseId]?.weight)
        let move = try commissie.decide(
            escalationId: toMove.id,
            moveTo: target,
            rationale: "Continuïteit van zorg bij \(target.displayName)",
            by: "Voorzitter SVG"
        )
        #expect(move.action == .move && move.roBefore == from && move.roAfter == target)
        let toConfirm = try #require(provisional.dropFirst().first)
        let confirm = try commissie.decide(escalationId: toConfirm.id, moveTo: nil, rationale: "Passende keuze", by: "Voorzitter SVG")
        #expect(confirm.action == .confirm)
        let after = try ledger.periodWeights(from: monday, to: monday)
        #expect(abs((after[target] ?? 0) - (before[target] ?? 0) - weight) < 1e-9)
        #expect(abs((before[from] ?? 0) - (after[from] ?? 0) - weight) < 1e-9)

        // A final assignment never moves again: refused with a clear message, nothing written.
        let counts = try ledger.counts()
        #expect { try commissie.decide(escalationId: toMove.id, moveTo: from, rationale: "terug", by: "X") } throws: { error in
            "\(error)".contains("already decided") && "\(error)".contains("geen werk retour")
        }
        let decidedCounts = try ledger.counts()
        #expect(decidedCounts.assignments == counts.assignments && decidedCounts.audit == counts.audit)
        #expect(try ledger.currentAssignments([toMove.caseId])[toMove.caseId]?.ro == target)

        // Day 2 starts from the shares as the commissie left them; capacity is tight again.
        let config2 = Self.tightConfig()
        let intake2 = Fixtures.intake(tuesday, count: 60, seed: 5)
        let prior = try ledger.periodWeights(from: config2.period.start(of: tuesday), to: config2.period.end(of: tuesday))
        let day2 = try DailyRun(ledger: ledger, rules: rules, config: config2).allocate(intake: intake2, day: tuesday)
        for ro in RO.allCases {
            let today = day2.assignments.filter { $0.ro == ro }.reduce(0) { $0 + $1.weight }
            #expect(abs((day2.shares[ro.rawValue]?.weight ?? 0) - (prior[ro] ?? 0) - today) < 1e-9, "\(ro)")
        }
        #expect(abs((prior[target] ?? 0) - (after[target] ?? 0)) < 1e-9)

        // The contested waiting case got an RO today, provisionally; the commissie confirms it.
        let contestedLine = try #require(day2.assignments.first { $0.caseId == waiting })
        #expect(!contestedLine.final)
        let contested = try #require(try ledger.escalations(caseId: waiting).first { $0.status == .open })
        #expect(contested.provisionalRO == contestedLine.ro)
        #expect(contested.reasons.contains { $0.code == .contested })
        try commissie.decide(escalationId: contested.id!, moveTo: nil, rationale: "Akkoord na overleg", by: "Voorzitter SVG")
        #expect(try ledger.currentAssignments([waiting])[waiting]?.final == true)

        // The audit trail shows every step in order.
        let trail = try commissie.audit(caseId: nil).entries
        #expect(trail.map(\.id!) == trail.map(\.id!).sorted())
        func index(_ action: AuditAction, _ match: (AuditEntry) -> Bool = { _ in true }) -> Int? {
            trail.firstIndex { $0.action == action && match($0) }
        }
        let steps = [
            index(.wegingskader), index(.run), index(.escalate), index(.contest),
            index(.decide) { $0.caseId == toMove.caseId }, index(.decide) { $0.caseId == toConfirm.caseId },
            trail.lastIndex { $0.action == .run }, index(.decide) { $0.caseId == waiting },
        ]
        #expect(steps.allSatisfy { $0 != nil }, "\(steps)")
        #expect(steps.compactMap { $0 } == steps.compactMap { $0 }.sorted(), "\(steps)")
        #expect(trail.first { $0.action == .run }?.detail.contains(rules.version) == true)
        let caseTrail = try commissie.audit(caseId: toMove.caseId).entries.map(\.action)
        #expect(caseTrail.filter { $0 != .run } == [.assign, .escalate, .decide])

        // Day 1's waiting cases went first on day 2 (niets op de plank), so some of day 2's own cases wait:
        // one of them is contested, for an escalation that stays open.
        #expect(Set(day2.waiting).isDisjoint(with: Set(day1.waiting)))
        let waitingOnDay2 = try #require(day2.waiting.first)
        try commissie.contest(caseId: waitingOnDay2, reason: "Spoed: vandaag nog plaatsen", by: "Triagist De Vries", on: tuesday)

        // Overdue: ten working days later every open escalation is past its deadline.
        let later = monday.adding(workingDays: 10)
        let overdue = try commissie.list(overdueOnly: true, on: later)
        #expect(!overdue.escalations.isEmpty)
        #expect(overdue.escalations.allSatisfy { $0.status == "open" && $0.overdue && $0.workingDaysOverdue > 0 })
        #expect(overdue.escalations.count == (try commissie.list(openOnly: true, on: later)).escalations.count)
        #expect(try commissie.list(overdueOnly: true, on: monday).escalations.isEmpty)

        // The report counts it all.
        let report = try CommissieReport.build(commissie, from: monday, to: tuesday, asOf: later)
        #expect(report.decided == 3 && report.moved == 1 && report.confirmed == 2)
        #expect(report.byReason.first { $0.code == .contested }?.count == 2)
        #expect(report.overdue.count == overdue.escalations.count)
        #expect(report.leadTime.decisions == 3)
        let html = try report.html()
        #expect(html.contains("<html lang=\"nl\">"))
        #expect(html.contains("Voorzitter SVG"))
    }

    @Test func unknownIdsAreClearErrors() throws {
        let commissie = Commissie(ledger: try Ledger(path: Fixtures.ledgerPath()), config: Fixtures.config())
        #expect { try commissie.decide(escalationId: 42, moveTo: .RN, rationale: "r", by: "b") } throws: {
            "\($0)".contains("escalation 42 not found")
        }
        #expect { try commissie.dossier("42", on: Fixtures.monday) } throws: { "\($0)".contains("not found") }
        #expect { try commissie.contest(caseId: "X", reason: "r", by: "b", on: Fixtures.monday) } throws: {
            "\($0)".contains("case X not found")
        }
        #expect { try commissie.audit(caseId: "X") } throws: { "\($0)".contains("case X not found") }
    }

    @Test func aBandForecastToBeBreachedIsOneAlertPerROAndResolvesWhenBackInBand() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        // No price on leaving the (soft) bands: content wins, and SVG runs far above a narrow band.
        let loose = Fixtures.config { c in
            c.softBandPenalty = 0
            c.bands = [
                .SVG: .init(min: 0.2, max: 0.3, mode: .soft), .RN: .init(min: 0.4, max: 0.65, mode: .soft),
                .LJR: .init(min: 0.1, max: 0.3, mode: .soft),
            ]
        }
        let intake = try IntakeReader.read(contentsOf: SampleIntake.url)
        _ = try DailyRun(ledger: ledger, rules: Fixtures.rules(), config: loose).allocate(intake: intake, day: Fixtures.monday)
        let alerts = try ledger.bandAlerts(openOnly: true)
        #expect(!alerts.isEmpty)
        #expect(Set(alerts.map(\.ro)).count == alerts.count)
        let svg = try #require(alerts.first { $0.ro == .SVG })
        #expect(svg.direction == .above && svg.projectedShare > 0.3)
        #expect(svg.detail.contains("boven de band"))
        let commissie = Commissie(ledger: ledger, config: loose)
        #expect(try commissie.list(on: Fixtures.monday).bandAlerts.count == alerts.count)
        #expect(try commissie.dossier("B\(svg.id!)", on: Fixtures.monday).bandAlert?.ro == .SVG)
        #expect(try ledger.audit().contains { $0.action == .bandForecast })

        // A next day under bands that hold everything: the forecast is within band, the alerts resolve.
        let wide = Fixtures.config { c in c.bands = [.SVG: .init(min: 0, max: 1), .RN: .init(min: 0, max: 1), .LJR: .init(min: 0, max: 1)] }
        let tuesday = Fixtures.monday.adding(days: 1)
        _ = try DailyRun(ledger: ledger, rules: Fixtures.rules(), config: wide).allocate(
            intake: Fixtures.intake(tuesday, count: 10),
            day: tuesday
        )
        #expect(try ledger.bandAlerts(openOnly: true).isEmpty)
        #expect(try ledger.bandAlerts().allSatisfy { $0.status == .resolved })
        let report = try CommissieReport.build(commissie, from: Fixtures.monday, to: tuesday, asOf: tuesday)
        #expect(report.byReason.first { $0.code == .bandForecast }?.count == alerts.count)
    }

    @Test func reportTextIsEscapedAndPeriodsParse() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let config = Self.tightConfig()
        let day = try DailyRun(ledger: ledger, rules: Fixtures.rules(), config: config)
            .allocate(intake: try IntakeReader.read(contentsOf: SampleIntake.url), day: Fixtures.monday)
        let commissie = Commissie(ledger: ledger, config: config)
        try commissie.contest(
            caseId: try #require(day.waiting.first),
            reason: "<script>alert('x')</script> & meer",
            by: "A \"B\"",
            on: Fixtures.monday
        )
        let html = try CommissieReport.build(commissie, from: Fixtures.monday, to: Fixtures.monday, asOf: Fixtures.monday).html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; meer"))
        #expect(CommissieReport.period("2026")! == (Day("2026-01-01")!, Day("2026-12-31")!))
        #expect(CommissieReport.period("2026-Q2")! == (Day("2026-04-01")!, Day("2026-06-30")!))
        #expect(CommissieReport.period("2026-02")! == (Day("2026-02-01")!, Day("2026-02-28")!))
        #expect(CommissieReport.period("twintig") == nil)
    }
}
