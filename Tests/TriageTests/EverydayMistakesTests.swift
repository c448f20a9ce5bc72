import Allocation
import Foundation
import InstroomDomain
import InstroomTesting
import Ledger
import Testing
import Triage

/// Everyday mistakes (issue 14) are refused with a message that says what to do, and nothing is written;
/// what is meant anyway is allowed explicitly (`allow`).
struct EverydayMistakesTests {
    static let monday = Fixtures.monday

    static func run(_ ledger: Ledger, actor: String = "triagepunt") -> DailyRun {
        DailyRun(ledger: ledger, rules: Fixtures.rules(), config: Fixtures.config(), actor: actor)
    }

    @Test func aDayBeforeTheCasesCameInIsRefused() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let intake = Fixtures.intake(Self.monday.adding(days: 1), count: 5)
        #expect { try Self.run(ledger).allocate(intake: intake, day: Self.monday, intakeFile: "dinsdag.csv") } throws: {
            "\($0)".contains("dinsdag.csv") && "\($0)".contains("field 'received'") && "\($0)".contains("after the day being allocated")
        }
        #expect { try Self.run(ledger).propose(intake: intake, day: Self.monday) } throws: { "\($0)".contains("field 'received'") }
        #expect(try ledger.counts().runs == 0)
    }

    @Test func aWeekendIsRefusedUnlessAllowed() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let saturday = Self.monday.adding(days: 5)
        let intake = Fixtures.intake(Self.monday, count: 5)
        #expect { try Self.run(ledger).allocate(intake: intake, day: saturday) } throws: {
            "\($0)".contains("Saturday") && "\($0)".contains("--allow weekend")
        }
        #expect(try ledger.counts().runs == 0)
        let report = try Self.run(ledger).allocate(intake: intake, day: saturday, allow: [.weekend])
        #expect(report.assignments.count == 5)
    }

    @Test func aDutchPublicHolidayIsRefusedUnlessAllowed() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let tweedePaasdag = Day("2026-04-06")!
        let intake = Fixtures.intake(tweedePaasdag, count: 5)
        #expect { try Self.run(ledger).propose(intake: intake, day: tweedePaasdag) } throws: {
            "\($0)".contains("Tweede Paasdag") && "\($0)".contains("--allow holiday")
        }
        #expect(try Self.run(ledger).allocate(intake: intake, day: tweedePaasdag, allow: [.holiday]).assignments.count == 5)
    }

    @Test func aDayBeforeTheLatestRunIsRefusedUnlessAllowed() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let tuesday = Self.monday.adding(days: 1)
        _ = try Self.run(ledger).allocate(intake: Fixtures.intake(tuesday, count: 5, seed: 1), day: tuesday)
        let late = Fixtures.intake(Self.monday, count: 5, seed: 2)
        #expect { try Self.run(ledger).allocate(intake: late, day: Self.monday) } throws: {
            "\($0)".contains("already has a run for \(tuesday)") && "\($0)".contains("--allow out-of-order")
        }
        #expect(try ledger.counts().runs == 1)
        #expect(try Self.run(ledger).allocate(intake: late, day: Self.monday, allow: [.outOfOrder]).assignments.count == 5)
        // The same day again (a rerun) is not out of order.
        #expect(try Self.run(ledger).allocate(intake: Fixtures.intake(tuesday, count: 5, seed: 1), day: tuesday).unchanged)
    }

    @Test func anIdThatDiffersOnlyInCaseIsRefused() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let intake = Fixtures.intake(Self.monday, count: 5)
        _ = try Self.run(ledger).allocate(intake: intake, day: Self.monday)
        var twin = Fixtures.intake(Self.monday, count: 1, seed: 9)[0]
        twin.id = intake[0].id.lowercased() == intake[0].id ? intake[0].id.uppercased() : intake[0].id.lowercased()
        try #require(twin.id != intake[0].id)
        let counts = try ledger.counts()
        #expect { try Self.run(ledger).allocate(intake: [twin], day: Self.monday, intakeFile: "day.csv") } throws: {
            "\($0)".contains("day.csv") && "\($0)".contains("field 'id'") && "\($0)".contains("only in upper/lower case")
                && "\($0)".contains(intake[0].id)
        }
        // Within one intake as well.
        var pair = Fixtures.intake(Self.monday.adding(days: 1), count: 2, seed: 4)
        pair[1].id = pair[0].id.lowercased() == pair[0].id ? pair[0].id.uppercased() : pair[0].id.lowercased()
        #expect { try Self.run(ledger).allocate(intake: pair, day: Self.monday.adding(days: 1)) } throws: {
            "\($0)".contains("only in upper/lower case")
        }
        #expect(try ledger.counts() == counts)
    }

    @Test(arguments: ["", "  ", "\n", "Jansen\u{1B}[31m", "Jan\u{202E}sen", String(repeating: "x", count: 101)])
    func aNameMustBeRealText(name: String) throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        #expect { try Self.run(ledger, actor: name).allocate(intake: Fixtures.intake(Self.monday, count: 3), day: Self.monday) } throws: {
            "\($0)".contains("--by")
        }
        let commissie = Commissie(ledger: ledger, config: Fixtures.config())
        #expect { try commissie.contest(caseId: "X", reason: "Twijfel", by: name, on: Self.monday) } throws: { "\($0)".contains("--by") }
        #expect(try ledger.counts().runs == 0 && ledger.counts().audit == 0)
    }

    @Test(arguments: ["", " \n\t ", "reden\u{07}", String(repeating: "x", count: UserText.maximumReasonLength + 1)])
    func aReasonMustBeRealText(reason: String) throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        let commissie = Commissie(ledger: ledger, config: Fixtures.config())
        #expect { try commissie.contest(caseId: "X", reason: reason, by: "Triagist", on: Self.monday) } throws: {
            "\($0)".contains("--reason")
        }
        #expect { try commissie.decide(escalationId: 1, moveTo: nil, rationale: reason, by: "Voorzitter") } throws: {
            "\($0)".contains("--rationale")
        }
        // A reason over several lines is real text.
        #expect(try UserText.reason("Eerste regel.\nTweede regel.", field: "--reason") == "Eerste regel.\nTweede regel.")
    }

    @Test func theDutchHolidaysFallOnTheirDays() {
        let expected: [(String, DutchHoliday)] = [
            ("2026-01-01", .nieuwjaarsdag), ("2026-04-05", .eerstePaasdag), ("2026-04-06", .tweedePaasdag),
            ("2026-04-27", .koningsdag), ("2025-04-26", .koningsdag), ("2026-05-05", .bevrijdingsdag),
            ("2026-05-14", .hemelvaartsdag), ("2026-05-24", .eerstePinksterdag), ("2026-05-25", .tweedePinksterdag),
            ("2026-12-25", .eersteKerstdag), ("2026-12-26", .tweedeKerstdag), ("2024-04-01", .tweedePaasdag),
        ]
        for (text, holiday) in expected { #expect(DutchHoliday.on(Day(text)!) == holiday, "\(text)") }
        #expect(DutchHoliday.on(Day("2026-04-03")!) == nil)  // Goede Vrijdag is no public holiday
        #expect(DutchHoliday.on(Day("2025-04-27")!) == nil)  // a Sunday: Koningsdag moved to the 26th
        #expect(DutchHoliday.on(Self.monday) == nil)
    }
}
