import Foundation
import InstroomDomain
import IntakeFormats
import IntakeGenerator

/// The working days of a simulation and the cases that arrive on each: synthetic (from the seed, the
/// volume, the seasonal pattern and the mix) or a historical intake file. Scenarios compared side by
/// side share one basis, so they differ only in policy.
public struct IntakeBasis: Sendable {
    public let days: [Day]
    /// Cases per day for synthetic intake; nil for a file.
    let counts: [Int]
    let synthetic: SyntheticIntake?
    let historical: [[IntakeCase]]?
    public let source: Source

    public struct Source: Codable, Sendable, Equatable {
        /// "synthetic" or the intake file's name.
        public var kind: String
        public var file: String?
        public var seed: UInt64?
        public var perDay: Int?
        public var cases: Int
        public var workingDays: Int
        public var start: Day
        public var end: Day
        /// Historical cases received outside the simulated days (not replayed).
        public var ignored: Int
    }

    /// The basis a scenario describes; `seed` overrides the scenario's seed.
    public static func make(for scenario: Scenario, seed: UInt64? = nil) throws -> IntakeBasis {
        let cal = scenario.calendar
        let holidays = Set(cal.holidays)
        if let file = scenario.intake.file {
            let cases = try IntakeReader.read(contentsOf: URL(fileURLWithPath: file)).sorted { ($0.received, $0.id) < ($1.received, $1.id) }
            let last = cases.last?.received ?? cal.start
            var days = Day.workingDays(
                from: cal.start,
                count: cal.workingDays,
                through: cal.workingDays == nil ? last : nil,
                skipping: holidays
            )
            if cal.workingDays == nil, let end = days.last, end < last {
                // The last cases arrived on a weekend or holiday: they are allocated the next working day.
                days.append(last.nextWorkingDay(skipping: holidays))
            }
            var perDay = Array(repeating: [IntakeCase](), count: days.count)
            var ignored = 0
            // A case received on a weekend or holiday is allocated on the next working day.
            var i = 0
            for c in cases {
                while i < days.count && days[i] < c.received { i += 1 }
                if i < days.count, c.received >= cal.start { perDay[i].append(c) } else { ignored += 1 }
            }
            return IntakeBasis(
                days: days,
                counts: perDay.map(\.count),
                synthetic: nil,
                historical: perDay,
                source: Source(
                    kind: "bestand",
                    file: URL(fileURLWithPath: file).lastPathComponent,
                    seed: nil,
                    perDay: nil,
                    cases: cases.count - ignored,
                    workingDays: days.count,
                    start: days.first ?? cal.start,
                    end: days.last ?? cal.start,
                    ignored: ignored
                )
            )
        }
        let days = Day.workingDays(from: cal.start, count: cal.workingDays ?? 250, skipping: holidays)
        let intake = scenario.intake
        let counts = days.map { d in Int((Double(intake.perDay) * intake.seasonal[d.month - 1]).rounded()) }
        let s = seed ?? scenario.seed
        return IntakeBasis(
            days: days,
            counts: counts,
            synthetic: SyntheticIntake(seed: s, mix: intake.mix),
            historical: nil,
            source: Source(
                kind: "synthetisch",
                file: nil,
                seed: s,
                perDay: intake.perDay,
                cases: counts.reduce(0, +),
                workingDays: days.count,
                start: days.first ?? cal.start,
                end: days.last ?? cal.start,
                ignored: 0
            )
        )
    }

    /// The same basis with every day's cases generated once and kept (about 60,000 cases: tens of MB),
    /// for the variants of a sweep that replay the same intake.
    public func materialized() -> IntakeBasis {
        guard historical == nil else { return self }
        return IntakeBasis(days: days, counts: counts, synthetic: nil, historical: days.indices.map { cases(at: $0) }, source: source)
    }

    /// The cases received on working day `i` (generated on demand: nothing is kept for the year).
    public func cases(at i: Int) -> [IntakeCase] {
        if let historical { return historical[i] }
        return synthetic!.day(days[i], count: counts[i])
    }
}
