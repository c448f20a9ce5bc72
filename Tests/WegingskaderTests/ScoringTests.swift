import Foundation
import InstroomDomain
import Testing

@testable import Wegingskader

let scoringDay = Day("2026-03-01")!

/// A case with recent SCIL (no LVB) and RISc (midden), unless the test says otherwise.
func intake(
    _ id: String = "c",
    kind: CaseKind = .advies,
    offences: [Offence] = [.vermogen],
    problems: [ClientProblem] = [],
    interventions: [Intervention] = [],
    scil: ScilResult = .geenLVB,
    scilDate: Day? = Day("2025-09-01"),
    risc: RiscLevel = .midden,
    riscDate: Day? = Day("2025-10-01"),
    relation: RO? = nil,
    age: Int? = 40
) -> IntakeCase {
    IntakeCase(
        id: id,
        kind: kind,
        received: scoringDay,
        offences: offences,
        problems: problems,
        interventions: interventions,
        scil: scil,
        scilDate: scilDate,
        risc: risc,
        riscDate: riscDate,
        relation: relation,
        age: age
    )
}

@Suite("Scoring")
struct ScoringTests {
    let rules = RuleSet.bundledDefault()

    func score(_ c: IntakeCase) -> CaseScore { rules.score(FactView(c, on: scoringDay)) }

    @Test("scores add the base and every criterion that fires, per RO")
    func addsUp() {
        let s = score(intake(offences: [.huiselijkGeweld], problems: [.verslaving]))
        #expect(s.scores == [.SVG: 1 + 2 + 3, .RN: 1 + 2, .LJR: 1])
        #expect(s.bestFit == .SVG && s.runnerUp == .RN && s.margin == 3)
        #expect(!s.isNearTie && !s.isUnfit)
        #expect(s.allowed == RO.allCases)
        #expect(s.contributions.filter { $0.kind == .criterion }.map(\.ruleId) == ["verslaving", "huiselijk-geweld", "huiselijk-geweld"])
    }

    @Test("the RISc level changes how much domestic violence weighs (safety and autonomy)")
    func byRisk() {
        let midden = score(intake(offences: [.huiselijkGeweld]))
        #expect(midden.scores[.RN] == midden.scores[.SVG])
        #expect(midden.isNearTie)
        let hoog = score(intake(offences: [.huiselijkGeweld], risc: .hoog, riscDate: Day("2026-01-01")))
        #expect(hoog.scores == [.SVG: 2, .RN: 4, .LJR: 1])
        #expect(hoog.bestFit == .RN && !hoog.isNearTie)
        #expect(hoog.reasons(for: .RN).contains("Huiselijk geweld bij hoog risico: +3 voor RN"))
        #expect(hoog.reasons(for: .SVG).contains("Huiselijk geweld bij hoog risico: +1 voor SVG"))
    }

    @Test("a near-tie is flagged when best minus runner-up is within the margin")
    func nearTie() {
        let s = score(intake(problems: [.dakloos, .verslaving]))
        #expect(s.scores[.SVG] == 5 && s.scores[.LJR] == 5)
        #expect(s.bestFit == .SVG && s.runnerUp == .LJR && s.margin == 0 && s.isNearTie)
        let margin1 = score(intake(problems: [.dakloos], age: 21))  // SVG 3 (young adult), LJ&R 4
        #expect(margin1.bestFit == .LJR && margin1.margin == 1 && margin1.isNearTie)
        let clear = score(intake(problems: [.dakloos]))
        #expect(clear.margin == 3 && !clear.isNearTie)
    }

    @Test("equal scores are broken in RO order, deterministically")
    func tieBreak() {
        let s = score(intake(offences: [.zeden]))
        #expect(s.scores == [.SVG: 2, .RN: 2, .LJR: 2])
        #expect(s.bestFit == .SVG && s.runnerUp == .RN && s.margin == 0)
    }

    @Test("a best score below minimumFit is flagged as unfit")
    func unfit() throws {
        let rules = try RuleSet.parse(minimalRules, file: "regels.yaml")  // base 1, minimumFit 2
        let generic = rules.score(FactView(intake(), on: scoringDay))
        #expect(generic.isUnfit)
        let fitting = rules.score(FactView(intake(problems: [.verslaving]), on: scoringDay))
        #expect(!fitting.isUnfit)
        #expect(!score(intake()).isUnfit, "the default rules (minimumFit 1) call generic work fitting")
    }

    @Test("a missing SCIL is flagged and not read as 'no LVB'")
    func missingScil() throws {
        let rules = try RuleSet.parse(
            minimalRules + """
                  - id: geen-lvb
                    label: Geen LVB
                    axis: problematiek
                    when: {scil: geen_lvb}
                    weights: {RN: 2}
                    rationale: Alleen bij een SCIL-uitslag zonder LVB.
                """,
            file: "regels.yaml"
        )
        let missing = rules.score(FactView(intake(scil: .onbekend, scilDate: nil), on: scoringDay))
        #expect(missing.flags.map(\.code) == ["scil_onbekend"])
        #expect(missing.scores[.RN] == 1, "an unknown SCIL must not count as geen_lvb")
        let known = rules.score(FactView(intake(), on: scoringDay))
        #expect(known.flags.isEmpty)
        #expect(known.scores[.RN] == 3)
        // In the default rules a missing SCIL gives no LVB points and does not count as a problem.
        let werkstraf = score(intake(problems: [.schulden], interventions: [.werkstraf], scil: .onbekend, scilDate: nil))
        #expect(werkstraf.bestFit == .RN && werkstraf.allowed.contains(.RN))
        #expect(werkstraf.flags.first?.label.contains("SCIL ontbreekt") == true)
    }

    @Test("a RISc older than 365 days is flagged as stale and counts as unknown")
    func staleRisc() {
        let stale = score(intake(offences: [.huiselijkGeweld], risc: .hoog, riscDate: Day("2025-02-28")))  // 366 days
        #expect(stale.flags.map(\.code) == ["risc_verouderd"])
        #expect(stale.flags[0].label.contains("365"))
        #expect(stale.scores[.RN] == stale.scores[.SVG], "a stale high risk must not weigh as high")
        let fresh = score(intake(offences: [.huiselijkGeweld], risc: .hoog, riscDate: Day("2025-03-01")))  // 365 days
        #expect(fresh.flags.isEmpty)
        #expect(fresh.bestFit == .RN)
        let unknown = score(intake(risc: .onbekend, riscDate: nil))
        #expect(unknown.flags.map(\.code) == ["risc_onbekend"])
        let staleScil = score(intake(scil: .lvb, scilDate: Day("2024-06-01")))
        #expect(staleScil.flags.map(\.code) == ["scil_verouderd"])
        #expect(staleScil.scores[.SVG] == 1)
    }

    @Test("a route leaves only its RO, whatever the scores")
    func route() {
        let s = score(intake(offences: [.terrorisme], interventions: [.verdiepingsdiagnostiek]))
        #expect(s.scores[.RN]! > s.scores[.SVG]!)
        #expect(s.allowed == [.SVG])
        #expect(s.bestFit == .SVG && s.runnerUp == nil && s.margin == nil && !s.isNearTie)
        #expect(s.reasons(for: .SVG).contains("Route: Verdiepingsdiagnostiek alleen bij SVG"))
        #expect(s.reasons(for: .RN).contains("Niet toegestaan: Verdiepingsdiagnostiek alleen bij SVG (route)"))
    }

    @Test("an exclusion removes its RO but keeps its score for the explanation")
    func exclusion() {
        let s = score(intake(problems: [.dakloos, .verslaving], interventions: [.werkstraf]))
        #expect(s.allowed == [.SVG, .LJR])
        #expect(s.scores[.RN] == 1)
        #expect(s.reasons(for: .RN).contains { $0.hasPrefix("Uitgesloten: Taakstraf met zorg") && $0.hasSuffix("— niet bij RN") })
        // RN would win on score if it were allowed: an exclusion outranks the score.
        let rnBest = score(intake(offences: [.terrorisme], problems: [.schulden, .overlast], interventions: [.werkstraf]))
        #expect(rnBest.scores[.RN] == 6 && rnBest.scores[.LJR] == 1 + 1 + 2 + 2)
        #expect(rnBest.bestFit == .LJR && !rnBest.allowed.contains(.RN))
    }

    @Test("reasons give at least one Dutch sentence per RO, base first")
    func reasonsPerRO() {
        for c in [intake(), intake(problems: [.verslaving]), intake(offences: [.terrorisme], interventions: [.verdiepingsdiagnostiek])] {
            let s = score(c)
            for ro in RO.allCases {
                let reasons = s.reasons(for: ro)
                #expect(!reasons.isEmpty)
                #expect(reasons.first == "Generiek reclasseringswerk: +1 voor \(ro.displayName)")
            }
        }
        let s = score(intake(problems: [.verslaving, .dakloos]))
        #expect(s.reasons(for: .SVG).contains("Verslavingsproblematiek: +3 voor SVG"))
        #expect(s.reasons(for: .LJR).contains("Dak- of thuisloosheid: +3 voor LJ&R"))
        #expect(s.explanation.contains("bijna gelijk"))
        #expect(CaseScore.continuityReason(.LJR, bonus: 2) == "Continuïteit: lopend traject bij LJ&R: +2 voor LJ&R")
    }

    @Test("an existing relation does not change the scores (the allocator adds continuity)")
    func relationNotScored() {
        #expect(score(intake(problems: [.verslaving], relation: .LJR)).scores == score(intake(problems: [.verslaving])).scores)
    }

    @Test("JSON writes scores as an object keyed by RO code and reads back equal")
    func json() throws {
        let s = score(intake(offences: [.huiselijkGeweld], problems: [.verslaving], scil: .onbekend, scilDate: nil))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(s)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""scores":{"LJR":1,"RN":3,"SVG":6}"#), "\(text)")
        #expect(text.contains(#""allowed":["SVG","RN","LJR"]"#))
        #expect(try JSONDecoder().decode(CaseScore.self, from: data) == s)
    }

    @Test("compiled conditions agree with reading the facts as strings")
    func compiledMatchesReference() throws {
        let extra = try RuleSet.parse(
            minimalRules + """
                  - {id: r1, label: R1, axis: delict, when: {region: [Noord, Oost], kind: {noneOf: [vi]}}, weights: {RN: 1}, rationale: r}
                  - {id: r2, label: R2, axis: delict, when: {region: {noneOf: [Zuid]}, intensity: [hoog]}, weights: {RN: 1}, rationale: r}
                  - {id: r3, label: R3, axis: delict, when: {relation: [geen, SVG], problemCount: ">1"}, weights: {RN: 1}, rationale: r}
                  - {id: r4, label: R4, axis: delict, when: {problem: {allOf: [dakloos, schulden], noneOf: [overlast]}}, weights: {RN: 1}, rationale: r}
                  - {id: r5, label: R5, axis: delict, when: {scil: onbekend, risc: [hoog, onbekend], youngAdult: false}, weights: {RN: 1}, rationale: r}
                  - {id: r6, label: R6, axis: delict, when: {region: {allOf: [Noord]}, problemCount: "<3"}, weights: {RN: 1}, rationale: r}
                """,
            file: "regels.yaml"
        )
        var generator = SeededGenerator(seed: 20_260_301)
        let conditions =
            (rules.criteria + extra.criteria).map(\.condition)
            + rules.routes.map(\.condition) + rules.exclusions.map(\.condition)
        var fired = Array(repeating: 0, count: conditions.count)
        for n in 0..<3000 {
            let c = randomIntake("r\(n)", using: &generator)
            let facts = FactView(c, on: scoringDay)
            let bits = FactBits(facts)
            for (i, condition) in conditions.enumerated() {
                let fast = condition.holds(bits)
                #expect(fast == condition.holds(reading: facts), "condition \(i) on \(c)")
                if fast { fired[i] += 1 }
            }
        }
        #expect(fired.allSatisfy { $0 > 0 }, "every condition should fire on some random case: \(fired)")
    }

    @Test("10,000 cases score quickly")
    func speed() {
        var generator = SeededGenerator(seed: 7)
        let cases = (0..<10_000).map { randomIntake("p\($0)", using: &generator) }
        let clock = ContinuousClock()
        var svg = 0
        let elapsed = clock.measure {
            for c in cases where rules.score(FactView(c, on: scoringDay)).bestFit == .SVG { svg += 1 }
        }
        #expect(svg > 0)
        #expect(elapsed < .seconds(5), "scoring 10,000 cases took \(elapsed)")
    }
}

/// SplitMix64: reproducible random cases.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476C_E5E9_CF09
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func randomIntake(_ id: String, using g: inout SeededGenerator) -> IntakeCase {
    func some<T>(_ all: [T], _ p: Double) -> [T] { all.filter { _ in Double.random(in: 0..<1, using: &g) < p } }
    let dates: [Day?] = [nil, Day("2024-01-15"), Day("2025-06-01"), Day("2026-02-01")]
    return IntakeCase(
        id: id,
        kind: CaseKind.allCases.randomElement(using: &g)!,
        received: scoringDay,
        offences: some(Offence.allCases, 0.15),
        problems: some(ClientProblem.allCases, 0.25),
        interventions: some(Intervention.allCases, 0.15),
        scil: ScilResult.allCases.randomElement(using: &g)!,
        scilDate: dates.randomElement(using: &g)!,
        risc: RiscLevel.allCases.randomElement(using: &g)!,
        riscDate: dates.randomElement(using: &g)!,
        region: [nil, "Noord", "Oost", "Zuid"].randomElement(using: &g)!,
        relation: [nil, RO.SVG, .RN, .LJR].randomElement(using: &g)!,
        intensity: [nil, Intensity.laag, .midden, .hoog].randomElement(using: &g)!,
        age: [nil, 17, 18, 21, 23, 24, 40].randomElement(using: &g)!
    )
}
