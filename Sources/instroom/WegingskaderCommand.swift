import ArgumentParser
import Foundation
import InstroomDomain
import Triage
import Wegingskader

struct WegingskaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wegingskader",
        abstract: "The rule set as a policy instrument: check it against golden cases, compare versions, show it.",
        subcommands: [Test.self, Diff.self, Show.self]
    )

    static func rules(_ path: String?) throws -> RuleSet {
        try path.map { try RuleSet.load(contentsOf: URL(fileURLWithPath: $0)) } ?? RuleSet.bundledDefault()
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score every golden case and report agreement; every disagreement is listed with its explanation.",
            discussion: "Exits non-zero when a golden case disagrees, so a rule change can be checked before it goes live."
        )
        @Option(help: "Rule file. Default: the bundled rule set.") var rules: String?
        @Option(help: "Golden cases (YAML). Default: the bundled golden cases.") var cases: String?

        func run() throws {
            let ruleSet = try WegingskaderCommand.rules(rules)
            let golden = try GoldenCase.load(contentsOf: cases.map { URL(fileURLWithPath: $0) } ?? GoldenCase.bundledURL)
            guard let day = golden.first?.day else { throw ValidationError("the golden-case file holds no cases") }
            let report = GoldenReport.evaluate(ruleSet, cases: golden, on: day)
            TerminalText.print(report.text)
            if !report.allAgree { throw ExitCode.failure }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Which cases change best-fit RO between two rule versions, and the totals per RO."
        )
        @Argument(help: "The current rule file.") var old: String
        @Argument(help: "The proposed rule file.") var new: String
        @OptionGroup var intake: IntakeOptions

        func run() throws {
            let (cases, day, _) = try intake.load()
            let diff = RuleSetDiff.compare(
                old: try WegingskaderCommand.rules(old),
                new: try WegingskaderCommand.rules(new),
                cases: cases,
                on: day
            )
            TerminalText.print(diff.text)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The rule set as a readable Dutch table (terminal, or an HTML page with --html)."
        )
        @Option(help: "Rule file. Default: the bundled rule set.") var rules: String?
        @Option(help: "Write a standalone HTML page here instead of printing the table.") var html: String?

        func run() throws {
            let ruleSet = try WegingskaderCommand.rules(rules)
            if let html {
                try Data(try RuleSetTable.html(ruleSet).utf8).write(to: URL(fileURLWithPath: html))
                TerminalText.print("wrote \(html)")
            } else {
                TerminalText.print(RuleSetTable.text(ruleSet))
            }
        }
    }
}
