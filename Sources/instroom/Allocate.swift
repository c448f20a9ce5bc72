import ArgumentParser
import Foundation
import Triage

struct Allocate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a day's intake, assign it with GLPK within the bands, and record it in the ledger.",
        discussion: "Earlier assignments are fixed; running the same day and intake again changes nothing."
    )

    @OptionGroup var intake: IntakeOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var ledger: LedgerOptions
    @Flag(help: "Print the result as JSON (documented in the README).") var json = false

    func run() throws {
        let (cases, day, file) = try intake.load()
        let (config, rules) = try policy.load()
        let report = try DailyRun(ledger: try ledger.open(), rules: rules, config: config).allocate(intake: cases, day: day, intakeFile: file)
        if json { try printJSON(report) } else { print(ReportText.allocation(report)) }
    }
}

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Score an intake with the wegingskader and explain every score; no solve, no write.")

    @OptionGroup var intake: IntakeOptions
    @OptionGroup var policy: PolicyOptions
    @Flag(help: "Print scores and explanations as JSON.") var json = false

    func run() throws {
        let (cases, day, _) = try intake.load()
        let (config, rules) = try policy.load()
        let scored = Scoring.score(cases, on: day, rules: rules, config: config)
        if json { try printJSON(ScoreReport(scored, rules: rules, day: day)) } else { print(ReportText.scores(scored, rules: rules)) }
    }
}

struct ExportModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write the exact model `allocate` would solve, as CPLEX LP or MPS (for glpsol, HiGHS, CBC)."
    )

    @OptionGroup var intake: IntakeOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var ledger: LedgerOptions
    @Option(help: "lp or mps.") var format: String = "lp"
    @Option(help: "The file to write.") var output: String
    @Option(help: "aggregated (what allocate solves by default) or perCase (one binary per case and RO).") var formulation: String?

    func validate() throws {
        guard ["lp", "mps"].contains(format) else { throw ValidationError("--format must be lp or mps") }
        if let formulation, !["aggregated", "perCase"].contains(formulation) { throw ValidationError("--formulation must be aggregated or perCase") }
    }

    func run() throws {
        let (cases, day, _) = try intake.load()
        var (config, rules) = try policy.load()
        if let formulation { config.solver.formulation = .init(rawValue: formulation)! }
        let plan = try DailyRun(ledger: try ledger.open(), rules: rules, config: config).plan(intake: cases, day: day)
        try plan.model.write(to: output, format: format == "lp" ? .lp : .mps)
        let objective = plan.outcome.objective.map { String(format == "mps" ? -$0 : $0) } ?? "-"
        print("wrote \(output): \(plan.outcome.columns) columns, \(plan.outcome.rows) rows, \(plan.outcome.classes) classes for \(plan.scored.count) cases; "
              + "optimal objective \(objective)\(format == "mps" ? " (MPS minimises the negated fit)" : "")")
    }
}
