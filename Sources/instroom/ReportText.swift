import Foundation
import InstroomDomain
import Ledger
import Review
import Triage
import Wegingskader

/// Terminal rendering of reports: fixed-width tables, Dutch labels where staff read them.
enum ReportText {
    static func allocation(_ r: AllocationReport) -> String {
        var out: [String] = []
        out.append("Verdeling \(r.date) — status \(r.status)\(r.unchanged ? " (al eerder verdeeld; niets gewijzigd)" : "")")
        out.append("Wegingskader \(r.ruleSet.version) (\(r.ruleSet.hash.prefix(12)))")
        if let s = r.solver {
            out.append(
                "Solver: \(s.status), \(DutchNumber.decimal(s.seconds, digits: 3)) s, gap \(s.gap.map { DutchNumber.percent($0, upTo: 2) } ?? "-"), "
                    + "\(DutchNumber.count(s.nodes, "knoop", "knopen")), \(DutchNumber.count(s.classes, "klasse", "klassen")), "
                    + "\(DutchNumber.count(s.columns, "kolom", "kolommen")), \(DutchNumber.count(s.rows, "rij", "rijen"))"
            )
        }
        out.append("")
        out.append(
            table(
                header: ["Zaak", "Soort", "RO", "Beste", "SVG", "RN", "LJ&R", "Status"],
                rows: r.assignments.map { l in
                    [
                        l.caseId, l.kind.rawValue, l.ro.displayName, TieDecision.label(l.bestFits ?? [l.bestFit]),
                        String(l.scores["SVG"] ?? 0), String(l.scores["RN"] ?? 0), String(l.scores["LJR"] ?? 0),
                        l.final ? "definitief" : "voorlopig",
                    ]
                }
            )
        )
        if !r.waiting.isEmpty { out.append("\nWachtend (geen capaciteit): \(r.waiting.joined(separator: ", "))") }
        let commissie = r.escalations.filter { $0.queue == .commissie }
        if !commissie.isEmpty {
            out.append("\nNaar de begeleidingscommissie (\(commissie.count), voorlopig toegewezen):")
            for e in commissie { out.append("  \(e.caseId): \(e.label). \(e.detail)") }
        }
        let triage = r.escalations.filter { $0.queue == .triage }
        if !triage.isEmpty {
            out.append(
                "\nTriagereview: \(DutchNumber.count(triage.count, "zaak", "zaken")) (bij een onbeheerde verdeling akkoord zoals voorgesteld)."
            )
        }
        let counted = r.escalations.filter { $0.queue == nil }
        if !counted.isEmpty {
            let byReason = Dictionary(grouping: counted.flatMap(\.reasons), by: \.code).sorted { $0.key < $1.key }
            out.append(
                "Alleen geteld (op geen lijst): "
                    + byReason.map { "\($0.key.label.lowercased()) \($0.value.count)" }.joined(separator: ", ") + "."
            )
        }
        out.append("\nAandelen in de periode na deze verdeling:")
        out.append(
            table(
                header: ["RO", "Aandeel", "Band", "Binnen band", "Punten", "Capaciteit gebruikt"],
                rows: RO.allCases.compactMap { ro in
                    guard let s = r.shares[ro.rawValue] else { return nil }
                    return [
                        ro.displayName, DutchNumber.percent(s.share), s.band.label + " (\(s.band.mode.rawValue))",
                        s.withinBand ? "ja" : "nee",
                        number(s.weight), "\(number(s.capacityUsed)) / \(number(s.capacity))",
                    ]
                }
            )
        )
        let assigned = r.assignments.count
        let best = r.assignments.filter { $0.ro == $0.bestFit }.count
        out.append(
            "\n\(assigned) toegewezen (\(best) bij de best passende RO), \(r.waiting.count) wachtend, \(r.escalations.count) geëscaleerd; doelfunctie \(r.objective.map(number) ?? "-")"
        )
        return out.joined(separator: "\n")
    }

    /// A day's proposal under review: the review list with the state of each item, the commissie list,
    /// the deviations, and what confirmation needs.
    static func proposal(_ p: DayProposal) -> String {
        var out: [String] = []
        out.append("Voorstel \(p.day) — nog niet definitief (bevestigen: instroom confirm --date \(p.day) --by NAAM)")
        out.append("")
        out.append(
            table(
                header: ["Zaak", "Soort", "RO", "Beste", "SVG", "RN", "LJ&R"],
                rows: p.report.assignments.map { l in
                    [
                        l.caseId, l.kind.rawValue, l.ro.displayName, TieDecision.label(l.bestFits ?? [l.bestFit]),
                        String(l.scores["SVG"] ?? 0), String(l.scores["RN"] ?? 0), String(l.scores["LJR"] ?? 0),
                    ]
                }
            )
        )
        if !p.report.waiting.isEmpty { out.append("\nWachtend (geen capaciteit): \(p.report.waiting.joined(separator: ", "))") }
        func state(_ item: DayProposal.Item) -> String {
            switch item.state {
            case .open: "open"
            case .accepted: "akkoord (\(item.by ?? "-"))"
            case .overridden: "afgeweken (\(item.by ?? "-")): \(item.note ?? "")"
            case .contested: "betwist (\(item.by ?? "-")): \(item.note ?? "")"
            }
        }
        out.append("\nTriagereview (\(p.review.count); open \(p.open.count)):")
        for item in p.review {
            let reasons = item.reasons.map { "\($0.label): \($0.detail)" }.joined(separator: " ")
            out.append("  \(item.caseId) → \(item.ro?.displayName ?? "wacht") [\(state(item))] \(reasons)")
        }
        out.append("\nNaar de begeleidingscommissie bij bevestiging (\(p.commissie.count)):")
        for item in p.commissie {
            let reasons = item.reasons.map { "\($0.label): \($0.detail)" }.joined(separator: " ")
            out.append("  \(item.caseId) → \(item.ro?.displayName ?? "wacht") [\(state(item))] \(reasons)")
        }
        if !p.overrides.isEmpty {
            out.append("\nGemotiveerd afgeweken:")
            for (id, o) in p.overrides.sorted(by: { $0.key < $1.key }) {
                out.append(
                    "  \(id): \(o.proposedRO?.displayName ?? "-") → \(o.ro.displayName), \(o.costInDutch); \(o.by): \(o.reason)"
                )
            }
        }
        return out.joined(separator: "\n")
    }

    static func scores(_ scored: [ScoredCase], rules: RuleSet) -> String {
        var out = ["Wegingskader \(rules.version) (\(rules.shortHash))", ""]
        for s in scored {
            let flags = s.score.flags.map(\.label).joined(separator: "; ")
            out.append(
                "\(s.intake.id) (\(s.intake.kind.rawValue)): beste match \(s.score.bestFit.displayName)"
                    + (s.score.isNearTie ? ", bijna gelijk" : "") + (s.score.isUnfit ? ", geen goede match" : "")
                    + (flags.isEmpty ? "" : " — \(flags)")
            )
            for ro in RO.allCases {
                out.append(
                    "  \(ro.displayName.padding(toLength: 5, withPad: " ", startingAt: 0)) \(String(s.score.scores[ro] ?? 0).leftPad(3)): "
                        + s.score.reasons(for: ro).joined(separator: "; ")
                )
            }
        }
        return out.joined(separator: "\n")
    }

    /// Points and objective values: whole numbers plain, others with up to two decimals.
    static func number(_ x: Double) -> String { DutchNumber.decimal(x, upTo: 2) }

    static func table(header: [String], rows: [[String]]) -> String {
        let rows = rows.map { $0.map { TerminalText.clean($0) } }
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
