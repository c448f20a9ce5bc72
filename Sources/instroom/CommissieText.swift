import Foundation
import InstroomDomain
import Ledger
import Triage
import Wegingskader

/// Terminal rendering of the commissie's lists, dossiers and audit trail (Dutch, as staff read them).
enum CommissieText {
    static func list(_ l: Commissie.EscalationList) -> String {
        var out: [String] = []
        let what = l.overdueOnly ? "over de termijn op \(l.date)" : (l.openOnly ? "open" : "alle")
        out.append("Escalaties (\(([what] + filter(l.filter)).joined(separator: "; "))): \(l.escalations.count)")
        if !l.escalations.isEmpty {
            out.append(
                ReportText.table(
                    header: ["Nr", "Zaak", "Reden", "Voorlopig", "Nu", "Status", "Dag", "Termijn", "Besluit"],
                    rows: l.escalations.map { e in
                        [
                            String(e.id), e.caseId, reasons(e), e.provisionalRO?.displayName ?? "wacht",
                            e.currentRO.map { "\($0.displayName)\(e.final ? " (def.)" : "")" } ?? "-",
                            e.status == "open"
                                ? (e.overdue ? "TE LAAT (\(e.workingDaysOverdue) wd)" : "open")
                                : (e.status == "decided" ? "besloten" : "opgelost"),
                            e.day, e.deadline,
                            e.decision.map { "\($0.action == "move" ? "verplaatst" : "bevestigd") door \($0.decidedBy)" } ?? "",
                        ]
                    }
                )
            )
        }
        if !l.bandAlerts.isEmpty {
            out.append("\nBandprognoses (\(l.bandAlerts.count)):")
            out.append(
                ReportText.table(
                    header: ["Ref", "RO", "Dag", "Aandeel", "Prognose", "Band", "Status", "Termijn"],
                    rows: l.bandAlerts.map { a in
                        [
                            a.ref, a.ro.displayName, a.day, DutchNumber.percent(a.share), DutchNumber.percent(a.projectedShare),
                            a.band.label,
                            a.status == "open" ? (a.overdue ? "TE LAAT" : "open") : a.status, a.deadline,
                        ]
                    }
                )
            )
        }
        return out.joined(separator: "\n")
    }

    /// The primary reason's Dutch label, and the codes of any further reasons.
    static func reasons(_ e: Commissie.EscalationView) -> String {
        let others = e.reasons.map(\.code).filter { $0 != e.reason }
        return e.label + (others.isEmpty ? "" : " (+ \(others.map(\.rawValue).joined(separator: ", ")))")
    }

    /// The filter in Dutch words, one part per criterion given.
    static func filter(_ f: Commissie.Filter) -> [String] {
        var parts: [String] = []
        if !f.reasons.isEmpty { parts.append("reden " + f.reasons.map(\.rawValue).joined(separator: " of ")) }
        if let ro = f.ro { parts.append("voorlopig bij \(ro.displayName)") }
        if let day = f.day { parts.append("gemeld op \(day)") }
        if let from = f.from { parts.append("gemeld vanaf \(from)") }
        if let to = f.to { parts.append("gemeld t/m \(to)") }
        return parts
    }

    /// What `decide` did: one line per decision, under a heading when the commissie decided several at once.
    static func decisions(_ decisions: [DecisionRecord], meeting: Day?) -> String {
        let lines = decisions.map { d in
            let what =
                d.action == .move
                ? "verplaatst van \(d.roBefore?.displayName ?? "-") naar \(d.roAfter.displayName)"
                : "bevestigd bij \(d.roAfter.displayName)"
            return "Escalatie \(d.escalationId): zaak \(d.caseId) \(what); definitief. Besluit \(d.id ?? 0)"
        }
        let by = decisions.first?.decidedBy ?? "-"
        let when = meeting.map { " (vergadering van \($0))" } ?? ""
        if lines.count == 1 { return "\(lines[0]) door \(by)\(when)." }
        return (["\(DutchNumber.count(decisions.count, "escalatie", "escalaties")) besloten door \(by)\(when):"] + lines.map { "  \($0)" })
            .joined(separator: "\n")
    }

    static func dossier(_ d: Commissie.Dossier) -> String {
        var out: [String] = []
        if let a = d.bandAlert {
            out.append("Bandprognose \(a.ref) — \(a.label)")
            out.append(
                "RO \(a.ro.displayName), \(a.day), periode \(a.periodStart) t/m \(a.periodEnd); status \(a.status), termijn \(a.deadline)\(a.overdue ? " (TE LAAT)" : "")"
            )
            out.append(a.detail)
        }
        if let e = d.escalation {
            out.append("Escalatie \(e.id) — zaak \(e.caseId)\(e.kind.map { " (\($0.rawValue))" } ?? "")")
            out.append(
                "Gemeld \(e.day) door \(e.raisedBy); termijn \(e.deadline); status \(e.status)\(e.overdue ? " — TE LAAT (\(DutchNumber.count(e.workingDaysOverdue, "werkdag", "werkdagen")))" : "")"
            )
            out.append(
                "Voorlopig bij \(e.provisionalRO?.displayName ?? "geen RO (wacht op capaciteit)"); nu bij \(e.currentRO?.displayName ?? "-")\(e.final ? " (definitief)" : "")"
            )
            out.append("\nRedenen:")
            for r in e.reasons { out.append("  - \(r.label) [\(r.code.rawValue)]: \(r.detail)") }
            if let decision = e.decision {
                out.append(
                    "\nBesluit \(decision.id): \(decision.action == "move" ? "verplaatst" : "bevestigd") \(decision.roBefore?.displayName ?? "-") → \(decision.roAfter.displayName), door \(decision.decidedBy) op \(decision.decidedAt.prefix(10)) (\(DutchNumber.count(decision.days, "dag", "dagen"))). Motivering: \(decision.rationale)"
                )
            }
        }
        if let f = d.facts {
            out.append("\nFeiten:")
            var facts: [(String, String)] = [("soort", f.kind.rawValue), ("binnengekomen", f.received.description)]
            if let deadline = f.deadline { facts.append(("deadline", deadline.description)) }
            facts.append(("delict", f.offences.map(\.rawValue).joined(separator: ", ")))
            facts.append(("problematiek", f.problems.map(\.rawValue).joined(separator: ", ")))
            facts.append(("interventie", f.interventions.map(\.rawValue).joined(separator: ", ")))
            facts.append(("SCIL", f.scil.rawValue + (f.scilDate.map { " (\($0))" } ?? "")))
            facts.append(("RISc", f.risc.rawValue + (f.riscDate.map { " (\($0))" } ?? "")))
            if let region = f.region { facts.append(("regio", region)) }
            if let relation = f.relation { facts.append(("bestaande relatie", relation.displayName)) }
            if let intensity = f.intensity { facts.append(("intensiteit", intensity.rawValue)) }
            if let age = f.age { facts.append(("leeftijd", String(age))) }
            for (k, v) in facts where !v.isEmpty { out.append("  \(k.padding(toLength: 18, withPad: " ", startingAt: 0)) \(v)") }
        }
        if let scores = d.scores {
            out.append(
                "\nScores (wegingskader \(d.ruleVersion ?? "?") \(d.ruleHash.map { String($0.prefix(12)) } ?? "")); beste match \(d.bestFit?.displayName ?? "-"):"
            )
            for ro in RO.allCases {
                out.append(
                    "  \(ro.displayName.padding(toLength: 5, withPad: " ", startingAt: 0)) \(String(scores[ro.rawValue] ?? 0).leftPad(3))"
                )
                for reason in d.explanations?[ro.rawValue] ?? [] { out.append("        \(reason)") }
            }
            if let flags = d.flags, !flags.isEmpty { out.append("  Gegevenskwaliteit: " + flags.map(\.label).joined(separator: "; ")) }
        }
        if let s = d.sharesAtEscalation {
            out.append("\nAandelen en banden bij escalatie (periode \(s.periodStart) t/m \(s.periodEnd)):")
            out.append(
                ReportText.table(
                    header: ["RO", "Aandeel", "Band", "Binnen band", "Punten"],
                    rows: RO.allCases.compactMap { ro in
                        s.shares[ro.rawValue].map {
                            [
                                ro.displayName, DutchNumber.percent($0.share), "\($0.band.label) (\($0.band.mode.rawValue))",
                                $0.withinBand ? "ja" : "nee", ReportText.number($0.weight),
                            ]
                        }
                    }
                )
            )
        }
        if !d.history.isEmpty {
            out.append("\nToewijzingen:")
            for a in d.history {
                out.append(
                    "  rev. \(a.revision): \(a.ro.displayName) \(a.final ? "definitief" : "voorlopig") (\(a.source), \(a.createdAt))"
                )
            }
        }
        if !d.audit.isEmpty {
            out.append("\nAudit:")
            for a in d.audit { out.append("  \(a.at)  \(a.actor)  \(a.action.rawValue): \(a.detail)") }
        }
        return out.joined(separator: "\n")
    }

    static func audit(_ t: Commissie.AuditTrail) -> String {
        var out = ["Audit\(t.caseId.map { " voor zaak \($0)" } ?? ""): \(t.entries.count) regels"]
        out.append(
            ReportText.table(
                header: ["Nr", "Tijdstip", "Wie", "Actie", "Zaak", "Run", "Omschrijving"],
                rows: t.entries.map { a in
                    [String(a.id ?? 0), a.at, a.actor, a.action.rawValue, a.caseId ?? "", a.runId.map(String.init) ?? "", a.detail]
                }
            )
        )
        return out.joined(separator: "\n")
    }
}
