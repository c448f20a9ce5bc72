import InstroomDomain
import Ledger

/// Any case by id, for the triagepunt and the commissie: where it is and why ("waarom ging deze zaak
/// naar RN?"): the current assignment with the reasons for that RO, the scores per RO, the history,
/// its escalations and the audit trail.
struct CaseContent {
    struct EscalationRow {
        var id: Int64
        var day: String
        var label: String
        var status: String
    }

    var caseId: String
    var caseHref: String
    var headline: String
    var whyCurrent: [String]
    var facts: [CaseText.Fact]
    var scores: [CaseText.ScoreRow]
    var flags: [String]
    var ruleVersion: String
    var history: [CaseText.HistoryRow]
    var escalations: [EscalationRow]
    var audit: [CaseText.AuditRow]
    var canSeeEscalations: Bool

    init(caseId: String, ledger: Ledger, linkEscalations: Bool) throws {
        guard let facts = try ledger.intakeCase(id: caseId) else {
            throw WebError.notFound("Er is geen zaak met nummer ‘\(caseId)’ in het grootboek.")
        }
        let history = try ledger.history(caseId: caseId)
        let current = history.last
        let stored = history.first?.scores
        self.caseId = caseId
        caseHref = CaseText.href(caseId)
        if let current {
            headline =
                "Zaak \(caseId) staat bij \(current.ro.displayName) (\(current.final ? "definitief" : "voorlopig")); "
                + "beste match volgens het model: \(stored?.bestFit.displayName ?? "onbekend")."
            whyCurrent = stored?.reasons[current.ro.rawValue] ?? []
        } else {
            headline = "Zaak \(caseId) heeft nog geen RO: de zaak wacht op capaciteit."
            whyCurrent = []
        }
        self.facts = CaseText.facts(facts)
        scores = CaseText.scores(stored?.scores ?? [:], best: stored?.bestFit, current: current?.ro, reasons: stored?.reasons ?? [:])
        flags = (stored?.flags ?? []).map(\.label)
        ruleVersion = stored.map { "\($0.ruleVersion) (\(String($0.ruleHash.prefix(12))))" } ?? "onbekend"
        self.history = CaseText.history(history)
        escalations = try ledger.escalations(caseId: caseId).map {
            EscalationRow(id: $0.id ?? 0, day: $0.day, label: $0.primaryReason.label, status: CaseText.status($0.status.rawValue))
        }
        audit = CaseText.audit(try ledger.audit(caseId: caseId))
        canSeeEscalations = linkEscalations
    }
}
