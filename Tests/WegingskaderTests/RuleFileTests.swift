import Foundation
import InstroomDomain
import Testing
import YAMLReading

@testable import Wegingskader

/// A small valid rule file; the variants below change one line and know which line that is.
///
/// Line numbers (1-based):  8 `- id: verslaving`, 11 `when`, 12 `weights`, 15 `- id: dakloos`.
let minimalRules = """
    version: "t1"
    title: Testregels
    nearTieMargin: 1
    minimumFit: 2
    weightRange: {min: -10, max: 10}
    base: {SVG: 1, RN: 1, LJR: 1}
    criteria:
      - id: verslaving
        label: Verslavingsproblematiek
        axis: problematiek
        when: {problem: verslaving}
        weights: {SVG: 3}
        rationale: SVG is geworteld in de verslavingszorg.

      - id: dakloos
        label: Dakloosheid
        axis: problematiek
        when: {problem: dakloos}
        weights: {LJR: 3}
        rationale: LJ&R werkt met dak- en thuislozen.

    """

/// `minimalRules` with line `number` (1-based) replaced.
func replacingLine(_ number: Int, with line: String, in text: String = minimalRules) -> String {
    var lines = text.components(separatedBy: "\n")
    lines[number - 1] = line
    return lines.joined(separator: "\n")
}

/// The errors a rule text gives, or a test failure if it loads.
func loadErrors(_ text: String, file: String = "regels.yaml", sourceLocation: SourceLocation = #_sourceLocation) -> [InputError] {
    do {
        _ = try RuleSet.parse(text, file: file)
        Issue.record("the rule file loaded, but it should not", sourceLocation: sourceLocation)
        return []
    } catch let errors as InputErrors {
        return errors.errors
    } catch {
        Issue.record("unexpected error type: \(error)", sourceLocation: sourceLocation)
        return []
    }
}

@Suite("Rule file")
struct RuleFileTests {
    @Test("the bundled default rules load, are labelled and carry a hash")
    func bundledDefault() throws {
        let rules = RuleSet.bundledDefault()
        #expect(rules.version == "2026.1-illustratief")
        #expect(rules.title.contains("illustratief"))
        #expect(rules.sourceText.contains("ILLUSTRATIEF"))
        #expect(rules.criteria.count >= 15)
        #expect(rules.routes.map(\.id) == ["verdiepingsdiagnostiek"])
        let bytes = try Data(contentsOf: RuleSet.bundledDefaultURL)
        #expect(rules.hash == RuleSet.hash(of: bytes))
        #expect(rules.shortHash.count == 12 && rules.hash.hasPrefix(rules.shortHash))
        for axis in Axis.allCases { #expect(rules.criteria.contains { $0.axis == axis }) }
        #expect(rules.criteria.contains { !$0.byRisk.isEmpty }, "the safety/autonomy element is missing")
    }

    @Test("the minimal rule text loads")
    func minimalLoads() throws {
        let rules = try RuleSet.parse(minimalRules, file: "regels.yaml")
        #expect(rules.criteria.map(\.id) == ["verslaving", "dakloos"])
        #expect(rules.criteria[0].line == 8)
        #expect(rules.criteria[0].weights == [.SVG: 3])
        #expect(rules.nearTieMargin == 1 && rules.minimumFit == 2 && rules.weightRange == -10...10)
    }

    @Test("the hash is SHA-256 of the exact bytes: one changed character changes it")
    func hashFollowsBytes() throws {
        let a = try RuleSet.parse(minimalRules, file: "a.yaml")
        let b = try RuleSet.parse(minimalRules + " ", file: "a.yaml")
        #expect(a.hash == RuleSet.hash(of: Array(minimalRules.utf8)))
        #expect(a.hash != b.hash)
        #expect(a.version == b.version)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wegingskader-\(UUID().uuidString).yaml")
        try minimalRules.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try RuleSet.load(contentsOf: url)
        #expect(loaded.hash == a.hash)
        #expect(loaded.file == url.path)
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let line: Int
        let mentions: String
        var testDescription: String { name }
    }

    static let broken: [Broken] = [
        Broken(
            name: "unknown fact field",
            text: replacingLine(11, with: "    when: {probleem: verslaving}"),
            line: 11,
            mentions: "probleem"
        ),
        Broken(
            name: "unknown fact value",
            text: replacingLine(11, with: "    when: {problem: gokken}"),
            line: 11,
            mentions: "gokken"
        ),
        Broken(
            name: "unknown value in a list",
            text: replacingLine(11, with: "    when: {problem: [verslaving, gokken]}"),
            line: 11,
            mentions: "gokken"
        ),
        Broken(
            name: "unknown key in a criterion",
            text: replacingLine(10, with: "    as: problematiek"),
            line: 10,
            mentions: "unknown field"
        ),
        Broken(
            name: "unknown axis",
            text: replacingLine(10, with: "    axis: regio"),
            line: 10,
            mentions: "regio"
        ),
        Broken(
            name: "duplicate id",
            text: replacingLine(15, with: "  - id: verslaving"),
            line: 15,
            mentions: "duplicate id 'verslaving'"
        ),
        Broken(
            name: "duplicate id across sections",
            text: minimalRules + "routes:\n  - {id: dakloos, label: D, when: {problem: dakloos}, ro: LJR, rationale: r}\n",
            line: 22,
            mentions: "already used in criteria at line 15"
        ),
        Broken(
            name: "route to an unknown RO",
            text: minimalRules + "routes:\n  - {id: d, label: D, when: {problem: dakloos}, ro: LJ&R-Noord, rationale: r}\n",
            line: 22,
            mentions: "unknown RO"
        ),
        Broken(
            name: "weight above the range",
            text: replacingLine(12, with: "    weights: {SVG: 12}"),
            line: 12,
            mentions: "outside weightRange"
        ),
        Broken(
            name: "weight below the range",
            text: replacingLine(12, with: "    weights: {SVG: -11}"),
            line: 12,
            mentions: "outside weightRange"
        ),
        Broken(
            name: "weight not a whole number",
            text: replacingLine(12, with: "    weights: {SVG: 2.5}"),
            line: 12,
            mentions: "whole number"
        ),
        Broken(
            name: "unknown RO",
            text: replacingLine(12, with: "    weights: {GGZ: 2}"),
            line: 12,
            mentions: "unknown RO 'GGZ'"
        ),
        Broken(
            name: "missing rationale",
            text: replacingLine(13, with: ""),
            line: 8,
            mentions: "rationale"
        ),
        Broken(
            name: "empty label",
            text: replacingLine(9, with: "    label: \"\""),
            line: 9,
            mentions: "must not be empty"
        ),
        Broken(
            name: "YAML syntax error",
            text: replacingLine(10, with: "   axis: problematiek"),
            line: 10,
            mentions: "not valid YAML"
        ),
        Broken(
            name: "unquoted comparison",
            text: replacingLine(11, with: "    when: {problemCount: >=2}"),
            line: 11,
            mentions: "in quotes"
        ),
        Broken(
            name: "bad comparison",
            text: replacingLine(11, with: "    when: {problemCount: \"meer dan 2\"}"),
            line: 11,
            mentions: "comparison"
        ),
        Broken(
            name: "condition that can never hold",
            text: replacingLine(11, with: "    when: {scil: [lvb], risc: hoog, problemCount: \">9\"}"),
            line: 11,
            mentions: "never hold"
        ),
        Broken(
            name: "unknown RISc level in byRisk",
            text: replacingLine(12, with: "    weights: {SVG: 3}\n    byRisk: {zeerhoog: {SVG: 1}}"),
            line: 13,
            mentions: "zeerhoog"
        ),
        Broken(
            name: "unknown top-level key",
            text: replacingLine(3, with: "nearTie: 1"),
            line: 3,
            mentions: "unknown field"
        ),
    ]

    @Test("a broken rule file names the file and the line", arguments: broken)
    func brokenFile(_ broken: Broken) {
        let errors = loadErrors(broken.text)
        let description = InputErrors(errors).description
        #expect(description.contains("regels.yaml:\(broken.line)"), "\(description)")
        #expect(description.contains(broken.mentions), "\(description)")
    }

    @Test("an empty routes or exclusions section is allowed")
    func emptySections() throws {
        let rules = try RuleSet.parse(minimalRules + "routes:\nexclusions: []\n", file: "regels.yaml")
        #expect(rules.routes.isEmpty && rules.exclusions.isEmpty)
    }

    @Test("several problems are reported together")
    func collected() {
        var text = replacingLine(11, with: "    when: {probleem: verslaving}")
        text = replacingLine(19, with: "    weights: {LJR: 30}", in: text)
        let errors = loadErrors(text)
        #expect(errors.count == 2)
        #expect(errors.map(\.line) == [11, 19])
        #expect(errors.allSatisfy { $0.file == "regels.yaml" })
        #expect(errors[1].field == "criteria[1].weights.LJR")
    }

    // MARK: Contradictory hard rules

    func withHardRules(_ yaml: String) -> String { minimalRules + yaml }

    @Test("two routes to different ROs that can hold at once are refused")
    func contradictoryRoutes() {
        // Lines 22 and 27 start the routes; a case can need verdiepingsdiagnostiek and be a terrorism case.
        let errors = loadErrors(
            withHardRules(
                """
                routes:
                  - id: diagnostiek
                    label: Verdiepingsdiagnostiek
                    when: {intervention: verdiepingsdiagnostiek}
                    ro: SVG
                    rationale: Alleen SVG.
                  - id: terreur
                    label: Terrorisme
                    when: {offence: terrorisme}
                    ro: RN
                    rationale: Alleen RN.
                """
            )
        )
        #expect(errors.count == 1)
        #expect(errors.first?.line == 27)
        #expect(errors.first?.message.contains("contradictory routes") == true)
        #expect(errors.first?.message.contains("'diagnostiek' (line 22)") == true)
    }

    @Test("offences hold several values: routes on different offences still conflict")
    func multiValuedFieldsConflict() {
        let errors = loadErrors(
            withHardRules(
                """
                routes:
                  - {id: a, label: A, when: {offence: zeden}, ro: SVG, rationale: r}
                  - {id: b, label: B, when: {offence: terrorisme}, ro: RN, rationale: r}
                """
            )
        )
        #expect(errors.map(\.line) == [23])
    }

    @Test(
        "routes whose conditions exclude each other load",
        arguments: [
            ("{scil: lvb}", "{scil: geen_lvb}"),
            ("{problemCount: \">=2\"}", "{problemCount: \"<=1\"}"),
            ("{offence: zeden, kind: vi}", "{kind: [advies, toezicht]}"),
            ("{problem: {allOf: [dakloos, verslaving]}}", "{problem: {noneOf: [dakloos]}}"),
            ("{youngAdult: true}", "{youngAdult: false}"),
        ]
    )
    func compatibleRoutes(first: String, second: String) throws {
        let rules = try RuleSet.parse(
            withHardRules(
                """
                routes:
                  - {id: a, label: A, when: \(first), ro: SVG, rationale: r}
                  - {id: b, label: B, when: \(second), ro: RN, rationale: r}
                """
            ),
            file: "regels.yaml"
        )
        #expect(rules.routes.count == 2)
    }

    @Test("overlapping numeric ranges conflict")
    func overlappingNumbers() {
        let errors = loadErrors(
            withHardRules(
                """
                routes:
                  - {id: a, label: A, when: {problemCount: ">=2"}, ro: SVG, rationale: r}
                  - {id: b, label: B, when: {problemCount: "<=2"}, ro: RN, rationale: r}
                """
            )
        )
        #expect(errors.map(\.line) == [23])
    }

    @Test("a route to an RO and an exclusion of that RO that can hold at once are refused")
    func routeAgainstExclusion() {
        let errors = loadErrors(
            withHardRules(
                """
                routes:
                  - {id: diagnostiek, label: Verdiepingsdiagnostiek, when: {intervention: verdiepingsdiagnostiek}, ro: SVG, rationale: r}
                exclusions:
                  - {id: geen-svg-bij-terreur, label: Terrorisme niet bij SVG, when: {offence: terrorisme}, ro: SVG, rationale: r}
                """
            )
        )
        #expect(errors.map(\.line) == [24])
        #expect(errors.first?.message.contains("route 'diagnostiek'") == true)
    }

    @Test("exclusions that can bar all three ROs at once are refused")
    func allExcluded() {
        let errors = loadErrors(
            withHardRules(
                """
                exclusions:
                  - {id: x-svg, label: X, when: {offence: zeden}, ro: SVG, rationale: r}
                  - {id: x-rn, label: Y, when: {problem: dakloos}, ro: RN, rationale: r}
                  - {id: x-ljr, label: Z, when: {kind: vi}, ro: LJR, rationale: r}
                """
            )
        )
        #expect(errors.map(\.line) == [24])
        #expect(errors.first?.message.contains("all three ROs") == true)
    }

    @Test("exclusions of all three ROs that cannot hold together load")
    func exclusionsApart() throws {
        let rules = try RuleSet.parse(
            withHardRules(
                """
                exclusions:
                  - {id: x-svg, label: X, when: {kind: vi}, ro: SVG, rationale: r}
                  - {id: x-rn, label: Y, when: {kind: advies}, ro: RN, rationale: r}
                  - {id: x-ljr, label: Z, when: {kind: toezicht}, ro: LJR, rationale: r}
                """
            ),
            file: "regels.yaml"
        )
        #expect(rules.exclusions.count == 3)
    }

    @Test(
        "the compatibility check is exact per field",
        arguments: [
            // (first, second, can hold together)
            ("{risc: hoog}", "{risc: [laag, hoog]}", true),
            ("{risc: hoog}", "{risc: laag}", false),
            ("{problem: verslaving}", "{problem: dakloos}", true),
            ("{problem: {noneOf: [verslaving]}}", "{problem: verslaving}", false),
            ("{scil: {noneOf: [lvb, onbekend]}}", "{scil: geen_lvb}", true),
            ("{scil: {noneOf: [lvb, onbekend]}}", "{scil: onbekend}", false),
            ("{intensity: {noneOf: [laag, midden, hoog]}}", "{kind: vi}", true),
            ("{region: Noord}", "{region: Zuid}", false),
            ("{region: Noord}", "{region: {noneOf: [Zuid]}}", true),
            ("{problemCount: \">3\"}", "{problemCount: \"<4\"}", false),
            ("{problemCount: 3}", "{problemCount: \">=3\"}", true),
        ]
    )
    func compatibility(first: String, second: String, together: Bool) throws {
        func condition(_ text: String) throws -> Condition {
            try RuleSet.condition(try YAMLValue.parse(text, file: "c.yaml"))
        }
        let a = try condition(first)
        let b = try condition(second)
        #expect(Condition.canHoldTogether([a, b]) == together)
        #expect(Condition.canHoldTogether([b, a]) == together)
    }
}
