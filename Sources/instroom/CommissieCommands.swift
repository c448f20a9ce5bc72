import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage

/// The allocation settings only (the commissie needs the deadline in working days and the bands).
struct ConfigOption: ParsableArguments {
    @Option(help: "Allocation settings (YAML); sets escalationDeadlineDays and the bands. Default: the bundled illustrative settings.")
    var config: String?

    func commissie(_ ledger: LedgerOptions) throws -> Commissie {
        Commissie(ledger: try ledger.open(), config: try Defaults.config(file: config))
    }
}

func parseDay(_ text: String?, option: String) throws -> Day {
    guard let text else { return Day.today() }
    guard let day = Day(text) else { throw ValidationError("\(option) '\(text)' is not a date (YYYY-MM-DD)") }
    return day
}

struct Escalations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The begeleidingscommissie's worklist: escalated cases and band forecasts.",
        subcommands: [List.self, Show.self], defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List escalations and band forecasts (all, --open, or --overdue).")

        @Flag(help: "Only escalations still waiting for a decision.") var open = false
        @Flag(help: "Only open escalations past their deadline on --date.") var overdue = false
        @Option(help: "The day against which deadlines are judged (YYYY-MM-DD). Default: today.") var date: String?
        @Flag(help: "Print JSON (documented in the README).") var json = false
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var settings: ConfigOption

        func run() throws {
            let list = try settings.commissie(ledger).list(openOnly: open, overdueOnly: overdue, on: try parseDay(date, option: "--date"))
            if json { try printJSON(list) } else { print(CommissieText.list(list)) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The dossier of one escalation: case facts, scores and explanations per RO, the model's reason, shares and bands at the time, history and audit.",
            discussion: "ID is an escalation number from `escalations list`, or B<number> for a band forecast."
        )

        @Argument(help: "Escalation number, or B<number> for a band forecast.") var id: String
        @Option(help: "The day against which the deadline is judged (YYYY-MM-DD). Default: today.") var date: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var settings: ConfigOption

        func run() throws {
            let dossier = try settings.commissie(ledger).dossier(id, on: try parseDay(date, option: "--date"))
            if json { try printJSON(dossier) } else { print(CommissieText.dossier(dossier)) }
        }
    }
}

struct Contest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A triage expert contests a case: it goes to the begeleidingscommissie and its assignment stays provisional.",
        discussion: "Refused when the case is already final (geen werk retour)."
    )

    @Argument(help: "The case id.") var caseId: String
    @Option(help: "Why the assignment is contested.") var reason: String
    @Option(help: "Who contests it.") var by: String
    @Option(help: "The day of the contest (YYYY-MM-DD); the deadline counts from it. Default: today.") var date: String?
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var settings: ConfigOption

    func run() throws {
        let e = try settings.commissie(ledger).contest(caseId: caseId, reason: reason, by: by, on: try parseDay(date, option: "--date"))
        print("Zaak \(caseId) betwist: escalatie \(e.id ?? 0), voorlopig bij \(e.provisionalRO?.displayName ?? "geen RO (wacht)"), besluit uiterlijk \(e.deadline).")
    }
}

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The begeleidingscommissie decides an escalation: confirm the provisional RO or move the case. The assignment becomes final.",
        discussion: "Refused for an unknown or already decided escalation, a final case, or a case still waiting for capacity; nothing is written then."
    )

    @Argument(help: "The escalation number.") var id: Int64
    @Option(help: "Move the case to this RO (SVG, RN, LJR).") var ro: String?
    @Flag(help: "Confirm the provisional RO.") var confirm = false
    @Option(help: "The commissie's reasoning (required).") var rationale: String
    @Option(help: "Who decides (required).") var by: String

    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        guard (ro != nil) != confirm else { throw ValidationError("give exactly one of --ro RO or --confirm") }
        if let ro, RO(code: ro) == nil { throw ValidationError("--ro '\(ro)' is not an RO (SVG, RN, LJR)") }
        guard !rationale.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("a decision needs a rationale (--rationale)") }
        guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("a decision needs the decider's name (--by)") }
    }

    func run() throws {
        let d = try ledger.open().decide(escalationId: id, moveTo: ro.flatMap { RO(code: $0) }, rationale: rationale, by: by)
        let what = d.action == .move ? "verplaatst van \(d.roBefore?.displayName ?? "-") naar \(d.roAfter.displayName)" : "bevestigd bij \(d.roAfter.displayName)"
        print("Escalatie \(id): zaak \(d.caseId) \(what); definitief. Besluit \(d.id ?? 0) door \(d.decidedBy).")
    }
}

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The append-only audit trail: runs, rule versions, assignments, escalations, contests, decisions, band forecasts."
    )

    @Option(name: .customLong("case"), help: "Only the entries about this case (and the runs that allocated it).") var caseId: String?
    @Flag(help: "Print JSON (documented in the README).") var json = false
    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let trail = try Commissie(ledger: try ledger.open(), config: Defaults.config()).audit(caseId: caseId)
        if json { try printJSON(trail) } else { print(CommissieText.audit(trail)) }
    }
}

struct CommissieCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commissie",
        abstract: "Reports for the begeleidingscommissie.",
        subcommands: [Report.self]
    )

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A standalone Dutch HTML report over a period: escalations by reason and RO, decisions, lead times, changes to the model's choice and the criteria involved, open and overdue items."
        )

        @Option(help: "First day (YYYY-MM-DD); with --to.") var from: String?
        @Option(help: "Last day (YYYY-MM-DD); with --from.") var to: String?
        @Option(help: "A whole period instead: 2026, 2026-Q1 or 2026-03. Default: the current year.") var period: String?
        @Option(help: "The day against which deadlines are judged (YYYY-MM-DD). Default: today.") var date: String?
        @Option(help: "The HTML file to write.") var output: String
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var settings: ConfigOption

        func validate() throws {
            if period != nil && (from != nil || to != nil) { throw ValidationError("give either --period or --from/--to, not both") }
            if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
            if let period, CommissieReport.period(period) == nil { throw ValidationError("--period '\(period)' is not a year (2026), quarter (2026-Q1) or month (2026-03)") }
        }

        func run() throws {
            let range: (from: Day, to: Day)
            if let from, let to {
                range = (try parseDay(from, option: "--from"), try parseDay(to, option: "--to"))
                guard range.from <= range.to else { throw ValidationError("--from is after --to") }
            } else {
                range = CommissieReport.period(period ?? String(Day.today().year))!
            }
            let report = try CommissieReport.build(try settings.commissie(ledger), from: range.from, to: range.to, asOf: try parseDay(date, option: "--date"))
            try Data(report.html().utf8).write(to: URL(fileURLWithPath: output))
            print("wrote \(output): \(report.escalations) escalaties, \(report.decided) besluiten (\(report.moved) verplaatst), \(report.open.count) open, \(report.overdue.count) over de termijn")
        }
    }
}
