import Allocation
import Foundation
import InstroomDomain
import InstroomTesting
import IntakeFormats
import Ledger
import Testing
import Triage

/// The commissie works in batches: several escalations with one rationale, by number, case id or filter;
/// all or nothing; each decision audited on its own; the meeting date recorded.
struct CommissieBatchTests {
    /// The moment decisions are recorded in these tests: Thursday after the sample day, in the afternoon.
    static let now = ISO8601DateFormatter().date(from: "2026-03-05T14:30:00Z")!

    /// The bundled sample day under tight capacities (every kind of escalation, some cases waiting), on a
    /// ledger whose clock is fixed at `now`.
    static func sampleDay() throws -> (ledger: Ledger, commissie: Commissie, open: [Commissie.EscalationView]) {
        let ledger = try Ledger(path: Fixtures.ledgerPath(), clock: { now })
        let config = CommissieTests.commissieTakesEverything()
        _ = try DailyRun(ledger: ledger, rules: Fixtures.rules(), config: config)
            .allocate(intake: try IntakeReader.read(contentsOf: SampleIntake.url), day: Fixtures.monday)
        let commissie = Commissie(ledger: ledger, config: config)
        return (ledger, commissie, try commissie.list(openOnly: true, on: Fixtures.monday).escalations)
    }

    @Test func aBatchIsOneDecisionPerEscalationEachAuditedWithTheMeetingDate() throws {
        let (ledger, commissie, open) = try Self.sampleDay()
        let provisional = open.filter { $0.provisionalRO != nil }
        try #require(provisional.count >= 3)
        let picked = Array(provisional.prefix(3))
        let auditBefore = try ledger.audit().count
        let wednesday = Fixtures.monday.adding(days: 2)

        // A number, a case id and a number: one rationale, one name, the meeting's date.
        let decisions = try commissie.decide(
            [String(picked[0].id), picked[1].caseId, String(picked[2].id)],
            moveTo: nil,
            rationale: "Keuze van het model is passend",
            by: "Voorzitter",
            decidedOn: wednesday
        )
        #expect(decisions.map(\.escalationId) == picked.map(\.id))
        #expect(
            decisions.allSatisfy {
                $0.action == .confirm && $0.decidedAt == "2026-03-04" && $0.rationale == "Keuze van het model is passend"
            }
        )
        #expect(Set(decisions.compactMap(\.id)).count == 3)

        // Each its own audit entry: its case, its escalation, its decision; recorded at the real time.
        let entries = Array(try ledger.audit().dropFirst(auditBefore))
        #expect(entries.count == 3)
        for (entry, (decision, item)) in zip(entries, zip(decisions, picked)) {
            #expect(entry.action == .decide && entry.caseId == item.caseId && entry.actor == "Voorzitter")
            #expect(entry.data?.escalationId == item.id && entry.data?.decisionId == decision.id && entry.data?.final == true)
            #expect(entry.at.hasPrefix("2026-03-05T14:30"))
            #expect(
                entry.detail.contains("vergadering van 2026-03-04") && entry.detail.contains("in één besluit met 2 andere escalaties"),
                "\(entry.detail)"
            )
            #expect(try ledger.currentAssignments([item.caseId])[item.caseId]?.final == true)
        }
        // The decision counts from the meeting: two calendar days after the escalation.
        let view = try #require(try commissie.list(on: wednesday).escalations.first { $0.id == picked[0].id })
        #expect(view.status == "decided" && view.decision?.days == 2)
    }

    @Test func aBatchWithOneBadItemWritesNothingAndNamesEveryRefusal() throws {
        let (ledger, commissie, open) = try Self.sampleDay()
        let provisional = open.filter { $0.provisionalRO != nil }
        let waiting = try #require(open.first { $0.provisionalRO == nil })
        let done = try #require(provisional.first)
        try commissie.decide([String(done.id)], moveTo: nil, rationale: "Passend", by: "Voorzitter")
        let good = Array(provisional.dropFirst().prefix(2))
        try #require(good.count == 2)
        let counts = try ledger.counts()
        let decisionsBefore = try ledger.decisions().count

        let batch = [String(good[0].id), "9999", done.caseId, waiting.caseId, good[1].caseId, "B1", String(good[0].id), "ONBEKEND"]
        let error = try #require(throws: DecisionsRefused.self) {
            try commissie.decide(batch, moveTo: nil, rationale: "Passend", by: "Voorzitter")
        }
        #expect(error.batchSize == batch.count)
        #expect(error.items.map(\.reference) == ["9999", done.caseId, waiting.caseId, "B1", String(good[0].id), "ONBEKEND"])
        let reasons = Dictionary(uniqueKeysWithValues: error.items.map { ($0.reference, $0.reason) })
        #expect(reasons["9999"]?.contains("escalation 9999 not found") == true)
        #expect(reasons[done.caseId]?.contains("already decided") == true && reasons[done.caseId]?.contains("geen werk retour") == true)
        #expect(reasons[waiting.caseId]?.contains("waits for capacity") == true)
        #expect(reasons["B1"]?.contains("band forecast") == true)
        #expect(reasons[String(good[0].id)]?.contains("already in this batch") == true)
        #expect(reasons["ONBEKEND"]?.contains("case ONBEKEND not found") == true)
        #expect("\(error)".hasPrefix("nothing was decided: 6 of 8 items refused"))

        // Nothing written: no decision, no assignment revision, no audit entry; the good items are still open.
        let after = try ledger.counts()
        #expect(after.assignments == counts.assignments && after.audit == counts.audit && after.escalations == counts.escalations)
        #expect(try ledger.decisions().count == decisionsBefore)
        #expect(try good.allSatisfy { try ledger.escalation(id: $0.id)?.status == .open })

        // A meeting date before the escalation, or in the future, is refused too.
        #expect(throws: DecisionsRefused.self) {
            try commissie.decide([String(good[0].id)], moveTo: nil, rationale: "r", by: "b", decidedOn: Fixtures.monday.adding(days: -1))
        }
        #expect { try commissie.decide([String(good[0].id)], moveTo: nil, rationale: "r", by: "b", decidedOn: Day("2026-03-06")) } throws: {
            "\($0)".contains("in the future")
        }
        #expect(try ledger.counts().audit == counts.audit)
    }

    @Test func severalCasesMoveOnlyWhenEachActuallyMoves() throws {
        let (ledger, commissie, open) = try Self.sampleDay()
        let target = RO.LJR
        let elsewhere = open.filter { $0.provisionalRO != nil && $0.provisionalRO != target }
        let already = try #require(open.first { $0.provisionalRO == target })
        try #require(elsewhere.count >= 3)
        let audit = try ledger.counts().audit
        #expect { try commissie.decide([elsewhere[0].caseId, already.caseId], moveTo: target, rationale: "Dakloos", by: "V") } throws: {
            "\($0)".contains("provisionally at LJ&R already") && "\($0)".contains("1 of 2")
        }
        #expect(try ledger.counts().audit == audit)
        let moved = try commissie.decide([elsewhere[0].caseId, String(elsewhere[1].id)], moveTo: target, rationale: "Dakloos", by: "V")
        #expect(moved.allSatisfy { $0.action == .move && $0.roAfter == target })
        #expect(try ledger.currentAssignments([elsewhere[1].caseId])[elsewhere[1].caseId]?.ro == target)
        // One case on its own keeps the old meaning: a "move" to its own RO confirms it.
        #expect(try commissie.decide([already.caseId], moveTo: target, rationale: "Passend", by: "V").first?.action == .confirm)
    }

    @Test func filtersNarrowTheListAndAFilterConfirmsWhatItLists() throws {
        let (ledger, commissie, open) = try Self.sampleDay()
        let monday = Fixtures.monday
        func list(_ filter: Commissie.Filter) throws -> [Commissie.EscalationView] {
            try commissie.list(openOnly: true, filter: filter, on: monday).escalations
        }
        let nearTies = try list(.init(reasons: [.nearTie]))
        #expect(!nearTies.isEmpty && nearTies.count < open.count)
        #expect(nearTies.map(\.id) == open.filter { $0.reasons.contains { $0.code == .nearTie } }.map(\.id))
        // A reason counts also when it is not the primary one.
        #expect(try list(.init(reasons: [.missingData])).contains { $0.reason != .missingData })
        let two = try list(.init(reasons: [.nearTie, .noCapacity]))
        #expect(two.count == open.filter { $0.reasons.contains { [.nearTie, .noCapacity].contains($0.code) } }.count)
        let someRO = try #require(open.compactMap(\.provisionalRO).first)
        let atRO = try list(.init(ro: someRO))
        #expect(!atRO.isEmpty && atRO.allSatisfy { $0.provisionalRO == someRO })
        #expect(try list(.init(day: monday)).count == open.count)
        #expect(try list(.init(day: monday.adding(days: 1))).isEmpty)
        #expect(try list(.init(from: monday, to: monday)).count == open.count)
        #expect(try list(.init(from: monday.adding(days: 1))).isEmpty)
        #expect(try list(.init(to: monday.adding(days: -1))).isEmpty)
        let filtered = try commissie.list(filter: .init(reasons: [.nearTie]), on: monday)
        #expect(filtered.bandAlerts.isEmpty && filtered.filter.reasons == [.nearTie])

        // The same filter decides: every listed near-tie of the day with a provisional RO, in one batch, except
        // a contested one (a dispute is decided on its own), which `--reason betwist` takes.
        let disputed = try #require(nearTies.first { $0.provisionalRO != nil })
        try commissie.contest(caseId: disputed.caseId, reason: "LJ&R heeft het netwerk", by: "Triagist", on: monday)
        let expected = nearTies.filter { $0.provisionalRO != nil && $0.id != disputed.id }.map(\.id)
        let decided = try commissie.confirm(
            matching: .init(reasons: [.nearTie], day: monday),
            rationale: "Bijna gelijk: model volgen",
            by: "Voorzitter"
        )
        #expect(decided.map(\.escalationId) == expected)
        #expect(try ledger.audit().filter { $0.action == .decide }.count == expected.count)
        #expect(try list(.init(reasons: [.nearTie])).allSatisfy { $0.provisionalRO == nil || $0.id == disputed.id })
        let dispute = try commissie.confirm(matching: .init(reasons: [.contested]), rationale: "Na overleg", by: "Voorzitter")
        #expect(dispute.map(\.escalationId) == [disputed.id])
        // Nothing left to match, or no filter at all: refused, nothing written.
        #expect { try commissie.confirm(matching: .init(reasons: [.nearTie], day: monday), rationale: "r", by: "b") } throws: {
            "\($0)".contains("no open escalation with a provisional RO") && "\($0)".contains("matches reason bijna_gelijk, day 2026-03-02")
        }
        #expect { try commissie.confirm(matching: .init(), rationale: "r", by: "b") } throws: {
            "\($0)".contains("at least one of --reason")
        }
    }

    @Test func aCaseIdWorksWhereAnEscalationNumberDoes() throws {
        let (_, commissie, open) = try Self.sampleDay()
        let item = try #require(open.first { $0.provisionalRO != nil })
        #expect(try commissie.dossier(item.caseId, on: Fixtures.monday).escalation?.id == item.id)
        try commissie.decide([item.caseId], moveTo: nil, rationale: "Passend", by: "Voorzitter")
        // Decided: the case id still shows its (latest) escalation, now with the decision.
        let shown = try commissie.dossier(item.caseId, on: Fixtures.monday).escalation
        #expect(shown?.id == item.id && shown?.decision?.rationale == "Passend")
        #expect { try commissie.dossier("ONBEKEND", on: Fixtures.monday) } throws: { "\($0)".contains("case ONBEKEND not found") }
        #expect { try commissie.dossier("9999", on: Fixtures.monday) } throws: { "\($0)".contains("escalation 9999 not found") }
        let sample = try IntakeReader.read(contentsOf: SampleIntake.url).map(\.id)
        let plain = try #require(try sample.first { try commissie.ledger.escalations(caseId: $0).isEmpty })
        #expect { try commissie.dossier(plain, on: Fixtures.monday) } throws: { "\($0)".contains("case \(plain) has no escalation") }
        #expect { try commissie.decide([plain], moveTo: nil, rationale: "r", by: "b") } throws: {
            "\($0)".contains("case \(plain) has no escalation")
        }
    }

    @Test func theReportIsAnAgendaByReasonOverdueFirstAndPrintsOnA4() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let config = CommissieTests.commissieTakesEverything()
        let monday = Fixtures.monday
        let nextMonday = monday.adding(workingDays: 5)
        let run = DailyRun(ledger: ledger, rules: Fixtures.rules(), config: config)
        _ = try run.allocate(intake: try IntakeReader.read(contentsOf: SampleIntake.url), day: monday)
        _ = try run.allocate(intake: Fixtures.intake(nextMonday, count: 40, seed: 3), day: nextMonday)
        let commissie = Commissie(ledger: ledger, config: config)
        // The first day's deadline has passed on Tuesday, the second day's has not.
        let asOf = nextMonday.adding(days: 1)
        let report = try CommissieReport.build(commissie, from: nextMonday, to: nextMonday, asOf: asOf)

        // Nothing drops off the agenda because its period ended: the first day's open escalations are carried over.
        let allOpen = try commissie.list(openOnly: true, on: asOf).escalations
        #expect(report.open.map(\.id).sorted() == allOpen.map(\.id).sorted())
        #expect(report.carriedOver == allOpen.filter { $0.day == monday.description }.count && report.carriedOver > 0)
        #expect(report.overdue.count == allOpen.filter(\.overdue).count && !report.overdue.isEmpty)

        // Grouped by primary reason in the codes' order, overdue first within each group.
        #expect(report.agenda.map(\.code) == report.agenda.map(\.code).sorted())
        #expect(report.agenda.flatMap(\.escalations).count == report.open.count)
        for group in report.agenda {
            #expect(group.escalations.allSatisfy { $0.reason == group.code } && group.label == group.code.label)
            let overdue = group.escalations.map(\.overdue)
            #expect(overdue == overdue.sorted { $0 && !$1 }, "\(group.code)")
            #expect(group.overdue == overdue.filter { $0 }.count)
        }
        #expect(report.agenda.contains { $0.overdue > 0 && $0.overdue < $0.escalations.count })

        // The page: navigation for the screen, the agenda before the decisions, a print stylesheet for A4.
        let html = try report.html()
        let agendaAt = try #require(html.range(of: "Agenda: open escalaties")).lowerBound
        let groupAt = try #require(html.range(of: "id=\"agenda-\(report.agenda[0].code.rawValue)\"")).lowerBound
        let decisionsAt = try #require(html.range(of: "<h2>Besluiten</h2>")).lowerBound
        let figuresAt = try #require(html.range(of: "<h2>Escalaties per reden</h2>")).lowerBound
        #expect(agendaAt < groupAt && groupAt < decisionsAt && decisionsAt < figuresAt)
        for text in [
            "<nav class=\"toc\"", "@media print", "nav.toc{display:none}", ".agenda-group{break-before:page}", "size:A4",
            "Bijna gelijke match tussen RO&#39;s", "werkdag te laat", "waarvan \(report.carriedOver) uit een eerdere periode",
        ] {
            #expect(html.contains(text), "\(text)")
        }
    }
}
