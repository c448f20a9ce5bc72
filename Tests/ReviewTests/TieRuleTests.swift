import Allocation
import Foundation
import GLPK
import InstroomDomain
import InstroomTesting
import Review
import Testing

/// Ties settled by the explicit rule, one test per step, on hand-made days solved by GLPK.
struct TieRuleTests {
    /// Every band the same (0-100%, soft), so only the step under test tells the ROs apart.
    static let even = Fixtures.config { c in
        c.bands = [
            .SVG: .init(min: 0, max: 1, mode: .soft), .RN: .init(min: 0, max: 1, mode: .soft), .LJR: .init(min: 0, max: 1, mode: .soft),
        ]
        c.capacity = [.SVG: 100, .RN: 100, .LJR: 100]
        c.continuityBonus = 0
    }

    static func settle(
        _ cases: [CandidateCase],
        prior: [RO: Double] = [:],
        capacityLeft: [RO: Double] = [.SVG: 100, .RN: 100, .LJR: 100],
        config: AllocationConfig = even
    ) throws -> (DayOutcome, [String: TieDecision]) {
        let instance = DayInstance(
            day: Fixtures.monday,
            cases: cases,
            prior: PeriodShares(weight: prior),
            capacityLeft: capacityLeft,
            config: config
        )
        let solved = try DayModel(instance).solve(settings: config.solver)
        #expect(solved.status == .optimal)
        return TieRule.settle(solved, cases: cases, instance: instance)
    }

    static func tied(_ id: String, relation: RO? = nil, fit: [RO: Int] = [.SVG: 3, .RN: 3, .LJR: 1]) -> CandidateCase {
        CandidateCase(id: id, kind: .advies, weight: 1, fit: fit, allowed: RO.allCases, relation: relation, received: Fixtures.monday)
    }

    @Test func continuityComesFirst() throws {
        // LJ&R is furthest below its midpoint, but the client already has a trajectory at RN.
        let (outcome, ties) = try Self.settle([Self.tied("C1", relation: .RN)], prior: [.SVG: 10, .RN: 10, .LJR: 0])
        #expect(outcome.assignments["C1"] == .RN)
        #expect(ties["C1"]?.step == .continuity)
        #expect(ties["C1"]?.tied == [.SVG, .RN])
        #expect(ties["C1"]?.explanation == "Gelijke score (SVG = RN); RN gekozen: lopend traject bij RN (continuïteit).")
    }

    @Test func thenTheROFurthestBelowTheMidpointOfItsBand() throws {
        let (outcome, ties) = try Self.settle([Self.tied("C1")], prior: [.SVG: 60, .RN: 20, .LJR: 20])
        #expect(outcome.assignments["C1"] == .RN)
        #expect(ties["C1"]?.step == .bandMidpoint)
        #expect(ties["C1"]?.explanation == "Gelijke score (SVG = RN); RN gekozen: verst onder het midden van de bandbreedte.")
        // The fit the solver proved is kept: a tie costs nothing either way.
        #expect(outcome.fit == 3)
    }

    /// A tie that exists only after a simulated policy's costs is explained as one, not as equal scores.
    @Test func aTieAfterAPolicysCostsSaysSo() throws {
        let c = Self.tied("C1", fit: [.SVG: 4, .RN: 3, .LJR: 1])
        let instance = DayInstance(
            day: Fixtures.monday,
            cases: [c],
            prior: PeriodShares(weight: [.SVG: 60, .RN: 20, .LJR: 20]),
            capacityLeft: [.SVG: 100, .RN: 100, .LJR: 100],
            config: Self.even,
            costs: PolicyCosts(price: .bands, perCase: ["C1": [.SVG: 1]])
        )
        let (outcome, ties) = TieRule.settle(try DayModel(instance).solve(settings: Self.even.solver), cases: [c], instance: instance)
        #expect(outcome.assignments["C1"] == .RN)
        #expect(ties["C1"]?.explanation == "Gelijk na schaduwprijs (SVG = RN); RN gekozen: verst onder het midden van de bandbreedte.")
    }

    @Test func thenTheMostFreeCapacityRelativeToCapacity() throws {
        // Equal shares (nothing in the period yet); SVG has 10 of 100 points left, RN 90 of 100.
        let (outcome, ties) = try Self.settle([Self.tied("C1")], capacityLeft: [.SVG: 10, .RN: 90, .LJR: 100])
        #expect(outcome.assignments["C1"] == .RN)
        #expect(ties["C1"]?.step == .capacity)
    }

    @Test func thenAFixedChoiceFromTheCaseId() throws {
        let ids = (1...12).map { "C\($0)" }
        var chosen: [String: RO] = [:]
        for id in ids {
            let (outcome, ties) = try Self.settle([Self.tied(id)])
            #expect(ties[id]?.step == .caseId)
            chosen[id] = outcome.assignments[id]
            // The same case on a rerun: the same RO.
            #expect(try Self.settle([Self.tied(id)]).0.assignments[id] == outcome.assignments[id])
        }
        // Not the order of the ROs: both tied ROs are chosen for some ids.
        #expect(Set(chosen.values) == [.SVG, .RN])
    }

    @Test func thePreferredROWithoutRoomIsSaidSo() throws {
        // RN is furthest below its midpoint but has no room left today.
        let (outcome, ties) = try Self.settle(
            [Self.tied("C1")],
            prior: [.SVG: 60, .RN: 20, .LJR: 20],
            capacityLeft: [.SVG: 100, .RN: 0, .LJR: 100]
        )
        #expect(outcome.assignments["C1"] == .SVG)
        #expect(ties["C1"]?.step == .noRoom)
        #expect(
            ties["C1"]?.explanation == "Gelijke score (SVG = RN); SVG gekozen: RN had vandaag geen ruimte binnen capaciteit of bandbreedte."
        )
    }

    @Test func aCaseWithOneBestROHasNoTie() throws {
        let (_, ties) = try Self.settle([Self.tied("C1", fit: [.SVG: 4, .RN: 3, .LJR: 1])])
        #expect(ties.isEmpty)
    }

    @Test func aTieIsShownAsATie() {
        #expect(TieDecision.label([.SVG, .RN]) == "SVG = RN")
        #expect(TieDecision.label([.SVG, .RN, .LJR]) == "SVG = RN = LJ&R")
    }
}
