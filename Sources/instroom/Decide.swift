import Allocation
import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The begeleidingscommissie decides escalations: confirm the provisional RO or move the case. The assignment becomes final.",
        discussion: """
            Name the escalations one by one (escalation numbers or case ids, any mix: a case id stands for that case's open \
            escalation), or give a filter instead (--reason, --provisional, --day, --from/--to, the same as `escalations list`, \
            so the list is the preview): the filter takes every open escalation it matches that has a provisional RO, and must \
            match at least one. A contested escalation (betwist) is taken only when --reason betwist is given: a dispute is \
            decided on its own merits.

            One rationale and one name for the whole batch; each escalation gets its own decision and its own audit entry. \
            All or nothing: if any item is refused (unknown, already decided, final, still waiting for capacity, named twice), \
            nothing is written and every refused item is listed with its reason.

            --ro moves cases: with several cases it moves every one of them to that RO, so each must be provisionally at \
            another RO (confirm the others separately). A filter only confirms: the commissie names the cases it moves.

            --date records the day of the meeting as the decision date (not in the future, not before the escalation); the \
            audit trail keeps the real time of recording as well.
            """
    )

    @Argument(help: "Escalation numbers or case ids.") var ids: [String] = []
    @Option(help: "Move the case(s) to this RO.") var ro: RO?
    @Flag(help: "Confirm the provisional RO.") var confirm = false
    @Option(help: "The commissie's reasoning (required).") var rationale: String
    @Option(help: "Who decides (required).") var by: String
    @Option(help: "The day the commissie decided, e.g. its meeting (YYYY-MM-DD). Default: today.") var date: Day?

    @Option(help: ArgumentHelp("Filter: escalations that carry this reason (repeatable).", valueName: "code")) var reason:
        [EscalationCode] = []
    @Option(help: "Filter: provisionally at this RO.") var provisional: RO?
    @Option(help: "Filter: raised on this day (YYYY-MM-DD).") var day: Day?
    @Option(help: "Filter: raised on or after this day.") var from: Day?
    @Option(help: "Filter: raised on or before this day.") var to: Day?

    @OptionGroup var ledger: LedgerOptions

    var filter: Commissie.Filter { Commissie.Filter(reasons: reason, ro: provisional, day: day, from: from, to: to) }

    func validate() throws {
        guard (ro != nil) != confirm else { throw ValidationError("give exactly one of --ro RO or --confirm") }
        guard !rationale.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("a decision needs a rationale (--rationale)")
        }
        guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("a decision needs the decider's name (--by)") }
        if ids.isEmpty && filter.isEmpty {
            throw ValidationError(
                "name the escalations (numbers or case ids) or give a filter (--reason, --provisional, --day, --from, --to)"
            )
        }
        if !ids.isEmpty && !filter.isEmpty { throw ValidationError("give either escalation numbers/case ids or a filter, not both") }
        if !filter.isEmpty && ro != nil { throw ValidationError("a filter only confirms (--confirm); to move cases, name them") }
    }

    func run() throws {
        // Through the commissie's workflow, which logs the action; deciding does not depend on the settings.
        let commissie = Commissie(ledger: try ledger.open(), config: .bundled())
        let decisions =
            ids.isEmpty
            ? try commissie.confirm(matching: filter, rationale: rationale, by: by, decidedOn: date)
            : try commissie.decide(ids, moveTo: ro, rationale: rationale, by: by, decidedOn: date)
        TerminalText.print(CommissieText.decisions(decisions, meeting: date))
    }
}
