import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage

struct Escalations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The begeleidingscommissie's worklist: escalated cases and band forecasts.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List escalations and band forecasts (all, --open, or --overdue), narrowed by reason, RO and day.",
            discussion: "The filters are the same as `decide`'s: list first, then decide the same filter."
        )

        @Flag(help: "Only escalations still waiting for a decision.") var open = false
        @Flag(help: "Only open escalations past their deadline on --date.") var overdue = false
        @Option(help: ArgumentHelp("Only escalations that carry this reason (repeatable).", valueName: "code")) var reason:
            [EscalationCode] = []
        @Option(
            name: [.customLong("ro"), .customLong("provisional")],
            help: "Only escalations provisionally at this RO (band forecasts: about it)."
        )
        var ro: RO?
        @Option(help: "Only escalations raised on this day (YYYY-MM-DD).") var day: Day?
        @Option(help: "Only escalations raised on or after this day.") var from: Day?
        @Option(help: "Only escalations raised on or before this day.") var to: Day?
        @Option(help: "The day against which deadlines are judged (YYYY-MM-DD). Default: today.") var date: Day?
        @Flag(help: "Print JSON (documented in the README).") var json = false
        @OptionGroup var ledger: ReadLedgerOptions
        @OptionGroup var settings: ConfigOption

        func run() throws {
            let filter = Commissie.Filter(reasons: reason, ro: ro, day: day, from: from, to: to)
            let list = try settings.commissie(ledger).list(openOnly: open, overdueOnly: overdue, filter: filter, on: date ?? Day.today())
            if json { try printJSON(list) } else { TerminalText.print(CommissieText.list(list)) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "The dossier of one escalation: case facts, scores and explanations per RO, the model's reason, shares and bands at the time, history and audit.",
            discussion:
                "ID is an escalation number from `escalations list`, a case id (its open escalation, else its latest), or B<number> for a band forecast."
        )

        @Argument(help: "Escalation number, case id, or B<number> for a band forecast.") var id: String
        @Option(help: "The day against which the deadline is judged (YYYY-MM-DD). Default: today.") var date: Day?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var ledger: ReadLedgerOptions
        @OptionGroup var settings: ConfigOption

        func run() throws {
            let dossier = try settings.commissie(ledger).dossier(id, on: date ?? Day.today())
            if json { try printJSON(dossier) } else { TerminalText.print(CommissieText.dossier(dossier)) }
        }
    }
}
