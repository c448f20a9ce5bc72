import Foundation
import InstroomDomain
import Testing

@testable import Wegingskader

/// Two versions that differ in one weight: verslaving is worth 3 points for SVG in v1 and 1 in v2.
func diffRules(verslaving: Int, version: String) throws -> RuleSet {
    try RuleSet.parse(
        """
        version: "\(version)"
        title: Diff-test
        weightRange: {min: -10, max: 10}
        base: {SVG: 1, RN: 1, LJR: 1}
        criteria:
          - {id: verslaving, label: Verslaving, axis: problematiek, when: {problem: verslaving}, weights: {SVG: \(verslaving)}, rationale: r}
          - {id: dakloos, label: Dakloos, axis: problematiek, when: {problem: dakloos}, weights: {LJR: 3}, rationale: r}
          - {id: overlast, label: Overlast, axis: problematiek, when: {problem: overlast}, weights: {LJR: 2}, rationale: r}
          - id: huiselijk-geweld
            label: Huiselijk geweld
            axis: delict
            when: {offence: huiselijk_geweld}
            weights: {RN: 2, SVG: 2}
            byRisk: {hoog: {RN: 3, SVG: 1}}
            rationale: r
        """,
        file: "v\(version).yaml"
    )
}

@Suite("Diff and table")
struct DiffAndTableTests {
    @Test("the diff lists exactly the cases whose best fit changes, hand-checked")
    func diff() throws {
        let old = try diffRules(verslaving: 3, version: "1")
        let new = try diffRules(verslaving: 1, version: "2")
        let cases = [
            // SVG 4 → 2, still above 1: SVG under both.
            intake("c1", problems: [.verslaving]),
            // SVG 4 = LJ&R 4 (SVG first) → SVG 2 < LJ&R 4: changes to LJ&R.
            intake("c2", problems: [.dakloos, .verslaving]),
            // SVG 6 vs RN 3 → SVG 4 vs RN 3: stays SVG.
            intake("c3", offences: [.huiselijkGeweld], problems: [.verslaving]),
            // RN 4 vs SVG 2, verslaving not involved: RN under both.
            intake("c4", offences: [.huiselijkGeweld], risc: .hoog, riscDate: Day("2026-01-01")),
            // SVG 4 vs LJ&R 3 → SVG 2 vs LJ&R 3: changes to LJ&R.
            intake("c5", problems: [.verslaving, .overlast]),
            // SVG 1+1+3 = 5 vs RN 4 → SVG 3 vs RN 4: changes to RN.
            intake("c6", offences: [.huiselijkGeweld], problems: [.verslaving], risc: .hoog, riscDate: Day("2026-01-01")),
        ]
        let diff = RuleSetDiff.compare(old: old, new: new, cases: cases, on: scoringDay)
        #expect(diff.changes.map(\.caseId) == ["c2", "c5", "c6"])
        #expect(diff.changes.map(\.old) == [.SVG, .SVG, .SVG])
        #expect(diff.changes.map(\.new) == [.LJR, .LJR, .RN])
        #expect(diff.changes[0].oldScores == [.SVG: 4, .RN: 1, .LJR: 4])
        #expect(diff.changes[0].newScores == [.SVG: 2, .RN: 1, .LJR: 4])
        #expect(diff.changes[2].oldScores == [.SVG: 5, .RN: 4, .LJR: 1])
        #expect(diff.changes[2].newScores == [.SVG: 3, .RN: 4, .LJR: 1])
        #expect(diff.oldTotals == [.SVG: 5, .RN: 1, .LJR: 0])
        #expect(diff.newTotals == [.SVG: 2, .RN: 2, .LJR: 2])
        #expect(diff.caseCount == 6)
        #expect(diff.oldVersion == "1" && diff.newVersion == "2" && diff.oldHash != diff.newHash)
        let text = diff.text
        #expect(text.contains("3 van 6 zaken"))
        #expect(text.contains("c6: SVG → RN"))
        #expect(text.contains("LJ&R: 0 → 2"))
    }

    @Test("the same rules give an empty diff")
    func noDiff() throws {
        let rules = RuleSet.bundledDefault()
        let diff = RuleSetDiff.compare(old: rules, new: rules, cases: goldenCases.map(\.intake), on: scoringDay)
        #expect(diff.changes.isEmpty)
        #expect(diff.oldTotals == diff.newTotals)
        #expect(diff.oldTotals.values.reduce(0, +) == goldenCases.count)
    }

    @Test("the text table shows every rule with its condition, weights and explanation in Dutch")
    func textTable() throws {
        let rules = RuleSet.bundledDefault()
        let table = RuleSetTable.text(rules)
        let header = table.split(separator: "\n").first { $0.hasPrefix("id") }
        #expect(header.map { $0.contains("voorwaarde") && $0.contains("LJ&R") && $0.contains("toelichting") } == true)
        #expect(table.contains(rules.shortHash))
        #expect(table.contains(rules.version))
        for id in rules.criteria.map(\.id) + rules.routes.map(\.id) + rules.exclusions.map(\.id) {
            #expect(table.contains(id), "\(id) missing from the table")
        }
        #expect(table.contains("problematiek: dakloos en verslaving"))
        #expect(table.contains("interventie: werkstraf; aantal problemen ≥ 2"))
        #expect(table.contains("bij RISc hoog"))
        #expect(table.contains("alleen"))
        #expect(!table.split(separator: "\n").contains { $0.hasSuffix(" ") })
        // Wrapped explanations continue in their own column.
        let lines = table.components(separatedBy: "\n")
        let column = try #require(header?.range(of: "toelichting")).lowerBound.utf16Offset(in: header!)
        let continued = try #require(lines.first { $0.hasSuffix("behandelachterland.") })
        #expect(continued.prefix(column).allSatisfy { $0 == " " })
        #expect(continued.dropFirst(column).first != " ")
    }
}
