import Allocation
import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The begeleidingscommissie decides an escalation: confirm the provisional RO or move the case. The assignment becomes final.",
        discussion: "Refused for an unknown or already decided escalation, a final case, or a case still waiting for capacity; nothing is written then."
    )

    @Argument(help: "The escalation number.") var id: Int64
    @Option(help: "Move the case to this RO.") var ro: RO?
    @Flag(help: "Confirm the provisional RO.") var confirm = false
    @Option(help: "The commissie's reasoning (required).") var rationale: String
    @Option(help: "Who decides (required).") var by: String

    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        guard (ro != nil) != confirm else { throw ValidationError("give exactly one of --ro RO or --confirm") }
        guard !rationale.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("a decision needs a rationale (--rationale)") }
        guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("a decision needs the decider's name (--by)") }
    }

    func run() throws {
        // Through the commissie's workflow, which logs the action; deciding does not depend on the settings.
        let d = try Commissie(ledger: try ledger.open(), config: .bundled()).decide(escalationId: id, moveTo: ro, rationale: rationale, by: by)
        let what = d.action == .move ? "verplaatst van \(d.roBefore?.displayName ?? "-") naar \(d.roAfter.displayName)" : "bevestigd bij \(d.roAfter.displayName)"
        TerminalText.print("Escalatie \(id): zaak \(d.caseId) \(what); definitief. Besluit \(d.id ?? 0) door \(d.decidedBy).")
    }
}
