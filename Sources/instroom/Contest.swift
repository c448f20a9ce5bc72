import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage

struct Contest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A triage expert contests a case: it goes to the begeleidingscommissie and its assignment stays provisional.",
        discussion: """
            A case in a proposal under review is contested there: on confirmation it goes to the commissie, assigned
            provisionally. A recorded case gets an escalation now. Refused when the case is already final (geen werk retour).
            """
    )

    @Argument(help: "The case id.") var caseId: String
    @Option(help: "Why the assignment is contested.") var reason: String
    @Option(help: "Who contests it.") var by: String
    @Option(help: "The day of the contest (YYYY-MM-DD); the deadline counts from it. Default: today.") var date: Day?
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var policy: PolicyOptions

    func run() throws {
        let (ledger, config, rules) = try policy.load(opening: self.ledger.open)
        let run = DailyRun(ledger: ledger, rules: rules, config: config, actor: by)
        switch try run.contest(caseId: caseId, reason: reason, on: date ?? Day.today()) {
        case .inProposal(let p):
            TerminalText.print(
                "Zaak \(caseId) betwist in het voorstel van \(p.day): bij bevestiging naar de begeleidingscommissie, voorlopig toegewezen."
            )
        case .escalated(let e):
            TerminalText.print(
                "Zaak \(caseId) betwist: escalatie \(e.id ?? 0), voorlopig bij \(e.provisionalRO?.displayName ?? "geen RO (wacht)"), besluit uiterlijk \(e.deadline)."
            )
        }
    }
}
