import InstroomDomain
import Triage
import Wegingskader

/// The scored intake for the triagepunt: per case the best fit, the scores per RO with their Dutch
/// explanations, and the data flags.
struct ScoresContent {
    struct Line {
        var caseId: String
        var kind: String
        var weight: String
        var bestFit: String
        var runnerUp: String
        var nearTie: Bool
        var unfit: Bool
        var flags: [String]
        var scores: [CaseText.ScoreRow]
    }

    var summary: String
    var day: String
    var ruleSet: String
    var cases: [Line]

    init(_ report: ScoreReport, ruleTitle: String) {
        day = report.date.description
        ruleSet = "\(report.ruleSet.version) (\(String(report.ruleSet.hash.prefix(12)))): \(ruleTitle)"
        let nearTies = report.cases.filter(\.nearTie).count
        let flagged = report.cases.filter { !$0.flags.isEmpty }.count
        summary =
            "\(DutchNumber.count(report.cases.count, "zaak", "zaken")) gescoord; \(DutchNumber.integer(nearTies)) bijna gelijk, "
            + "\(DutchNumber.integer(flagged)) met ontbrekende of verouderde gegevens. Er is niets opgeslagen."
        cases = report.cases.map { line in
            Line(
                caseId: line.caseId,
                kind: CaseText.kind(line.kind),
                weight: DutchNumber.amount(line.weight, upTo: 2, "punt", "punten"),
                bestFit: line.bestFit.displayName,
                runnerUp: line.runnerUp?.displayName ?? "–",
                nearTie: line.nearTie,
                unfit: line.unfit,
                flags: line.flags.map(\.label),
                scores: RO.allCases.map { ro in
                    let allowed = line.allowed.contains(ro)
                    return CaseText.ScoreRow(
                        ro: ro.displayName,
                        score: allowed ? DutchNumber.count(line.scores[ro.rawValue] ?? 0, "punt", "punten") : "uitgesloten",
                        best: ro == line.bestFit,
                        current: false,
                        explanations: line.reasons[ro.rawValue] ?? []
                    )
                }
            )
        }
    }
}
