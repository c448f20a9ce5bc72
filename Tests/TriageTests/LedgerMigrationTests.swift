import Foundation
import GRDB
import InstroomDomain
import InstroomTesting
import Testing
import Triage

@testable import Ledger

/// A ledger written by the release before typed records (schema v2: two runs, a contest, two
/// decisions, waiting cases, band forecasts; made with that binary by `allocate`, `contest`, `decide`)
/// opens, migrates, reads back typed in every table, and takes a new run.
struct LedgerMigrationTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/ledger-v2.sqlite")

    func migratedCopy() throws -> Ledger {
        let path = Fixtures.ledgerPath()
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: path)
        return try Ledger(path: path)
    }

    @Test func aVersion2LedgerReadsBackTypedInEveryTable() throws {
        let ledger = try migratedCopy()
        let counts = try ledger.counts()
        #expect(counts.cases == 140 && counts.assignments == 119 && counts.runs == 2 && counts.escalations == 68 && counts.audit == 194)

        let runs = try ledger.runs()
        #expect(runs.map(\.status) == [.optimal, .optimal])
        #expect(runs[0].config.capacity == ["SVG": 400, "RN": 800, "LJR": 300])
        #expect(runs[1].config.capacity == ["SVG": 40, "RN": 45, "LJR": 20])
        #expect(runs[1].config.bands["SVG"] == Bandwidth(min: 0.60, max: 0.62, mode: .soft))
        #expect(runs.allSatisfy { $0.config.solver.formulation == "aggregated" && $0.config.workload.toezicht.count == 3 })
        let text = try ledger.queue.read { try String.fetchOne($0, sql: "SELECT config FROM run WHERE id = 1") }
        #expect(text?.hasPrefix("{\"bands\":{") == true, "the migration rewrites the maps as objects: \(text ?? "")")

        let escalations = try ledger.escalations()
        #expect(escalations.count == 68 && escalations.allSatisfy { $0.context?.shares.count == 3 })
        #expect(escalations.filter { $0.provisionalRO == nil }.count == 23)
        #expect(try ledger.escalation(id: 14)?.reasons.contains { $0.code == .contested } == true)
        #expect(try ledger.decisions().map(\.action) == [.move, .confirm])
        #expect(try ledger.bandAlerts().map(\.ro) == [.SVG, .RN, .LJR])

        let assignments = try ledger.queue.read { try Ledger.fetchAll($0, AssignmentRecord.all()) }
        #expect(assignments.count == 119)
        #expect(assignments.allSatisfy { $0.scores.scores.count == 3 && $0.scores.reasons.count == 3 && !$0.scores.ruleHash.isEmpty })
        #expect(assignments.filter { $0.source == .commissie }.map(\.ro) == [.LJR, .RN])
        #expect(try ledger.intakeCase(id: "C20260302-0031")?.kind != nil)

        let audit = try ledger.audit()
        #expect(audit.count == 194 && audit.allSatisfy { $0.data == nil })
        #expect(Set(audit.map(\.action)) == [.wegingskader, .run, .assign, .escalate, .contest, .decide, .bandForecast])

        let dossier = try Commissie(ledger: ledger, config: Fixtures.config()).dossier("4", on: Fixtures.monday)
        #expect(dossier.scores?.count == 3 && dossier.explanations?.count == 3 && dossier.sharesAtEscalation != nil)
        #expect(dossier.history.map(\.final) == [false, true])
        #expect(try Commissie(ledger: ledger, config: Fixtures.config()).dossier("B2", on: Fixtures.monday).audit.count == 1)
    }

    @Test func aMigratedLedgerTakesANewRun() throws {
        let ledger = try migratedCopy()
        let day = Day("2026-03-04")!
        let report = try DailyRun(ledger: ledger, rules: Fixtures.rules(), config: Fixtures.config())
            .allocate(intake: Fixtures.intake(day, count: 20, seed: 3), day: day)
        let runId = try #require(report.runId)
        let run = try #require(try ledger.run(id: runId))
        #expect(run.config.capacity == ["SVG": 400, "RN": 800, "LJR": 300] && run.caseCount == report.assignments.count)
        // The waiting cases of day two go first and get an RO; their escalations resolve.
        #expect(report.assignments.count > 20)
        let audit = try ledger.audit().filter { $0.runId == runId }
        #expect(audit.allSatisfy { $0.data != nil })
        #expect(audit.contains { $0.action == .resolve && $0.data?.escalationId != nil })
        #expect(try ledger.escalations().filter { $0.provisionalRO == nil && $0.status == .open }.count < 23)
        // Old and new band alerts are one open alert per RO at most.
        #expect(try ledger.bandAlerts(openOnly: true).count <= 3)
    }
}
