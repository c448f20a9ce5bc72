import Foundation
import InstroomTesting
import Testing

/// The commissie's batch work through the built binary: filters, several escalations in one `decide`,
/// case ids instead of numbers, the meeting date, and a refused batch that writes nothing.
struct CommissieBatchCommandTests {
    static func jsonArray(_ any: Any?) -> [[String: Any]] { any as? [[String: Any]] ?? [] }

    /// A ledger with the bundled sample day under tight capacities (escalations of several kinds, some waiting).
    static func sampleLedger() throws -> (db: String, config: String) {
        let dir = Fixtures.temporaryFolder()
        let db = dir.appendingPathComponent("ledger.sqlite").path
        let config = dir.appendingPathComponent("tight.yaml")
        // Tight capacities, and a commissie that takes every reason: enough escalations to filter and batch.
        let queues = ["bijna_gelijk", "gedwongen_band", "gedwongen_capaciteit", "ontbrekende_gegevens", "geen_capaciteit"]
            .map { "  \($0): commissie\n" }.joined()
        try ("capacity:\n  SVG: 40\n  RN: 45\n  LJR: 20\nqueues:\n" + queues).write(to: config, atomically: true, encoding: .utf8)
        let day = try CLI.run(["allocate", "--db", db, "--config", config.path])
        #expect(day.status == 0, "\(day.stderr)")
        return (db, config.path)
    }

    static func list(_ db: String, _ filter: [String]) throws -> [[String: Any]] {
        let r = try CLI.run(["escalations", "list", "--open", "--json", "--date", "2026-03-02", "--db", db] + filter)
        #expect(r.status == 0, "\(r.stderr)")
        return jsonArray(r.json?["escalations"])
    }

    static func decideEntries(_ db: String) throws -> [[String: Any]] {
        jsonArray(try CLI.run(["audit", "--json", "--db", db]).json?["entries"]).filter { $0["action"] as? String == "decide" }
    }

    @Test func listFiltersShowDutchLabelsAndFilterDecidesWhatItListed() throws {
        let (db, _) = try Self.sampleLedger()
        let all = try Self.list(db, [])
        let nearTies = try Self.list(db, ["--reason", "bijna_gelijk"])
        #expect(!nearTies.isEmpty && nearTies.count < all.count)
        #expect(nearTies.allSatisfy { Self.jsonArray($0["reasons"]).contains { $0["code"] as? String == "bijna_gelijk" } })
        let both = try Self.list(db, ["--reason", "bijna_gelijk", "--reason", "geen_capaciteit"])
        #expect(both.count > nearTies.count)
        let nearTieRO = try #require(nearTies.compactMap { $0["provisionalRO"] as? String }.first)
        let atRO = try Self.list(db, ["--ro", nearTieRO])
        #expect(!atRO.isEmpty && atRO.allSatisfy { $0["provisionalRO"] as? String == nearTieRO })
        #expect(try Self.list(db, ["--day", "2026-03-02"]).count == all.count)
        #expect(try Self.list(db, ["--from", "2026-03-03"]).isEmpty)
        let json = try CLI.run(["escalations", "list", "--reason", "bijna_gelijk", "--json", "--db", db]).json
        #expect((json?["filter"] as? [String: Any])?["reasons"] as? [String] == ["bijna_gelijk"])

        // The table reads in Dutch and says what it was narrowed to.
        let text = try CLI.run(["escalations", "list", "--open", "--reason", "bijna_gelijk", "--ro", nearTieRO, "--db", db])
        #expect(text.status == 0, "\(text.stderr)")
        let shown = nearTieRO == "LJR" ? "LJ&R" : nearTieRO
        #expect(
            text.stdout.contains("Bijna gelijke match tussen RO's") && text.stdout.contains("reden bijna_gelijk; voorlopig bij \(shown)")
        )
        let bad = try CLI.run(["escalations", "list", "--reason", "ruzie", "--db", db])
        #expect(bad.status != 0 && bad.stderr.contains("bijna_gelijk") && bad.stderr.contains("betwist"))

        // `decide` with the same filter confirms the near-ties that have a provisional RO, and says how many.
        let expected = nearTies.filter { $0["provisionalRO"] is String }.count
        let decide = try CLI.run([
            "decide", "--reason", "bijna_gelijk", "--day", "2026-03-02", "--confirm",
            "--rationale", "Bijna gelijk: keuze van het model volgen", "--by", "Voorzitter", "--db", db,
        ])
        #expect(decide.status == 0, "\(decide.stderr)")
        #expect(decide.stdout.contains("\(expected) escalaties besloten door Voorzitter"), "\(decide.stdout)")
        #expect(try Self.decideEntries(db).count == expected)
        // Again: nothing matches any more; a filter that moves, or both ids and a filter, are refused.
        let refusals: [([String], String)] = [
            (["--reason", "bijna_gelijk", "--day", "2026-03-02", "--confirm"], "no open escalation with a provisional RO"),
            (["--reason", "gedwongen_capaciteit", "--ro", "SVG"], "a filter only confirms"),
            (["4", "--reason", "gedwongen_capaciteit", "--confirm"], "not both"),
            (["--confirm"], "name the escalations"),
        ]
        for (args, message) in refusals {
            let r = try CLI.run(["decide"] + args + ["--rationale", "r", "--by", "V", "--db", db])
            #expect(r.status != 0 && r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        #expect(try Self.decideEntries(db).count == expected)
    }

    @Test func severalEscalationsByNumberAndCaseIdWithTheMeetingDate() throws {
        let (db, _) = try Self.sampleLedger()
        let open = try Self.list(db, []).filter { $0["provisionalRO"] is String }
        try #require(open.count >= 4)
        let (a, b) = (open[0], open[1])
        let caseB = try #require(b["caseId"] as? String)

        // `escalations show` takes the case id.
        let show = try CLI.run(["escalations", "show", caseB, "--db", db])
        #expect(show.status == 0 && show.stdout.contains("Escalatie \(b["id"]!) — zaak \(caseB)"), "\(show.stderr)")

        let decide = try CLI.run([
            "decide", "\(a["id"]!)", caseB, "--confirm", "--rationale", "Passend", "--by", "Voorzitter",
            "--date", "2026-03-04", "--db", db,
        ])
        #expect(decide.status == 0, "\(decide.stderr)")
        #expect(decide.stdout.contains("2 escalaties besloten door Voorzitter (vergadering van 2026-03-04)"), "\(decide.stdout)")
        let entries = try Self.decideEntries(db)
        #expect(entries.compactMap { $0["caseId"] as? String } == [a["caseId"] as? String, caseB].compactMap { $0 })
        #expect(entries.allSatisfy { ($0["detail"] as? String)?.contains("vergadering van 2026-03-04") == true })
        let decided = try CLI.run(["escalations", "list", "--json", "--db", db]).json
        let views = Self.jsonArray(decided?["escalations"]).filter { $0["status"] as? String == "decided" }
        #expect(views.count == 2)
        #expect(views.allSatisfy { ($0["decision"] as? [String: Any])?["decidedAt"] as? String == "2026-03-04" })
        // The case id shows the decided escalation.
        #expect(try CLI.run(["escalations", "show", caseB, "--db", db]).stdout.contains("Motivering: Passend"))

        // A batch with one bad item writes nothing and lists every refused item.
        let (c, d) = (open[2], open[3])
        let auditBefore = Self.jsonArray(try CLI.run(["audit", "--json", "--db", db]).json?["entries"]).count
        let refused = try CLI.run([
            "decide", "\(c["id"]!)", caseB, "9999", "\(d["caseId"]!)", "--confirm", "--rationale", "Passend",
            "--by", "Voorzitter", "--db", db,
        ])
        #expect(refused.status != 0)
        for text in [
            "nothing was decided: 2 of 4 items refused", "\(caseB): escalation \(b["id"]!) (case \(caseB)) is already decided",
            "9999: escalation 9999 not found",
        ] {
            #expect(refused.stderr.contains(text), "\(text): \(refused.stderr)")
        }
        #expect(Self.jsonArray(try CLI.run(["audit", "--json", "--db", db]).json?["entries"]).count == auditBefore)
        #expect(try Self.list(db, []).contains { "\($0["id"]!)" == "\(c["id"]!)" })

        // A meeting in the future is refused.
        let future = try CLI.run([
            "decide", "\(c["id"]!)", "--confirm", "--rationale", "r", "--by", "V", "--date", "2099-01-01", "--db", db,
        ])
        #expect(future.status != 0 && future.stderr.contains("in the future"))
    }
}
