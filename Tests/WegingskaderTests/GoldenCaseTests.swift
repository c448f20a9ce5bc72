import Foundation
import InstroomDomain
import Testing

@testable import Wegingskader

extension GoldenCase: CustomTestStringConvertible {
    public var testDescription: String { id }
}

/// The bundled golden cases, loaded once for the parameterised test.
let goldenCases: [GoldenCase] = try! GoldenCase.load(contentsOf: GoldenCase.bundledURL)

@Suite("Golden cases")
struct GoldenCaseTests {
    static let rules = RuleSet.bundledDefault()

    @Test("the default rules agree with the golden case", arguments: goldenCases)
    func agrees(golden: GoldenCase) {
        let score = Self.rules.score(FactView(golden.intake, on: golden.day))
        #expect(golden.agrees(with: score), "\(golden.id): verwacht \(golden.expected.label)\n\(score.explanation)")
    }

    @Test("there are at least 40 golden cases, with unique ids")
    func enough() {
        #expect(goldenCases.count >= 40)
        #expect(Set(goldenCases.map(\.id)).count == goldenCases.count)
    }

    @Test("the golden cases cover every profile and contested area")
    func coverage() {
        let intakes = goldenCases.map(\.intake)
        for offence in [Offence.huiselijkGeweld, .zeden, .terrorisme, .georganiseerd, .verkeerAlcohol] {
            #expect(intakes.contains { $0.offences.contains(offence) }, "no golden case for \(offence)")
        }
        for problem in ClientProblem.allCases {
            #expect(intakes.contains { $0.problems.contains(problem) }, "no golden case for \(problem)")
        }
        #expect(intakes.contains { $0.problems.contains(.dakloos) && $0.problems.contains(.verslaving) })
        #expect(intakes.contains { $0.interventions.contains(.werkstraf) && $0.problems.count >= 2 })
        #expect(intakes.contains { $0.interventions.contains(.verdiepingsdiagnostiek) })
        #expect(intakes.contains { $0.scil == .lvb })
        #expect(intakes.contains { ($0.age ?? 0) >= 18 && ($0.age ?? 99) <= 23 })
        let flags = Set(goldenCases.compactMap(\.flags).flatMap { $0 })
        #expect(flags.isSuperset(of: ["scil_onbekend", "scil_verouderd", "risc_onbekend", "risc_verouderd"]))
        for ro in RO.allCases {
            #expect(goldenCases.contains { $0.expected == .ro(ro) }, "no golden case expects \(ro)")
        }
        #expect(goldenCases.contains { if case .nearTie = $0.expected { true } else { false } })
        #expect(goldenCases.contains { if case .oneOf = $0.expected { true } else { false } })
    }

    @Test("the report counts agreement and explains every disagreement")
    func report() throws {
        let report = evaluate(Self.rules, cases: goldenCases, on: Day("2026-03-01")!)
        #expect(report.total == goldenCases.count)
        #expect(report.agreed == goldenCases.count, "\(report.text)")
        // Turn one expectation around: exactly that case must be reported, with scores and reasons.
        var flipped = goldenCases
        let index = try #require(flipped.firstIndex { $0.id == "dakloos" })
        flipped[index].expected = .ro(.RN)
        let broken = GoldenReport.evaluate(Self.rules, cases: flipped, on: Day("2026-03-01")!)
        #expect(broken.agreed == goldenCases.count - 1)
        #expect(broken.disagreements.map(\.caseId) == ["dakloos"])
        let text = broken.text
        #expect(text.contains("dakloos"))
        #expect(text.contains("verwacht: RN"))
        #expect(text.contains("Dak- of thuisloosheid: +3 voor LJ&R"))
        #expect(text.contains("LJ&R 4"))
    }

    @Test("a golden file with a bad fact names file and line")
    func badGoldenFile() {
        let text = """
            day: "2026-03-01"
            cases:
              - id: a
                description: x
                facts: {kind: advies, problem: gokken}
                expected: SVG
                why: y
            """
        #expect {
            try GoldenCase.parse(text, file: "voorbeelden.yaml")
        } throws: { error in
            "\(error)".contains("voorbeelden.yaml:5") && "\(error)".contains("gokken")
        }
    }
}
