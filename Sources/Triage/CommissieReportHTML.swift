import Foundation
import HTMLText
import InstroomDomain

extension CommissieReport {
    /// A standalone Dutch HTML page (no external files); every text from the ledger is escaped.
    public func html(generatedAt: String? = nil) -> String {
        var o: [String] = []
        o.append("<!DOCTYPE html>")
        o.append("<html lang=\"nl\">")
        o.append("<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        o.append("<title>Agenda en rapportage begeleidingscommissie \(h(Self.dutch(from))) – \(h(Self.dutch(to)))</title>")
        o.append("<style>\(Self.css)</style></head><body><main>")
        o.append("<header><p class=\"kicker\">3RO · Verdeling instroom</p><h1>Agenda en rapportage begeleidingscommissie</h1>")
        o.append(
            "<p class=\"sub\">Periode \(h(Self.dutch(from))) t/m \(h(Self.dutch(to))) · stand van zaken op \(h(Self.dutch(asOf)))\(generatedAt.map { " · gemaakt \(h($0))" } ?? "")</p></header>"
        )

        // Summary cards.
        let changed = decided == 0 ? "–" : DutchNumber.percent(Double(moved) / Double(decided))
        o.append("<section class=\"cards\">")
        o.append(card("\(escalations)", "escalaties van zaken"))
        o.append(card("\(decided)", "besluiten", "\(confirmed) bevestigd · \(moved) verplaatst"))
        o.append(card(changed, "keuze van het model gewijzigd", "\(moved) van \(decided) besluiten"))
        o.append(
            card(
                leadTime.meanDays.map { DutchNumber.decimal($0, digits: 1) } ?? "–",
                "dagen gemiddeld tot besluit",
                leadTime.medianDays.map { "mediaan \(DutchNumber.decimal($0, digits: 1)) · max \(leadTime.maxDays ?? 0)" }
                    ?? "nog geen besluiten"
            )
        )
        o.append(
            card(
                "\(open.count)",
                "open",
                overdue.isEmpty ? "niets over de termijn" : "\(overdue.count) over de termijn",
                alert: !overdue.isEmpty
            )
        )
        o.append(
            card(
                "\(bandAlerts.filter { $0.status == "open" }.count)",
                "open bandprognoses",
                "één per RO, niet per zaak",
                alert: bandAlerts.contains { $0.status == "open" }
            )
        )
        o.append("</section>")

        o.append(navigation())
        o.append(contentsOf: agendaSections())
        o.append(contentsOf: decisionSection())

        // The figures.
        o.append("<section id=\"per-reden\" class=\"figures\"><h2>Escalaties per reden</h2>")
        o.append(
            "<p class=\"note\">Een zaak kan meer dan één reden hebben; ‘hoofdreden’ telt elke zaak één keer. Bandprognoses gelden per RO en tellen per verdeeldag met een voorspelde overschrijding.</p>"
        )
        let maxCount = max(1, byReason.map(\.count).max() ?? 1)
        o.append(
            "<table><thead><tr><th>Reden</th><th class=\"n\">Aantal</th><th class=\"bar\"></th><th class=\"n\">Hoofdreden</th><th class=\"n\">SVG</th><th class=\"n\">RN</th><th class=\"n\">LJ&amp;R</th><th class=\"n\">Besloten</th><th class=\"n\">Verplaatst</th></tr></thead><tbody>"
        )
        for r in byReason {
            o.append(
                "<tr\(r.count == 0 ? " class=\"dim\"" : "")><td>\(h(r.label))<br><code>\(h(r.code.rawValue))</code></td><td class=\"n\">\(r.count)</td>"
                    + "<td class=\"bar\"><span style=\"width:\(Int(Double(r.count) / Double(maxCount) * 100))%\"></span></td>"
                    + "<td class=\"n\">\(r.primary)</td>" + RO.allCases.map { "<td class=\"n\">\(r.perRO[$0.rawValue] ?? 0)</td>" }.joined()
                    + "<td class=\"n\">\(r.code == .bandForecast ? "–" : String(r.decided))</td><td class=\"n\">\(r.code == .bandForecast ? "–" : String(r.moved))</td></tr>"
            )
        }
        o.append("</tbody></table></section>")

        // By RO.
        o.append(
            "<section id=\"per-ro\"><h2>Escalaties per RO</h2><p class=\"note\">Naar de RO waar het model de zaak voorlopig plaatste.</p>"
        )
        o.append(
            "<table><thead><tr><th>RO</th><th class=\"n\">Geëscaleerd</th><th class=\"n\">Bevestigd</th><th class=\"n\">Weg verplaatst</th><th class=\"n\">Naartoe verplaatst</th><th class=\"n\">Open</th></tr></thead><tbody>"
        )
        for r in byRO {
            o.append(
                "<tr><td><strong>\(h(r.ro.displayName))</strong></td><td class=\"n\">\(r.escalations)</td><td class=\"n\">\(r.confirmed)</td><td class=\"n\">\(r.movedAway)</td><td class=\"n\">\(r.movedTo)</td><td class=\"n\">\(r.open)</td></tr>"
            )
        }
        o.append("</tbody></table></section>")

        // What the wegingskader can learn.
        o.append("<section id=\"wegingskader\"><h2>Wat het wegingskader kan leren</h2>")
        o.append(
            "<p class=\"note\">Gemotiveerd afwijken is de waardevolste terugkoppeling op het model. Per criterium dat vuurde in besloten zaken: hoe vaak de commissie de keuze van het model wijzigde of bevestigde, en of het criterium in gewijzigde zaken voor de RO van het model of voor die van de commissie pleitte. Berekend met de versie van het wegingskader waarmee de zaak werd verdeeld.</p>"
        )
        if criteria.isEmpty {
            o.append("<p class=\"empty\">Nog geen besloten zaken met gevuurde criteria.</p>")
        } else {
            o.append(
                "<table><thead><tr><th>Criterium</th><th>Soort</th><th>Voor RO</th><th class=\"n\">Punten</th><th class=\"n\">Verplaatst</th><th class=\"n\">Bevestigd</th><th class=\"n\">Pleitte voor model-RO</th><th class=\"n\">Pleitte voor commissie-RO</th></tr></thead><tbody>"
            )
            for c in criteria {
                o.append(
                    "<tr\(c.moved > 0 ? " class=\"hot\"" : "")><td>\(h(c.label))<br><code>\(h(c.ruleId))</code></td><td>\(h(Self.kindLabel(c.kind)))</td><td>\(h(c.ro.displayName))</td>"
                        + "<td class=\"n\">\(c.points > 0 ? "+" : "")\(c.points)</td><td class=\"n\">\(c.moved)</td><td class=\"n\">\(c.confirmed)</td>"
                        + "<td class=\"n\">\(c.favouredModelRO)</td><td class=\"n\">\(c.favouredCommissieRO)</td></tr>"
                )
            }
            o.append("</tbody></table>")
        }
        o.append("</section>")

        // Band forecasts.
        o.append("<section id=\"bandprognoses\"><h2>Bandprognoses</h2>")
        if bandAlerts.isEmpty {
            o.append("<p class=\"empty\">Geen RO dreigde deze periode buiten de bandbreedte te komen.</p>")
        } else {
            o.append(
                "<p class=\"note\">Laatste prognose per RO: het aandeel aan het eind van de bandperiode bij de trend van de laatste verdeeldagen.</p>"
            )
            o.append(
                "<table><thead><tr><th>Ref.</th><th>RO</th><th>Datum</th><th class=\"n\">Aandeel nu</th><th class=\"n\">Prognose</th><th>Band</th><th>Status</th><th>Toelichting</th></tr></thead><tbody>"
            )
            for a in bandAlerts {
                o.append(
                    "<tr\(a.status == "open" ? " class=\"late\"" : "")><td>\(h(a.ref))</td><td><strong>\(h(a.ro.displayName))</strong></td><td>\(h(a.day))</td>"
                        + "<td class=\"n\">\(DutchNumber.percent(a.share))</td><td class=\"n\">\(DutchNumber.percent(a.projectedShare))</td><td>\(h(a.band.label)) (\(a.band.mode == .hard ? "hard" : "zacht"))</td>"
                        + "<td>\(h(Self.statusLabel(a.status)))</td><td class=\"why\">\(h(a.detail))</td></tr>"
                )
            }
            o.append("</tbody></table>")
        }
        o.append("</section>")
        o.append(
            "<footer>Bron: het grootboek van instroom (escalaties, besluiten en audit zijn alleen aan te vullen, nooit te wijzigen). Definitieve toewijzingen veranderen nooit: geen werk retour.</footer>"
        )
        o.append("</main></body></html>")
        return o.joined(separator: "\n")
    }

    /// Links to the agenda items and the other sections (screen only: print hides it).
    private func navigation() -> String {
        var links = ["<a href=\"#agenda\">Agenda</a>"]
        links += agenda.map { "<a href=\"#agenda-\(h($0.code.rawValue))\">\(h($0.label)) (\($0.escalations.count))</a>" }
        links += [
            ("besluiten", "Besluiten"), ("per-reden", "Per reden"), ("per-ro", "Per RO"), ("wegingskader", "Wegingskader"),
            ("bandprognoses", "Bandprognoses"),
        ].map { "<a href=\"#\($0.0)\">\($0.1)</a>" }
        return "<nav class=\"toc\" aria-label=\"Inhoud\">" + links.joined(separator: " ") + "</nav>"
    }

    /// The agenda: one section per reason, overdue first; on paper each reason starts a new page.
    private func agendaSections() -> [String] {
        var o: [String] = []
        o.append("<section id=\"agenda\" class=\"agenda-intro\"><h2>Agenda: open escalaties</h2>")
        if agenda.isEmpty {
            o.append("<p class=\"empty\">Geen open escalaties.</p></section>")
            return o
        }
        let carried = carriedOver == 0 ? "" : ", waarvan \(carriedOver) uit een eerdere periode"
        o.append(
            "<p>\(h(DutchNumber.count(open.count, "zaak", "zaken"))) ter beslissing\(carried); \(overdue.count) over de termijn. "
                + "Per reden (de hoofdreden van de escalatie), met wat over de termijn is bovenaan.</p>"
        )
        o.append(
            "<ol class=\"agenda-list\">"
                + agenda.map { g in
                    "<li>\(h(g.label)): \(h(DutchNumber.count(g.escalations.count, "zaak", "zaken")))\(g.overdue > 0 ? ", \(g.overdue) over de termijn" : "")</li>"
                }.joined() + "</ol></section>"
        )
        for (n, g) in agenda.enumerated() {
            o.append("<section id=\"agenda-\(h(g.code.rawValue))\" class=\"agenda-group\">")
            o.append("<h2><span class=\"num\">\(n + 1).</span> \(h(g.label))</h2>")
            o.append(
                "<p class=\"note\"><code>\(h(g.code.rawValue))</code> · \(h(DutchNumber.count(g.escalations.count, "zaak", "zaken")))"
                    + (g.overdue > 0 ? " · <strong>\(g.overdue) over de termijn</strong>" : " · niets over de termijn") + "</p>"
            )
            o.append(
                "<table><thead><tr><th>Nr.</th><th>Zaak</th><th>Soort</th><th>Voorlopig bij</th><th>Beste match</th><th>Gemeld</th><th>Termijn</th><th>Toelichting</th></tr></thead><tbody>"
            )
            for e in g.escalations {
                // The primary reason's details first, then each further reason under its label.
                let why =
                    e.reasons.filter { $0.code == e.reason }.map { h($0.detail) }
                    + e.reasons.filter { $0.code != e.reason }.map { "<span class=\"also\">Ook: \(h($0.label))</span><br>\(h($0.detail))" }
                o.append(
                    "<tr\(e.overdue ? " class=\"late\"" : "")><td>\(e.id)</td><td><code>\(h(e.caseId))</code></td><td>\(h(e.kind.map(Self.kindName) ?? "–"))</td>"
                        + "<td>\(h(e.provisionalRO?.displayName ?? "wacht"))</td><td>\(h(e.bestFit?.displayName ?? "–"))</td><td class=\"d\">\(h(Self.short(e.day)))</td>"
                        + "<td class=\"d\">\(h(Self.short(e.deadline)))\(e.overdue ? "<br><span class=\"tag late\">\(DutchNumber.count(e.workingDaysOverdue, "werkdag", "werkdagen")) te laat</span>" : "")</td>"
                        + "<td class=\"why\">\(why.joined(separator: "<br>"))</td></tr>"
                )
            }
            o.append("</tbody></table></section>")
        }
        return o
    }

    /// The decisions on the period's escalations, after the agenda.
    private func decisionSection() -> [String] {
        var o: [String] = []
        o.append("<section id=\"besluiten\"><h2>Besluiten</h2>")
        if decisions.isEmpty {
            o.append("<p class=\"empty\">Geen besluiten over escalaties uit deze periode.</p>")
        } else {
            o.append(
                "<p class=\"note\">Doorlooptijd in kalenderdagen van escalatie tot besluit; \(leadTime.withinDeadline) van \(leadTime.decisions) besluiten binnen de termijn.</p>"
            )
            o.append(
                "<table><thead><tr><th>Nr.</th><th>Zaak</th><th>Reden</th><th>Besluit</th><th>Van → naar</th><th class=\"n\">Dagen</th><th>Door</th><th>Datum</th><th>Motivering</th></tr></thead><tbody>"
            )
            for d in decisions {
                let move = d.decision.action == "move"
                o.append(
                    "<tr><td>\(d.escalationId)</td><td><code>\(h(d.caseId))</code></td><td>\(h(d.reason.label))</td>"
                        + "<td><span class=\"tag \(move ? "move" : "ok")\">\(move ? "verplaatst" : "bevestigd")</span></td>"
                        + "<td>\(h(d.decision.roBefore?.displayName ?? "–")) → <strong>\(h(d.decision.roAfter.displayName))</strong></td>"
                        + "<td class=\"n\">\(d.decision.days)</td><td>\(h(d.decision.decidedBy))</td><td>\(h(String(d.decision.decidedAt.prefix(10))))</td>"
                        + "<td class=\"why\">\(h(d.decision.rationale))</td></tr>"
                )
            }
            o.append("</tbody></table>")
        }
        o.append("</section>")

        return o
    }

    private func card(_ value: String, _ label: String, _ sub: String? = nil, alert: Bool = false) -> String {
        "<div class=\"card\(alert ? " alert" : "")\"><div class=\"v\">\(h(value))</div><div class=\"l\">\(h(label))</div>\(sub.map { "<div class=\"s\">\(h($0))</div>" } ?? "")</div>"
    }

    private func h(_ s: String) -> String { Self.escape(s) }

    public static func escape(_ s: String) -> String { HTML.escape(s) }

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

    static let css = """
        :root{--ink:#1d2a36;--muted:#5b6b7a;--line:#dde3ea;--bg:#f5f7fa;--accent:#1f5f8b;--warn:#b3261e;--ok:#2e7d32;--move:#8a5a00}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 "Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
        main{max-width:1120px;margin:0 auto;padding:28px 32px 48px}
        header{border-bottom:3px solid var(--accent);margin-bottom:20px;padding-bottom:12px}
        .kicker{margin:0;color:var(--accent);font-weight:600;letter-spacing:.04em;text-transform:uppercase;font-size:13px}
        h1{margin:4px 0 4px;font-size:30px}
        .sub{margin:0;color:var(--muted)}
        h2{font-size:20px;margin:0 0 8px;color:var(--accent)}
        section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 18px}
        section.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;background:none;border:0;padding:0}
        .card{background:#fff;border:1px solid var(--line);border-left:5px solid var(--accent);border-radius:10px;padding:12px 16px}
        .card.alert{border-left-color:var(--warn)}
        .card .v{font-size:30px;font-weight:700;line-height:1.1}
        .card .l{font-weight:600}
        .card .s{color:var(--muted);font-size:14px}
        .note{color:var(--muted);font-size:14px;margin:0 0 10px}
        .empty{color:var(--muted);font-style:italic;margin:4px 0}
        table{width:100%;border-collapse:collapse;font-size:14.5px}
        th,td{text-align:left;padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:top}
        thead th{background:#eef2f6;font-weight:600;font-size:13.5px}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.bar,th.bar{width:16%}
        td.bar span{display:block;height:12px;margin-top:5px;background:var(--accent);border-radius:6px;min-width:2px}
        tr.dim td{color:#9aa7b3}
        tr.hot td{background:#fff8e6}
        tr.late td{background:#fdecea}
        td.why{color:#33414e;max-width:420px;min-width:240px}
        td code{white-space:nowrap}
        code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px;color:#37474f}
        .tag{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12.5px;font-weight:600;white-space:nowrap}
        .tag.ok{background:#e6f4ea;color:var(--ok)}
        .tag.move{background:#fff1d6;color:var(--move)}
        .tag.late{background:var(--warn);color:#fff}
        footer{color:var(--muted);font-size:13px;margin-top:8px}
        nav.toc{display:flex;flex-wrap:wrap;gap:6px 8px;margin:0 0 18px}
        nav.toc a{background:#fff;border:1px solid var(--line);border-radius:14px;padding:3px 12px;color:var(--accent);text-decoration:none;font-size:14px}
        nav.toc a:hover{border-color:var(--accent)}
        .agenda-intro p{margin:0 0 8px}
        td.d{white-space:nowrap}
        .agenda-list{margin:0;padding-left:22px}
        .agenda-group h2 .num{color:var(--muted)}
        .also{display:inline-block;margin-top:4px;color:var(--move);font-weight:600}
        @page{size:A4;margin:14mm 12mm 16mm}
        @media print{
          body{background:#fff;font-size:10pt;line-height:1.35}
          main{max-width:none;padding:0}
          nav.toc{display:none}
          header{margin-bottom:10pt}
          h1{font-size:18pt}
          h2{font-size:13pt;break-after:avoid}
          section{background:none;border:0;border-radius:0;padding:0;margin:0 0 12pt}
          section.cards{gap:6pt}
          .card{padding:6pt 8pt;break-inside:avoid}
          .card .v{font-size:16pt}
          .card .s,.note{font-size:8.5pt}
          .agenda-group{break-before:page}
          #besluiten,#per-reden{break-before:page}
          table{font-size:8.5pt}
          thead{display:table-header-group}
          tr{break-inside:avoid}
          th,td{padding:3pt 4pt}
          td.why{min-width:0;max-width:none}
          td.bar span,tr.late td,.tag,.card{-webkit-print-color-adjust:exact;print-color-adjust:exact}
          code{font-size:8pt}
          a{color:inherit;text-decoration:none}
          footer{font-size:8pt}
        }
        """
}
