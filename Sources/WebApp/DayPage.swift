import Foundation
import InstroomDomain
import Ledger

/// A confirmed day as the ledger holds it now: every case first assigned that day, its RO (the
/// commissie's decision when there was one), final or provisional, with a link to the case's page.
struct DayPage {
    struct Row {
        var caseId: String
        var href: String
        var kind: String
        var ro: String
        var fit: String
        var fitValue: Int
        var bestFit: String
        var weight: String
        var status: String
        var source: String
    }

    var day: String
    var summary: String
    var rows: [Row]

    init(day: Day, assignments: [AssignmentRecord], facts: [String: IntakeCase]) {
        self.day = day.description
        rows = assignments.map { a in
            let fit = a.scores.scores[a.ro.rawValue] ?? 0
            return Row(
                caseId: a.caseId,
                href: CaseText.href(a.caseId),
                kind: CaseText.kind(facts[a.caseId]?.kind),
                ro: a.ro.displayName,
                fit: DutchNumber.count(fit, "punt", "punten"),
                fitValue: fit,
                bestFit: a.scores.bestFit.displayName,
                weight: DutchNumber.decimal(a.weight, upTo: 2),
                status: a.final ? "definitief" : "voorlopig (begeleidingscommissie)",
                source: a.source == .model ? "model" : "commissie"
            )
        }
        let provisional = assignments.filter { !$0.final }.count
        summary =
            "\(DutchNumber.count(rows.count, "zaak", "zaken")) toegewezen op \(day), waarvan \(DutchNumber.integer(provisional)) "
            + "voorlopig bij de begeleidingscommissie; de rest is definitief (geen werk retour)."
    }

    static let csvHeader = ["Zaak", "Soort", "RO", "Fit (punten)", "Beste match", "Werklast", "Status", "Bron"]

    var csvRows: [[String]] {
        rows.map { [$0.caseId, $0.kind, $0.ro, String($0.fitValue), $0.bestFit, $0.weight, $0.status, $0.source] }
    }
}
