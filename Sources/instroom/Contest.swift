import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage

struct Contest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A triage expert contests a case: it goes to the begeleidingscommissie and its assignment stays provisional.",
        discussion: "Refused when the case is already final (geen werk retour)."
    )

    @Argument(help: "The case id.") var caseId: String
    @Option(help: "Why the assignment is contested.") var reason: String
    @Option(help: "Who contests it.") var by: String
    @Option(help: "The day of the contest (YYYY-MM-DD); the deadline counts from it. Default: today.") var date: Day?
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var settings: ConfigOption

    func run() throws {
        let e = try settings.commissie(ledger).contest(caseId: caseId, reason: reason, by: by, on: date ?? Day.today())
        TerminalText.print("Zaak \(caseId) betwist: escalatie \(e.id ?? 0), voorlopig bij \(e.provisionalRO?.displayName ?? "geen RO (wacht)"), besluit uiterlijk \(e.deadline).")
    }
}
