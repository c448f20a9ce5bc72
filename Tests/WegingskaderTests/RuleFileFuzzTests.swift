import Foundation
import InstroomDomain
import InstroomTesting
import IntakeGenerator
import Testing

@testable import Wegingskader

/// Fuzzing the rule-file reader (issue 14), the problemCount overflow, and the contradiction check
/// that took 17.8 s on 160 exclusions per RO.
struct RuleFileFuzzTests {
    @Test func ruleFileMutantsLoadOrAreRefusedWithTheFile() {
        for (seed, text) in FuzzInputs(parser: "rules", count: 250, seed: 3) {
            do {
                let rules = try RuleSet.parse(text, file: "fuzz.yaml")
                #expect(!rules.version.isEmpty, "\(seed)")
            } catch let errors as InputErrors {
                #expect(!errors.errors.isEmpty && errors.errors.allSatisfy { $0.file == "fuzz.yaml" }, "\(seed): \(errors)")
            } catch {
                Issue.record("\(seed): unexpected error \(error)")
            }
        }
    }

    /// `problemCount: ">9223372036854775807"` trapped on integer overflow in the overlap check.
    @Test func aCountOutsideItsRangeIsRefusedWithItsLine() throws {
        let text = FuzzInputs.corpus("rules").first { $0.name == "issue14-problemcount.yaml" }!.text
        let errors = try #require(throws: InputErrors.self) { try RuleSet.parse(text, file: "r.yaml") }.errors
        let messages = errors.map(\.description)
        #expect(
            messages.contains("r.yaml:9: field 'criteria[0].when.problemCount': 9223372036854775807 is outside the allowed range 0...100"),
            "\(messages)"
        )
        #expect(messages.contains { $0.hasPrefix("r.yaml:15: field 'criteria[1].when.problemCount'") }, "\(messages)")
        // The three exclusions on `dakloos` still bar every RO together.
        #expect(messages.contains { $0.contains("can together bar all three ROs") }, "\(messages)")
    }

    @Test(arguments: [Condition.Comparison.greater, .less, .atLeast, .atMost, .equal])
    func extremeBoundsNeverTrapInTheOverlapCheck(comparison: Condition.Comparison) {
        for bound in [Int.max, Int.min, 0, Condition.maxProblemCount] {
            let c = Condition(clauses: [.init(field: .problemCount, test: .compare(comparison, bound))])
            _ = Condition.canHoldTogether([c, c])
        }
    }

    /// A rule file with `perRO` exclusions per RO on regions, `trios` of which bar all three ROs.
    static func exclusionFile(perRO: Int, trios: Int) -> String {
        var lines = [
            "version: \"x\"", "title: Uitsluitingen", "weightRange: {min: -10, max: 10}", "base: {SVG: 1, RN: 1, LJR: 1}",
            "criteria: []", "exclusions:",
        ]
        for ro in RO.allCases {
            for i in 0..<perRO {
                // Region i is excluded at every RO only for the first `trios` regions; elsewhere each RO has its own.
                let region = i < trios ? "gedeeld\(i)" : "\(ro.rawValue)\(i)"
                lines.append(
                    "  - {id: \(ro.rawValue)_\(i), label: x, when: {region: \(region), problem: dakloos}, ro: \(ro.rawValue), rationale: r}"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func manyExclusionsPerROFindExactlyTheContradictoryTrios() throws {
        let errors = try #require(throws: InputErrors.self) { try RuleSet.parse(Self.exclusionFile(perRO: 160, trios: 3), file: "x.yaml") }
        #expect(errors.errors.count == 3)
        #expect(errors.errors.allSatisfy { $0.message.contains("can together bar all three ROs") })
        #expect(try RuleSet.parse(Self.exclusionFile(perRO: 160, trios: 0), file: "x.yaml").exclusions.count == 480)
    }

    /// The pruned check reports the same trios as testing every trio, on random small rule sets.
    @Test(arguments: 1...20)
    func thePrunedTrioCheckAgreesWithTestingEveryTrio(seed: UInt64) throws {
        var g = SplitMix64(seed: seed)
        let problems = ClientProblem.allCases.map(\.rawValue)
        let offences = Offence.allCases.map(\.rawValue)
        var lines = [
            "version: \"x\"", "title: t", "weightRange: {min: -10, max: 10}", "base: {SVG: 1, RN: 1, LJR: 1}", "criteria: []",
            "exclusions:",
        ]
        var conditions: [RO: [Condition]] = [:]
        for ro in RO.allCases {
            for i in 0..<6 {
                let p = problems[g.int(in: 0...(problems.count - 1))]
                let o = offences[g.int(in: 0...(offences.count - 1))]
                let count = g.int(in: 0...(4 - 1))
                let when: String
                let condition: Condition
                switch g.int(in: 0...(3 - 1)) {
                case 0:
                    when = "{problem: \(p), problemCount: \">=\(count)\"}"
                    condition = Condition(clauses: [
                        .init(field: .problem, test: .anyOf([p])), .init(field: .problemCount, test: .compare(.atLeast, count)),
                    ])
                case 1:
                    when = "{offence: {noneOf: [\(o)]}, problemCount: \"<\(count + 1)\"}"
                    condition = Condition(clauses: [
                        .init(field: .offence, test: .noneOf([o])), .init(field: .problemCount, test: .compare(.less, count + 1)),
                    ])
                default:
                    when = "{offence: \(o), problem: {noneOf: [\(p)]}}"
                    condition = Condition(clauses: [.init(field: .offence, test: .anyOf([o])), .init(field: .problem, test: .noneOf([p]))])
                }
                lines.append("  - {id: \(ro.rawValue)_\(i), label: x, when: \(when), ro: \(ro.rawValue), rationale: r}")
                conditions[ro, default: []].append(condition)
            }
        }
        var expected = 0
        for a in conditions[.SVG]! {
            for b in conditions[.RN]! { for c in conditions[.LJR]! where Condition.canHoldTogether([a, b, c]) { expected += 1 } }
        }
        let text = lines.joined(separator: "\n") + "\n"
        let found: Int
        do {
            _ = try RuleSet.parse(text, file: "r.yaml")
            found = 0
        } catch let errors as InputErrors {
            found = errors.errors.filter { $0.message.contains("can together bar all three ROs") }.count
        }
        #expect(found == expected)
    }
}
