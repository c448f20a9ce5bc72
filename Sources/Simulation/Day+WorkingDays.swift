import Foundation
import InstroomDomain

extension Day {
    /// ISO 8601 week number (1...53): weeks start on Monday, week 1 holds the year's first Thursday.
    public var isoWeek: Int {
        let thursday = adding(days: 4 - weekday)
        let jan1 = Day(year: thursday.year, month: 1, day: 1)!
        return jan1.days(until: thursday) / 7 + 1
    }
}
