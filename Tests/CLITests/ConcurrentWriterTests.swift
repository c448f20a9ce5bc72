import Dispatch
import Foundation
import InstroomDomain
import InstroomTesting
import Ledger
import Synchronization
import Testing

/// Issue 14's acceptance: several `instroom` processes writing one ledger file at once. Each scenario
/// starts 4 real processes together on a new file (so schema creation races too) and checks what the
/// ledger holds afterwards: no case placed twice, no RO's daily capacity exceeded, no final case with an
/// open contest, no escalation decided twice, and every process ended with a result or a clear message.
/// Each scenario runs a few times: a race that is lost once in three runs still fails the test.
@Suite(.serialized) struct ConcurrentWriterTests {
    static let day = "2026-03-02"
    static let repetitions = 3
    /// The bundled configuration's free workload points per RO per day.
    static let capacity: [String: Double] = ["SVG": 400, "RN": 800, "LJR": 300]

    @Test func fourAllocationsOfTheSameIntakeAssignEachCaseOnce() throws {
        for _ in 0..<Self.repetitions {
            let dir = Fixtures.temporaryFolder()
            let rows = try Self.generate(300, seed: 7, in: dir)
            let intake = try Self.write(rows.header, rows.cases, to: dir, name: "day.csv")
            let results = try Self.concurrently(Array(repeating: ["allocate", "--intake", intake, "--json"], count: 4), db: dir)
            try Self.expectClean(results, dir: dir, expectedCases: Set(rows.ids))
            // One process allocated; the others found the intake allocated and changed nothing.
            #expect(results.filter { $0.json?["unchanged"] as? Bool == false }.count == 1)
        }
    }

    @Test func fourAllocationsOfOverlappingIntakesAssignEachCaseOnceWithinCapacity() throws {
        for _ in 0..<Self.repetitions {
            let dir = Fixtures.temporaryFolder()
            let rows = try Self.generate(800, seed: 11, in: dir)
            let c = rows.cases
            // Each window shares half its cases with the next.
            let windows = [Array(c[0..<300]), Array(c[150..<450]), Array(c[300..<600]), Array(c[450..<800])]
            let files = try windows.enumerated().map { i, w in try Self.write(rows.header, w, to: dir, name: "window\(i).csv") }
            let results = try Self.concurrently(files.map { ["allocate", "--intake", $0, "--json"] }, db: dir)
            try Self.expectClean(results, dir: dir, expectedCases: Set(rows.ids))
        }
    }

    @Test func fourAllocationsOfDisjointIntakesOnOneDayStayWithinTheDaysCapacity() throws {
        for _ in 0..<Self.repetitions {
            let dir = Fixtures.temporaryFolder()
            let rows = try Self.generate(1200, seed: 5, in: dir)
            let files = try (0..<4).map { i in
                try Self.write(rows.header, Array(rows.cases[(i * 300)..<((i + 1) * 300)]), to: dir, name: "part\(i).csv")
            }
            let results = try Self.concurrently(files.map { ["allocate", "--intake", $0, "--json"] }, db: dir)
            let ledger = try Self.expectClean(results, dir: dir, expectedCases: Set(rows.ids))
            // 1,200 cases need more than a day's 1,500 points: capacity binds, so the check above is not vacuous.
            let used = try ledger.capacityUsed(on: try #require(Day(Self.day)))
            #expect(used.values.reduce(0, +) > 1000)
            #expect(try !ledger.backlog(until: try #require(Day(Self.day))).isEmpty)
        }
    }

    @Test func contestsAndDecisionsDuringAnAllocationNeverLeaveAFinalCaseWithAnOpenContest() throws {
        for _ in 0..<Self.repetitions {
            let dir = Fixtures.temporaryFolder()
            let rows = try Self.generate(600, seed: 3, in: dir)
            let first = try Self.write(rows.header, Array(rows.cases[0..<300]), to: dir, name: "first.csv")
            let second = try Self.write(rows.header, Array(rows.cases[300..<600]), to: dir, name: "second.csv")
            let db = dir.appendingPathComponent("ledger.sqlite").path
            // Tight capacity on the first day: its escalations give the commissie cases to decide.
            let config = dir.appendingPathComponent("config.yaml")
            try Data("capacity: {SVG: 120, RN: 200, LJR: 80}\n".utf8).write(to: config)
            let setUp = try CLI.run(["allocate", "--intake", first, "--db", db, "--config", config.path, "--json"])
            try #require(setUp.status == 0, "\(setUp.stderr)")
            let ledger = try Ledger(path: db)
            let open = try ledger.escalations(openOnly: true).filter { $0.provisionalRO != nil }
            try #require(!open.isEmpty, "the first day needs an escalation to decide")
            // Cases of the second intake, contested while the allocation that places them may be running.
            let contested = Array(rows.ids[300..<303])
            let escalation = try #require(open.first?.id)
            var commands: [[String]] = [["allocate", "--intake", second, "--json"]]
            commands += contested.map { ["contest", $0, "--reason", "Twijfel over de fit", "--by", "triagist", "--date", Self.day] }
            commands += Array(repeating: ["decide", "\(escalation)", "--confirm", "--rationale", "Passend", "--by", "commissie"], count: 2)
            let results = try Self.concurrently(commands, db: dir)
            try Self.expectClean(results, dir: dir, expectedCases: Set(rows.ids))
            // Both decisions on one escalation: one is recorded, the other refused because it was decided.
            #expect(results.suffix(2).filter { $0.status == 0 }.count == 1)
            #expect(try ledger.decisions().filter { $0.escalationId == escalation }.count == 1)
        }
    }

    // MARK: - Helpers

    /// A generated intake as CSV lines: one header, one line per case (the generator writes no line breaks in fields).
    static func generate(_ count: Int, seed: Int, in dir: URL) throws -> (header: String, cases: [String], ids: [String]) {
        let path = dir.appendingPathComponent("all.csv").path
        let gen = try CLI.run(["generate", "--cases", "\(count)", "--seed", "\(seed)", "--date", day, "--output", path])
        try #require(gen.status == 0, "\(gen.stderr)")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let cases = Array(lines.dropFirst())
        let idColumn = try #require(header.split(separator: ",").firstIndex(of: "id"))
        return (header, cases, cases.map { String($0.split(separator: ",", omittingEmptySubsequences: false)[idColumn]) })
    }

    static func write(_ header: String, _ cases: [String], to dir: URL, name: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(([header] + cases).joined(separator: "\n").appending("\n").utf8).write(to: url)
        return url.path
    }

    /// Starts every command at once against the ledger in `dir` and waits for all of them.
    static func concurrently(_ commands: [[String]], db dir: URL) throws -> [CommandResult] {
        let db = dir.appendingPathComponent("ledger.sqlite").path
        let results = Mutex([Int: Result<CommandResult, any Error>]())
        DispatchQueue.concurrentPerform(iterations: commands.count) { i in
            let result = Result { try CLI.run(commands[i] + ["--db", db]) }
            results.withLock { $0[i] = result }
        }
        return try results.withLock { all in try (0..<commands.count).map { try all[$0]!.get() } }
    }

    /// What must hold after any mix of concurrent writers; returns the ledger for further checks.
    @discardableResult
    static func expectClean(_ results: [CommandResult], dir: URL, expectedCases: Set<String>) throws -> Ledger {
        for r in results {
            // A result, or a refusal in words: never SQLite's own error, never a crash.
            #expect(r.status == 0 || (r.status == 1 && !r.stderr.isEmpty), "exit \(r.status): \(r.stderr)")
            #expect(!r.stderr.contains("SQLite error"), "\(r.stderr)")
            #expect(!r.stderr.contains("database is locked"), "\(r.stderr)")
        }
        // Allocations never refuse: each one waits for the other writers.
        for r in results where r.json != nil || r.stdout.hasPrefix("{") { #expect(r.status == 0, "\(r.stderr)") }
        let ledger = try Ledger(path: dir.appendingPathComponent("ledger.sqlite").path)
        var modelPlacements: [String: Int] = [:]
        var used: [String: [String: Double]] = [:]
        for id in expectedCases {
            let history = try ledger.history(caseId: id)
            for a in history where a.source == .model {
                modelPlacements[id, default: 0] += 1
                used[a.day, default: [:]][a.ro.rawValue, default: 0] += a.weight
            }
            if let current = history.last, current.final {
                let openContest = try ledger.escalations(caseId: id).contains {
                    $0.status == .open && $0.reasons.contains { $0.code == .contested }
                }
                #expect(!openContest, "case \(id) is final with an open contest")
            }
            #expect(try ledger.escalations(caseId: id).filter { $0.status == .open }.count <= 1, "case \(id): several open escalations")
        }
        #expect(modelPlacements.values.allSatisfy { $0 == 1 }, "placed twice: \(modelPlacements.filter { $0.value > 1 }.keys.sorted())")
        for (day, perRO) in used {
            for (ro, points) in perRO {
                #expect(points <= capacity[ro]! + 1e-9, "\(ro) on \(day): \(points) of \(capacity[ro]!) points")
            }
        }
        let decided = try ledger.decisions().map(\.escalationId)
        #expect(decided.count == Set(decided).count, "an escalation decided twice")
        return ledger
    }
}
