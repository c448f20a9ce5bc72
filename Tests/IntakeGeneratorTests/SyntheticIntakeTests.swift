import Foundation
import IntakeFormats
import IntakeGenerator
import Testing

@testable import InstroomDomain

private func day(_ text: String) -> Day { Day(text)! }

@Suite("Synthetic intake")
struct SyntheticIntakeTests {
    let march2 = day("2026-03-02")

    @Test func sameSeedGivesIdenticalCSV() {
        let a = IntakeWriter.csv(SyntheticIntake(seed: 42).day(march2, count: 200))
        let b = IntakeWriter.csv(SyntheticIntake(seed: 42).day(march2, count: 200))
        #expect(a == b)
        let c = IntakeWriter.csv(SyntheticIntake(seed: 43).day(march2, count: 200))
        #expect(a != c)
        let d = IntakeWriter.csv(SyntheticIntake(seed: 42).day(march2.adding(days: 1), count: 200))
        #expect(
            a.split(separator: "\n").dropFirst().map { $0.drop(while: { $0 != "," }) }
                != d.split(separator: "\n").dropFirst().map { $0.drop(while: { $0 != "," }) }
        )
    }

    @Test func pinnedOutputGuardsCrossMachineStability() {
        // A change here means every seed's intake changed: do it on purpose or not at all.
        var rng = SplitMix64(seed: 0)
        #expect([rng.next(), rng.next(), rng.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        let text = IntakeWriter.csv(SyntheticIntake(seed: 1).day(march2, count: 3))
        #expect(
            text == """
                id,kind,received,deadline,offence,problem,intervention,scil,scil_date,risc,risc_date,region,relation,intensity,age,weight
                C20260302-0001,toezicht,2026-03-02,,vermogen,dakloos,werkstraf,lvb,2025-08-31,laag,2025-05-07,Noord-Holland,,laag,51,
                C20260302-0002,vi,2026-03-02,,geweld,schulden,werkstraf,geen_lvb,2026-01-26,onbekend,,Den Haag,,,57,
                C20260302-0003,advies,2026-03-02,2026-03-19,overig,psychiatrie,verdiepingsdiagnostiek,geen_lvb,2025-10-31,onbekend,,Oost-Nederland,,,,

                """
        )
    }

    @Test func casesDoNotDependOnCount() {
        let g = SyntheticIntake(seed: 9)
        #expect(Array(g.day(march2, count: 50)) == Array(g.day(march2, count: 120).prefix(50)))
        #expect(g.day(march2, count: 0).isEmpty)
    }

    @Test func idsUniqueAndStable() {
        let g = SyntheticIntake(seed: 5)
        let year = g.workingDays(from: day("2026-01-01"), through: day("2026-12-31"), perDay: 30)
        #expect(year.count == 261 * 30)
        #expect(Set(year.map(\.id)).count == year.count)
        #expect(year.allSatisfy { !$0.received.isWeekend })
        let custom = g.day(march2, count: 10_001, idPrefix: "T")
        #expect(custom.first?.id == "T20260302-0001")
        #expect(custom.last?.id == "T20260302-10001")
        #expect(Set(custom.map(\.id)).count == custom.count)
    }

    @Test func proportionsRoughlyAsConfigured() {
        let mix = IntakeMix.illustrative
        let cases = SyntheticIntake(seed: 2026).day(march2, count: 5000)
        func share(_ p: (IntakeCase) -> Bool) -> Double { Double(cases.filter(p).count) / Double(cases.count) }
        func near(_ value: Double, _ target: Double, _ tolerance: Double = 0.03, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(abs(value - target) < tolerance, "share \(value) vs configured \(target)", sourceLocation: sourceLocation)
        }
        near(share { $0.kind == .advies }, 0.60)
        near(share { $0.kind == .toezicht }, 0.30)
        near(share { $0.kind == .vi }, 0.10)
        near(share { $0.scil == .onbekend }, mix.scilMissingShare)
        near(share { $0.risc == .onbekend }, mix.riscUnknownShare)
        near(share { $0.relation != nil }, mix.relationShare)
        near(share { $0.offences.contains(.huiselijkGeweld) }, 0.15)
        near(share { $0.problems.contains(.psychiatrie) }, 0.30)
        near(share { $0.problems.contains(.dakloos) }, 0.10)
        near(share { $0.interventions.contains(.werkstraf) }, 0.12)
        let screened = cases.filter { $0.scil != .onbekend }
        near(Double(screened.filter { $0.scil == .lvb }.count) / Double(screened.count), mix.lvbShare, 0.04)

        // Missing and stale data is there, as the SOM evaluation says it will be.
        #expect(cases.contains { $0.scil == .onbekend && $0.scilDate == nil })
        let stale = cases.filter {
            ($0.scil != .onbekend && $0.scil(on: march2, staleAfterDays: 365) == .onbekend)
                || ($0.risc != .onbekend && $0.risc(on: march2, staleAfterDays: 365) == .onbekend)
        }
        #expect(stale.count > 200 && stale.count < 1000)
        // Facts never come from the future, and only toezicht has an intensity.
        #expect(cases.allSatisfy { ($0.scilDate ?? march2) <= march2 && ($0.riscDate ?? march2) <= march2 })
        #expect(cases.allSatisfy { $0.intensity == nil || $0.kind == .toezicht })
        near(
            Double(cases.filter { $0.kind == .toezicht && $0.intensity == nil }.count)
                / Double(cases.filter { $0.kind == .toezicht }.count),
            0.05
        )
        // Young adults, werkstraf and verdiepingsdiagnostiek exist; jovo only for young adults.
        let young = cases.filter { ($0.age ?? 0) >= 18 && ($0.age ?? 0) <= 23 }
        near(Double(young.count) / Double(cases.count), 0.15 * 0.95)
        #expect(cases.allSatisfy { !$0.interventions.contains(.jovo) || young.contains($0) })
        #expect(cases.contains { $0.interventions.contains(.verdiepingsdiagnostiek) })
        #expect(cases.allSatisfy { $0.age.map { (12...110).contains($0) } ?? true })
        #expect(Set(cases.compactMap(\.region)) == Set(IntakeMix.policeRegions))
        #expect(cases.allSatisfy { !$0.offences.isEmpty })
    }

    @Test func customMixIsHonoured() {
        var mix = IntakeMix.illustrative
        mix.kindShares = [.vi: 1]
        mix.scilMissingShare = 1
        mix.riscUnknownShare = 0
        mix.regionShares = ["Noord": 1]
        mix.regionMissingShare = 0
        let cases = SyntheticIntake(seed: 3, mix: mix).day(march2, count: 200)
        #expect(cases.allSatisfy { $0.kind == .vi && $0.scil == .onbekend && $0.risc != .onbekend && $0.region == "Noord" })
    }

    @Test func mixIsReadableCodable() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(IntakeMix.illustrative)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"huiselijk_geweld\":0.15"))
        #expect(text.contains("\"kindShares\":{\"advies\":0.6"))
        #expect(try JSONDecoder().decode(IntakeMix.self, from: data) == IntakeMix.illustrative)
        let unknownKind = Data(text.replacingOccurrences(of: "\"kindShares\":{\"advies\"", with: "\"kindShares\":{\"adviezen\"").utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(IntakeMix.self, from: unknownKind) }
    }

    @Test func rngHelpers() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<1000 {
            let u = rng.unit()
            #expect(u >= 0 && u < 1)
            #expect((3...5).contains(rng.int(in: 3...5)))
        }
        #expect(rng.pick(weights: [0, 0, 1]) == 2)
        #expect(rng.pick(weights: []) == 0)
    }
}
