import Foundation
import GRDB
import InstroomDomain
import InstroomTesting
import Testing

@testable import Ledger

/// What the ledger stores comes back typed, and a cell it cannot read is an error, never a missing row.
struct StoredDataTests {
    let base = LedgerTests()

    @Test func structuredColumnsRoundTrip() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        var draft = base.draft([("A", .SVG, false), ("B", .RN, true)])
        let context = EscalationContext(
            periodStart: "2026-01-01",
            periodEnd: "2026-03-31",
            shares: ["SVG": .init(share: 0.6, weight: 6, band: .init(min: 0.5, max: 0.7, mode: .hard), withinBand: true)]
        )
        draft.escalations[0].context = context
        let runId = try ledger.record(draft)
        let run = try #require(try ledger.run(id: runId))
        #expect(run.config == LedgerTests.config)
        #expect(run.status == .optimal)
        #expect(run.caseCount == 2 && run.ruleHash == "abc")
        #expect(try ledger.escalations(caseId: "A").first?.context == context)
        let a = try #require(try ledger.history(caseId: "A").first)
        #expect(a.scores == LedgerTests.scores(.SVG) && a.source == .model)
        #expect(try ledger.intakeCase(id: "B") == IntakeCase(id: "B", kind: .advies, received: LedgerTests.day))
        #expect(try ledger.storedFacts(["A", "B", "C"]).keys.sorted() == ["A", "B"])
        #expect(try ledger.knownCaseIds(["A", "C"]) == ["A"])
    }

    @Test func auditActionsAndDataRoundTrip() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        try ledger.record(base.draft([("A", .SVG, false)]))
        let escalation = try #require(try ledger.escalations(openOnly: true).first)
        try ledger.decide(escalationId: escalation.id!, moveTo: .LJR, rationale: "Dakloos", by: "Voorzitter")
        let trail = try ledger.audit()
        #expect(trail.map(\.action) == [.wegingskader, .run, .assign, .escalate, .decide])
        #expect(trail.allSatisfy { $0.data != nil })
        let decide = try #require(trail.last?.data)
        #expect(decide.escalationId == escalation.id && decide.roBefore == .SVG && decide.roAfter == .LJR && decide.final == true)
        #expect(trail[3].data?.reasons == [.nearTie])
        #expect(trail[1].data?.solverStatus == .optimal && trail[1].data?.assigned == 1)
        #expect(try ledger.history(caseId: "A").map(\.source) == [.model, .commissie])
        // The raw values are the stored format and what `audit --json` prints: they never change.
        #expect(
            AuditAction.allCases.map(\.rawValue) == [
                "wegingskader", "run", "assign", "escalate", "contest", "decide", "resolve", "band_prognose", "propose", "accept",
                "override", "confirm", "purge",
            ]
        )
        let stored = try ledger.queue.read { try String.fetchAll($0, sql: "SELECT DISTINCT action FROM audit ORDER BY id") }
        #expect(stored == ["wegingskader", "run", "assign", "escalate", "decide"])
    }

    @Test func aCorruptContextIsAnErrorNamingTableRowAndColumn() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        try ledger.record(base.draft([("A", .SVG, false)]))
        let id = try #require(try ledger.escalations().first?.id)
        try ledger.queue.write {
            try $0.execute(sql: "UPDATE escalation SET context = '{\"periodStart\": 3' WHERE id = ?", arguments: [id])
        }
        let error = try #require(throws: LedgerError.self) { try ledger.escalations() }
        guard case .unreadable(let table, let row, let column, _) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(table == "escalation" && row == "\(id)" && column == "context")
        #expect("\(error)".contains("escalation row \(id), column context"))
        // Every read of the row refuses, not only the list.
        #expect(throws: LedgerError.self) { try ledger.escalation(id: id) }
    }

    @Test func corruptFactsAreAnErrorNotAMissingCase() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        try ledger.record(base.draft([("A", .SVG, true)]))
        // The schema refuses this since v6; an attacker with the file drops the trigger first.
        try ledger.queue.write {
            try $0.execute(
                sql: "DROP TRIGGER intakeCase_facts_never_change; UPDATE intakeCase SET facts = '{\"id\": \"A\"}' WHERE id = 'A'"
            )
        }
        let error = try #require(throws: LedgerError.self) { try ledger.intakeCase(id: "A") }
        #expect("\(error)".contains("intakeCase row A, column facts"), "\(error)")
        #expect("\(error)".contains("missing field"), "\(error)")
        #expect(throws: LedgerError.self) { try ledger.storedFacts(["A"]) }
        // A new run with the same case must not treat the unreadable facts as "not known yet".
        #expect(throws: LedgerError.self) { try ledger.record(base.draft([("A", .SVG, true)])) }
    }

    @Test func anUnknownEnumValueIsAnError() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        try ledger.record(base.draft([("A", .SVG, false)]))
        try ledger.queue.write { try $0.execute(sql: "DROP TRIGGER run_never_updated; UPDATE run SET status = 'maybe'") }
        let error = try #require(throws: LedgerError.self) { try ledger.runs() }
        #expect("\(error)".contains("run row 1, column status"), "\(error)")
    }
}
