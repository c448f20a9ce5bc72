import Allocation
import ArgumentParser
import Foundation
import GLPK
import Triage

struct ExportModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write the exact model `allocate` would solve, as CPLEX LP or MPS (for glpsol, HiGHS, CBC)."
    )

    @OptionGroup var intake: IntakeOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var ledger: ModelLedgerOptions
    @Option(help: "The file format.") var format: ModelFileFormat = .lp
    @Option(help: "The file to write.") var output: String
    @Option(help: "aggregated (what allocate solves by default) or perCase (one binary per case and RO).") var formulation: Formulation?

    func run() throws {
        let (cases, day, _) = try intake.load()
        let plan = try self.ledger.reading { open in
            let (ledger, bundled, rules) = try policy.load(opening: open)
            var config = bundled
            if let formulation { config.formulation = formulation }
            return try DailyRun(ledger: ledger, rules: rules, config: config).plan(intake: cases, day: day)
        }
        try plan.model.write(to: output, format: format)
        let objective = plan.outcome.objective.map { String(format == .mps ? -$0 : $0) } ?? "-"
        TerminalText.print(
            "wrote \(output): \(plan.outcome.columns) columns, \(plan.outcome.rows) rows, \(plan.outcome.classes) classes for \(plan.scored.count) cases; "
                + "optimal objective \(objective)\(format == .mps ? " (MPS minimises the negated fit)" : "")"
        )
    }
}
