/// The calendar the convenant works in: Monday to Friday, minus the holidays a scenario names.
/// Deadlines, band forecasts, fixtures and the simulator all count working days through here.
extension Day {
    /// Monday to Friday and not one of `holidays`.
    public func isWorkingDay(skipping holidays: Set<Day> = []) -> Bool { !isWeekend && !holidays.contains(self) }

    /// This day if it is a working day, else the first working day after it.
    public func nextWorkingDay(skipping holidays: Set<Day> = []) -> Day {
        var day = self
        while !day.isWorkingDay(skipping: holidays) { day = day.adding(days: 1) }
        return day
    }

    /// Adds working days (Monday to Friday), the unit in which commissie deadlines are agreed.
    public func adding(workingDays: Int) -> Day {
        var day = self
        for _ in 0..<max(0, workingDays) { day = day.adding(days: 1).nextWorkingDay() }
        return day
    }

    /// Working days after `self` up to and including `end`.
    public func workingDays(until end: Day) -> Int {
        guard self < end else { return 0 }
        return Day.workingDays(from: adding(days: 1), through: end).count
    }

    /// Working days from `start` on: `count` of them, or through `end` (whichever comes first when both are given).
    public static func workingDays(from start: Day, count: Int? = nil, through end: Day? = nil, skipping holidays: Set<Day> = []) -> [Day] {
        precondition(count != nil || end != nil, "a list of working days needs a count or an end")
        var days: [Day] = []
        var day = start
        while count.map({ days.count < $0 }) ?? true, end.map({ day <= $0 }) ?? true {
            if day.isWorkingDay(skipping: holidays) { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }

    /// ISO 8601 week number (1...53): weeks start on Monday, week 1 holds the year's first Thursday.
    public var isoWeek: Int {
        let thursday = adding(days: 4 - weekday)
        let jan1 = Day(year: thursday.year, month: 1, day: 1)!
        return jan1.days(until: thursday) / 7 + 1
    }
}
