import InstroomDomain
import Ledger
import Pages
import Triage

/// One escalation's dossier: the case, the model's scores and Dutch explanations per RO, the reasons,
/// the shares when it was raised, the history and audit trail, and the decision form while open.
struct DossierContent {
    struct Reason {
        var label: String
        var detail: String
    }

    struct ShareRow {
        var ro: String
        var share: String
        var weight: String
        var band: String
        var within: Bool
    }

    struct Option {
        var code: String
        var name: String
    }

    var id: Int64
    var caseId: String
    var caseHref: String
    var kind: String
    var status: String
    var day: String
    var deadline: String
    var overdue: Bool
    var reasonLabel: String
    var reasons: [Reason]
    var provisional: String
    var current: String
    var final: Bool
    var facts: [CaseText.Fact]
    var scores: [CaseText.ScoreRow]
    var flags: [String]
    var ruleVersion: String
    var period: String?
    var shares: [ShareRow]
    var chart: ShareChart?
    var history: [CaseText.HistoryRow]
    var audit: [CaseText.AuditRow]
    var decision: String?
    var canDecide: Bool
    var provisionalCode: String
    var moveOptions: [Option]

    init(_ dossier: Commissie.Dossier) throws {
        guard let e = dossier.escalation else { throw WebError.notFound("Dit is een bandprognose, geen escalatie van een zaak.") }
        id = e.id
        caseId = e.caseId
        caseHref = CaseText.href(e.caseId)
        kind = CaseText.kind(e.kind)
        status = CaseText.status(e.status)
        day = e.day
        deadline = e.deadline
        overdue = e.overdue
        reasonLabel = e.label
        reasons = e.reasons.map { Reason(label: $0.label, detail: $0.detail) }
        provisional = e.provisionalRO?.displayName ?? "geen (de zaak wacht)"
        current = e.currentRO?.displayName ?? "geen"
        final = e.final
        facts = dossier.facts.map(CaseText.facts) ?? []
        scores = CaseText.scores(dossier.scores ?? [:], best: dossier.bestFit, current: e.currentRO, reasons: dossier.explanations ?? [:])
        flags = (dossier.flags ?? []).map(\.label)
        ruleVersion = dossier.ruleVersion.map { "\($0) (\(String((dossier.ruleHash ?? "").prefix(12))))" } ?? "onbekend"
        if let context = dossier.sharesAtEscalation {
            period = "\(context.periodStart) t/m \(context.periodEnd)"
            let rows = RO.allCases.compactMap { ro in context.shares[ro.rawValue].map { (ro, $0) } }
            shares = rows.map { ro, s in
                ShareRow(
                    ro: ro.displayName,
                    share: DutchNumber.percent(s.share),
                    weight: DutchNumber.amount(s.weight, upTo: 1, "punt", "punten"),
                    band: s.band.label + (s.band.mode == .hard ? " (hard)" : " (zacht)"),
                    within: s.withinBand
                )
            }
            chart = ShareChart(rows.map { ShareChart.Row(label: $0.0.displayName, share: $0.1.share, band: $0.1.band) })
        } else {
            period = nil
            shares = []
            chart = nil
        }
        history = CaseText.history(dossier.history)
        audit = CaseText.audit(dossier.audit)
        decision = e.decision.map { d in
            (d.action == "move"
                ? "Verplaatst van \(d.roBefore?.displayName ?? "-") naar \(d.roAfter.displayName)"
                : "Bevestigd bij \(d.roAfter.displayName)")
                + " door \(d.decidedBy) op \(CaseText.time(d.decidedAt)): \(d.rationale)"
        }
        canDecide = e.status == "open" && e.currentRO != nil && !e.final
        provisionalCode = e.currentRO?.displayName ?? ""
        moveOptions = RO.allCases.filter { $0 != e.currentRO }.map { Option(code: $0.rawValue, name: $0.displayName) }
    }
}
