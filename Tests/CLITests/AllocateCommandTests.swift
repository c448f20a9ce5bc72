import Foundation
import InstroomTesting
import Ledger
import Testing
import Wegingskader

/// `instroom allocate`, `score`, `export-model` and `generate` as the triagepunt runs them.
struct AllocateCommandTests {
    @Test func aGenerated300CaseDayIsAssignedOnceOptimallyAndARerunChangesNothing() throws {
        let dir = Fixtures.temporaryFolder()
        let intake = dir.appendingPathComponent("day.csv").path
        let db = dir.appendingPathComponent("ledger.sqlite").path
        let gen = try CLI.run(["generate", "--cases", "300", "--seed", "7", "--date", "2026-03-02", "--output", intake])
        #expect(gen.status == 0, "\(gen.stderr)")

        let first = try CLI.run(["allocate", "--intake", intake, "--db", db, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let json = try #require(first.json)
        #expect(json["status"] as? String == "optimal")
        #expect(json["date"] as? String == "2026-03-02")
        let assignments = try #require(json["assignments"] as? [[String: Any]])
        #expect(assignments.count == 300)
        #expect(Set(assignments.compactMap { $0["caseId"] as? String }).count == 300)
        for a in assignments {
            #expect(["SVG", "RN", "LJR"].contains(a["ro"] as? String ?? ""))
            #expect((a["scores"] as? [String: Any])?.count == 3)
            #expect(a["bestFit"] is String)
            #expect(a["reasons"] is [String: Any])
        }
        let shares = try #require(json["shares"] as? [String: [String: Any]])
        #expect(Set(shares.keys) == ["SVG", "RN", "LJR"])
        let solver = try #require(json["solver"] as? [String: Any])
        #expect(solver["status"] as? String == "optimal")
        #expect(solver["gap"] != nil && solver["seconds"] != nil)
        #expect(json["escalations"] is [[String: Any]])
        #expect(json["objective"] is Double)

        let again = try CLI.run(["allocate", "--intake", intake, "--db", db, "--json"])
        #expect(again.status == 0)
        let rerun = try #require(again.json)
        #expect(rerun["unchanged"] as? Bool == true)
        let rerunAssignments = try #require(rerun["assignments"] as? [[String: Any]])
        #expect(rerunAssignments.map { "\($0["caseId"]!)=\($0["ro"]!)" } == assignments.map { "\($0["caseId"]!)=\($0["ro"]!)" })
    }

    @Test func proposeAndAllocateScoreWithTheWegingskaderActivatedInTheLedger() throws {
        let dir = Fixtures.temporaryFolder()
        let intake = dir.appendingPathComponent("day.csv").path
        let db = dir.appendingPathComponent("ledger.sqlite").path
        #expect(try CLI.run(["generate", "--cases", "20", "--seed", "5", "--date", "2026-03-02", "--output", intake]).status == 0)
        let text = try String(contentsOf: RuleSet.bundledDefaultURL, encoding: .utf8)
            .replacingOccurrences(of: #"(?m)^version: .*$"#, with: "version: \"2099-actief\"", options: .regularExpression)
        let active = try RuleSet.parse(text, file: "test")
        try Ledger(path: db).activateRuleSet(hash: active.hash, version: active.version, title: active.title, source: text, by: "beheer")

        let proposed = try CLI.run(["propose", "--intake", intake, "--db", db, "--by", "Triagist", "--json"])
        #expect(proposed.status == 0, "\(proposed.stderr)")
        #expect(proposed.stdout.contains(active.hash))
        let confirmed = try CLI.run(["confirm", "--date", "2026-03-02", "--db", db, "--by", "Triagist", "--accept-rest", "--json"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        let ruleSet = try #require(confirmed.json?["ruleSet"] as? [String: Any])
        #expect(ruleSet["version"] as? String == "2099-actief")
        #expect(ruleSet["hash"] as? String == active.hash)

        // A named rule file still wins over the activated version.
        let named = try CLI.run([
            "allocate", "--intake", intake, "--db", dir.appendingPathComponent("other.sqlite").path,
            "--rules", RuleSet.bundledDefaultURL.path, "--json",
        ])
        #expect(named.status == 0, "\(named.stderr)")
        #expect((named.json?["ruleSet"] as? [String: Any])?["hash"] as? String == RuleSet.bundledDefault().hash)
    }

    @Test func allocateSolvesWithTheTimeLimitOfItsConfiguration() throws {
        let dir = Fixtures.temporaryFolder()
        let intake = dir.appendingPathComponent("day.csv").path
        let config = dir.appendingPathComponent("config.yaml")
        try Data("solver:\n  timeLimitSeconds: 12.5\n  formulation: perCase\n".utf8).write(to: config)
        #expect(try CLI.run(["generate", "--cases", "40", "--seed", "3", "--date", "2026-03-02", "--output", intake]).status == 0)
        let r = try CLI.run([
            "allocate", "--intake", intake, "--db", dir.appendingPathComponent("ledger.sqlite").path,
            "--config", config.path, "--json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let solver = try #require(r.json?["solver"] as? [String: Any])
        #expect(solver["timeLimitSeconds"] as? Double == 12.5)
        #expect(solver["formulation"] as? String == "perCase")
    }

    @Test func theExportedModelSolvedByGlpsolGivesAllocatesObjective() throws {
        let glpsol = URL(fileURLWithPath: "/usr/bin/glpsol")
        try #require(FileManager.default.isExecutableFile(atPath: glpsol.path), "glpsol missing: scripts/ensure-deps installs glpk-utils")
        let dir = Fixtures.temporaryFolder()
        let intake = dir.appendingPathComponent("day.csv").path
        let db = dir.appendingPathComponent("ledger.sqlite").path
        #expect(try CLI.run(["generate", "--cases", "300", "--seed", "11", "--date", "2026-03-02", "--output", intake]).status == 0)
        for format in ["lp", "mps"] {
            let model = dir.appendingPathComponent("day.\(format)").path
            let export = try CLI.run(["export-model", "--intake", intake, "--db", db, "--format", format, "--output", model])
            #expect(export.status == 0, "\(export.stderr)")
            let report = dir.appendingPathComponent("glpsol-\(format).txt").path
            let solved = try CLI.run(executable: glpsol, [format == "lp" ? "--lp" : "--freemps", model, "--tmlim", "300", "-o", report])
            #expect(solved.status == 0, "\(solved.stdout)")
            let text = try String(contentsOfFile: report, encoding: .utf8)
            let objectiveLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
            let glpsolObjective = try #require(objectiveLine.split(separator: " ").compactMap { Double($0) }.first)
            #expect(text.contains("INTEGER OPTIMAL"))
            let allocate = try #require(
                try CLI.run(["allocate", "--intake", intake, "--db", dir.appendingPathComponent("\(format).sqlite").path, "--json"]).json
            )
            let objective = try #require(allocate["objective"] as? Double)
            // MPS cannot say "maximise": the export minimises the negated fit (see GLPKSolver.write).
            let expected = format == "lp" ? objective : -objective
            #expect(abs(expected - glpsolObjective) < 1e-6, "\(format): allocate \(objective) vs glpsol \(glpsolObjective)")
        }
        // Exporting only reads: a missing ledger is an empty period, and none is left behind.
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func theDutchExcelExportAllocatesLikeTheCommaFile() throws {
        let dir = Fixtures.temporaryFolder()
        let comma = dir.appendingPathComponent("day.csv")
        #expect(try CLI.run(["generate", "--cases", "40", "--seed", "3", "--date", "2026-03-02", "--output", comma.path]).status == 0)
        // Rewrite as Excel (nl-NL) would: BOM, semicolons, CRLF, DD-MM-YYYY dates, decimal comma.
        let text = try String(contentsOf: comma, encoding: .utf8)
        var excel = "\u{FEFF}"
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { cell -> String in
                let s = String(cell)
                let parts = s.split(separator: "-")
                if parts.count == 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }) {
                    return "\(parts[2])-\(parts[1])-\(parts[0])"
                }
                return s.replacingOccurrences(of: ".", with: ",")
            }
            excel += cells.joined(separator: ";") + "\r\n"
        }
        let excelURL = dir.appendingPathComponent("excel.csv")
        try Data(excel.utf8).write(to: excelURL)
        let a = try #require(
            try CLI.run(["allocate", "--intake", comma.path, "--db", dir.appendingPathComponent("a.sqlite").path, "--json"]).json
        )
        let bResult = try CLI.run(["allocate", "--intake", excelURL.path, "--db", dir.appendingPathComponent("b.sqlite").path, "--json"])
        #expect(bResult.status == 0, "\(bResult.stderr)")
        let b = try #require(bResult.json)
        #expect(a["objective"] as? Double == b["objective"] as? Double)
        let ra = (a["assignments"] as? [[String: Any]] ?? []).map { "\($0["caseId"]!)=\($0["ro"]!)" }
        let rb = (b["assignments"] as? [[String: Any]] ?? []).map { "\($0["caseId"]!)=\($0["ro"]!)" }
        #expect(ra == rb && ra.count == 40)
    }

    @Test func scoreExplainsWithoutWriting() throws {
        let dir = Fixtures.temporaryFolder()
        let intake = dir.appendingPathComponent("day.json").path
        #expect(try CLI.run(["generate", "--cases", "5", "--seed", "1", "--date", "2026-03-02", "--output", intake]).status == 0)
        let r = try CLI.run(["score", "--intake", intake, "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let cases = try #require(r.json?["cases"] as? [[String: Any]])
        #expect(cases.count == 5)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("instroom.sqlite").path))
    }
}
