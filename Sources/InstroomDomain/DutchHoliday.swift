/// The Dutch public holidays on which the triagepunt does not allocate (Algemene termijnenwet, art. 3):
/// Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag, Bevrijdingsdag, Hemelvaartsdag, Eerste en Tweede
/// Pinksterdag, Eerste en Tweede Kerstdag. Goede Vrijdag is not one of them.
public enum DutchHoliday: String, CaseIterable, Sendable {
    case nieuwjaarsdag = "Nieuwjaarsdag"
    case eerstePaasdag = "Eerste Paasdag"
    case tweedePaasdag = "Tweede Paasdag"
    case koningsdag = "Koningsdag"
    case bevrijdingsdag = "Bevrijdingsdag"
    case hemelvaartsdag = "Hemelvaartsdag"
    case eerstePinksterdag = "Eerste Pinksterdag"
    case tweedePinksterdag = "Tweede Pinksterdag"
    case eersteKerstdag = "Eerste Kerstdag"
    case tweedeKerstdag = "Tweede Kerstdag"

    /// The holiday that falls on `day`, if any.
    public static func on(_ day: Day) -> DutchHoliday? {
        allCases.first { $0.day(in: day.year) == day }
    }

    /// The holiday's date in `year`.
    public func day(in year: Int) -> Day? {
        let easter = Self.easterSunday(year)
        switch self {
        case .nieuwjaarsdag: return Day(year: year, month: 1, day: 1)
        case .eerstePaasdag: return easter
        case .tweedePaasdag: return easter?.adding(days: 1)
        case .koningsdag:
            // 27 April, or the 26th when the 27th is a Sunday.
            guard let d = Day(year: year, month: 4, day: 27) else { return nil }
            return d.weekday == 7 ? d.adding(days: -1) : d
        case .bevrijdingsdag: return Day(year: year, month: 5, day: 5)
        case .hemelvaartsdag: return easter?.adding(days: 39)
        case .eerstePinksterdag: return easter?.adding(days: 49)
        case .tweedePinksterdag: return easter?.adding(days: 50)
        case .eersteKerstdag: return Day(year: year, month: 12, day: 25)
        case .tweedeKerstdag: return Day(year: year, month: 12, day: 26)
        }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> Day? {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)
    }
}
