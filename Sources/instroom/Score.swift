import ArgumentParser
import Foundation
import Review
import Triage

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score an intake with the wegingskader and explain every score; no solve, no write."
    )

    @OptionGroup var intake: IntakeOptions
    @OptionGroup var policy: PolicyOptions
    @Flag(help: "Print scores and explanations as JSON.") var json = false

    func run() throws {
        let (cases, day, _) = try intake.load()
        let (config, rules) = try policy.load()
        let scored = Scoring.score(cases, on: day, rules: rules, config: config)
        if json {
            try printJSON(ScoreReport(scored, rules: rules, day: day))
        } else {
            TerminalText.print(ReportText.scores(scored, rules: rules))
        }
    }
}
