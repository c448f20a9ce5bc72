import Foundation
import InstroomDomain
import Testing

/// A day read from text must have a year in `Day.supportedYears` (issue 14: `0999-12-31` was stored
/// as `999-12-31`, `+026-03-03` broke a report).
struct DayRangeTests {
    @Test(arguments: ["0999-12-31", "1999-12-31", "2101-01-01", "31-12-0999", "01-01-2101"])
    func aRealDateOutsideTheYearsIsOutOfRange(text: String) {
        #expect(throws: Day.ParseError.outOfRange(text)) { try Day(parsing: text) }
        #expect(Day(text) == nil)
    }

    @Test(arguments: ["+026-03-03", "-2026-03-03", "2026-+3-03", "2026-03-0x", "20260-03-03", "2026-003-03", " "])
    func aSignOrAnOddFieldIsNotADate(text: String) {
        #expect(throws: Day.ParseError.notADate(text)) { try Day(parsing: text) }
    }

    @Test func theEndsOfTheRangeAreAccepted() throws {
        #expect(try Day(parsing: "2000-01-01").description == "2000-01-01")
        #expect(try Day(parsing: "31-12-2100").description == "2100-12-31")
        #expect(Day.supportedYears == 2000...2100)
    }

    @Test func decodingADayOutOfRangeFails() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["0999-12-31"]"#.utf8)) }
    }
}
