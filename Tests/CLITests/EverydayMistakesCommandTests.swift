import Foundation
import InstroomTesting
import Testing

/// The CLI shows the library's refusals of everyday mistakes and takes `--allow` for what is meant.
struct EverydayMistakesCommandTests {
    @Test func aWeekendNeedsAllowAndABlankNameIsRefused() throws {
        let dir = Fixtures.temporaryFolder()
        let intake = dir.appendingPathComponent("day.csv").path
        let db = dir.appendingPathComponent("ledger.sqlite").path
        #expect(try CLI.run(["generate", "--cases", "10", "--seed", "3", "--date", "2026-03-06", "--output", intake]).status == 0)
        let saturday = try CLI.run(["allocate", "--intake", intake, "--date", "2026-03-07", "--db", db])
        #expect(saturday.status != 0)
        #expect(saturday.stderr.contains("Saturday") && saturday.stderr.contains("--allow weekend"), "\(saturday.stderr)")
        let allowed = try CLI.run(["allocate", "--intake", intake, "--date", "2026-03-07", "--allow", "weekend", "--db", db, "--json"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let blank = try CLI.run(["contest", "X", "--reason", "Twijfel", "--by", "\n", "--db", db])
        #expect(blank.status != 0)
        #expect(blank.stderr.contains("--by"), "\(blank.stderr)")
        let unknownAllowance = try CLI.run(["allocate", "--intake", intake, "--allow", "sunday", "--db", db])
        #expect(unknownAllowance.status != 0 && unknownAllowance.stderr.contains("out-of-order"), "\(unknownAllowance.stderr)")
    }
}
