import Allocation
import Foundation
import GLPK
import InstroomDomain
import Testing

/// A band row that cannot bind today gets a bound that does not depend on the band, so that day models
/// differing only in such a band are identical (a sweep solves them once) and solve as without the band.
struct BandRowsThatCannotBindTests {
    static let prior = PeriodShares(weight: [.SVG: 400, .RN: 420, .LJR: 180])

    static func model(svg: Bandwidth, seed: UInt64 = 3) throws -> DayModel {
        let bands: [RO: Bandwidth] = [.SVG: svg, .RN: .init(min: 0.3, max: 0.6, mode: .soft), .LJR: .init(min: 0.1, max: 0.3, mode: .soft)]
        let config = DayModelTests.config(bands: bands, capacity: [.SVG: 120, .RN: 150, .LJR: 90])
        let cases = DayModelTests.randomCases(120, seed: seed)
        return try DayModel(DayInstance(day: DayModelTests.day, cases: cases, prior: prior, capacityLeft: config.capacity, config: config))
    }

    static func lpText(_ model: DayModel) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("band-rows-\(UUID().uuidString).lp")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.write(to: url.path, format: .lp)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// SVG holds 40% of 1,000 earlier points; today adds at most a few hundred: a floor of 10% or 20%
    /// is met with nothing assigned, and a ceiling of 95% or 99% cannot be reached.
    @Test func floorsAndCeilingsOutOfReachGiveTheSameModel() throws {
        let low = try Self.lpText(Self.model(svg: .init(min: 0.10, max: 0.95, mode: .soft)))
        let higher = try Self.lpText(Self.model(svg: .init(min: 0.20, max: 0.99, mode: .soft)))
        #expect(low == higher)
        #expect(low.contains("band_min(SVG)") && low.contains("band_max(SVG)"))
    }

    /// A floor or ceiling that can bind keeps its own bound.
    @Test func bandsThatCanBindGiveTheirOwnModel() throws {
        let base = try Self.lpText(Self.model(svg: .init(min: 0.10, max: 0.95, mode: .soft)))
        #expect(try Self.lpText(Self.model(svg: .init(min: 0.45, max: 0.95, mode: .soft))) != base)
        #expect(try Self.lpText(Self.model(svg: .init(min: 0.10, max: 0.38, mode: .soft))) != base)
    }

    /// The edge bound changes nothing the solver can reach: the same optimum as without SVG's band rows.
    @Test(arguments: [1, 2, 3, 4])
    func theOptimumIsTheOneWithoutTheBand(seed: UInt64) throws {
        let settings = SolverSettings(timeLimitSeconds: 60)
        let banded = try Self.model(svg: .init(min: 0.15, max: 0.97, mode: .soft), seed: seed).solve(settings: settings)
        let free = try Self.model(svg: .init(min: 0, max: 1, mode: .soft), seed: seed).solve(settings: settings)
        #expect(banded.status == .optimal && free.status == .optimal)
        let a = try #require(banded.objective)
        let b = try #require(free.objective)
        #expect(abs(a - b) < 1e-6)
        #expect(banded.aboveBand.isEmpty && banded.belowBand[.SVG] == nil)
    }
}
