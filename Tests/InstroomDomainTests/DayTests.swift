import Foundation
import InstroomDomain
import Testing

/// Days are the ledger's and the calendar's unit: parsing, working days and the periods bands hold over.
struct DayTests {
    @Test(arguments: ["2026-03-02", "2000-01-01", "2100-12-31", "2024-02-29"])
    func aValidDateRoundTrips(text: String) throws {
        let day = try #require(Day(text))
        #expect(day.description == text)
        #expect(Day(daysSinceEpoch: day.daysSinceEpoch) == day)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "26-03-02", "", "2026-03-02T00:00", "2026/03/02"])
    func anImpossibleOrMalformedDateIsRefused(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func theDutchExcelFormReadsAsTheSameDay() {
        #expect(Day("02-03-2026") == Day("2026-03-02"))
    }

    @Test func workingDaysSkipTheWeekend() throws {
        let friday = try #require(Day("2026-03-06"))
        #expect(friday.weekday == 5 && !friday.isWeekend)
        #expect(friday.adding(days: 1).isWeekend)
        #expect(friday.adding(workingDays: 1) == Day("2026-03-09"))
        #expect(friday.days(until: try #require(Day("2026-03-09"))) == 3)
    }

    @Test func aBandHoldsWithinItsLimits() {
        let band = Bandwidth(min: 0.2, max: 0.4, mode: .soft)
        #expect(band.contains(0.2) && band.contains(0.4) && band.contains(0.3))
        #expect(!band.contains(0.19) && !band.contains(0.41))
    }

    @Test func workloadFollowsKindAndIntensityUnlessTheIntakeSetsIt() throws {
        let weights = WorkloadWeights(vi: 3, advies: 1, toezicht: [.laag: 2, .midden: 3, .hoog: 4])
        let day = try #require(Day("2026-03-02"))
        #expect(weights.weight(of: IntakeCase(id: "a", kind: .advies, received: day)) == 1)
        #expect(weights.weight(of: IntakeCase(id: "t", kind: .toezicht, received: day, intensity: .hoog)) == 4)
        #expect(weights.weight(of: IntakeCase(id: "w", kind: .vi, received: day, weight: 7)) == 7)
    }
}
