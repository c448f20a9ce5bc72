import Foundation
import InstroomTesting
import Testing

/// The issue-14 reproducers through the binary: no trap, no GLPK abort, a clear error and a non-zero
/// exit, nothing written; and no control character from a file reaches the terminal.
struct HardeningCommandTests {
    static let header =
        "id,kind,received,deadline,offence,problem,intervention,scil,scil_date,risc,risc_date,region,relation,intensity,age,weight"
    static var gap1: URL { Fixtures.packageRoot.appendingPathComponent("Tests/Data/gap/gap1.txt") }

    func allocate(_ csv: String, extra: [String] = []) throws -> (CommandResult, String) {
        let dir = Fixtures.temporaryFolder()
        let intake = dir.appendingPathComponent("in.csv")
        try Data(csv.utf8).write(to: intake)
        let db = dir.appendingPathComponent("ledger.sqlite").path
        return (try CLI.run(["allocate", "--intake", intake.path, "--db", db] + extra), db)
    }

    @Test(arguments: ["1e19", "9e18", "1e17", "1e-300"])
    func anIntakeWeightOutOfRangeIsRefusedBeforeTheLedger(weight: String) throws {
        let (r, db) = try allocate("\(Self.header)\nW1,toezicht,2026-03-02,,,,,,,,,,,hoog,,\(weight)\nW2,advies,2026-03-02,,,,,,,,,,,,,1\n")
        #expect(r.status != 0)
        #expect(r.stderr.contains("in.csv:2: field 'weight': weight \(weight) is outside the allowed range"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aDateBeforeTheYear2000IsRefusedBeforeTheLedger() throws {
        let (r, db) = try allocate("\(Self.header)\nD1,advies,0999-12-31,,,,,,,,,,,,,\n")
        #expect(r.status != 0)
        #expect(r.stderr.contains("in.csv:2: field 'received': date out of range: '0999-12-31'"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        let option = try CLI.run(["allocate", "--date", "0999-12-31", "--db", db])
        #expect(option.status != 0)
        #expect(option.stderr.contains("0999-12-31"), "\(option.stderr)")
    }

    @Test func aDirectoryGivenAsAFileSaysSo() throws {
        let dir = Fixtures.temporaryFolder()
        for (option, name) in [("--intake", "in.csv"), ("--config", "config.yaml"), ("--rules", "rules.yaml")] {
            let folder = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let r = try CLI.run(["score", option, folder.path])
            #expect(r.status != 0)
            #expect(r.stderr.contains("\(folder.path): cannot read the file: it is a directory"), "\(option): \(r.stderr)")
            #expect(!r.stderr.contains("NSCocoaErrorDomain"))
        }
        let scenario = dir.appendingPathComponent("scenario.yaml")
        try FileManager.default.createDirectory(at: scenario, withIntermediateDirectories: true)
        let r = try CLI.run(["simulate", scenario.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(scenario.path): cannot read the file: it is a directory"), "\(r.stderr)")
    }

    @Test func idsWithEscapeSequencesAreNotPrintedRaw() throws {
        let dir = Fixtures.temporaryFolder()
        let intake = dir.appendingPathComponent("in.csv")
        try Data("id,kind,received\n\"\u{1B}[2J\u{1B}]0;pwned\u{07}C1\u{202E}\",advies,2026-03-02\n".utf8).write(to: intake)
        let r = try CLI.run(["score", "--intake", intake.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("C1"))
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }

    /// `glp_set_prob_name` aborted on a control character or a 250-character file name.
    @Test(arguments: ["gap\u{1}ctl.txt", String(repeating: "g", count: 246) + ".txt"])
    func gapSolveTakesAnyFileName(name: String) throws {
        let file = Fixtures.temporaryFolder().appendingPathComponent(name)
        try Data(contentsOf: Self.gap1).write(to: file)
        let r = try CLI.run(["gap", "solve", file.path, "--time-limit", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("optimal"))
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 1 })
    }

    @Test func gapProfitsNear9e18AreRefusedWithLineAndField() throws {
        let file = Fixtures.temporaryFolder().appendingPathComponent("big.txt")
        try Data("1\n1 2\n9000000000000000000 1\n1 1\n5\n".utf8).write(to: file)
        let r = try CLI.run(["gap", "solve", file.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("big.txt:3: field 'instance 1: profit[1][1]'"), "\(r.stderr)")
    }

    @Test(arguments: ["nan", "inf", "1e308"])
    func anExpectedOptimumThatIsNotANumberIsRefused(optimum: String) throws {
        let optima = Fixtures.temporaryFolder().appendingPathComponent("optima.tsv")
        try Data("file\tinstance\tsense\tagents\tjobs\toptimum\ngap1.txt\t1\tmax\t5\t15\t\(optimum)\n".utf8).write(to: optima)
        let r = try CLI.run(["gap", "solve", Self.gap1.path, "--expect", optima.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("optima.tsv:2: field 'optimum'"), "\(r.stderr)")
    }

    @Test(arguments: ["inf", "nan", "0", "1e9"])
    func aTimeLimitOutsideTheRangeIsRefused(limit: String) throws {
        let r = try CLI.run(["gap", "solve", Self.gap1.path, "--time-limit", limit])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--time-limit"), "\(r.stderr)")
    }

    /// A hard 20 x 400 instance (costs falling with resource use, capacity 80%) with a millisecond:
    /// no solution within the limit is an error, not a silent exit 0.
    @Test func noSolutionWithinTheLimitIsANonZeroExit() throws {
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let (m, n) = (20, 400)
        let resource = (0..<m).map { _ in (0..<n).map { _ in 1 + next(100) } }
        let cost = resource.map { row in row.map { 111 - $0 + next(21) - 10 } }
        let capacity = resource.map { Int(0.8 * Double($0.reduce(0, +)) / Double(m)) }
        let text =
            ["1", "\(m) \(n)"] + cost.map { $0.map(String.init).joined(separator: " ") }
            + resource.map { $0.map(String.init).joined(separator: " ") } + [capacity.map(String.init).joined(separator: " ")]
        let file = Fixtures.temporaryFolder().appendingPathComponent("gapd-hard.txt")
        try Data((text.joined(separator: "\n") + "\n").utf8).write(to: file)
        let r = try CLI.run(["gap", "solve", file.path, "--time-limit", "0.001", "--json"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("gapd-hard.txt #1 (no solution within the limit)"), "\(r.stderr)")
    }
}
