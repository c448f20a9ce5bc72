import Foundation
import InstroomTesting
import Testing

/// Operational logging: off by default, to standard error only, and never with case facts.
struct OperationalLogTests {
    @Test func logLinesGoToStandardErrorOnlyAndCarryNoCaseFacts() throws {
        let dir = Fixtures.temporaryFolder()
        let intake = dir.appendingPathComponent("day.csv").path
        #expect(try CLI.run(["generate", "--cases", "40", "--seed", "5", "--date", "2026-03-02", "--output", intake]).status == 0)

        let quiet = try CLI.run(["allocate", "--intake", intake, "--db", dir.appendingPathComponent("a.sqlite").path, "--json"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty, "the default level (warning) keeps a normal run quiet")

        let logged = try CLI.run(
            ["allocate", "--intake", intake, "--db", dir.appendingPathComponent("b.sqlite").path, "--json"],
            environment: ["INSTROOM_LOG_LEVEL": "info"]
        )
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.json != nil, "standard output is still only the JSON")
        #expect(!logged.stdout.contains("nl.3ro.instroom"))
        #expect(logged.stderr.contains("nl.3ro.instroom.triage"))
        #expect(logged.stderr.contains("allocation recorded"))
        #expect(logged.stderr.contains("status=optimal"))
        let caseFacts = ["Rotterdam", "Amsterdam", "Limburg", "huiselijk", "verslaving", "psychiatrie", "scil", "risc", "lvb"]
        for fact in caseFacts { #expect(!logged.stderr.lowercased().contains(fact.lowercased()), "\(fact) in the log") }
    }

    @Test func anUnknownLevelIsReportedAndTheRunGoesOn() throws {
        let r = try CLI.run(["wegingskader", "show"], environment: ["INSTROOM_LOG_LEVEL": "loud"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("INSTROOM_LOG_LEVEL='loud'"))
    }
}
