import Foundation
import InstroomTesting
import Testing

/// Bad input gets a clear error naming file, line and field, a non-zero exit, and writes nothing.
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var content: String
        var argument: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let header =
        "id,kind,received,deadline,offence,problem,intervention,scil,scil_date,risc,risc_date,region,relation,intensity,age,weight"
    static let cases: [Case] = [
        Case(
            name: "csv unknown kind",
            file: "in.csv",
            content: "\(header)\nA1,advies,2026-03-02,,,,,,,,,,,,,\nA2,toezich,2026-03-02,,,,,,,,,,,,,\n",
            argument: "--intake",
            expected: ["in.csv:3", "kind", "toezich"]
        ),
        Case(
            name: "csv bad date",
            file: "in.csv",
            content: "\(header)\nA1,advies,2026-02-30,,,,,,,,,,,,,\n",
            argument: "--intake",
            expected: ["in.csv:2", "received"]
        ),
        Case(
            name: "csv unknown column",
            file: "in.csv",
            content: "id,kind,received,colour\nA1,advies,2026-03-02,red\n",
            argument: "--intake",
            expected: ["in.csv:1", "colour"]
        ),
        Case(
            name: "csv unterminated quote",
            file: "in.csv",
            content: "\(header)\nA1,advies,2026-03-02,,\"huiselijk_geweld,,,,,,,,,,,\n",
            argument: "--intake",
            expected: ["in.csv:2"]
        ),
        Case(
            name: "json syntax",
            file: "in.json",
            content:
                "{\"cases\": [\n {\"id\": \"A1\", \"kind\": \"advies\", \"received\": \"2026-03-02\"},\n {\"id\": \"A2\" \"kind\": \"vi\"}\n]}\n",
            argument: "--intake",
            expected: ["in.json:3"]
        ),
        Case(
            name: "json unknown field",
            file: "in.json",
            content:
                "{\"cases\": [\n {\"id\": \"A1\", \"kind\": \"advies\", \"received\": \"2026-03-02\"},\n {\"id\": \"A2\", \"kind\": \"vi\", \"received\": \"2026-03-02\", \"colour\": 1}\n]}\n",
            argument: "--intake",
            expected: ["in.json:3", "colour"]
        ),
        Case(
            name: "yaml config syntax",
            file: "config.yaml",
            content: "period: year\nbands:\n  SVG: {min: 0.2, max: 0.4\n",
            argument: "--config",
            expected: ["config.yaml:"]
        ),
        Case(
            name: "yaml config unknown field",
            file: "config.yaml",
            content: "period: year\ncapacty:\n  SVG: 10\n",
            argument: "--config",
            expected: ["config.yaml:2", "capacty"]
        ),
        Case(
            name: "impossible bandwidths",
            file: "config.yaml",
            content: "bands:\n  SVG: {min: 0.5, max: 0.6}\n  RN: {min: 0.5, max: 0.6}\n  LJR: {min: 0.1, max: 0.2}\n",
            argument: "--config",
            expected: ["config.yaml:", "bands", "110%"]
        ),
        Case(
            name: "band min above max",
            file: "config.yaml",
            content: "bands:\n  SVG: {min: 0.5, max: 0.4}\n",
            argument: "--config",
            expected: ["config.yaml:2", "bands.SVG"]
        ),
        Case(
            name: "yaml rules unknown fact",
            file: "rules.yaml",
            content:
                "version: x\ntitle: t\nnearTieMargin: 1\nminimumFit: 1\nweightRange: {min: -10, max: 10}\nbase: {SVG: 1, RN: 1, LJR: 1}\ncriteria:\n  - id: a\n    label: A\n    axis: problematiek\n    when: {kleur: rood}\n    weights: {SVG: 1}\n    rationale: r\n",
            argument: "--rules",
            expected: ["rules.yaml:11", "kleur"]
        ),
    ]

    @Test(arguments: cases)
    func badInputIsRefusedClearlyAndNothingIsWritten(_ c: Case) throws {
        let dir = Fixtures.temporaryFolder()
        let db = dir.appendingPathComponent("ledger.sqlite").path
        let good = dir.appendingPathComponent("good.csv").path
        #expect(try CLI.run(["generate", "--cases", "5", "--seed", "1", "--date", "2026-03-02", "--output", good]).status == 0)
        let path = dir.appendingPathComponent(c.file).path
        try Data(c.content.utf8).write(to: URL(fileURLWithPath: path))
        var args = ["allocate", "--db", db]
        args += c.argument == "--intake" ? ["--intake", path] : ["--intake", good, c.argument, path]
        let r = try CLI.run(args)
        #expect(r.status != 0)
        for needle in c.expected { #expect(r.stderr.contains(needle), "stderr does not name '\(needle)': \(r.stderr)") }
        // Every input is validated before the ledger is opened: not even an empty ledger is created.
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
