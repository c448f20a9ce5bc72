import Foundation
import GRDB
import InstroomDomain
import InstroomTesting
import Testing

@testable import Ledger

/// The ledger refuses, in the database itself, what the convenant forbids.
struct LedgerTests {
    static let day = Day("2026-03-02")!

    static let config = RunConfiguration(
        period: .quarter,
        bands: ["SVG": Bandwidth(min: 0.5, max: 0.7, mode: .hard)],
        softBandPenalty: 10,
        capacity: ["SVG": 100],
        workload: .init(vi: 1, advies: 2, toezicht: ["midden": 3]),
        waitingPriority: ["vi": 1],
        continuityBonus: 2,
        staleAfterDays: 365,
        escalationDeadlineDays: 5,
        solver: .init(timeLimitSeconds: 30, formulation: "aggregated")
    )

    static func scores(_ ro: RO) -> StoredScores {
        StoredScores(
            scores: ["SVG": 1, "RN": 0, "LJR": 0],
            bestFit: ro,
            reasons: ["SVG": ["Verslaving: +1"]],
            continuity: nil,
            flags: [.init(code: "risc_onbekend", label: "RISc ontbreekt")],
            ruleVersion: "t",
            ruleHash: "abc"
        )
    }

    func draft(_ cases: [(String, RO, Bool)]) -> RunDraft {
        RunDraft(
            run: RunRecord(
                day: Self.day.description,
                config: Self.config,
                intakeFile: nil,
                status: .optimal,
                objective: 1,
                gap: 0,
                seconds: 0,
                nodes: 0,
                message: ""
            ),
            actor: "test",
            ruleSet: RuleSetRecord(hash: "abc", version: "t", title: "test", source: "rules", firstUsedAt: ""),
            newCases: cases.map { .init(intake: IntakeCase(id: $0.0, kind: .advies, received: Self.day), weight: 1) },
            assignments: cases.map { .init(caseId: $0.0, ro: $0.1, weight: 1, final: $0.2, bestFit: $0.1, scores: Self.scores($0.1)) },
            escalations: cases.filter { !$0.2 }.map {
                .init(caseId: $0.0, reasons: [EscalationReason(.nearTie, "test")], provisionalRO: $0.1)
            },
            escalationDeadline: Self.day.adding(workingDays: 5)
        )
    }

    @Test func assignmentsCanNeverBeUpdatedOrDeleted() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        try ledger.record(draft([("A", .SVG, true)]))
        #expect(throws: DatabaseError.self) { try ledger.queue.write { try $0.execute(sql: "UPDATE assignment SET ro = 'RN'") } }
        #expect(throws: DatabaseError.self) { try ledger.queue.write { try $0.execute(sql: "DELETE FROM assignment") } }
        #expect(throws: DatabaseError.self) { try ledger.queue.write { try $0.execute(sql: "DELETE FROM audit") } }
        #expect(try ledger.currentAssignments(["A"])["A"]?.ro == .SVG)
    }

    @Test func aFinalAssignmentCannotBeFollowedByAnother() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        try ledger.record(draft([("A", .SVG, true)]))
        var second = draft([])
        second.assignments = [.init(caseId: "A", ro: .RN, weight: 1, final: true, bestFit: .RN, scores: Self.scores(.RN))]
        #expect(throws: DatabaseError.self) { try ledger.record(second) }
        #expect(try ledger.history(caseId: "A").count == 1)
    }

    @Test func theCommissieMovesAProvisionalCaseOnceAndThenItIsFinal() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        try ledger.record(draft([("A", .SVG, false), ("B", .RN, false)]))
        let open = try ledger.escalations(openOnly: true)
        #expect(open.count == 2)
        let a = try #require(open.first { $0.caseId == "A" })
        let move = try ledger.decide(escalationId: a.id!, moveTo: .LJR, rationale: "Dakloos, LJ&R past beter", by: "Voorzitter")
        #expect(move.action == .move)
        #expect(try ledger.currentAssignments(["A"])["A"]?.ro == .LJR)
        #expect(try ledger.currentAssignments(["A"])["A"]?.final == true)
        #expect(try ledger.periodWeights(from: Self.day, to: Self.day)[.LJR] == 1)
        #expect(try ledger.periodWeights(from: Self.day, to: Self.day)[.SVG] == nil)
        // A second decision on the same escalation: refused, nothing changes.
        #expect(throws: LedgerError.self) { try ledger.decide(escalationId: a.id!, moveTo: .RN, rationale: "nogmaals", by: "X") }
        #expect(try ledger.currentAssignments(["A"])["A"]?.ro == .LJR)
        // Contesting a final case: refused.
        #expect(throws: LedgerError.self) { try ledger.contest(caseId: "A", reason: "toch RN", by: "Y", on: Self.day, deadline: Self.day) }
        let b = try #require(open.first { $0.caseId == "B" })
        let confirm = try ledger.decide(escalationId: b.id!, moveTo: nil, rationale: "Passend", by: "Voorzitter")
        #expect(confirm.action == .confirm)
        #expect(try ledger.history(caseId: "B").map(\.ro) == [.RN, .RN])
    }

    @Test func decisionsNeedARationaleAndAName() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        try ledger.record(draft([("A", .SVG, false)]))
        let id = try #require(try ledger.escalations(openOnly: true).first?.id)
        #expect(throws: LedgerError.self) { try ledger.decide(escalationId: id, moveTo: .RN, rationale: "  ", by: "X") }
        #expect(throws: LedgerError.self) { try ledger.decide(escalationId: id, moveTo: .RN, rationale: "reden", by: "") }
        #expect(try ledger.escalation(id: id)?.status == .open)
    }

    @Test func theLedgerSurvivesReopening() throws {
        let path = Fixtures.ledgerPath()
        try Ledger(path: path).record(draft([("A", .SVG, true)]))
        let reopened = try Ledger(path: path)
        #expect(try reopened.counts().assignments == 1)
        #expect(try reopened.audit().map(\.action).prefix(3) == [.wegingskader, .run, .assign])
    }

    @Test func anUnwritableLedgerIsAClearError() {
        #expect(throws: LedgerError.self) { try Ledger(path: "/nonexistent-folder/x/ledger.sqlite") }
    }
}
