import InstroomDomain
import Triage

/// The commissie's agenda: open escalations grouped by reason, the groups with overdue cases first
/// and, inside a group, overdue cases first; then the open band forecasts.
struct AgendaContent {
    struct Row {
        var id: Int64
        var caseId: String
        var caseHref: String
        var kind: String
        var day: String
        var deadline: String
        var provisional: String
        var overdue: Bool
        var overdueText: String
    }

    struct Group {
        var label: String
        var count: String
        var rows: [Row]
    }

    struct Alert {
        var ref: String
        var ro: String
        var detail: String
        var deadline: String
        var overdue: Bool
    }

    var date: String
    var summary: String
    var groups: [Group]
    var alerts: [Alert]

    init(_ list: Commissie.EscalationList) {
        date = list.date.description
        let open = list.escalations.filter { $0.status == "open" }
        let overdue = open.filter(\.overdue).count
        summary =
            "\(DutchNumber.count(open.count, "open escalatie", "open escalaties")), waarvan \(DutchNumber.integer(overdue)) over de termijn"
        let byReason = Dictionary(grouping: open, by: \.reason)
        groups = byReason.keys.sorted { a, b in
            let oa = byReason[a]!.filter(\.overdue).count
            let ob = byReason[b]!.filter(\.overdue).count
            return oa != ob ? oa > ob : a < b
        }.map { code in
            let rows = byReason[code]!.sorted { ($0.overdue ? 0 : 1, $0.deadline, $0.id) < ($1.overdue ? 0 : 1, $1.deadline, $1.id) }
            return Group(
                label: code.label,
                count: DutchNumber.count(rows.count, "zaak", "zaken"),
                rows: rows.map { e in
                    Row(
                        id: e.id,
                        caseId: e.caseId,
                        caseHref: CaseText.href(e.caseId),
                        kind: CaseText.kind(e.kind),
                        day: e.day,
                        deadline: e.deadline,
                        provisional: e.provisionalRO?.displayName ?? "wacht",
                        overdue: e.overdue,
                        overdueText: e.overdue ? DutchNumber.count(e.workingDaysOverdue, "werkdag", "werkdagen") + " over de termijn" : ""
                    )
                }
            )
        }
        alerts = list.bandAlerts.filter { $0.status == "open" }.map {
            Alert(ref: $0.ref, ro: $0.ro.displayName, detail: $0.detail, deadline: $0.deadline, overdue: $0.overdue)
        }
    }
}
