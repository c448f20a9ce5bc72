import Foundation
import InstroomTesting
import Testing

/// The begeleidingscommissie's commands through the built binary, against a real ledger file.
struct CommissieCommandTests {
    static func jsonArray(_ any: Any?) -> [[String: Any]] { any as? [[String: Any]] ?? [] }

    @Test func escalateContestDecideNextDayAuditAndReport() throws {
        let dir = Fixtures.temporaryFolder()
        let db = dir.appendingPathComponent("ledger.sqlite").path
        let config = dir.appendingPathComponent("tight.yaml")
        try "capacity:\n  SVG: 40\n  RN: 45\n  LJR: 20\n".write(to: config, atomically: true, encoding: .utf8)

        // Day 1: the bundled sample with tight capacities.
        let day1 = try CLI.run(["allocate", "--db", db, "--config", config.path, "--json"])
        #expect(day1.status == 0, "\(day1.stderr)")
        let report1 = try #require(day1.json)
        let codes = Set(
            Self.jsonArray(report1["escalations"]).flatMap { Self.jsonArray($0["reasons"]).compactMap { $0["code"] as? String } }
        )
        #expect(codes.count >= 3, "\(codes)")
        let waiting = try #require((report1["waiting"] as? [String])?.first)

        // The open list, as JSON.
        let list = try CLI.run(["escalations", "list", "--open", "--json", "--db", db, "--config", config.path, "--date", "2026-03-02"])
        #expect(list.status == 0, "\(list.stderr)")
        let open = Self.jsonArray(list.json?["escalations"])
        // Only the commissie's queue reaches the ledger; the triage review is settled on the day.
        #expect(open.count == Self.jsonArray(report1["escalations"]).filter { $0["queue"] as? String == "commissie" }.count)
        for e in open {
            for key in [
                "id", "caseId", "day", "deadline", "status", "overdue", "workingDaysOverdue", "reason", "label", "reasons", "final",
                "raisedBy",
            ] {
                #expect(e[key] != nil, "missing \(key)")
            }
        }
        let provisional = open.filter { $0["provisionalRO"] is String }
        let toMove = try #require(provisional.first)
        let toConfirm = try #require(provisional.dropFirst().first)
        let moveId = "\(toMove["id"]!)"
        let confirmId = "\(toConfirm["id"]!)"
        let from = try #require(toMove["provisionalRO"] as? String)
        let target = ["SVG", "RN", "LJR"].first { $0 != from }!

        // The dossier.
        let show = try CLI.run(["escalations", "show", moveId, "--db", db, "--config", config.path])
        #expect(show.status == 0, "\(show.stderr)")
        for text in ["Escalatie \(moveId)", "Feiten:", "Scores", "Aandelen en banden bij escalatie", "Audit:"] {
            #expect(show.stdout.contains(text), "\(text)")
        }

        // Contest a waiting case by hand; contest without a name is refused.
        let contest = try CLI.run([
            "contest", waiting, "--reason", "Dakloos: LJ&R", "--by", "Triagist De Vries", "--db", db, "--config", config.path, "--date",
            "2026-03-02",
        ])
        #expect(contest.status == 0, "\(contest.stderr)")

        // Decide: one move, one confirm.
        let move = try CLI.run(["decide", moveId, "--ro", target, "--rationale", "Continuïteit van zorg", "--by", "Voorzitter", "--db", db])
        #expect(move.status == 0, "\(move.stderr)")
        #expect(move.stdout.contains("verplaatst"))
        let confirm = try CLI.run(["decide", confirmId, "--confirm", "--rationale", "Passend", "--by", "Voorzitter", "--db", db])
        #expect(confirm.status == 0, "\(confirm.stderr)")

        // Refusals: clear message on stderr, non-zero exit, nothing written.
        let auditBefore = Self.jsonArray(try CLI.run(["audit", "--json", "--db", db]).json?["entries"]).count
        let refusals: [([String], String)] = [
            (["decide", moveId, "--ro", from, "--rationale", "terug", "--by", "X"], "geen werk retour"),
            (["decide", "9999", "--confirm", "--rationale", "r", "--by", "X"], "escalation 9999 not found"),
            (["decide", confirmId, "--confirm", "--rationale", "  ", "--by", "X"], "rationale"),
            (["decide", confirmId, "--confirm", "--by", "X"], "rationale"),
            (["decide", confirmId, "--confirm", "--ro", "RN", "--rationale", "r", "--by", "X"], "exactly one"),
            (["contest", "NOPE", "--reason", "r", "--by", "X"], "case NOPE not found"),
            (["contest", toMove["caseId"] as! String, "--reason", "r", "--by", "X"], "geen werk retour"),
            (["escalations", "show", "9999"], "not found"),
        ]
        for (args, message) in refusals {
            let r = try CLI.run(args + ["--db", db])
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        #expect(Self.jsonArray(try CLI.run(["audit", "--json", "--db", db]).json?["entries"]).count == auditBefore)

        // Day 2 starts from the shares the commissie left.
        let tuesday = dir.appendingPathComponent("tuesday.csv").path
        #expect(try CLI.run(["generate", "--cases", "15", "--seed", "4", "--date", "2026-03-03", "--output", tuesday]).status == 0)
        let day2 = try CLI.run(["allocate", "--intake", tuesday, "--db", db, "--json"])
        #expect(day2.status == 0, "\(day2.stderr)")
        let report2 = try #require(day2.json)
        let lines2 = Self.jsonArray(report2["assignments"])
        let shares1 = try #require(report1["shares"] as? [String: [String: Any]])
        let shares2 = try #require(report2["shares"] as? [String: [String: Any]])
        let moved = try #require(Self.jsonArray(report1["assignments"]).first { $0["caseId"] as? String == toMove["caseId"] as? String })
        let movedWeight = try #require(moved["weight"] as? Double)
        for ro in ["SVG", "RN", "LJR"] {
            let today = lines2.filter { $0["ro"] as? String == ro }.reduce(0.0) { $0 + ($1["weight"] as? Double ?? 0) }
            let shift = ro == target ? movedWeight : (ro == from ? -movedWeight : 0)
            let expected = (shares1[ro]?["weight"] as? Double ?? 0) + shift + today
            #expect(abs((shares2[ro]?["weight"] as? Double ?? 0) - expected) < 1e-9, "\(ro)")
        }
        let contestedLine = try #require(lines2.first { $0["caseId"] as? String == waiting })
        #expect(contestedLine["final"] as? Bool == false)

        // The audit trail, in order, and per case.
        let audit = try #require(try CLI.run(["audit", "--json", "--db", db]).json)
        let entries = Self.jsonArray(audit["entries"])
        let actions = entries.compactMap { $0["action"] as? String }
        let ids = entries.compactMap { $0["id"] as? Int }
        #expect(ids == ids.sorted())
        let firstRun = try #require(actions.firstIndex(of: "run"))
        let contestAt = try #require(actions.firstIndex(of: "contest"))
        let decides = actions.indices.filter { actions[$0] == "decide" }
        let lastRun = try #require(actions.lastIndex(of: "run"))
        #expect(firstRun < contestAt && contestAt < decides[0] && decides[0] < decides[1] && decides[1] < lastRun && firstRun < lastRun)
        let caseAudit = try CLI.run(["audit", "--case", toMove["caseId"] as! String, "--json", "--db", db])
        let caseActions = Self.jsonArray(caseAudit.json?["entries"])
        #expect(caseActions.compactMap { $0["action"] as? String }.filter { $0 != "run" } == ["assign", "escalate", "decide"])
        let text = try CLI.run(["audit", "--db", db])
        #expect(text.status == 0 && text.stdout.contains("Besluit begeleidingscommissie"))

        // Overdue and the report.
        let overdue = try CLI.run(["escalations", "list", "--overdue", "--json", "--date", "2026-03-20", "--db", db])
        let overdueItems = Self.jsonArray(overdue.json?["escalations"])
        #expect(!overdueItems.isEmpty)
        #expect(overdueItems.allSatisfy { $0["overdue"] as? Bool == true })
        let html = dir.appendingPathComponent("commissie.html").path
        let report = try CLI.run(["commissie", "report", "--period", "2026-Q1", "--date", "2026-03-20", "--output", html, "--db", db])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(
            page.contains("<html lang=\"nl\">") && page.contains("Continuïteit van zorg") && page.contains("Wat het wegingskader kan leren")
        )
        try Self.screenshot(html, in: dir)
    }

    /// Renders the page in headless Chromium and checks that a non-trivial screenshot came out.
    static func screenshot(_ html: String, in dir: URL) throws {
        guard
            let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else {
            print("SKIPPED: headless render of the commissie report: chromium is not installed (scripts/test installs it)")
            return
        }
        let png = dir.appendingPathComponent("commissie.png").path
        let r = try CLI.run(
            executable: URL(fileURLWithPath: chromium),
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--screenshot=\(png)", "--window-size=1200,1600", "file://\(html)",
            ],
            in: dir
        )
        #expect(r.status == 0, "\(r.stderr)")
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        #expect(size > 50_000, "screenshot is \(size) bytes")
    }

    @Test func reportOptionsAreValidated() throws {
        let dir = Fixtures.temporaryFolder()
        let db = dir.appendingPathComponent("l.sqlite").path
        let out = dir.appendingPathComponent("r.html").path
        let both = try CLI.run([
            "commissie", "report", "--period", "2026", "--from", "2026-01-01", "--to", "2026-02-01", "--output", out, "--db", db,
        ])
        #expect(both.status != 0 && both.stderr.contains("either --period"))
        let bad = try CLI.run(["commissie", "report", "--period", "ooit", "--output", out, "--db", db])
        #expect(bad.status != 0 && bad.stderr.contains("--period"))
        // A mistyped --db is refused rather than reported as an empty ledger (issue 14).
        let missing = try CLI.run(["commissie", "report", "--from", "2026-01-01", "--to", "2026-01-31", "--output", out, "--db", db])
        #expect(missing.status != 0 && missing.stderr.contains("no ledger at \(db)"), "\(missing.stderr)")
        #expect(try CLI.run(["allocate", "--db", db]).status == 0)
        let empty = try CLI.run(["commissie", "report", "--from", "2026-01-01", "--to", "2026-01-31", "--output", out, "--db", db])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Geen besluiten"))
    }
}
