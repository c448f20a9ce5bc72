import InstroomDomain
import Pages

extension CommissieReport {
    /// A standalone Dutch HTML page (inline CSS, an A4 print stylesheet, no external files), rendered by
    /// the `commissie-report` template: every text from the ledger is escaped there.
    public func html(generatedAt: String? = nil) throws -> String {
        try PageRenderer().render("commissie-report", page(generatedAt: generatedAt))
    }

    /// The report's content for the template, formatted in Dutch.
    public func page(generatedAt: String? = nil) -> CommissieReportPage {
        typealias P = CommissieReportPage
        let changed = decided == 0 ? "–" : DutchNumber.percent(Double(moved) / Double(decided))
        let cards = [
            P.Card(value: "\(escalations)", label: "escalaties van zaken", sub: nil, alert: false),
            P.Card(value: "\(decided)", label: "besluiten", sub: "\(confirmed) bevestigd · \(moved) verplaatst", alert: false),
            P.Card(value: changed, label: "keuze van het model gewijzigd", sub: "\(moved) van \(decided) besluiten", alert: false),
            P.Card(
                value: leadTime.meanDays.map { DutchNumber.decimal($0, digits: 1) } ?? "–",
                label: "dagen gemiddeld tot besluit",
                sub: leadTime.medianDays.map { "mediaan \(DutchNumber.decimal($0, digits: 1)) · max \(leadTime.maxDays ?? 0)" }
                    ?? "nog geen besluiten",
                alert: false
            ),
            P.Card(
                value: "\(open.count)",
                label: "open",
                sub: overdue.isEmpty ? "niets over de termijn" : "\(overdue.count) over de termijn",
                alert: !overdue.isEmpty
            ),
            P.Card(
                value: "\(bandAlerts.filter { $0.status == "open" }.count)",
                label: "open bandprognoses",
                sub: "één per RO, niet per zaak",
                alert: bandAlerts.contains { $0.status == "open" }
            ),
        ]
        // Links to the agenda items and the other sections (screen only: print hides them).
        let toc =
            [P.Anchor(anchor: "agenda", text: "Agenda")]
            + agenda.map { P.Anchor(anchor: "agenda-\($0.code.rawValue)", text: "\($0.label) (\($0.escalations.count))") }
            + [
                ("besluiten", "Besluiten"), ("per-reden", "Per reden"), ("per-ro", "Per RO"), ("wegingskader", "Wegingskader"),
                ("bandprognoses", "Bandprognoses"),
            ].map { P.Anchor(anchor: $0.0, text: $0.1) }
        let carried = carriedOver == 0 ? "" : ", waarvan \(carriedOver) uit een eerdere periode"
        let maxCount = max(1, byReason.map(\.count).max() ?? 1)
        return P(
            title: "Agenda en rapportage begeleidingscommissie \(Self.dutch(from)) – \(Self.dutch(to))",
            subtitle: "Periode \(Self.dutch(from)) t/m \(Self.dutch(to)) · stand van zaken op \(Self.dutch(asOf))"
                + (generatedAt.map { " · gemaakt \($0)" } ?? ""),
            cards: cards,
            toc: toc,
            agendaIntro: agenda.isEmpty
                ? nil
                : "\(DutchNumber.count(open.count, "zaak", "zaken")) ter beslissing\(carried); \(overdue.count) over de termijn. "
                    + "Per reden (de hoofdreden van de escalatie), met wat over de termijn is bovenaan.",
            agendaItems: agenda.map { g in
                "\(g.label): \(DutchNumber.count(g.escalations.count, "zaak", "zaken"))\(g.overdue > 0 ? ", \(g.overdue) over de termijn" : "")"
            },
            groups: agenda.enumerated().map { n, g in
                P.Group(
                    number: n + 1,
                    code: g.code.rawValue,
                    label: g.label,
                    size: DutchNumber.count(g.escalations.count, "zaak", "zaken"),
                    overdueText: g.overdue > 0 ? "\(g.overdue) over de termijn" : nil,
                    rows: g.escalations.map(Self.agendaRow)
                )
            },
            decisionsNote: decisions.isEmpty
                ? nil
                : "Doorlooptijd in kalenderdagen van escalatie tot besluit; \(leadTime.withinDeadline) van \(leadTime.decisions) besluiten binnen de termijn.",
            decisions: decisions.map { d in
                P.DecisionRow(
                    id: d.escalationId,
                    caseId: d.caseId,
                    reason: d.reason.label,
                    moved: d.decision.action == "move",
                    before: d.decision.roBefore?.displayName ?? "–",
                    after: d.decision.roAfter.displayName,
                    days: d.decision.days,
                    decidedBy: d.decision.decidedBy,
                    date: String(d.decision.decidedAt.prefix(10)),
                    rationale: d.decision.rationale
                )
            },
            roNames: RO.allCases.map(\.displayName),
            reasons: byReason.map { r in
                P.ReasonRow(
                    dim: r.count == 0,
                    label: r.label,
                    code: r.code.rawValue,
                    count: r.count,
                    barPercent: Int(Double(r.count) / Double(maxCount) * 100),
                    primary: r.primary,
                    perRO: RO.allCases.map { r.perRO[$0.rawValue] ?? 0 },
                    decided: r.code == .bandForecast ? "–" : String(r.decided),
                    moved: r.code == .bandForecast ? "–" : String(r.moved)
                )
            },
            ros: byRO.map { r in
                P.RORow(
                    ro: r.ro.displayName,
                    escalations: r.escalations,
                    confirmed: r.confirmed,
                    movedAway: r.movedAway,
                    movedTo: r.movedTo,
                    open: r.open
                )
            },
            criteria: criteria.map { c in
                P.CriterionRow(
                    hot: c.moved > 0,
                    label: c.label,
                    ruleId: c.ruleId,
                    kind: Self.kindLabel(c.kind),
                    ro: c.ro.displayName,
                    points: "\(c.points > 0 ? "+" : "")\(c.points)",
                    moved: c.moved,
                    confirmed: c.confirmed,
                    favouredModelRO: c.favouredModelRO,
                    favouredCommissieRO: c.favouredCommissieRO
                )
            },
            hasCriteria: !criteria.isEmpty,
            bandAlerts: bandAlerts.map { a in
                P.BandAlertRow(
                    open: a.status == "open",
                    ref: a.ref,
                    ro: a.ro.displayName,
                    day: a.day,
                    share: DutchNumber.percent(a.share),
                    projected: DutchNumber.percent(a.projectedShare),
                    band: "\(a.band.label) (\(a.band.mode == .hard ? "hard" : "zacht"))",
                    status: Self.statusLabel(a.status),
                    detail: a.detail
                )
            },
            hasBandAlerts: !bandAlerts.isEmpty
        )
    }

    /// An open escalation on the agenda: the primary reason's details first, then each further reason under its label.
    static func agendaRow(_ e: Commissie.EscalationView) -> CommissieReportPage.EscalationRow {
        let details =
            e.reasons.filter { $0.code == e.reason }.map { (also: String?.none, detail: $0.detail) }
            + e.reasons.filter { $0.code != e.reason }.map { (also: Optional($0.label), detail: $0.detail) }
        return CommissieReportPage.EscalationRow(
            id: e.id,
            caseId: e.caseId,
            kind: e.kind.map(Self.kindName) ?? "–",
            provisional: e.provisionalRO?.displayName ?? "wacht",
            bestFit: e.bestFit?.displayName ?? "–",
            day: Self.short(e.day),
            deadline: Self.short(e.deadline),
            overdue: e.overdue,
            late: e.overdue ? "\(DutchNumber.count(e.workingDaysOverdue, "werkdag", "werkdagen")) te laat" : nil,
            why: details.enumerated().map {
                CommissieReportPage.WhyLine(first: $0.offset == 0, also: $0.element.also, detail: $0.element.detail)
            }
        )
    }

    static func dutch(_ d: Day) -> String {
        let months = [
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
        ]
        let c = d.components
        return "\(c.day) \(months[c.month - 1]) \(c.year)"
    }

    /// A day as Dutch tables write it: `2-3-2026`.
    static func short(_ text: String) -> String {
        guard let c = Day(text)?.components else { return text }
        return "\(c.day)-\(c.month)-\(c.year)"
    }

    static func kindName(_ k: CaseKind) -> String {
        switch k {
        case .vi: "Vi"
        case .advies: "advies"
        case .toezicht: "toezicht"
        }
    }

    static func kindLabel(_ k: String) -> String {
        switch k {
        case "criterion": "criterium"
        case "route": "route"
        case "exclusion": "uitsluiting"
        default: k
        }
    }
    static func statusLabel(_ s: String) -> String {
        switch s {
        case "open": "open"
        case "resolved": "opgelost"
        case "superseded": "vervangen"
        default: s
        }
    }
}
