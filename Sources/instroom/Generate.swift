import ArgumentParser
import Foundation
import InstroomDomain
import IntakeFormats
import IntakeGenerator

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic intake (illustrative mix of kinds and facts, with realistic gaps) for demos, tests and benchmarks.",
        discussion:
            "The same --seed, --date and --cases always give the same file. Assumptions: Sources/InstroomDomain/Intake/ASSUMPTIONS.md."
    )

    @Option(help: "Number of cases.") var cases: Int
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Output file: .csv or .json.") var output: String
    @Option(help: "The intake day (YYYY-MM-DD). Default: today.") var date: Day?

    func validate() throws {
        guard cases >= 0 && cases <= 1_000_000 else { throw ValidationError("--cases must be between 0 and 1,000,000") }
        guard output.hasSuffix(".csv") || output.hasSuffix(".json") else { throw ValidationError("--output must end in .csv or .json") }
    }

    func run() throws {
        let day = date ?? Day.today()
        let intake = SyntheticIntake(seed: seed).day(day, count: cases)
        let data = output.hasSuffix(".json") ? IntakeWriter.json(intake) : Data(IntakeWriter.csv(intake).utf8)
        try data.write(to: URL(fileURLWithPath: output))
        TerminalText.print("wrote \(intake.count) cases for \(day) to \(output)")
    }
}
