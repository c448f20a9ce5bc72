import InstroomDomain
import Testing

@testable import instroom

/// Typed options: argument-parser refuses a bad value before anything runs, naming the option and
/// listing the allowed values where there is a fixed set.
@Suite("Option values")
struct OptionValueTests {
    @Test(
        "a bad value is refused with the option and the allowed values",
        arguments: [
            (
                ["decide", "1", "--ro", "XYZ", "--rationale", "r", "--by", "b"],
                ["'XYZ' is invalid for '--ro <ro>'", "'SVG', 'RN' or 'LJR'"]
            ),
            (["export-model", "--format", "pdf", "--output", "x.pdf"], ["'pdf' is invalid for '--format <format>'", "'lp' and 'mps'"]),
            (["export-model", "--formulation", "dense", "--output", "x.lp"], ["'dense' is invalid", "'aggregated' and 'perCase'"]),
            (["allocate", "--date", "2026-02-30"], ["'2026-02-30' is invalid for '--date <date>'"]),
            (["escalations", "list", "--date", "morgen"], ["'morgen' is invalid for '--date <date>'"]),
            (["commissie", "report", "--period", "2026-Q5", "--output", "c.html"], ["'2026-Q5' is invalid for '--period <period>'"]),
        ]
    )
    func refused(arguments: [String], expected: [String]) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        for text in expected { #expect(r.stderr.contains(text), "\(r.stderr)") }
    }

    @Test("an RO is accepted as staff write it")
    func roAsWritten() {
        #expect(RO(argument: "lj&r") == .LJR)
        #expect(RO(argument: " rn ") == .RN)
        #expect(RO(argument: "3RO") == nil)
    }
}
