import Foundation

/// A calendar day without time zone, as the triagepunt thinks of it ("de instroom van 3 maart").
///
/// Stored as days since 1970-01-01 so that arithmetic and comparison are exact and do not depend on
/// the machine's locale or time zone.
public struct Day: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = era * 146097 + doe - 719468
    }

    /// The years a date read from a file or the command line may have. A day outside them is a typo
    /// (`0999-12-31`, `+026-03-03`), and the ledger's text form holds four-digit years only.
    public static let supportedYears: ClosedRange<Int> = 2000...2100

    /// Why a text is not a day the project accepts.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not `YYYY-MM-DD` or `DD-MM-YYYY`, or no such day in the calendar.
        case notADate(String)
        /// A real day, outside `Day.supportedYears`.
        case outOfRange(String)

        public var description: String {
            switch self {
            case .notADate(let text): "'\(text)' is not a date; expected a date as YYYY-MM-DD or DD-MM-YYYY"
            case .outOfRange(let text):
                "date out of range: '\(text)'; expected a year from \(Day.supportedYears.lowerBound) to \(Day.supportedYears.upperBound)"
            }
        }

        /// The same in Dutch, for the web app.
        public var dutch: String {
            switch self {
            case .notADate(let text): "‘\(text)’ is geen datum; verwacht een datum als JJJJ-MM-DD of DD-MM-JJJJ"
            case .outOfRange(let text):
                "datum buiten het bereik: ‘\(text)’; verwacht een jaar van \(Day.supportedYears.lowerBound) tot en met \(Day.supportedYears.upperBound)"
            }
        }
    }

    /// Parses `YYYY-MM-DD` (ISO 8601) and the Dutch `DD-MM-YYYY` that Excel exports produce, digits
    /// only, in `supportedYears`.
    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { throw .notADate(text) }
        let (year, month, day): (Int, Int, Int)
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            (year, month, day) = (a, b, c)
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            (year, month, day) = (c, b, a)
        } else {
            throw .notADate(text)
        }
        guard let parsed = Day(year: year, month: month, day: day) else { throw .notADate(text) }
        guard Day.supportedYears.contains(year) else { throw .outOfRange(text) }
        self = parsed
    }

    /// `init(parsing:)` for callers that only need yes or no.
    public init?(_ text: String) {
        guard let day = try? Day(parsing: text) else { return nil }
        self = day
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7 + 7 + 3) % 7) + 1 }
    public var isWeekend: Bool { weekday >= 6 }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

    public func days(until other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public var description: String {
        let c = components
        return "\(c.year)-\(Day.pad(c.month))-\(Day.pad(c.day))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try Day(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Day {
    /// Today in the Netherlands' calendar (Europe/Amsterdam), where the triagepunt works.
    public static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
